#!/usr/bin/env bash
# check_cli.sh EXPECTED_EXIT REGEX COMMAND [ARGS...]
# Runs a command and requires its exit status and that its combined output matches REGEX
# (grep -E). Used by CTest to test shufflescope-cli as a user runs it.
expected=$1 regex=$2
shift 2
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [[ $status -ne $expected ]]; then
    echo "FAILED: exit status $status, expected $expected" >&2
    exit 1
fi
if ! grep -Eq -- "$regex" <<<"$output"; then
    echo "FAILED: output does not match /$regex/" >&2
    exit 1
fi
if grep -q "internal error\|terminate called\|Segmentation" <<<"$output"; then
    echo "FAILED: the program crashed instead of reporting an error" >&2
    exit 1
fi
