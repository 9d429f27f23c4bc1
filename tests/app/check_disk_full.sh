#!/usr/bin/env bash
# check_disk_full.sh CLI WORKDIR
# A checkpoint written to a full disk: a message naming the file (exit 1), the previous file
# unchanged and no temporary file left. The full disk is a 64 KiB tmpfs mounted in a private
# mount namespace (unshare -m), so nothing outside this test sees it; without the privilege to
# mount, the test is skipped (exit 77).
set -u
cli=$1 work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
if ! unshare -m true 2>/dev/null ||
    ! unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$work' && umount '$work'" 2>/dev/null; then
    echo "skipped: mounting a small tmpfs needs root (or CAP_SYS_ADMIN)"
    exit 77
fi
output=$(unshare -m sh -c '
    set -u
    mount -t tmpfs -o size=64k tmpfs "$1" || exit 90
    printf "the previous checkpoint" >"$1/model.safetensors"
    "$2" init --preset fashion -o "$1/model.safetensors"
    echo "exit status $?"
    echo "contents: $(cat "$1/model.safetensors")"
    echo "files: $(ls -A "$1")"
' sh "$work" "$cli" 2>&1)
printf '%s\n' "$output"
expect() {
    grep -Fq -- "$1" <<<"$output" || { echo "FAILED: the output lacks: $1" >&2; exit 1; }
}
expect "shufflescope-cli: error: $work/model.safetensors: cannot write: the disk is full"
expect "exit status 1"
expect "contents: the previous checkpoint"
expect "files: model.safetensors"
