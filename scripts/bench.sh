#!/usr/bin/env bash
# The Performance section's figures with one command: sets up as the tests do (plus Node.js and
# npm for ONNX Runtime), builds, then runs, one after the other,
#   - the engine against ONNX Runtime and PyTorch at inference, quiet and with one core busy
#     (bench/bench_vs_onnxruntime.py; installs onnxruntime-node into ~/.cache/shufflescope-bench
#     on first use),
#   - training throughput against PyTorch at 1 and 2 threads (bench/bench_training_vs_pytorch.py).
# Results go to bench-results/ as JSON beside the printed tables. Takes about 15 minutes on two
# cores; run it on a machine as quiet as you can find (the scripts print the load average).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh bench
mkdir -p bench-results
cli=build/app/shufflescope-cli
/usr/bin/python3 bench/bench_vs_onnxruntime.py --cli "$cli" --busy \
    --json bench-results/inference.json
/usr/bin/python3 bench/bench_training_vs_pytorch.py --cli "$cli" --threads 1 2 --rounds 3 \
    --json | tee bench-results/training.txt
