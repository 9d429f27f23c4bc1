#!/usr/bin/env bash
# check_kill_resume.sh CLI MAKE_IDX_FIXTURE WORKDIR
# A training run killed with SIGKILL (no chance to clean up) after its first checkpoint: the
# checkpoint on disk is whole (checkpoints are renamed into place only once written, so there is
# never half of one), eval reads it, and train --resume finishes the run from it.
set -u
cli=$1 fixture=$2 work=$3
fail() {
    echo "FAILED: $*" >&2
    for log in "$work"/*.log; do [[ -f $log ]] && { echo "--- $log"; cat "$log"; }; done
    exit 1
}
rm -rf "$work" && mkdir -p "$work" || exit 1
python3 "$fixture" "$work/data" 128 20 || fail "cannot make the data set"
checkpoint=$work/run.safetensors

"$cli" train --preset fashion --epochs 3 --batch 32 --threads 2 --data "$work/data" \
    --out "$checkpoint" >"$work/train.log" 2>&1 &
pid=$!
# The checkpoint appears whole after epoch 1; poll for it, then kill at once, in epoch 2.
for _ in $(seq 1 30000); do
    [[ -e $checkpoint ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
done
[[ -e $checkpoint ]] || { kill -KILL "$pid" 2>/dev/null; fail "no checkpoint appeared"; }
kill -KILL "$pid" 2>/dev/null || fail "training ended before it could be killed"
wait "$pid"
status=$?
[[ $status -eq 137 ]] || fail "training exited with $status, expected 137 (SIGKILL)"

# The checkpoint is whole: eval reads every tensor of it.
"$cli" eval --weights "$checkpoint" --data "$work/data" >"$work/eval.log" 2>&1 ||
    fail "the checkpoint left by the killed run does not load"
grep -q "test set: 20 images" "$work/eval.log" || fail "eval did not evaluate the test set"

# Resumed, the run finishes; it had done 1 or 2 of its 3 epochs.
"$cli" train --resume "$checkpoint" --threads 2 --data "$work/data" >"$work/resume.log" 2>&1 ||
    fail "train --resume failed"
grep -Eq "^resuming .* after epoch [12] of 3" "$work/resume.log" ||
    fail "the resumed run did not start after epoch 1 or 2"
grep -q "^epoch 3: train loss" "$work/resume.log" || fail "the resumed run did not run epoch 3"
grep -q "^done: " "$work/resume.log" || fail "the resumed run did not finish"
"$cli" train --resume "$checkpoint" --data "$work/data" >"$work/finished.log" 2>&1 ||
    fail "the finished checkpoint does not load"
grep -q "after epoch 3 of 3" "$work/finished.log" || fail "the finished checkpoint is not at epoch 3"
echo "killed during epoch 2, the checkpoint loaded, and the resumed run finished"
