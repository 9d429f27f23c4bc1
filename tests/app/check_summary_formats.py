#!/usr/bin/python3
"""The per-step table in its three forms says the same thing: every row of `summary --csv` and of
`summary --markdown` equals the step of `summary --json` (name, kind, shape, MACs, dense MACs,
parameters), and with --timing every executed step has a time.

  check_summary_formats.py CLI [config flags...]
"""

import json
import subprocess
import sys

COLUMNS = ["name", "kind", "out_shape", "macs", "dense_macs", "params", "time_ms"]


def run(*args):
    done = subprocess.run(list(args), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"FAILED: {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def expected_rows(summary):
    return [[s["name"], s["kind"], "x".join(str(d) for d in s["out_shape"]), str(s["macs"]),
             str(s["dense_macs"]), str(s["params"])] for s in summary["steps"]]


def main():
    cli, flags = sys.argv[1], sys.argv[2:]
    want = expected_rows(json.loads(run(cli, "summary", "--json", *flags)))

    csv = [line.split(",") for line in run(cli, "summary", "--csv", *flags).splitlines()]
    if csv[0] != COLUMNS:
        sys.exit(f"FAILED: CSV header {csv[0]}, expected {COLUMNS}")
    if [row[:6] for row in csv[1:]] != want or any(row[6] != "" for row in csv[1:]):
        sys.exit("FAILED: the CSV rows differ from summary --json (or carry times without --timing)")

    markdown = [[cell.strip() for cell in line.strip("|").split("|")]
                for line in run(cli, "summary", "--markdown", *flags).splitlines()]
    if markdown[0] != COLUMNS or [row[:6] for row in markdown[2:]] != want:
        sys.exit("FAILED: the Markdown table differs from summary --json")

    timed = [line.split(",") for line in
             run(cli, "summary", "--csv", "--timing", "--repeats", "2", *flags).splitlines()[1:]]
    times = [float(row[6]) for row in timed]
    if [row[:6] for row in timed] != want or times[0] != 0 or min(times[1:]) <= 0:
        sys.exit("FAILED: with --timing every step but the input needs a positive time")
    print(f"summary formats agree: {len(want)} steps, CSV and Markdown equal to --json, "
          f"timed total {sum(times):.3f} ms")


if __name__ == "__main__":
    main()
