#!/usr/bin/env bash
# Trains the bundled Fashion-MNIST checkpoints: the fashion preset for g = 1..8, shuffle on and off,
# all with the default recipe (see `shufflescope-cli help`) and seed 1, then stores each finished
# run in assets/models/fashion-g<g>-<shuffle|noshuffle>.safetensors (F16 weights, no optimiser
# state, the recipe, history and test accuracy in the metadata).
#
# Resumable: each run keeps a full training checkpoint in $WORK after every epoch; run the script
# again after an interruption and every unfinished run continues from its last finished epoch.
# Runs go two at a time with one thread each, which on a 2-core machine trains more images per
# second than one run on two threads (no synchronisation between the halves of a batch).
#
# Usage: scripts/train_bundled_models.sh [CONFIG ...]     CONFIG is g:shuffle or g:noshuffle
#        (default: all 16, the g = 3 and g = 8 pairs first)
# Environment: WORK (default build/training), LANES (default 2), EPOCHS (default 8),
#              CLI (default build/app/shufflescope-cli), SEED (default 1).
# Another SEED trains the same recipe again for the seed-to-seed spread of the table, e.g.
#   SEED=2 scripts/train_bundled_models.sh 3:shuffle 3:noshuffle
# into build/training/seed-2/ (its exported models in build/training/seed-2/models/, never in
# assets/); `scripts/seed_spread.py build/training/seed-2/models` compares them to assets/.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-1}
[[ $SEED =~ ^[0-9]+$ ]] || { echo "$0: SEED '$SEED' is not a number" >&2; exit 2; }
if [[ $SEED == 1 ]]; then
    WORK=${WORK:-build/training}
    MODELS=assets/models
else
    WORK=${WORK:-build/training/seed-$SEED}
    MODELS=$WORK/models
fi
LANES=${LANES:-2}
EPOCHS=${EPOCHS:-8}
CLI=${CLI:-build/app/shufflescope-cli}
export SEED WORK

train_one() {
    local g=${1%%:*} mode=${1##*:}
    local run="$WORK/fashion-g$g-$mode.safetensors" log="$WORK/fashion-g$g-$mode.log"
    local bundled="$MODELS/fashion-g$g-$mode.safetensors"
    local flags=(--preset fashion --groups "$g")
    [[ $mode == noshuffle ]] && flags+=(--no-shuffle)
    if [[ -f $bundled ]]; then
        echo "g=$g $mode: already bundled ($bundled)"
        return 0
    fi
    if [[ -f $run ]]; then
        "$CLI" train --resume "$run" --threads 1 >>"$log" 2>&1
    else
        "$CLI" train "${flags[@]}" --epochs "$EPOCHS" --seed "$SEED" --threads 1 --out "$run" >"$log" 2>&1
    fi
    "$CLI" export --weights "$run" --out "$bundled" --dtype f16 >>"$log" 2>&1
    echo "g=$g $mode: $(tail -n 1 "$log")"
}

if [[ ${1:-} == --one ]]; then
    train_one "$2"
    exit
fi

configs=("$@")
if [[ ${#configs[@]} -eq 0 ]]; then
    configs=(3:shuffle 3:noshuffle 8:shuffle 8:noshuffle 2:shuffle 2:noshuffle 4:shuffle 4:noshuffle
             1:shuffle 6:shuffle 6:noshuffle 5:shuffle 5:noshuffle 7:shuffle 7:noshuffle 1:noshuffle)
fi
for c in "${configs[@]}"; do
    [[ $c =~ ^[1-8]:(shuffle|noshuffle)$ ]] || { echo "$0: '$c' is not g:shuffle or g:noshuffle (g = 1..8)" >&2; exit 2; }
done
mkdir -p "$WORK" "$MODELS"
[[ -x $CLI ]] || { echo "$0: $CLI is missing; build first (scripts/setup.sh test)" >&2; exit 1; }
printf '%s\n' "${configs[@]}" | xargs -P "$LANES" -I{} "$0" --one {}
