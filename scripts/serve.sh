#!/usr/bin/env bash
# Installs what is missing, then serves Parallax at http://127.0.0.1:8080 (Ctrl-C stops).
# PARALLAX_CORPUS=DIR serves a site built from another folder of .txt articles. It builds into
# target/serve-dist, never dist/, and serves the page as published: without Trunk's live-reload
# client, which no Content-Security-Policy could allow (plain `trunk serve` has it, and no policy).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
exec trunk serve --release --offline --no-autoreload --dist target/serve-dist "$@"
