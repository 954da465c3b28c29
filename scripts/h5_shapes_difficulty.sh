#!/usr/bin/env bash
# How hard the default shapes set is (13 classes, 100 train + 25 test clouds per class, 1024 points, seed 1):
#   1. the Bayes-error ceiling that no classifier can beat (scripts/h5_shapes_bayes.py);
#   2. a PyTorch PointNet trained on the generated file (25 epochs on the first 512 points of each cloud);
#   3. with --dgcnn also the paper's DGCNN (slow on 2 cores: hours at 1024 points).
# Usage: scripts/h5_shapes_difficulty.sh [--dgcnn] [OUT.h5]
set -euo pipefail
cd "$(dirname "$0")/.."
dgcnn=0
if [ "${1:-}" = "--dgcnn" ]; then dgcnn=1; shift; fi
out="${1:-/tmp/tandem-shapes-default.h5}"
venv="${TANDEM_VENV:-$HOME/.cache/tandem/venv}"
TANDEM_SHAPES_OUT="$out" swift test --filter 'HDF5Tests.ShapesExport' 2>&1 | grep -E "passed|failed|error" | tail -1
"$venv/bin/python" scripts/h5_shapes_bayes.py
"$venv/bin/python" scripts/h5_shapes_baseline.py "$out" --model pointnet --epochs 25 --points 512
if [ $dgcnn -eq 1 ]; then
  "$venv/bin/python" scripts/h5_shapes_baseline.py "$out" --model dgcnn --epochs 40 --points 1024
fi
