#!/usr/bin/env python3
"""Prints the README's table of the bundled Fashion-MNIST models from their own metadata.

  scripts/models_table.py [--cli build/app/shufflescope-cli] [--models assets/models] [--readme FILE]

For g = 1..8: MACs and parameters (from `shufflescope-cli summary --json`), and for the shuffle on
and off the test accuracy recorded in each checkpoint (measured by `export` with the stored F16
weights on all 10,000 test images), the two compared image by image (`shufflescope-cli eval
--against`: how many test images only the shuffled model gets right, how many only the unshuffled
one, and McNemar's exact p-value for that split) and the training time (the sum of the run's epoch
times).
A configuration that has no checkpoint yet is shown as "-". With --readme the table replaces the
one in that Markdown file (from its header row to the next blank line) instead of being printed.
"""

import argparse
import json
import os
import struct
import subprocess
import sys

HEADER = ("| g | MACs | params | shuffle on | shuffle off | on − off | only on / only off right (p) "
          "| training time (on / off) |")


def signed(value):
    """'+0.40' or '−0.14': a signed difference with a real minus sign, as the README prints it."""
    return f"{value:+.2f}".replace("-", "\u2212")


def metadata(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        return json.loads(f.read(length)).get("__metadata__", {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--cli", default=os.path.join(here, "..", "build", "app", "shufflescope-cli"))
    parser.add_argument("--models", default=os.path.join(here, "..", "assets", "models"))
    parser.add_argument("--readme", help="replace the table in this Markdown file instead of printing it")
    args = parser.parse_args()

    rows = table_rows(args.cli, args.models)
    if not args.readme:
        print("\n".join(rows))
        return
    with open(args.readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if HEADER not in lines:
        sys.exit(f"{args.readme}: no line '{HEADER}' to replace")
    start = lines.index(HEADER)
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    lines[start:end] = rows
    with open(args.readme, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def table_rows(cli, models):
    rows = [HEADER, "|---|---|---|---|---|---|---|---|"]
    for g in range(1, 9):
        summary = json.loads(subprocess.check_output(
            [cli, "summary", "--json", "--preset", "fashion", "--groups", str(g)]))
        totals = summary["totals"]
        accuracy, minutes = {}, {}
        paths = {mode: os.path.join(models, f"fashion-g{g}-{mode}.safetensors") for mode in ("shuffle", "noshuffle")}
        for mode, path in paths.items():
            if os.path.exists(path):
                meta = metadata(path)
                accuracy[mode] = 100 * float(meta["test_accuracy"])
                history = json.loads(meta["training"])["history"]
                minutes[mode] = sum(h["seconds"] for h in history) / 60
        cells = [f"{accuracy[m]:.2f}%" if m in accuracy else "-" for m in ("shuffle", "noshuffle")]
        gap = signed(accuracy["shuffle"] - accuracy["noshuffle"]) if len(accuracy) == 2 else "-"
        paired = "-"
        if len(accuracy) == 2:
            against = json.loads(subprocess.check_output(
                [cli, "eval", "--json", "--threads", "1", "--weights", paths["shuffle"], "--against",
                 paths["noshuffle"]]))["against"]
            p = against["mcnemar_p"]
            p = "p < 0.001" if p < 0.001 else f"p = {p:#.2g}"  # two digits: a table, not a verdict
            paired = f"{against['only_this_right']} / {against['only_against_right']} ({p})"
        time = " / ".join(f"{minutes[m]:.0f} min" if m in minutes else "-" for m in ("shuffle", "noshuffle"))
        rows.append(f"| {g} | {totals['macs'] / 1e6:.2f} M | {totals['params']:,} | {cells[0]} | {cells[1]} | "
                    f"{gap} | {paired} | {time} |")
    return rows


if __name__ == "__main__":
    main()
