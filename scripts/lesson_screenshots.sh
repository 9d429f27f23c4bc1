#!/usr/bin/env bash
# Every step of every bundled lesson as a student sees it, in one language: each step as it opens
# (STEP.png) and once revealed (STEP-after.png: its action done, its answer shown). For reviewing a
# lesson before class and for slides. Needs a build and Xvfb.
#   scripts/lesson_screenshots.sh OUT_DIR [en|zh_CN] [WxH] [LESSON ...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: $0 OUT_DIR [en|zh_CN] [WxH] [LESSON ...]}
lang=${2:-en}
size=${3:-1600x960}
shift $(( $# < 3 ? $# : 3 ))
app=build/app/shufflescope
cli=build/app/shufflescope-cli
[[ -x $app && -x $cli ]] || { echo "$0: build first (scripts/setup.sh test)" >&2; exit 1; }
mkdir -p "$out"
lessons=("$@")
if ((${#lessons[@]} == 0)); then
    mapfile -t lessons < <("$cli" lesson list --json | python3 -c 'import json,sys; [print(l["name"]) for l in json.load(sys.stdin)]')
fi
for lesson in "${lessons[@]}"; do
    steps=$("$cli" lesson list --json | python3 -c "import json,sys; print(next(l['steps'] for l in json.load(sys.stdin) if l['name']=='$lesson'))")
    for ((step = 1; step <= steps; ++step)); do
        for phase in open after; do
            reveal=()
            name=$(printf '%s/%s-%02d' "$out" "$lesson" "$step")
            [[ $phase == after ]] && { reveal=(--lesson-reveal); name+=-after; }
            tests/with_display.sh "$app" --size "$size" --lang "$lang" --lesson "$lesson" \
                --lesson-step "$step" "${reveal[@]}" --screenshot "$name.png"
        done
    done
    echo "wrote $out/$lesson-*.png ($steps steps)"
done
