#!/usr/bin/env bash
# check_screenshot.sh FILE MIN_BYTES COMMAND [ARGS...]
# Runs a --screenshot command and requires success and a PNG of at least MIN_BYTES (a blank
# window compresses to a few kilobytes; a rendered one to hundreds).
file=$1 min=$2
shift 2
rm -f "$file"
"$@" || { echo "FAILED: the command exited with $?" >&2; exit 1; }
[[ -f $file ]] || { echo "FAILED: $file was not written" >&2; exit 1; }
size=$(stat -c %s "$file")
head -c 8 "$file" | grep -q PNG || { echo "FAILED: $file is not a PNG" >&2; exit 1; }
(( size >= min )) || { echo "FAILED: $file is only $size bytes: blank?" >&2; exit 1; }
echo "$file: $size bytes"
