#!/usr/bin/env bash
# check_man_pages.sh PAGE.1.gz...
# Each manual page renders with groff's man macros (what `man` runs) without a single warning
# (-ww: all of them), and says something: a NAME, a SYNOPSIS and at least one option.
set -uo pipefail
status=0
for page in "$@"; do
    text=$(zcat -- "$page" | groff -man -Tutf8 -ww 2>"$page.warnings") || {
        echo "FAILED: $page does not render" >&2
        status=1
    }
    if [[ -s $page.warnings ]]; then
        echo "FAILED: $page renders with warnings:" >&2
        cat "$page.warnings" >&2
        status=1
    fi
    rm -f "$page.warnings"
    for heading in NAME SYNOPSIS DESCRIPTION; do
        grep -q "$heading" <<<"$(sed 's/.\x08//g' <<<"$text")" ||
            { echo "FAILED: $page has no $heading" >&2; status=1; }
    done
    grep -Eq -- '--[a-z]' <<<"$(sed 's/.\x08//g' <<<"$text")" ||
        { echo "FAILED: $page lists no option" >&2; status=1; }
    echo "$page: $(wc -l <<<"$text") lines"
done
exit $status
