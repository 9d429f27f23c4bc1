#!/usr/bin/python3
"""Checkpoint interchange between shufflescope-cli and PyTorch, both directions. A test: exits 0
when every check passes, 1 otherwise, and ends with "N passed, M failed".

  /usr/bin/python3 tests/pytorch/check_interop.py --cli build/app/shufflescope-cli [--keep-temp]

(a) engine -> PyTorch: `cli init -o ck.safetensors`; the file's metadata carries the configuration
    (the summary's config without "widths"), every tensor is F32, and the reference module loads it
    with load_state_dict(strict=True); `cli run --weights ck` gives the module's logits.
(b) PyTorch -> engine: a random reference module (randomized BN statistics) saved WITHOUT metadata,
    as F32; again with num_batches_tracked as I64 (what safetensors.torch.save_file writes for a
    plain state_dict); as F16 and BF16 (parameters pre-rounded). `cli run --weights file
    <config flags>` gives the module's logits.
(c) `summary --json` agrees with the reference counts: the paper's exact MACs and parameters at 1x
    for g = 1, 2, 3, 4, 8, and every tested configuration's totals and step output shapes.
(d) every step, not just the logits: the fixtures make_fixtures.py writes are regenerated in a
    temporary directory, their weights (F16, with the configuration metadata) and input are given
    to `cli run --dump DIR`, and each dumped step is compared with the fixture's capture, in order.
Logits (and each step) match when max|cli - torch| <= 1e-4 * max|torch| + 1e-5.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import traceback

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402
from cli_runner import (CliError, check_cli, config_without_widths, run_cli,  # noqa: E402
                        run_cli_json)
import make_fixtures  # noqa: E402
from shufflenet_v1 import (PAPER_STAGE_CHANNELS, complexity, from_summary,  # noqa: E402
                           load_state_dict_from_arrays, randomize_bn_statistics)

CONFIGS = {
    "fashion g=3": ["--preset", "fashion"],
    "imagenet 64x64 g=8 0.5x no-shuffle": ["--preset", "imagenet", "--input-size", "64",
                                            "--classes", "10", "--groups", "8", "--scale", "0.5",
                                            "--no-shuffle"],
}
REL_TOL = 1e-4
ABS_TOL = 1e-5
SPEC_1X = {  # g: (backbone MACs, MACs with 1000-way FC, params)
    1: (142_502_976, 143_078_976, 1_531_936),
    2: (140_036_512, 140_836_512, 1_733_848),
    3: (136_500_672, 137_460_672, 1_865_728),
    4: (133_251_776, 134_339_776, 1_968_344),
    8: (136_829_952, 138_365_952, 2_434_768),
}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {name}" + (f"  ({detail})" if detail else ""))
        else:
            self.failed += 1
            print(f"  FAIL  {name}: {detail}")

    def run(self, name, function):
        """Runs one check; an exception (CLI error, load failure) fails it with the message."""
        try:
            ok, detail = function()
        except CliError as e:
            ok, detail = False, f"CLI failed: {e}"
        except Exception as e:  # noqa: BLE001 -- report and continue with the other checks
            ok, detail = False, f"{type(e).__name__}: {e}\n{traceback.format_exc()}"
        self.record(name, ok, detail)


def compare_logits(cli_result, expected):
    """expected: torch logits, shape (classes,). Returns (ok, detail)."""
    if "logits" not in cli_result:
        return False, f"no 'logits' in the run output (keys: {sorted(cli_result)})"
    got = np.asarray(cli_result["logits"], dtype=np.float64).reshape(-1)
    want = expected.detach().double().numpy().reshape(-1)
    if got.shape != want.shape:
        return False, f"{got.size} logits from the CLI, {want.size} from torch"
    diff = np.abs(got - want)
    bound = REL_TOL * np.abs(want).max() + ABS_TOL
    worst = int(diff.argmax())
    detail = (f"max|diff| {diff.max():.3g} at class {worst} (cli {got[worst]:.7g}, torch "
              f"{want[worst]:.7g}), bound {bound:.3g}, max|logit| {np.abs(want).max():.3g}")
    if diff.max() > bound:
        return False, detail
    top = cli_result.get("top") or []
    order = np.argsort(-want)
    if top and len(want) > 1 and want[order[0]] - want[order[1]] > 2 * bound:
        if top[0].get("index") != int(order[0]):
            return False, f"top[0].index {top[0].get('index')} but torch's argmax is {order[0]}"
        prob = float(torch.softmax(expected.double().reshape(-1), 0)[order[0]])
        if abs(top[0].get("prob", -1.0) - prob) > 1e-4:
            return False, f"top[0].prob {top[0].get('prob')} but torch's softmax gives {prob:.6g}"
    return True, detail


def random_input(config, seed, batch_dim):
    c, h, w = config["in_channels"], config["input_height"], config["input_width"]
    x = torch.randn(1, c, h, w, generator=torch.Generator().manual_seed(seed))
    array = x.numpy() if batch_dim else x[0].numpy()
    return x, np.ascontiguousarray(array, dtype=np.float32)


def torch_logits(model, x):
    with torch.inference_mode():
        return model.eval()(x)[0]


# =================================================================================================
# [SECTION] (a) engine -> PyTorch
# =================================================================================================

def engine_to_torch(checks, cli, label, flags, tmp):
    summary = run_cli_json(cli, ["summary", "--json"] + flags)
    config = summary["config"]
    path = os.path.join(tmp, "engine_init.safetensors")
    run_cli(cli, ["init", "-o", path, "--seed", "7"] + flags)  # its stdout does not matter

    arrays, metadata = safetensors_io.load_file(path)

    def metadata_ok():
        if "shufflescope.config" not in metadata:
            return False, f"no 'shufflescope.config' in __metadata__ (keys: {sorted(metadata)})"
        stored = json.loads(metadata["shufflescope.config"])
        want = config_without_widths(config)
        if stored != want:
            diff = {k: (stored.get(k), want.get(k)) for k in set(stored) | set(want)
                    if stored.get(k) != want.get(k)}
            return False, f"metadata config differs from summary's (file, summary): {diff}"
        return True, ""
    checks.run(f"[a] {label}: init writes the configuration metadata", metadata_ok)

    def dtypes_ok():
        header = safetensors_io.header_of(path)
        bad = {k: v["dtype"] for k, v in header.items() if k != "__metadata__" and v["dtype"] != "F32"}
        return not bad, f"non-F32 tensors: {bad}" if bad else f"{len(header) - 1} tensors, all F32"
    checks.run(f"[a] {label}: init writes F32 tensors", dtypes_ok)

    model = from_summary(config)

    def load_ok():
        expected = {k for k in model.state_dict() if not k.endswith("num_batches_tracked")}
        present = {k for k in arrays if not k.endswith("num_batches_tracked")}
        if expected != present:
            return False, (f"missing {sorted(expected - present)[:8]}, "
                           f"unexpected {sorted(present - expected)[:8]}")
        load_state_dict_from_arrays(model, arrays, strict=True)
        return True, f"{len(present)} tensors"
    checks.run(f"[a] {label}: torch load_state_dict(strict=True)", load_ok)

    x, array = random_input(config, 11, batch_dim=False)  # (C, H, W) .npy
    npy = os.path.join(tmp, "input_chw.npy")
    np.save(npy, array)
    expected = torch_logits(model, x)
    checks.run(f"[a] {label}: cli run --weights <init file> (C,H,W .npy) matches torch",
               lambda: compare_logits(run_cli_json(cli, ["run", "--weights", path, "--input", npy,
                                                         "--json"] + flags), expected))
    checks.run(f"[a] {label}: cli run --weights <init file> without config flags (config from "
               f"the file's metadata) matches torch",
               lambda: compare_logits(run_cli_json(cli, ["run", "--weights", path, "--input", npy,
                                                         "--json"]), expected))
    return summary


# =================================================================================================
# [SECTION] (b) PyTorch -> engine
# =================================================================================================

def torch_to_engine(checks, cli, label, flags, summary, tmp):
    config = summary["config"]
    torch.manual_seed(5)
    model = from_summary(config)
    randomize_bn_statistics(model, torch.Generator().manual_seed(6))
    model.eval()
    x, array = random_input(config, 12, batch_dim=True)  # (1, C, H, W) .npy
    npy = os.path.join(tmp, "input_nchw.npy")
    np.save(npy, array)

    variants = [
        ("F32, no metadata", "F32", False),
        ("F32 + num_batches_tracked as I64 (a plain torch state_dict), no metadata", "F32", True),
        ("F16, no metadata", "F16", False),
        ("BF16, no metadata", "BF16", False),
    ]
    for description, dtype, with_counters in variants:
        def one(dtype=dtype, with_counters=with_counters):
            state = {k: v.clone() for k, v in model.state_dict().items()}
            if dtype in ("F16", "BF16"):  # the reference computes with what the file holds
                cast = torch.float16 if dtype == "F16" else torch.bfloat16
                state = {k: (v.to(cast).float() if v.is_floating_point() else v)
                         for k, v in state.items()}
            rounded = from_summary(config)
            rounded.load_state_dict(state)
            arrays = {k: v.numpy() for k, v in state.items()
                      if with_counters or not k.endswith("num_batches_tracked")}
            path = os.path.join(tmp, f"torch_{dtype}{'_counters' if with_counters else ''}"
                                     f".safetensors")
            safetensors_io.save_file(
                arrays, path, metadata=None,
                dtype_for=lambda k: "I64" if k.endswith("num_batches_tracked") else dtype)
            result = run_cli_json(cli, ["run", "--weights", path, "--input", npy, "--json"] + flags)
            return compare_logits(result, torch_logits(rounded, x))
        checks.run(f"[b] {label}: torch state_dict {description} -> cli run matches torch", one)


# =================================================================================================
# [SECTION] (c) summary vs the reference counts
# =================================================================================================

def check_summary(checks, label, summary):
    def totals_ok():
        config = summary["config"]
        w = config["widths"]
        cost = complexity(config["in_channels"], config["input_height"], config["input_width"],
                          config["classes"], config["groups"], w["stem"], w["stages"],
                          config["stem"], config["group_first_pointwise"])
        totals = summary["totals"]
        bad = [f"{k}: cli {totals.get(k)} reference {cost[k]}"
               for k in ("backbone_macs", "classifier_macs", "macs", "params")
               if totals.get(k) != cost[k]]
        return not bad, "; ".join(bad) if bad else f"{cost['macs']:,} MACs, {cost['params']:,} params"
    checks.run(f"[c] {label}: summary totals equal the reference counts", totals_ok)

    def shapes_ok():
        model = from_summary(summary["config"]).eval()
        config = summary["config"]
        x = torch.zeros(1, config["in_channels"], config["input_height"], config["input_width"])
        with torch.inference_mode():
            _, captured = model.forward_capture(x)
        steps = summary.get("steps", [])
        matched = [s for s in steps if s.get("name") in captured]
        bad = [f"{s['name']}: cli {s.get('out_shape')} torch {list(captured[s['name']].shape[1:])}"
               for s in matched if list(s.get("out_shape", [])) != list(captured[s["name"]].shape[1:])]
        unmatched = len(steps) - len(matched)
        detail = f"{len(matched)} steps share a capture name, {unmatched} do not"
        if not matched:
            return False, f"no summary step name matches a capture name ({detail})"
        return not bad, "; ".join(bad[:5]) if bad else detail
    checks.run(f"[c] {label}: summary step out_shapes equal the reference's", shapes_ok)


def check_paper_numbers(checks, cli):
    for g, (backbone, with_fc, params) in SPEC_1X.items():
        def one(g=g, backbone=backbone, with_fc=with_fc, params=params):
            summary = run_cli_json(cli, ["summary", "--json", "--preset", "imagenet",
                                         "--groups", str(g), "--scale", "1"])
            widths = summary["config"]["widths"]
            totals = summary["totals"]
            bad = []
            got = (widths.get("stem"), widths.get("stages"))
            if got != (24, PAPER_STAGE_CHANNELS[g]):
                bad.append(f"widths stem {got[0]} stages {got[1]}, Table 1 says stem 24, "
                           f"{PAPER_STAGE_CHANNELS[g]}")
            for key, want in (("backbone_macs", backbone), ("macs", with_fc), ("params", params)):
                if totals.get(key) != want:
                    bad.append(f"{key} {totals.get(key)} != spec {want:,}")
            return not bad, "; ".join(bad) if bad else f"{with_fc:,} MACs, {params:,} params"
        checks.run(f"[c] paper 1x g={g}: summary equals the spec's exact numbers", one)


# =================================================================================================
# [SECTION] (d) every step, through the fixtures
# =================================================================================================

def check_fixture_steps(checks, cli, tmp):
    fixture_dir = os.path.join(tmp, "fixtures")
    os.makedirs(fixture_dir, exist_ok=True)
    for name, (seed, flags) in make_fixtures.SMALL.items():
        def one(name=name, seed=seed, flags=flags):
            path, _, _, _ = make_fixtures.make_fixture(cli, name, seed, flags, fixture_dir)
            tensors, metadata = safetensors_io.load_file(path)
            header = safetensors_io.header_of(path)
            weights = {k: v for k, v in tensors.items()
                       if k not in ("input", "logits") and not k.startswith("capture.")}
            checkpoint = os.path.join(tmp, f"{name}_weights.safetensors")
            safetensors_io.save_file(weights, checkpoint,
                                     {"shufflescope.config": metadata["shufflescope.config"]},
                                     dtype_for=lambda k: header[k]["dtype"])
            npy = os.path.join(tmp, f"{name}_input.npy")
            np.save(npy, tensors["input"])
            dump = os.path.join(tmp, f"{name}_dump")
            result = run_cli_json(cli, ["run", "--weights", checkpoint, "--input", npy, "--json",
                                        "--dump", dump])
            files = sorted(f for f in os.listdir(dump) if f.endswith(".npy"))
            dumped = [f[f.index("_") + 1:-len(".npy")] for f in files]
            steps = metadata["step_names"].split(",")
            if dumped != steps:
                missing = [s for s in steps if s not in dumped]
                extra = [s for s in dumped if s not in steps]
                return False, (f"dumped steps differ from the fixture's: missing {missing[:5]}, "
                               f"extra {extra[:5]}, first {dumped[:3]} vs {steps[:3]}")
            worst = (0.0, "")
            for file, step in zip(files, steps):
                got = np.load(os.path.join(dump, file))
                want = tensors[f"capture.{step}"]
                if got.shape != want.shape:
                    return False, f"{step}: shape {got.shape}, fixture {want.shape}"
                diff = np.abs(got.astype(np.float64) - want)
                bound = REL_TOL * np.abs(want).max() + ABS_TOL
                if diff.max() > bound:
                    index = np.unravel_index(diff.argmax(), diff.shape)
                    return False, (f"first bad step {step}: max|diff| {diff.max():.3g} at "
                                   f"{tuple(int(i) for i in index)} (cli {got[index]:.7g}, "
                                   f"torch {want[index]:.7g}), bound {bound:.3g}")
                worst = max(worst, (diff.max() / (np.abs(want).max() or 1.0), step))
            ok, detail = compare_logits(result, torch.from_numpy(tensors["logits"][0]))
            if not ok:
                return False, f"logits: {detail}"
            return True, (f"{len(steps)} steps, worst max|diff| / max|x| {worst[0]:.1e} "
                          f"({worst[1]})")
        checks.run(f"[d] fixture {name}: every dumped step matches the capture", one)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True, help="path to shufflescope-cli")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temporary files")
    args = parser.parse_args()
    try:
        cli = check_cli(args.cli)
    except CliError as e:
        print(f"error: {e}")
        return 2

    checks = Checks()
    tmp = tempfile.mkdtemp(prefix="shufflescope-interop-")
    try:
        for label, flags in CONFIGS.items():
            print(f"{label}: {' '.join(flags)}")
            try:
                summary = engine_to_torch(checks, cli, label, flags, tmp)
            except CliError as e:
                checks.record(f"[a] {label}: summary / init", False, str(e))
                continue
            torch_to_engine(checks, cli, label, flags, summary, tmp)
            check_summary(checks, label, summary)
        print("paper geometry, 1x")
        check_paper_numbers(checks, cli)
        print("fixtures, step by step (cli run --dump)")
        check_fixture_steps(checks, cli, tmp)
    finally:
        if args.keep_temp:
            print(f"temporary files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
