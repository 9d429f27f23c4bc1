#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and open the desktop app on a bundled
# sample. Extra arguments go to the app (e.g. --groups 8, --font-scale 1.8 for a projector).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "No display: showing the command-line tool on the bundled sample instead of the window."
    build/app/shufflescope-cli summary
    echo
    exec build/app/shufflescope-cli run --input assets/samples/raccoon.png
fi
exec build/app/shufflescope "$@"
