#!/usr/bin/env bash
# Times the shapes generator (10 classes x 100 clouds x 1024 points), writing and reading the file, in a
# release build; prints medians of 5 runs. Usage: scripts/h5_bench_shapes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TANDEM_BENCH=1 swift test -c release --filter 'HDF5Tests.ShapesBenchmark' 2>&1 | grep -E "^shapes|passed|failed|error"
