#!/usr/bin/env python3
"""Checks that the Train panel's recipe (train::classroomRecipe) trains stably at every setting.

  scripts/check_classroom_recipe.py [--groups 1-8] [--epochs 1,2,3,5] [--images 2000,6000]
                                    [--seeds 1] [--shuffle on,off] [--lanes 2] [--out DIR]
  scripts/check_classroom_recipe.py --report [--out DIR]    # every finished run in DIR

Runs `shufflescope-cli train --classroom` (exactly the panel's recipe for those epochs and images,
evaluated on the panel's 2,000 test images) for every combination, LANES runs at a time with one
thread each, and prints one row per run: the loss it started at (the mean of the first 10
batches), the highest the smoothed loss (the panel's curve, from batch 10 on) went, their ratio,
the largest climb of the smoothed loss above its lowest point before it (a run that learned and
then got worse again), and the final test accuracy (train::LossWatch defines these). A stable
recipe keeps every ratio near 1: the loss of a fresh network should only fall. Exits with status
1 if any run's ratio exceeds --max-ratio (default 1.10) or its loss was not finite.

At g = 1 the shuffle is the identity (both settings train bit for bit alike; a test checks it), so
g = 1 runs once. Each finished run's output is kept in --out (default build/classroom-check) and a
rerun reuses it, so an interrupted sweep continues where it stopped.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOSS = re.compile(
    r"^loss: +first batches ([0-9.]+), highest smoothed ([0-9.a-z]+) \(([0-9.a-z]+) x the first\), "
    r"last smoothed ([0-9.a-z]+)(?:, largest rebound ([0-9.a-z]+))?(, NOT FINITE)?", re.M)
EPOCH = re.compile(r"^epoch (\d+): .*test accuracy ([0-9.]+)%")


def integers(text):
    """'1-8' or '1,2,5' or '3'."""
    values = []
    for part in text.split(","):
        if "-" in part:
            lo, hi = part.split("-")
            values.extend(range(int(lo), int(hi) + 1))
        else:
            values.append(int(part))
    return values


NAME = re.compile(r"^g(\d+)-(on|off)-e(\d+)-n(\d+)-s(\d+)\.log$")


def run_one(cli, out_dir, g, shuffle, epochs, images, seed, run=True):
    name = f"g{g}-{'on' if shuffle else 'off'}-e{epochs}-n{images}-s{seed}"
    log = os.path.join(out_dir, name + ".log")
    if run and not (os.path.exists(log) and LOSS.search(open(log).read())):
        command = [cli, "train", "--preset", "fashion", "--groups", str(g), "--classroom",
                   "--epochs", str(epochs), "--limit", str(images), "--seed", str(seed),
                   "--test-limit", "2000", "--threads", "1",
                   "--out", os.path.join(out_dir, name + ".safetensors")]
        if not shuffle:
            command.append("--no-shuffle")
        with open(log + ".tmp", "w") as f:
            subprocess.run(command, stdout=f, stderr=subprocess.DEVNULL, check=True)
        os.replace(log + ".tmp", log)
        os.remove(os.path.join(out_dir, name + ".safetensors"))
    text = open(log).read()
    loss = None
    accuracy = None
    for line in text.splitlines():
        m = LOSS.match(line)
        if m:
            loss = m
        m = EPOCH.match(line)
        if m:
            accuracy = float(m.group(2))
    if loss is None:
        raise RuntimeError(f"{log}: no 'loss:' line")
    return {"g": g, "shuffle": shuffle, "epochs": epochs, "images": images, "seed": seed,
            "first": float(loss.group(1)), "peak": float(loss.group(2)),
            "ratio": float(loss.group(3)), "last": float(loss.group(4)),
            # (a CLI before the rebound was reported printed none)
            "rebound": float(loss.group(5) or "nan"), "finite": loss.group(6) is None,
            "accuracy": accuracy}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", default="1-8")
    parser.add_argument("--epochs", default="1,2,3,5")
    parser.add_argument("--images", default="2000,6000")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--shuffle", default="on,off")
    parser.add_argument("--lanes", type=int, default=2)
    parser.add_argument("--max-ratio", type=float, default=1.10)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build/app/shufflescope-cli"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build/classroom-check"))
    parser.add_argument("--report", action="store_true",
                        help="train nothing: tabulate every finished run in --out")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    if args.report:
        rows = []
        for name in sorted(os.listdir(args.out)):
            m = NAME.match(name)
            if m:
                g, setting, epochs, images, seed = m.groups()
                rows.append(run_one(args.cli, args.out, int(g), setting == "on", int(epochs),
                                    int(images), int(seed), run=False))
        return report(rows, args.max_ratio)

    jobs = []
    for seed in integers(args.seeds):
        for epochs in integers(args.epochs):
            for images in integers(args.images):
                for g in integers(args.groups):
                    for setting in args.shuffle.split(","):
                        shuffle = setting == "on"
                        if g == 1 and not shuffle and "on" in args.shuffle:
                            continue  # the same run as g = 1 with the shuffle
                        jobs.append((g, shuffle, epochs, images, seed))
    # The longest runs first, so the lanes finish together.
    jobs.sort(key=lambda j: -j[2] * j[3])

    rows = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.lanes) as pool:
        futures = [pool.submit(run_one, args.cli, args.out, *job) for job in jobs]
        for future in concurrent.futures.as_completed(futures):
            row = future.result()
            rows.append(row)
            print(f"  done: g={row['g']} {'on ' if row['shuffle'] else 'off'} "
                  f"{row['epochs']} x {row['images']} seed {row['seed']}: "
                  f"ratio {row['ratio']:.3f}, {row['accuracy']:.1f}%", file=sys.stderr, flush=True)

    return report(rows, args.max_ratio)


def report(rows, max_ratio):
    """Prints the table and the summary; 1 if a run rose above max_ratio or was not finite."""
    if not rows:
        print("no finished runs")
        return 1
    rows.sort(key=lambda r: (r["epochs"] * r["images"], r["epochs"], r["g"], not r["shuffle"],
                             r["seed"]))
    print("| epochs x images | g | shuffle | seed | start loss | highest smoothed | ratio | "
          "last smoothed | largest rebound | test accuracy |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['epochs']} x {r['images']} | {r['g']} | {'on' if r['shuffle'] else 'off'} | "
              f"{r['seed']} | {r['first']:.3f} | {r['peak']:.3f} | {r['ratio']:.3f} | "
              f"{r['last']:.3f} | {r['rebound']:.3f} | {r['accuracy']:.1f}% |")
    worst = max(rows, key=lambda r: r["ratio"])
    bad = [r for r in rows if r["ratio"] > max_ratio or not r["finite"]]
    print(f"\n{len(rows)} runs; worst ratio {worst['ratio']:.3f} (g={worst['g']}, "
          f"{'on' if worst['shuffle'] else 'off'}, {worst['epochs']} x {worst['images']}, "
          f"seed {worst['seed']}); {len(bad)} above {max_ratio} or not finite; largest "
          f"rebound {max((r['rebound'] for r in rows), key=lambda x: -1 if x != x else x):.3f}")
    by_length = {}
    for r in rows:
        by_length.setdefault((r["epochs"], r["images"]), []).append(r["accuracy"])
    print("test accuracy (2,000 test images) by length: " + "; ".join(
        f"{e} x {n}: {min(a):.1f}-{max(a):.1f}%" for (e, n), a in sorted(
            by_length.items(), key=lambda kv: (kv[0][0] * kv[0][1], kv[0][0]))))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
