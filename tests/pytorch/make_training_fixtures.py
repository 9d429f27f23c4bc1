#!/usr/bin/python3
"""Writes the PyTorch TRAINING parity fixtures the C++ tests read (tests/fixtures/training/).

  /usr/bin/python3 tests/pytorch/make_training_fixtures.py --cli build/app/shufflescope-cli

One safetensors file per configuration, all F32:
  batch                 [N, C, H, W]   torch.randn with the fixture's seed
  labels                [N]            class indices stored as floats (exact)
  init.<name>           every parameter and BN statistic before training (PyTorch's default
                        initialisation, then randomize_bn_statistics so BN's affine and running
                        statistics are non-trivial)
  step<k>.grad.<name>   dL/d<name> for every trainable tensor at SGD step k = 1..steps, from a
                        forward and backward in TRAIN mode (BN normalises with the batch's
                        statistics), L = mean cross-entropy; step 1 is at the initial weights
  after.<name>          every parameter and BN statistic after `steps` SGD steps on the batch
                        (torch.optim.SGD with the fixture's lr, momentum, weight_decay)
  loss                  [1] the first step's loss
and metadata: shufflescope.config, fixture_format "train-1", steps, lr, momentum, weight_decay,
seed, torch_version, and gradient_floor: how far PyTorch's own float32 gradients are from float64
ones (the reference is computed in float64), per tensor, relative to max(that tensor's max
magnitude, 1e-3 x the largest gradient of any tensor) — the scale the C++ test uses too.

Geometry is small (16x16 input, 0.25x) so the files stay ~2 MB; the configurations cover the
dense first unit, grouped 1x1s with and without the shuffle and both unit kinds.

Why every step's gradients: the C++ test checks step 1's gradients end to end, then drives the
engine's optimiser with PyTorch's gradients of each step and compares the weights and BN running
statistics after the last. Comparing whole trajectories instead is ill-posed at float32: ReLU kinks
make the gradient discontinuous in the weights. Measured on train_fashion_g3 (float64): perturbing
every weight by a relative 1e-8 moves the gradients by 9e-7, by 1e-7 already by 4e-3 — so float32
rounding alone (6e-8) can move a later step's gradient by far more than 1e-4, in PyTorch as in the
engine.
"""

import argparse
import copy
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402
from cli_runner import check_cli, config_without_widths, run_cli_json  # noqa: E402
from shufflenet_v1 import from_summary, randomize_bn_statistics  # noqa: E402

FIXTURE_FORMAT = "train-1"
FASHION_SMALL = ["--preset", "fashion", "--input-size", "16", "--scale", "0.25"]
FIXTURES = {
    "train_fashion_g3": (401, FASHION_SMALL + ["--groups", "3"]),
    "train_fashion_g8_noshuffle": (402, FASHION_SMALL + ["--groups", "8", "--no-shuffle"]),
}
BATCH = 8
STEPS = 3
LR, MOMENTUM, WEIGHT_DECAY = 0.05, 0.9, 4e-5  # the bundled models' recipe


def loss_and_grads(model, x, y):
    model.train()
    model.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    return loss.item(), {n: p.grad.detach().clone() for n, p in model.named_parameters()}


def make_fixture(cli, name, seed, flags, out_dir):
    summary = run_cli_json(cli, ["summary", "--json"] + flags)
    config = summary["config"]
    torch.manual_seed(seed)
    model = from_summary(config)
    randomize_bn_statistics(model, torch.Generator().manual_seed(seed + 1))
    shape = (BATCH, config["in_channels"], config["input_height"], config["input_width"])
    generator = torch.Generator().manual_seed(seed + 2)
    x = torch.randn(*shape, generator=generator)
    y = torch.randint(0, config["classes"], (BATCH,), generator=generator)

    init = {k: v.clone() for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    _, grads32 = loss_and_grads(copy.deepcopy(model), x, y)

    # SGD from the initial state, in float64, the batch's statistics updating BN's running ones.
    trained = copy.deepcopy(model).double()
    optimizer = torch.optim.SGD(trained.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    step_grads = []
    for step in range(STEPS):
        step_loss, grads = loss_and_grads(trained, x.double(), y)
        if step == 0:
            loss = step_loss
        step_grads.append(grads)
        optimizer.step()

    # Each tensor's differences are measured against its largest value, but never against less than
    # 1e-3 of the largest gradient anywhere: BN biases feeding a 1x1 conv and another BN have a
    # gradient that is exactly zero in theory and float rounding noise in practice.
    first = step_grads[0]
    overall = max(float(g.abs().max()) for g in first.values())
    scale = {n: max(float(g.abs().max()), 1e-3 * overall) for n, g in first.items()}
    floor = {n: float((grads32[n].double() - g).abs().max()) / scale[n] for n, g in first.items()}

    tensors = {"batch": x.numpy(), "labels": y.float().numpy(), "loss": np.array([loss], np.float32)}
    for k, v in init.items():
        tensors[f"init.{k}"] = v.numpy()
    for step, grads in enumerate(step_grads, start=1):
        for k, v in grads.items():
            tensors[f"step{step}.grad.{k}"] = v.float().numpy()
    for k, v in trained.state_dict().items():
        if not k.endswith("num_batches_tracked"):
            tensors[f"after.{k}"] = v.float().numpy()
    metadata = {
        "shufflescope.config": json.dumps(config_without_widths(config)),
        "fixture_format": FIXTURE_FORMAT,
        "generator": "tests/pytorch/make_training_fixtures.py",
        "torch_version": torch.__version__,
        "seed": str(seed),
        "steps": str(STEPS),
        "lr": repr(LR),
        "momentum": repr(MOMENTUM),
        "weight_decay": repr(WEIGHT_DECAY),
        "gradient_floor": json.dumps(floor),
    }
    path = os.path.join(out_dir, f"{name}.safetensors")
    safetensors_io.save_file(tensors, path, metadata)
    return path, config, max(floor.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True, help="path to shufflescope-cli")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.normpath(os.path.join(here, "..", "fixtures", "training")))
    args = parser.parse_args()
    cli = check_cli(args.cli)
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(1)
    for name, (seed, flags) in FIXTURES.items():
        path, config, worst = make_fixture(cli, name, seed, flags, args.out)
        print(f"{os.path.relpath(path):<52} {os.path.getsize(path) / 1e6:5.2f} MB  g={config['groups']} "
              f"shuffle={'on' if config['shuffle'] else 'off'}  float32 vs float64 gradients, worst "
              f"max diff / max|g| {worst:.1e}")


if __name__ == "__main__":
    main()
