#!/usr/bin/env bash
# Times adding articles in the browser (issue 6): the 25 articles of the workplace's dev corpus,
# then the first 500 of its scale corpus, through #/add in headless Chromium on the seeds
# release build (dist/, made by scripts/build.sh). Prints time to analysed and searchable and
# memory. Needs ../shared/corpora.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=../shared/corpora
[ -d "$corpora/dev" ] || { echo "needs $corpora (the workplace's corpora)"; exit 1; }
source scripts/env.sh
[ -f dist/index.html ] || bash scripts/build.sh
scale=target/scale-500
if [ ! -d "$scale" ]; then
  mkdir -p "$scale"
  tar -xJf "$corpora/scale-20k.tar.xz" -C "$scale" --wildcards '*.txt' 2>/dev/null || true
  # Keep the first 500 articles by name.
  find "$scale" -name '*.txt' | sort | tail -n +501 | xargs -r rm
fi
node bench/added.mjs dist "$corpora/dev" "$scale"
