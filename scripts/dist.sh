#!/usr/bin/env bash
# Builds the binary we distribute: linked statically, as ripgrep's releases are, so it runs
# on any x86_64 Linux without the system's C library, and starts without the dynamic
# loader (about a quarter of a report's instructions in a dynamic build). `cargo install
# --path .` and `cargo run` keep the ordinary dynamic build.
#
# usage: scripts/dist.sh   → dist/ai-exposure-VERSION-x86_64-unknown-linux-gnu
set -euo pipefail
cd "$(dirname "$0")/.."
target="${AI_EXPOSURE_TARGET:-x86_64-unknown-linux-gnu}"
# crt-static with an explicit --target applies to the binary only, not to build scripts
# and proc-macros, which must stay dynamic.
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" \
    cargo build --release --locked --target "$target"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
mkdir -p dist
out="dist/ai-exposure-$version-$target"
cp "target/$target/release/ai-exposure" "$out"
if command -v file >/dev/null; then
    file "$out" >&2
fi
echo "$out"
