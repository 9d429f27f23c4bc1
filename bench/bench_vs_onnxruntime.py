#!/usr/bin/python3
"""Benchmark (not a test): the engine's fast path, ONNX Runtime and PyTorch, side by side on the
same weights, interleaved, at batch 1.

  /usr/bin/python3 bench/bench_vs_onnxruntime.py --cli build/app/shufflescope-cli
      [--threads 1 2] [--rounds 9] [--iters 40] [--networks 3:1 8:1 3:0.5] [--busy]
      [--json FILE]

For each network (imagenet preset, g:width): PyTorch's reference module (tests/pytorch/) with
random weights and batch-norm statistics is saved as a safetensors checkpoint, which the engine
loads, and exported to ONNX, which ONNX Runtime loads; the three tools' logits for one input are
compared before anything is timed. Then, per thread count, --rounds rounds: in each, every tool
runs --warmup + --iters forward passes and reports the median of the timed ones; the order of the
tools rotates from round to round (A B C, B C A, C A B, ...), so a slow spell of the machine falls
on each tool alike. Reported: the median over rounds of each tool's round medians, and the median
over rounds of the per-round ratios engine / ORT and engine / PyTorch (ratio < 1: the engine is
faster), with the load average before and after.

--busy repeats the measurement with a CPU-bound program (a Python loop the script starts and
stops itself) occupying one of the cores, as a teacher's laptop always has something running;
there the slow passes matter too: the 90th percentile of each round and the slowest pass are reported.

Tools:
  engine   `shufflescope-cli bench --weights CKPT --threads T` (its own process per round; the
           forward passes are timed inside it, loading is not)
  ORT      onnxruntime-node (npm), installed on first use into --cache (default
           ~/.cache/shufflescope-bench) with ONNXRUNTIME_NODE_INSTALL=skip so that its install
           step fetches nothing beyond the npm package (the CPU library ships inside it); driven
           through bench/onnxruntime_runner.js, sessions kept warm
  PyTorch  torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.script(module))),
           torch.set_num_threads(T), inference_mode
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, "tests", "pytorch"))
import safetensors_io  # noqa: E402
from bench_vs_pytorch import cpu_model, optimise  # noqa: E402
from cli_runner import check_cli, run_cli_json  # noqa: E402
from shufflenet_v1 import from_summary, randomize_bn_statistics  # noqa: E402

ORT_PACKAGE = "onnxruntime-node"


# =================================================================================================
# [SECTION] ONNX Runtime through Node.js
# =================================================================================================

def ensure_onnxruntime(cache):
    """node_modules folder holding onnxruntime-node, installed there if missing."""
    modules = os.path.join(cache, "node_modules")
    if os.path.isdir(os.path.join(modules, ORT_PACKAGE)):
        return modules
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            sys.exit(f"error: {tool} not found: ONNX Runtime runs through Node.js "
                     f"(apt install nodejs npm, or scripts/setup.sh bench)")
    os.makedirs(cache, exist_ok=True)
    print(f"installing {ORT_PACKAGE} into {cache} (once)...", flush=True)
    env = dict(os.environ, ONNXRUNTIME_NODE_INSTALL="skip")
    subprocess.run(["npm", "install", "--prefix", cache, "--no-audit", "--no-fund",
                    "--no-save", ORT_PACKAGE], check=True, env=env)
    return modules


class OrtRunner:
    """The Node.js process of onnxruntime_runner.js; one JSON request and reply per line."""

    def __init__(self, modules):
        env = dict(os.environ, NODE_PATH=modules)
        self.process = subprocess.Popen(["node", os.path.join(HERE, "onnxruntime_runner.js")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=env)

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit("error: the ONNX Runtime runner stopped (see its message above)")
        reply = json.loads(line)
        if "error" in reply:
            sys.exit(f"error: ONNX Runtime: {reply['error']}")
        return reply

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


# =================================================================================================
# [SECTION] One network: weights, ONNX, logits
# =================================================================================================

class Network:
    def __init__(self, cli, groups, scale, folder, ort):
        self.label = f"g = {groups}, {scale}x"
        self.flags = ["--preset", "imagenet", "--groups", str(groups), "--scale", str(scale)]
        summary = run_cli_json(cli, ["summary", "--json"] + self.flags)
        self.config = summary["config"]
        self.macs = summary.get("totals", {}).get("macs")
        torch.manual_seed(groups * 100 + int(float(scale) * 10))
        model = from_summary(self.config)
        randomize_bn_statistics(model, torch.Generator().manual_seed(1))
        self.model = model.eval()
        stem = os.path.join(folder, f"g{groups}_s{scale}")
        self.checkpoint = stem + ".safetensors"
        safetensors_io.save_file({k: v.numpy() for k, v in model.state_dict().items()
                                  if not k.endswith("num_batches_tracked")}, self.checkpoint)
        c = self.config
        self.dims = [1, c["in_channels"], c["input_height"], c["input_width"]]
        x = torch.randn(*self.dims, generator=torch.Generator().manual_seed(2))
        self.x = x
        self.npy = stem + ".npy"
        np.save(self.npy, x.numpy())
        self.raw = stem + ".f32"
        x.numpy().astype("<f4").tofile(self.raw)
        self.onnx = stem + ".onnx"
        with torch.no_grad():
            torch.onnx.export(model, x, self.onnx, input_names=["input"],
                              output_names=["logits"], opset_version=13)
        self.scripted, self.how = optimise(model, x)
        self.ort = ort

    def check_logits(self, cli):
        """Max |difference| of the engine's and ORT's logits from PyTorch's eager ones."""
        with torch.inference_mode():
            reference = self.model(self.x)[0].double().numpy()
            scripted = self.scripted(self.x)[0].double().numpy()
        engine = np.asarray(run_cli_json(cli, ["run", "--weights", self.checkpoint, "--input",
                                               self.npy, "--json"] + self.flags)["logits"])
        self.ort.ask(op="load", model=self.onnx, threads=1, dims=self.dims, key="check")
        ort = np.asarray(self.ort.ask(op="logits", key="check", input=self.raw)["logits"])
        scale = np.abs(reference).max()
        diffs = {name: float(np.abs(values - reference).max())
                 for name, values in (("engine", engine), ("ORT", ort), ("TorchScript", scripted))}
        for name, diff in diffs.items():
            if diff > 1e-4 * scale + 1e-5:
                sys.exit(f"error: {self.label}: {name}'s logits differ from PyTorch's by {diff:.3g}"
                         f" (max |logit| {scale:.3g}): not the same network, nothing timed")
        return diffs


