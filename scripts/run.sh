#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and run the main job on a bundled sample:
# the per-step table of the default model (ImageNet geometry, g = 3) and its prediction.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
build/app/shufflescope-cli summary
echo
build/app/shufflescope-cli run --input assets/samples/raccoon.png
