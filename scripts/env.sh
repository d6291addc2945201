# Sourced by the scripts: puts the pinned wasm-opt (npm binaryen 132) first on PATH. Debian's
# binaryen (wasm-opt 108) silently breaks the wasm.
PARALLAX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$PARALLAX_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
