#!/usr/bin/env bash
# Benchmark (not a test): builds Parallax for a corpus and runs the workplace's peer harness
# (../shared/bench/peers) with Pagefind, MiniSearch, Lunr and FlexSearch side by side, on
# seeds/ and on the first 2,000 articles of ../shared/corpora/scale-20k.tar.xz.
# usage: bash bench/peers.sh [seeds|2k|20k]...   (default: seeds 2k)
# PEERS_ARGS adds options to the harness (e.g. PEERS_ARGS="--reps 5" for 20k, as its README
# suggests); CARGO_TARGET_DIR keeps a large corpus' build apart from the usual one.
# Results: $PEERS_WORK/results-NAME.{json,md} (PEERS_WORK defaults to /tmp/peers).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=$(cd "${PEERS:-../shared/bench/peers}" && pwd)
export PEERS_WORK=${PEERS_WORK:-/tmp/peers}
SCALE=${SCALE:-$ROOT/../shared/corpora/scale-20k.tar.xz}
bash scripts/setup.sh
source scripts/env.sh
mkdir -p "$PEERS_WORK"

corpus_dir() {
  case $1 in
    seeds) echo "$ROOT/seeds" ;;
    2k | 20k)
      [ -d "$PEERS_WORK/scale" ] || tar -xJf "$SCALE" -C "$PEERS_WORK"
      local n=2000 dir="$PEERS_WORK/scale-$1"
      [ "$1" = 20k ] && n=20000
      if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        find "$PEERS_WORK/scale" -maxdepth 1 -name '*.txt' | sort | head -n "$n" | xargs -I{} cp {} "$dir/"
      fi
      echo "$dir" ;;
    *) echo "unknown corpus $1 (seeds, 2k, 20k)" >&2; exit 2 ;;
  esac
}

for name in "${@:-seeds 2k}"; do
  for one in $name; do
    dir=$(corpus_dir "$one")
    out="$PEERS_WORK/parallax-$one"
    echo "==> building Parallax for $one ($dir)"
    time env PARALLAX_CORPUS="$dir" trunk build --release --offline --dist "$out"
    ls -l "$out"
    echo "==> peers harness on $one"
    (cd "$PEERS" && ./run.sh "$dir" "$one" --mount /parallax/="$out" --extra "$ROOT/bench/peers-engine.json" ${PEERS_ARGS:-})
    echo "==> results: $PEERS_WORK/results-$one.md"
  done
done
