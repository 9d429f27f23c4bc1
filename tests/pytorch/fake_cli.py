#!/usr/bin/python3
"""A stand-in for build/app/shufflescope-cli, backed by the PyTorch reference, so the scripts in
this directory can be exercised before (or without) the engine:

  /usr/bin/python3 tests/pytorch/make_fixtures.py --cli tests/pytorch/fake_cli.py --out /tmp/fx
  /usr/bin/python3 tests/pytorch/check_interop.py --cli tests/pytorch/fake_cli.py

It implements the subset of the CLI those scripts use (summary --json, init -o, run --json,
bench --json) with the same flags. Passing against it proves only the scripts' plumbing, never the
engine. Widths follow core/include/shufflescope/model/channel_widths.h: the paper's Table 1 at 1x, the
official code's lists for g = 3, 8 at 0.5x / 1.5x / 2x, otherwise the documented rule.
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402
from shufflenet_v1 import (PAPER_STAGE_CHANNELS, complexity, from_summary,  # noqa: E402
                           load_state_dict_from_arrays)

PRESETS = {
    "imagenet": dict(groups=3, width_scale=1.0, in_channels=3, input_height=224, input_width=224,
                     classes=1000, stem="paper"),
    "fashion": dict(groups=3, width_scale=0.5, in_channels=1, input_height=32, input_width=32,
                    classes=10, stem="small-input"),
}
OFFICIAL = {
    (3, 0.5): (12, [120, 240, 480]), (3, 1.5): (24, [360, 720, 1440]),
    (3, 2.0): (48, [480, 960, 1920]), (8, 0.5): (16, [192, 384, 768]),
    (8, 1.5): (24, [576, 1152, 2304]), (8, 2.0): (48, [768, 1536, 3072]),
}
BUDGET = {0.25: 13e6, 0.5: 38e6, 1.0: 140e6, 1.5: 292e6, 2.0: 524e6}


def widths(groups, scale):
    if scale == 1.0 and groups in PAPER_STAGE_CHANNELS:
        return 24, PAPER_STAGE_CHANNELS[groups]
    if (groups, scale) in OFFICIAL:
        return OFFICIAL[(groups, scale)]
    target = 24 * scale
    stem = max(groups, int(np.floor(target / groups + 0.5)) * groups)
    best = None
    for k in range(1, 200):
        c = 4 * groups * k
        if c <= stem:
            continue
        cost = complexity(3, 224, 224, 1000, groups, stem, [c, 2 * c, 4 * c])["macs"]
        gap = abs(cost - BUDGET[scale])
        if best is None or gap < best[0]:
            best = (gap, c)
    c = best[1]
    return stem, [c, 2 * c, 4 * c]


def config_from_args(args):
    cfg = dict(preset=args.preset, **PRESETS[args.preset])
    cfg["shuffle"] = True
    cfg["group_first_pointwise"] = False
    if args.groups is not None:
        cfg["groups"] = args.groups
    if args.scale is not None:
        cfg["width_scale"] = args.scale
    if args.no_shuffle:
        cfg["shuffle"] = False
    if args.input_size:
        h, _, w = args.input_size.partition("x")
        cfg["input_height"], cfg["input_width"] = int(h), int(w or h)
    if args.in_channels is not None:
        cfg["in_channels"] = args.in_channels
    if args.classes is not None:
        cfg["classes"] = args.classes
    stem, stages = widths(cfg["groups"], cfg["width_scale"])
    cfg["widths"] = {"stem": stem, "stages": stages}
    return cfg


def build(cfg, args):
    """A checkpoint with a configuration in its metadata decides the network, like the engine."""
    arrays = None
    if args.weights:
        arrays, meta = safetensors_io.load_file(args.weights)
        if "shufflescope.config" in meta:
            cfg = json.loads(meta["shufflescope.config"])
            stem, stages = widths(cfg["groups"], cfg["width_scale"])
            cfg["widths"] = {"stem": stem, "stages": stages}
    torch.manual_seed(args.seed)
    model = from_summary(cfg).eval()
    if arrays is not None:
        load_state_dict_from_arrays(model, {k: v for k, v in arrays.items()
                                            if not k.endswith("num_batches_tracked")})
    return model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["summary", "init", "run", "bench"])
    p.add_argument("--preset", default="imagenet", choices=list(PRESETS))
    p.add_argument("--groups", type=int)
    p.add_argument("--scale", type=float)
    p.add_argument("--no-shuffle", action="store_true")
    p.add_argument("--input-size")
    p.add_argument("--in-channels", type=int)
    p.add_argument("--classes", type=int)
    p.add_argument("--weights")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output")
    p.add_argument("--input")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--iters", type=int, default=20)
    args = p.parse_args()
    cfg = config_from_args(args)
    if args.command == "summary":
        w = cfg["widths"]
        cost = complexity(cfg["in_channels"], cfg["input_height"], cfg["input_width"],
                          cfg["classes"], cfg["groups"], w["stem"], w["stages"], cfg["stem"])
        model = from_summary(cfg).eval()
        with torch.inference_mode():
            _, captured = model.forward_capture(
                torch.zeros(1, cfg["in_channels"], cfg["input_height"], cfg["input_width"]))
        steps = [{"name": k, "out_shape": list(v.shape[1:])} for k, v in captured.items()
                 if k != "input"]
        print(json.dumps({"config": cfg, "steps": steps, "totals": {
            "backbone_macs": cost["backbone_macs"], "classifier_macs": cost["classifier_macs"],
            "macs": cost["macs"], "params": cost["params"], "dense_macs": None}}))
    elif args.command == "init":
        model = build(cfg, args)
        meta_cfg = {k: v for k, v in cfg.items() if k != "widths"}
        safetensors_io.save_file({k: v.numpy() for k, v in model.state_dict().items()
                                  if not k.endswith("num_batches_tracked")}, args.output,
                                 {"shufflescope.config": json.dumps(meta_cfg)})
    elif args.command == "run":
        model = build(cfg, args)
        x = torch.from_numpy(np.load(args.input).astype(np.float32))
        if x.dim() == 3:
            x = x[None]
        with torch.inference_mode():
            logits = model(x)[0]
        probs = torch.softmax(logits, 0)
        top = torch.topk(probs, min(5, len(probs)))
        print(json.dumps({"logits": logits.tolist(), "top": [
            {"index": int(i), "label": str(int(i)), "prob": float(v)}
            for v, i in zip(top.values, top.indices)]}))
    elif args.command == "bench":
        torch.set_num_threads(args.threads)
        model = build(cfg, args)
        x = torch.randn(1, cfg["in_channels"], cfg["input_height"], cfg["input_width"])
        times = []
        with torch.inference_mode():
            model(x)
            for _ in range(args.iters):
                t = time.perf_counter()
                model(x)
                times.append((time.perf_counter() - t) * 1e3)
        print(json.dumps({"median_ms": statistics.median(times), "min_ms": min(times),
                          "threads": args.threads, "iters": args.iters}))


if __name__ == "__main__":
    main()
