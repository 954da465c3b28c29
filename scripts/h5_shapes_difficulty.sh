#!/usr/bin/env bash
# Generates the default shapes set (13 classes, 100 train + 25 test clouds per class, 1024 points, seed 1)
# and trains the PyTorch reference classifiers on it, to show that they do not reach 100 %.
# Usage: scripts/h5_shapes_difficulty.sh [OUT.h5] [extra args for h5_shapes_baseline.py]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/tandem-shapes-default.h5}"
shift || true
venv="${TANDEM_VENV:-$HOME/.cache/tandem/venv}"
TANDEM_SHAPES_OUT="$out" swift test --filter 'HDF5Tests.ShapesExport' 2>&1 | grep -E "passed|failed|error" | tail -1
"$venv/bin/python" scripts/h5_shapes_baseline.py "$out" --model pointnet --epochs 40 "$@"
"$venv/bin/python" scripts/h5_shapes_baseline.py "$out" --model dgcnn --epochs 40 "$@"
