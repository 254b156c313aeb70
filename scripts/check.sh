#!/usr/bin/env bash
# What CI runs: run it before pushing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test --release
