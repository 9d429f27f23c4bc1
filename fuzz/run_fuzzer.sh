#!/usr/bin/env bash
# run_fuzzer.sh FUZZER CORPUS SCRATCH SECONDS [libFuzzer options...]
# Fuzzes for SECONDS from a scratch copy of the committed corpus (new inputs go to the scratch
# folder, never into the repository). A finding is written as SCRATCH/crash-* etc. and fails the
# test; docs/fuzzing.md says how to turn it into a regression input.
set -euo pipefail
fuzzer=$1 corpus=$2 scratch=$3 seconds=$4
shift 4
rm -rf "$scratch"
mkdir -p "$scratch/corpus" "$scratch/findings"
cp -r "$corpus"/. "$scratch/corpus/"
exec "$fuzzer" "$@" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$scratch/findings/" "$scratch/corpus"
