#!/usr/bin/env bash
# Installs what is missing, then builds the static site into dist/ and the single offline
# file dist/parallax.html. PARALLAX_CORPUS=DIR builds for another folder of .txt articles.
# Extra arguments go to trunk (e.g. --public-url /repo/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --offline "$@"
cargo run --release --quiet --bin parallax -- offline dist
