#!/usr/bin/env python3
"""Keeps the section index at the top of long source files.

A file of more than LIMIT lines must be navigable: it marks its parts with `// [SECTION] Name`
lines and opens with an index of them,

    // Sections: Constants · Header sniffing · Decoding · ...

placed after the file's opening comment (or at the top); a hand-written table of the sections in
the opening comment serves as well, as long as it names them all in order. `section_index.py
FILE...` writes a missing or stale index; `section_index.py --check FILE...` (a CTest test) fails,
naming the file, when a long file has no sections or its opening comment does not list them.
"""

import re
import sys
import textwrap

LIMIT = 500
MARKER = re.compile(r"^\s*// \[SECTION\] (.+?)\s*$")
INDEX = "// Sections: "


def sections(lines):
    return [m.group(1) for line in lines if (m := MARKER.match(line))]


def index_lines(names):
    text = INDEX + " · ".join(names)
    wrapped = textwrap.wrap(text, width=100, subsequent_indent="//   ", break_long_words=False,
                            break_on_hyphens=False)
    return [w + "\n" for w in wrapped]


def strip_index(lines):
    """The file without its index (the index line and its continuation lines)."""
    out, skipping = [], False
    for line in lines:
        if line.startswith(INDEX):
            skipping = True
            continue
        if skipping and line.startswith("//   "):
            continue
        skipping = False
        out.append(line)
    return out


def with_index(lines):
    body = strip_index(lines)
    names = sections(body)
    # After the opening comment block (a header's "#pragma once" comes first).
    at = 0
    if body and body[0].startswith("#pragma once"):
        at = 1
    while at < len(body) and body[at].startswith("//") and not MARKER.match(body[at]):
        at += 1
    block = index_lines(names)
    if at == 0:
        block = block + ["\n"]
    return body[:at] + block + body[at:]


def leading_comment(lines):
    """The file's opening comment (after a header's "#pragma once"), as one text."""
    at = 1 if lines and lines[0].startswith("#pragma once") else 0
    text = []
    while at < len(lines) and lines[at].startswith("//") and not MARKER.match(lines[at]):
        text.append(lines[at])
        at += 1
    return "".join(text)


def has_index(lines):
    """Whether the opening comment names every section, in order (as this script writes it, or
    as a hand-written table of sections with a line of description each)."""
    comment = " ".join(line.lstrip("/").strip() for line in leading_comment(lines).splitlines())
    comment = " ".join(comment.split())
    at = 0
    for name in sections(lines):
        # A section is known by its title: the words before a ':' or a '(' that explains it.
        title = " ".join(name.split(":")[0].split(" (")[0].split())
        found = comment.find(title, at)
        if found < 0:
            return False
        at = found + len(title)
    return True


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if a != "--check"]
    problems = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        if len(lines) <= LIMIT:
            continue
        if not sections(lines):
            problems.append(f"{path}: {len(lines)} lines and no '// [SECTION] Name' markers")
            continue
        if has_index(lines):
            continue
        if check:
            problems.append(f"{path}: its opening comment does not list its sections in order "
                            f"(run scripts/section_index.py {path})")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(with_index(lines))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
