#!/usr/bin/env bash
# Installs what is missing, then serves Parallax at http://127.0.0.1:8080 (Ctrl-C stops).
# PARALLAX_CORPUS=DIR serves a site built from another folder of .txt articles. It builds into
# target/serve-dist, never dist/: Trunk's dev server adds a live-reload client to the page it
# serves, and dist/ is what gets published.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release --offline --dist target/serve-dist "$@"
