#!/usr/bin/python3
"""Writes the PyTorch parity fixtures the C++ tests read (tests/fixtures/*.safetensors).

  /usr/bin/python3 tests/pytorch/make_fixtures.py --cli build/app/shufflescope-cli [--out tests/fixtures]

One safetensors file per configuration. Each holds
  input                 F32 [1, C, H, W]     torch.randn with the fixture's seed
  <state-dict name>     F16                  every parameter and BN statistic (no num_batches_tracked),
                                             rounded to float16 before the forward pass, so F16
                                             storage loses nothing
  capture.<step>        F32 [1, C, H, W]     every step of ShuffleNetV1.forward_capture (float32)
  logits                F32 [1, classes]
and metadata
  shufflescope.config   the configuration as `summary --json` prints it, without "widths"
  fixture_format "1", generator, torch_version, seed,
  step_names            the captured step names, comma-joined, in execution order.

The configuration (widths included) comes from the engine (`summary --json`), so the fixtures test
the engine's widths rule too; the weights and expected outputs come from tests/pytorch/shufflenet_v1.py.
Regenerate after changing either; the seeds are fixed, so an unchanged configuration reproduces the
same file on the same torch version.
"""

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402
from cli_runner import check_cli, config_without_widths, run_cli_json  # noqa: E402
from shufflenet_v1 import complexity, from_summary, randomize_bn_statistics  # noqa: E402

FIXTURE_FORMAT = "1"

# name -> (seed, CLI config flags). Sizes were measured: captures dominate (every step of every
# unit in F32), so the spatial size is the lever. The committed set ("small") is ~6 MB in all:
#  * imagenet preset, paper stem, 10 classes, 0.25x, input 40x32 (H x W): 40x32 -> stem 20x16 ->
#    pool 10x8 -> Stage 2 5x4 -> Stage 3 3x2 -> Stage 4 2x1. Non-square catches H/W mix-ups, the odd
#    sizes exercise stride-2 rounding and padding on both sides. (At 64x64 the set was ~10 MB at
#    0.25x, ~13 MB with 0.5x for g = 3, 8.)
#  * fashion preset (g = 3, 0.5x: the official-code widths, small-input stem, 1 channel,
#    10 classes) at 12x12 instead of its 32x32 default (7.4 MB alone): Stage 2 6x6 -> 3x3 -> 2x2.
#    check_interop.py still runs the fashion default geometry end to end through the CLI.
# --full-size writes the brief's original geometry (64x64, 0.5x for g = 3, 8 shuffle on, fashion
# 32x32; ~20 MB) for local runs; do not commit those.
IMAGENET = ["--preset", "imagenet", "--classes", "10"]
SMALL = {
    "g1_shuffle": (101, IMAGENET + ["--input-size", "40x32", "--groups", "1", "--scale", "0.25"]),
    "g2_shuffle": (102, IMAGENET + ["--input-size", "40x32", "--groups", "2", "--scale", "0.25"]),
    "g3_shuffle": (103, IMAGENET + ["--input-size", "40x32", "--groups", "3", "--scale", "0.25"]),
    "g4_shuffle": (104, IMAGENET + ["--input-size", "40x32", "--groups", "4", "--scale", "0.25"]),
    "g8_shuffle": (108, IMAGENET + ["--input-size", "40x32", "--groups", "8", "--scale", "0.25"]),
    "g3_noshuffle": (203, IMAGENET + ["--input-size", "40x32", "--groups", "3", "--scale", "0.25",
                                      "--no-shuffle"]),
    "g8_noshuffle": (208, IMAGENET + ["--input-size", "40x32", "--groups", "8", "--scale", "0.25",
                                      "--no-shuffle"]),
    "fashion_g3": (303, ["--preset", "fashion", "--input-size", "12"]),
}
FULL_SIZE = {
    "g1_shuffle": (101, IMAGENET + ["--input-size", "64", "--groups", "1", "--scale", "0.25"]),
    "g2_shuffle": (102, IMAGENET + ["--input-size", "64", "--groups", "2", "--scale", "0.25"]),
    "g3_shuffle": (103, IMAGENET + ["--input-size", "64", "--groups", "3", "--scale", "0.5"]),
    "g4_shuffle": (104, IMAGENET + ["--input-size", "64", "--groups", "4", "--scale", "0.25"]),
    "g8_shuffle": (108, IMAGENET + ["--input-size", "64", "--groups", "8", "--scale", "0.5"]),
    "g3_noshuffle": (203, IMAGENET + ["--input-size", "64", "--groups", "3", "--scale", "0.25",
                                      "--no-shuffle"]),
    "g8_noshuffle": (208, IMAGENET + ["--input-size", "64", "--groups", "8", "--scale", "0.25",
                                      "--no-shuffle"]),
    "fashion_g3": (303, ["--preset", "fashion"]),
}


