#!/usr/bin/env bash
# Times adding articles in the browser (issue 6): the 25 articles of the workplace's dev corpus,
# then the first 500 and the first 5,000 of its scale corpus, through #/add in headless Chromium on the seeds
# release build (dist/, made by scripts/build.sh). Prints time to analysed and searchable and
# memory. Needs ../shared/corpora.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=../shared/corpora
[ -d "$corpora/dev" ] || { echo "needs $corpora (the workplace's corpora)"; exit 1; }
source scripts/env.sh
[ -f dist/index.html ] || bash scripts/build.sh
# The first N articles (by name) of the scale corpus, in target/scale-N.
first() {
  local dir=target/scale-$1
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    tar -xJf "$corpora/scale-20k.tar.xz" -C "$dir" --wildcards '*.txt'
    find "$dir" -name '*.txt' | sort | tail -n +$(($1 + 1)) | xargs -r rm
  fi
  echo "$dir"
}
node bench/added.mjs dist "$corpora/dev" "$(first 500)" "$(first 5000)"