# =================================================================================================
# [SECTION] Timing, interleaved
# =================================================================================================

def p90(times):
    """The 90th percentile as the engine's bench reports it: the value 9/10 of the way up."""
    ordered = sorted(times)
    return ordered[len(ordered) * 9 // 10]


def time_engine(cli, net, threads, warmup, iters):
    result = run_cli_json(cli, ["bench", "--weights", net.checkpoint, "--threads", str(threads),
                                "--warmup", str(warmup), "--iters", str(iters), "--json"]
                          + net.flags)
    return result["median_ms"], result["p90_ms"], result["max_ms"]


def time_ort(net, threads, warmup, iters):
    key = f"{net.label}/{threads}"
    times = net.ort.ask(op="time", key=key, input=net.raw, warmup=warmup, iters=iters)["times"]
    return statistics.median(times), p90(times), max(times)


def time_torch(net, threads, warmup, iters):
    torch.set_num_threads(threads)
    times = []
    with torch.inference_mode():
        for _ in range(warmup):
            net.scripted(net.x)
        for _ in range(iters):
            start = time.perf_counter()
            net.scripted(net.x)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), p90(times), max(times)


def measure(cli, net, threads, rounds, warmup, iters):
    """Per tool: the round medians and worst passes; per round: the ratios."""
    net.ort.ask(op="load", model=net.onnx, threads=threads, dims=net.dims,
                key=f"{net.label}/{threads}")
    tools = [("engine", lambda: time_engine(cli, net, threads, warmup, iters)),
             ("ORT", lambda: time_ort(net, threads, warmup, iters)),
             ("PyTorch", lambda: time_torch(net, threads, warmup, iters))]
    medians = {name: [] for name, _ in tools}
    slow = {name: [] for name, _ in tools}
    worst = {name: [] for name, _ in tools}
    for r in range(rounds):
        for name, run in tools[r % 3:] + tools[:r % 3]:
            median, tenth, maximum = run()
            medians[name].append(median)
            slow[name].append(tenth)
            worst[name].append(maximum)
    ratio = {other: statistics.median(e / o for e, o in zip(medians["engine"], medians[other]))
             for other in ("ORT", "PyTorch")}
    return {"threads": threads,
            "median_ms": {k: statistics.median(v) for k, v in medians.items()},
            "p90_ms": {k: statistics.median(v) for k, v in slow.items()},
            "worst_ms": {k: max(v) for k, v in worst.items()},
            "round_medians_ms": medians,
            "engine_over": ratio}


