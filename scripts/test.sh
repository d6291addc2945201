#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (native and
# wasm32), native tests, a short run of every fuzz target, wasm tests (core in Node, components in headless Chromium), the release
# build and offline file, and the end-to-end tests of all three delivery forms in headless
# Chromium. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh

LOG=$(mktemp -d)
failed_gates=0
serve_pid=""
cleanup() { [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$LOG"; }
trap cleanup EXIT

# step NAME COMMAND...: runs a gate, keeps its output for the summary, records failure.
step() {
  local name=$1; shift
  local started=$SECONDS
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if ! "$@" 2>&1 | tee "$LOG/$(echo "$name" | tr -c 'a-z0-9' _).log"; then
    printf '\033[31mFAILED: %s\033[0m\n' "$name"
    failed_gates=$((failed_gates + 1))
  fi
  timings+=("$(printf '%5ds  %s' $((SECONDS - started)) "$name")")
}
timings=()

step "cargo fmt" cargo fmt --all --check
step "clippy native" cargo clippy --workspace --all-targets -- -D warnings
step "clippy wasm32" cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --workspace
step "fuzzing: a short run of every target" bash scripts/fuzz.sh 20000
step "wasm tests: core in Node" cargo test --target wasm32-unknown-unknown -p parallax-core --test ingest --test bundle
step "wasm tests: components in Chromium" cargo test --target wasm32-unknown-unknown -p parallax-app --test web
step "docs" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
step "release build" trunk build --release --offline
step "offline file" cargo run --release --quiet --bin parallax -- offline dist
# A site built from documents whose text is HTML and script (debug profile: quick to build).
step "hostile corpus build" env PARALLAX_CORPUS=tests/fixtures/hostile trunk build --offline --dist target/hostile-dist
# Its offline file too: a second corpus, to check two offline files keep their articles apart.
step "hostile offline file" cargo run --release --quiet --bin parallax -- offline target/hostile-dist
# The seeds as fragments beside the wasm, cut small (debug profile): how a large corpus ships.
step "fragmented corpus build" env PARALLAX_FRAGMENTS=always PARALLAX_FRAGMENT_BYTES=4000 \
  trunk build --offline --dist target/fragmented-dist
step "fragmented offline file" cargo run --release --quiet --bin parallax -- offline target/fragmented-dist

# The dev server, as a user runs it, on its own port and output folder.
PORT=8181
trunk serve --release --offline --no-autoreload --port "$PORT" --dist target/serve-dist >"$LOG/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 300); do
  node -e "fetch('http://127.0.0.1:$PORT/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 1
done
step "browser tests" env E2E_DIST=dist E2E_DEV_URL="http://127.0.0.1:$PORT/" E2E_HOSTILE_DIST=target/hostile-dist \
  E2E_FRAGMENTED_DIST=target/fragmented-dist node --test tests/e2e/

passed=0
failed=$failed_gates
for f in "$LOG"/*.log; do
  while read -r p q; do passed=$((passed + p)); failed=$((failed + q)); done < <(
    sed -n 's/.*test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$f")
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$f" | tail -1)
  q=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$f" | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${q:-0}))
done
echo
echo "Time per gate:"
printf '  %s\n' "${timings[@]}"
echo "  total ${SECONDS}s"
[ "$failed_gates" -gt 0 ] && echo "$failed_gates gate(s) failed (see FAILED above)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
