#!/usr/bin/env bash
# Installs what Parallax needs beyond rustup, cargo and node, at pinned versions. Idempotent:
# each tool is installed only when missing or at another version.
#   trunk 0.21.14 · wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock · cargo-fuzz 0.13.2 ·
#   binaryen 132 and playwright-core (package-lock.json) · Debian's chromium + chromium-driver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# cargo fuzz runs libFuzzer on stable Rust (`-s none`); it builds libFuzzer with a C++ compiler.
if ! command -v c++ >/dev/null; then
  say "installing Debian's g++ (libFuzzer is C++)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y g++
fi
if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ_VERSION\$"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: one of its locked dependencies is no longer in the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node tools (binaryen 132, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

# PARALLAX_NO_BROWSER=1 skips the browser, for machines that only build (GitHub Actions).
if [ -z "${PARALLAX_NO_BROWSER:-}" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
