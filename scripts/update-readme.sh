#!/usr/bin/env bash
# Regenerates every example block of README.md from the binary's real output (the blocks
# after `<!-- example: ARGS -->` markers). tests/cli/readme.rs checks they are current.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_README=1 cargo test --locked --test cli -- readme::the_readme_examples_are_what_the_binary_prints
