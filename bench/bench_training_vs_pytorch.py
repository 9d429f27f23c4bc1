#!/usr/bin/python3
"""Benchmark (not a test): TRAINING throughput of the engine against PyTorch on the same network,
the same data, batch size, augmentation and thread count, side by side in one run.

  /usr/bin/python3 bench/bench_training_vs_pytorch.py --cli build/app/shufflescope-cli \
      [--threads 1 2] [--rounds 5] [--batches 30] [--groups 3] [--json]

Each round runs, for every thread count, the engine then PyTorch (alternating, so drifting
machine load hits both alike):
  engine   `cli train --preset fashion --groups G --epochs 1 --limit B*128 --threads T`, the
           images/s of its epoch line (training only: batch assembly with augmentation, forward,
           loss, backward, SGD; the test evaluation afterwards is not counted);
  PyTorch  the reference module (tests/pytorch/shufflenet_v1.py) in train mode,
           torch.set_num_threads(T), SGD(lr, momentum 0.9, weight decay 4e-5), cross-entropy,
           the same B batches of 128 Fashion-MNIST images with the same augmentation (random
           shift of up to 2 pixels inside the 32x32 frame, random horizontal flip) done per batch
           with tensor ops, timed from the first batch to the last step (one warm-up batch first).
Reports the median images/s of the rounds and the ratio engine / PyTorch.
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

# This folder (bench_vs_pytorch) and the PyTorch reference and CLI runner in tests/pytorch/.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, "tests", "pytorch"))
sys.path.insert(0, HERE)
from bench_vs_pytorch import cpu_model  # noqa: E402
from cli_runner import check_cli, run_cli, run_cli_json  # noqa: E402
from shufflenet_v1 import from_summary  # noqa: E402

DATA = "/usr/share/datasets/fashion-mnist"
BATCH = 128
MEAN, STD = 0.2860, 0.3530


def load_images(limit):
    with gzip.open(os.path.join(DATA, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)[:limit]
    with gzip.open(os.path.join(DATA, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)[:limit]
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))


def augmented_batch(images, generator):
    """[N, 28, 28] uint8 -> [N, 1, 32, 32] normalised, each shifted by -2..2 and maybe flipped."""
    n = images.shape[0]
    frame = torch.full((n, 1, 36, 36), -MEAN / STD)
    frame[:, 0, 4:32, 4:32] = (images.float() / 255 - MEAN) / STD
    shifts = torch.randint(-2, 3, (n, 2), generator=generator)
    flips = torch.rand(n, generator=generator) < 0.5
    out = torch.empty(n, 1, 32, 32)
    for i in range(n):
        dy, dx = int(shifts[i, 0]), int(shifts[i, 1])
        crop = frame[i, :, 2 - dy:34 - dy, 2 - dx:34 - dx]
        out[i] = crop.flip(-1) if flips[i] else crop
    return out


def torch_images_per_second(model, images, labels, batches, threads):
    torch.set_num_threads(threads)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=4e-5)
    generator = torch.Generator().manual_seed(1)
    model.train()

    def step(b):
        x = augmented_batch(images[b * BATCH:(b + 1) * BATCH], generator)
        loss = F.cross_entropy(model(x), labels[b * BATCH:(b + 1) * BATCH])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    step(0)  # warm-up
    start = time.perf_counter()
    for b in range(batches):
        step(b)
    return batches * BATCH / (time.perf_counter() - start)


def engine_images_per_second(cli, groups, batches, threads, out):
    text = run_cli(cli, ["train", "--preset", "fashion", "--groups", groups, "--epochs", 1,
                         "--limit", batches * BATCH, "--batch", BATCH, "--threads", threads,
                         "--out", out], timeout=1800)
    match = re.search(r"epoch 1: .* ([0-9.]+) img/s", text)
    if not match:
        raise RuntimeError(f"no 'img/s' in the engine's output:\n{text[-2000:]}")
    return float(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--groups", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cli = check_cli(args.cli)
    summary = run_cli_json(cli, ["summary", "--json", "--preset", "fashion", "--groups", args.groups])
    images, labels = load_images(args.batches * BATCH)
    results = {t: {"engine": [], "pytorch": []} for t in args.threads}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "bench.safetensors")
        for r in range(args.rounds):
            for t in args.threads:
                results[t]["engine"].append(engine_images_per_second(cli, args.groups, args.batches, t, out))
                torch.manual_seed(r)
                model = from_summary(summary["config"])
                results[t]["pytorch"].append(torch_images_per_second(model, images, labels, args.batches, t))
                if not args.json:
                    print(f"round {r + 1}: {t} thread(s): engine {results[t]['engine'][-1]:.0f} img/s, "
                          f"PyTorch {results[t]['pytorch'][-1]:.0f} img/s", flush=True)

    report = {
        "cpu": cpu_model(), "torch": torch.__version__, "model": f"fashion g={args.groups} 0.5x 1x32x32",
        "batch": BATCH, "batches": args.batches, "rounds": args.rounds,
        "threads": {str(t): {"engine_median": statistics.median(v["engine"]),
                             "pytorch_median": statistics.median(v["pytorch"]),
                             "ratio": statistics.median(v["engine"]) / statistics.median(v["pytorch"])}
                    for t, v in results.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"\n{report['cpu']}, torch {report['torch']}, {report['model']}, batch {BATCH}, "
          f"{args.batches} batches x {args.rounds} rounds (medians)")
    print(f"{'threads':>7}  {'engine img/s':>12}  {'PyTorch img/s':>13}  {'engine/PyTorch':>14}")
    for t, v in report["threads"].items():
        print(f"{t:>7}  {v['engine_median']:12.0f}  {v['pytorch_median']:13.0f}  {v['ratio']:13.2f}x")


if __name__ == "__main__":
    main()
