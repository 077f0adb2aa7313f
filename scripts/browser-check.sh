#!/usr/bin/env bash
# Loads HTML handouts in headless Chromium (Debian package `chromium`, installed if missing)
# and checks they render with no console errors and print on at most two pages.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
cargo test --locked --test cli -- browser
