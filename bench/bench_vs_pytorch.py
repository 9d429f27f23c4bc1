#!/usr/bin/python3
"""Benchmark (not a test): the engine's fast forward path against PyTorch on the same network,
batch 1, same thread count.

  /usr/bin/python3 bench/bench_vs_pytorch.py --cli build/app/shufflescope-cli \
      [--threads 2] [--repeats 5] [--iters 50] [--groups 3] [--scale 1] [--json]

Engine: `cli bench --threads T --iters N --json`, run --repeats times; median of the medians, min
of the mins. PyTorch: the reference module (tests/pytorch/shufflenet_v1.py, lean `forward`), in
eager mode and as torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.script(model))),
torch.set_num_threads(T), inference_mode, warm-up, then per-iteration perf_counter timings.
Default configuration: the imagenet preset, g = 3, 1x, 3x224x224, 1000 classes.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

import torch

# The PyTorch reference and the CLI runner live in tests/pytorch/.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "tests",
                                "pytorch"))
from cli_runner import check_cli, run_cli_json  # noqa: E402
from shufflenet_v1 import from_summary, randomize_bn_statistics  # noqa: E402


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def time_callable(fn, x, warmup, repeats, iters):
    """Per-iteration wall times in ms over repeats * iters calls, after `warmup` calls."""
    times = []
    with torch.inference_mode():
        for _ in range(warmup):
            fn(x)
        for _ in range(repeats):
            for _ in range(iters):
                start = time.perf_counter()
                fn(x)
                times.append((time.perf_counter() - start) * 1e3)
    return times


def optimise(model, x):
    """Returns (module, description). Script first; trace if scripting fails."""
    with torch.inference_mode(False), torch.no_grad():
        try:
            compiled, how = torch.jit.script(model), "script"
        except Exception as e:  # noqa: BLE001
            print(f"note: torch.jit.script failed ({type(e).__name__}: {e}); tracing instead")
            compiled, how = torch.jit.trace(model, x), "trace"
        frozen = torch.jit.freeze(compiled.eval())
        try:
            return torch.jit.optimize_for_inference(frozen), f"{how} + freeze + optimize_for_inference"
        except Exception as e:  # noqa: BLE001
            print(f"note: optimize_for_inference failed ({type(e).__name__}: {e}); frozen only")
            return frozen, f"{how} + freeze"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--cli", required=True, help="path to shufflescope-cli")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5, help="engine runs / torch series")
    parser.add_argument("--iters", type=int, default=50, help="iterations per run")
    parser.add_argument("--warmup", type=int, default=10, help="torch warm-up iterations")
    parser.add_argument("--groups", type=int, default=3)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--no-shuffle", action="store_true")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = parser.parse_args()
    cli = check_cli(args.cli)
    load_before = os.getloadavg()[0]

    flags = ["--preset", "imagenet", "--groups", str(args.groups), "--scale", args.scale]
    flags += ["--no-shuffle"] if args.no_shuffle else []
    summary = run_cli_json(cli, ["summary", "--json"] + flags)
    config = summary["config"]
    macs = summary.get("totals", {}).get("macs")

    # --- engine ------------------------------------------------------------------------------
    runs = [run_cli_json(cli, ["bench", "--threads", args.threads, "--iters", args.iters, "--json"]
                         + flags) for _ in range(args.repeats)]
    for run in runs:
        if run.get("threads") not in (None, args.threads):
            print(f"warning: engine reports threads={run.get('threads')}, asked {args.threads}")
    engine = {"median_ms": statistics.median(r["median_ms"] for r in runs),
              "min_ms": min(r["min_ms"] for r in runs),
              "run_medians_ms": [r["median_ms"] for r in runs]}

    # --- PyTorch -------------------------------------------------------------------------------
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = from_summary(config)
    randomize_bn_statistics(model, torch.Generator().manual_seed(1))
    model.eval()
    x = torch.randn(1, config["in_channels"], config["input_height"], config["input_width"])
    eager_times = time_callable(model, x, args.warmup, args.repeats, args.iters)
    optimised, how = optimise(model, x)
    with torch.inference_mode():
        reference = model(x)
        difference = (optimised(x) - reference).abs().max().item()
    if difference > 1e-3 * reference.abs().max().item():
        print(f"warning: the optimised module differs from eager by {difference:.3g}")
    optimised_times = time_callable(optimised, x, args.warmup, args.repeats, args.iters)

    rows = [("engine (shufflescope-cli bench)", engine["median_ms"], engine["min_ms"]),
            ("torch eager", statistics.median(eager_times), min(eager_times)),
            (f"torch {how}", statistics.median(optimised_times), min(optimised_times))]

    # --- report -------------------------------------------------------------------------------
    w = config["widths"]
    print(f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs, threads {args.threads}; "
          f"torch {torch.__version__} (intra-op threads {torch.get_num_threads()}, "
          f"mkldnn {'on' if torch.backends.mkldnn.is_available() else 'off'})")
    print(f"network: imagenet preset, g={config['groups']}, {config['width_scale']}x, "
          f"shuffle {'on' if config['shuffle'] else 'off'}, {config['in_channels']}x"
          f"{config['input_height']}x{config['input_width']}, {config['classes']} classes, "
          f"widths {w['stem']} {w['stages']}" + (f", {macs / 1e6:.1f}M MACs" if macs else ""))
    if load_before > 1.0:  # measured before our own runs, which load the cores themselves
        print(f"WARNING: 1-minute load average {load_before:.1f} on {os.cpu_count()} CPUs before "
              f"the runs: other work competes for the cores, and the timings (OpenMP threads "
              f"spin-wait under contention) are not trustworthy")
    print(f"batch 1; engine {args.repeats} runs x {args.iters} iters; torch {args.warmup} warm-up + "
          f"{args.repeats * args.iters} timed iters")
    print()
    print(f"{'':<52}{'median ms':>10}{'min ms':>10}{'median / engine':>17}{'GMAC/s':>9}")
    for name, median, minimum in rows:
        ratio = median / engine["median_ms"]
        rate = f"{macs / median / 1e6:9.1f}" if macs else ""
        print(f"{name:<52}{median:>10.3f}{minimum:>10.3f}{ratio:>16.2f}x{rate}")
    print()
    print("ratio > 1: PyTorch is slower than the engine. Engine run medians (ms): " +
          ", ".join(f"{m:.3f}" for m in engine["run_medians_ms"]))
    if args.json:
        print(json.dumps({
            "machine": {"cpu": cpu_model(), "logical_cpus": os.cpu_count(),
                        "threads": args.threads, "torch": torch.__version__},
            "config": config,
            "results": [{"name": n, "median_ms": m, "min_ms": mn} for n, m, mn in rows],
        }))


if __name__ == "__main__":
    main()