class BusyCore:
    """A CPU-bound Python loop in its own process, for as long as the `with` block lasts."""

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        time.sleep(1.0)
        return self

    def __exit__(self, *exc):
        self.process.kill()
        self.process.wait()


# =================================================================================================
# [SECTION] Report
# =================================================================================================

def print_table(title, results, busy):
    print(f"\n{title}")
    head = (f"| network | threads | engine ms | ORT ms | PyTorch ms | engine / ORT | "
            f"engine / PyTorch |" +
            (" p90 engine | p90 ORT | worst engine | worst ORT |" if busy else ""))
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for label, rows in results:
        for row in rows:
            m, t, w = row["median_ms"], row["p90_ms"], row["worst_ms"]
            line = (f"| {label} | {row['threads']} | {m['engine']:.2f} | {m['ORT']:.2f} | "
                    f"{m['PyTorch']:.2f} | {row['engine_over']['ORT']:.2f} | "
                    f"{row['engine_over']['PyTorch']:.2f} |")
            if busy:
                line += (f" {t['engine']:.2f} | {t['ORT']:.2f} | {w['engine']:.1f} | "
                         f"{w['ORT']:.1f} |")
            print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True, help="path to shufflescope-cli")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--iters", type=int, default=40, help="timed passes per tool per round")
    parser.add_argument("--warmup", type=int, default=5, help="untimed passes before them")
    parser.add_argument("--networks", nargs="+", default=["3:1", "8:1", "3:0.5"],
                        help="groups:width of the imagenet preset")
    parser.add_argument("--busy", action="store_true",
                        help="also measure with one core kept busy by another program")
    parser.add_argument("--cache", default=os.path.join(os.path.expanduser("~"), ".cache",
                                                        "shufflescope-bench"))
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    if args.rounds < 3:
        parser.error("--rounds must be at least 3 (each tool in each position once)")
    cli = check_cli(args.cli)
    ort = OrtRunner(ensure_onnxruntime(args.cache))
    load_before = os.getloadavg()
    print(f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs; ONNX Runtime "
          f"{ort.ask(op='version')['version']} (onnxruntime-node); torch {torch.__version__}")
    print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")

    everything = {"machine": cpu_model(), "load_before": load_before, "quiet": [], "busy": []}
    quiet, busy = [], []
    with tempfile.TemporaryDirectory(prefix="shufflescope-bench-") as folder:
        nets = []
        for spec in args.networks:
            groups, scale = spec.split(":")
            net = Network(cli, int(groups), scale, folder, ort)
            diffs = net.check_logits(cli)
            print(f"{net.label}: logits against PyTorch eager, max |diff| " +
                  ", ".join(f"{k} {v:.2g}" for k, v in diffs.items()) +
                  f"; {net.macs / 1e6:.0f}M MACs; PyTorch as {net.how}")
            nets.append(net)
        for net in nets:
            rows = [measure(cli, net, t, args.rounds, args.warmup, args.iters)
                    for t in args.threads]
            quiet.append((net.label, rows))
            everything["quiet"].append({"network": net.label, "rows": rows})
        load_mid = os.getloadavg()
        if args.busy:
            with BusyCore():
                for net in nets:
                    rows = [measure(cli, net, t, args.rounds, args.warmup, args.iters)
                            for t in args.threads]
                    busy.append((net.label, rows))
                    everything["busy"].append({"network": net.label, "rows": rows})
    ort.close()
    load_after = os.getloadavg()
    everything["load_after"] = load_after
    print(f"\nbatch 1, imagenet preset (3x224x224, 1000 classes); {args.rounds} interleaved "
          f"rounds of {args.warmup} + {args.iters} passes per tool; medians of round medians, "
          f"ratios: median of per-round ratios (< 1: the engine is faster)")
    print_table(f"Quiet (load average {load_before[0]:.2f} before, {load_mid[0]:.2f} after, "
                f"1 minute)", quiet, busy=False)
    if args.busy:
        print_table(f"One core busy with another program (load average {load_after[0]:.2f} "
                    f"after); p90: the 90th percentile of a round's passes (median over rounds); "
                    f"worst: the slowest single pass in any round, ms", busy, busy=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(everything, f, indent=1)


if __name__ == "__main__":
    main()
