#!/usr/bin/env bash
# with_display.sh COMMAND [ARGS...]
# Runs COMMAND on a private virtual display. Xvfb picks a free display number itself
# (-displayfd), so tests started in parallel never race for one as `xvfb-run -a` can.
set -u
dir=$(mktemp -d)
Xvfb -displayfd 1 -screen 0 1920x1080x24 -nolisten tcp >"$dir/display" 2>"$dir/log" &
server=$!
for _ in $(seq 200); do
    [[ -s $dir/display ]] && break
    sleep 0.05
done
if [[ ! -s $dir/display ]]; then
    echo "with_display.sh: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    kill "$server" 2>/dev/null
    rm -rf "$dir"
    exit 125
fi
export DISPLAY=":$(head -n1 "$dir/display")"
"$@"
status=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
rm -rf "$dir"
exit $status
