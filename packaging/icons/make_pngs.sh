#!/usr/bin/env bash
# Renders the hicolor PNGs of ShuffleScope's icon from shufflescope.svg (rsvg-convert, from
# Debian's librsvg2-bin, which `scripts/setup.sh test` installs). The PNGs are committed, so a
# build needs neither; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" --output "shufflescope-$size.png" shufflescope.svg
done