def round_to_float16_(module):
    """Rounds every floating parameter and buffer to float16 and back, in place."""
    with torch.no_grad():
        for tensor in list(module.parameters()) + list(module.buffers()):
            if tensor.is_floating_point():
                tensor.copy_(tensor.half().float())


def cross_check_summary(name, summary, captured):
    """Warnings (not failures) where the engine's summary disagrees with the reference; the
    interop test (check_interop.py) is where such disagreements fail."""
    config = summary["config"]
    w = config["widths"]
    cost = complexity(config["in_channels"], config["input_height"], config["input_width"],
                      config["classes"], config["groups"], w["stem"], w["stages"], config["stem"],
                      config["group_first_pointwise"])
    totals = summary.get("totals", {})
    for key in ("backbone_macs", "classifier_macs", "macs", "params"):
        if key in totals and totals[key] != cost[key]:
            print(f"  warning: {name}: summary totals.{key} = {totals[key]:,}, "
                  f"reference counts {cost[key]:,}")
    for step in summary.get("steps", []):
        if step.get("name") in captured:
            expected = list(captured[step["name"]].shape[1:])
            if list(step.get("out_shape", expected)) != expected:
                print(f"  warning: {name}: step {step['name']} out_shape {step['out_shape']}, "
                      f"reference {expected}")


def make_fixture(cli, name, seed, flags, out_dir):
    summary = run_cli_json(cli, ["summary", "--json"] + flags)
    config = summary["config"]

    torch.manual_seed(seed)  # default (Kaiming-uniform) initialisation is drawn here
    model = from_summary(config)
    randomize_bn_statistics(model, torch.Generator().manual_seed(seed + 1))
    round_to_float16_(model)
    model.eval()
    shape = (1, config["in_channels"], config["input_height"], config["input_width"])
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(seed + 2))

    with torch.inference_mode():
        logits, captured = model.forward_capture(x)
        lean = model(x)
        # How far float32 is from float64 on this fixture: a floor for the C++ tolerance.
        _, captured64 = model.double().forward_capture(x.double())
        model.float()
    if not torch.allclose(lean, logits, rtol=0, atol=1e-6):
        raise AssertionError(f"{name}: forward and forward_capture disagree")
    cross_check_summary(name, summary, captured)

    tensors = {"input": x.numpy(), "logits": logits.numpy()}
    dtype = {"input": "F32", "logits": "F32"}
    for key, value in model.state_dict().items():
        if key.endswith("num_batches_tracked"):
            continue
        tensors[key] = value.numpy()
        dtype[key] = "F16"
    worst = 0.0
    for step, value in captured.items():
        if value.dim() != 4:
            raise AssertionError(f"{name}: capture {step} is not 4-D: {tuple(value.shape)}")
        tensors[f"capture.{step}"] = value.numpy()
        dtype[f"capture.{step}"] = "F32"
        ref = captured64[step]
        scale = ref.abs().max().item() or 1.0
        worst = max(worst, (value.double() - ref).abs().max().item() / scale)

    metadata = {
        "shufflescope.config": json.dumps(config_without_widths(config)),
        "fixture_format": FIXTURE_FORMAT,
        "generator": "tests/pytorch/make_fixtures.py",
        "torch_version": torch.__version__,
        "seed": str(seed),
        "step_names": ",".join(captured),
    }
    path = os.path.join(out_dir, f"{name}.safetensors")
    safetensors_io.save_file(tensors, path, metadata, dtype_for=lambda k: dtype[k])

    # Read back: what the C++ test will see must equal what was computed.
    back, back_meta = safetensors_io.load_file(path)
    assert back_meta == metadata
    for key, value in tensors.items():
        if not np.array_equal(back[key], value):
            raise AssertionError(f"{name}: {key} does not survive {dtype[key]} storage")
    return path, config, len(captured), worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True, help="path to shufflescope-cli")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.normpath(os.path.join(here, "..", "fixtures")))
    parser.add_argument("--only", nargs="*", help="fixture names to write (default: all)")
    parser.add_argument("--full-size", action="store_true",
                        help="64x64 / fashion 32x32 geometry (~20 MB; for local runs, not committed)")
    args = parser.parse_args()
    cli = check_cli(args.cli)
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(1)  # deterministic reduction order, independent of the machine

    total = 0
    fixtures = FULL_SIZE if args.full_size else SMALL
    for name, (seed, flags) in fixtures.items():
        if args.only and name not in args.only:
            continue
        path, config, steps, worst = make_fixture(cli, name, seed, flags, args.out)
        size = os.path.getsize(path)
        total += size
        w = config["widths"]
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
        print(f"{shown:<36} {size / 1e6:5.2f} MB  g={config['groups']} "
              f"{config['width_scale']}x shuffle={'on' if config['shuffle'] else 'off'} "
              f"{config['in_channels']}x{config['input_height']}x{config['input_width']} "
              f"stem {w['stem']} stages {w['stages']}, {steps} steps, "
              f"float32 vs float64 max diff / max|x| {worst:.1e}")
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
