#!/usr/bin/env python3
"""Prints how much the bundled models' accuracies move with the training seed, as a Markdown table.

  scripts/seed_spread.py [--models assets/models] SEED_MODELS_DIR ...

Each SEED_MODELS_DIR holds models trained with the same recipe and another seed
(`SEED=2 scripts/train_bundled_models.sh 3:shuffle 3:noshuffle` writes build/training/seed-2/models).
For every g whose shuffle-on and shuffle-off models exist in all the directories: each seed's
accuracies and on − off gap, then the spread of each over the seeds (max − min). A gap between
shuffle on and off that is smaller than the seed-to-seed spread of either accuracy says nothing
about the shuffle.
"""

import argparse
import os

from models_table import metadata, signed  # the same checkpoint reading and number format


def test_accuracy(path):
    return 100 * float(metadata(path)["test_accuracy"])


def seed_of(directory):
    """The seed recorded in the directory's first model (the recipe's seed)."""
    for name in sorted(os.listdir(directory)):
        if name.endswith(".safetensors"):
            return metadata(os.path.join(directory, name)).get("seed", "?")
    return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--models", default=os.path.join(here, "..", "assets", "models"))
    parser.add_argument("seed_models", nargs="+", help="directories of models trained with other seeds")
    args = parser.parse_args()
    directories = [args.models] + args.seed_models
    for directory in directories:
        if not os.path.isdir(directory):
            parser.error(f"{directory}: no such directory")
    seeds = [seed_of(d) for d in directories]

    print("| g | seed | shuffle on | shuffle off | on − off |")
    print("|---|---|---|---|---|")
    summary = []
    for g in range(1, 9):
        paths = [[os.path.join(d, f"fashion-g{g}-{m}.safetensors") for m in ("shuffle", "noshuffle")]
                 for d in directories]
        if not all(os.path.exists(p) for pair in paths for p in pair):
            continue
        on = [test_accuracy(pair[0]) for pair in paths]
        off = [test_accuracy(pair[1]) for pair in paths]
        gaps = [a - b for a, b in zip(on, off)]
        for seed, a, b, gap in zip(seeds, on, off, gaps):
            print(f"| {g} | {seed} | {a:.2f}% | {b:.2f}% | {signed(gap)} |")
        mean_gap = sum(gaps) / len(gaps)
        print(f"| {g} | spread (max − min) | {max(on) - min(on):.2f} | {max(off) - min(off):.2f} | "
              f"{max(gaps) - min(gaps):.2f} (mean {signed(mean_gap)}) |")
        summary.append(g)
    if not summary:
        parser.error("no g has both models in every directory")


if __name__ == "__main__":
    main()
