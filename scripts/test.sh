#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build with tests, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
(cd build && ctest --output-on-failure -j "$(nproc)")
# The engine and the CLI again under AddressSanitizer + UndefinedBehaviorSanitizer, and every fuzz
# target's corpus replayed and fuzzed for a short while (docs/fuzzing.md).
scripts/check_sanitized.sh
