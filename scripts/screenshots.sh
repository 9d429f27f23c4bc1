#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/) with the app's --screenshot mode on a
# private virtual display: 1600x960, the projector ones 1920x1080 and 1280x720. Needs a build (scripts/setup.sh test) and Xvfb.
# train.png trains g = 3 with the shuffle on, then off, for 2 epochs of 3,000 images: a few
# minutes. Usage: scripts/screenshots.sh [NAME ...]   (default: all; NAME as in the list below)
set -euo pipefail
cd "$(dirname "$0")/.."
app=build/app/shufflescope
out=docs/screenshots
[[ -x $app ]] || { echo "$0: $app is missing; build first (scripts/setup.sh test)" >&2; exit 1; }

declare -A shots=(
    [grouped-conv]="--preset imagenet --groups 3 --step stages.0.1.pw1 --channel 4"
    [shuffle]="--preset fashion --groups 8 --step stages.1.1.shuffle"
    [channel-flow]="--preset imagenet --groups 8 --no-shuffle --step stages.1.3.relu --channel 100 --view flow"
    [compare]="--preset imagenet --groups 3 --step stages.1.3.relu --compare shuffle"
    [projector-dark]="--preset fashion --groups 3 --step stages.1.1.shuffle --theme dark --font-scale 1.8 --size 1920x1080"
    [projector-720]="--preset fashion --groups 8 --step stages.1.1.pw2 --font-scale 1.8 --size 1280x720"
    [presenter]="--preset fashion --groups 8 --no-shuffle --step stages.1.1.pw1 --presenter --size 1280x720"
    [chinese]="--preset imagenet --groups 8 --step stages.0.1.pw1 --lang zh_CN"
    [train]="--preset fashion --view train --train 2 --train-images 3000 --train-compare --groups 3"
    [lesson]="--lesson boundary-effect --lesson-step 3 --lesson-reveal"
    [lesson-presenter]="--lesson channel-shuffle --lesson-step 3 --presenter --size 1280x720"
    [lesson-chinese]="--lesson boundary-effect --lesson-step 3 --lang zh_CN --font-scale 1.4 --size 1280x720"
    # An animated GIF (export for slides), not a screenshot: the shuffle at g = 8.
    [shuffle-gif]="--preset fashion --groups 8 --step stages.1.1.shuffle --gif-size 640x360 --gif-fps 8"
)
names=("$@")
((${#names[@]})) || names=(grouped-conv shuffle channel-flow compare projector-dark projector-720 presenter
                           chinese train lesson lesson-presenter lesson-chinese shuffle-gif)
for name in "${names[@]}"; do
    [[ -n ${shots[$name]:-} ]] || { echo "$0: no screenshot called '$name'" >&2; exit 2; }
    size=--size=1600x960
    [[ ${shots[$name]} == *--size* ]] && size=
    if [[ $name == *-gif ]]; then
        # shellcheck disable=SC2086  # the flags are meant to split
        tests/with_display.sh "$app" ${shots[$name]} --export-gif "$out/${name%-gif}.gif"
        echo "wrote $out/${name%-gif}.gif"
        continue
    fi
    # shellcheck disable=SC2086  # the flags are meant to split
    tests/with_display.sh "$app" $size ${shots[$name]} --screenshot "$out/$name.png"
    echo "wrote $out/$name.png"
done
