#!/usr/bin/env bash
# Fuzzes every parser of outside input (crates/fuzz): coverage-guided, with libFuzzer through
# cargo fuzz on stable Rust (`-s none`: no sanitizer, which needs nightly; the core has no
# unsafe code). Each target starts from its seed folders and keeps what it finds in
# target/fuzz-corpus/TARGET, then every input of that corpus is timed by `replay` (one over 100×
# the median time per byte is a finding).
#   bash scripts/fuzz.sh [RUNS] [TARGET...]   RUNS per target (default 20000, the short run of
#                                             scripts/test.sh); the long runs use 10000000
# FUZZ_SEED (default 1) makes a run repeatable; FUZZ_SEED=0 draws a new one (long runs).
# FUZZ_MAX_TIME (seconds) also ends each target's run after that long (`-runs` or the time,
# whichever comes first), for runs of "10 million inputs or an hour".
# FUZZ_TARGET_DIR builds elsewhere than crates/fuzz/fuzz/target (two runs side by side).
# A crash leaves its input in crates/fuzz/fuzz/artifacts/TARGET/: copy it to
# crates/fuzz/regressions/TARGET/ once fixed, and the ordinary tests replay it for ever.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
RUNS=${1:-20000}
shift || true
ROOT=$PWD
cargo build --release --quiet -p parallax-fuzz --bin replay
REPLAY=$ROOT/target/release/replay
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(ingest read decode html markdown query metadata import bundle)
cd crates/fuzz
dir_args=()
[ -n "${FUZZ_TARGET_DIR:-}" ] && dir_args=(--target-dir "$FUZZ_TARGET_DIR")
cargo fuzz build -s none --release "${dir_args[@]}"
status=0
for t in "${TARGETS[@]}"; do
  corpus=$ROOT/target/fuzz-corpus/$t
  mkdir -p "$corpus"
  seeds=()
  while read -r d; do [ -d "$ROOT/$d" ] && seeds+=("$ROOT/$d"); done < <("$REPLAY" --seed-dirs "$t")
  started=$SECONDS
  if ! cargo fuzz run -s none --release "${dir_args[@]}" "$t" "$corpus" "${seeds[@]}" -- \
      -runs="$RUNS" ${FUZZ_MAX_TIME:+-max_total_time="$FUZZ_MAX_TIME"} -seed="${FUZZ_SEED:-1}" -max_len=16384 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
      >"$ROOT/target/fuzz-$t.log" 2>&1; then
    echo "FINDING in $t (log: target/fuzz-$t.log, input in crates/fuzz/fuzz/artifacts/$t/)"
    tail -30 "$ROOT/target/fuzz-$t.log"
    status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$ROOT/target/fuzz-$t.log" | tail -1)
  echo "$t: ${execs:-?} inputs in $((SECONDS - started)) s, corpus $(ls "$corpus" | wc -l) files"
  "$REPLAY" "$t" "$corpus" || status=1
done
exit $status
