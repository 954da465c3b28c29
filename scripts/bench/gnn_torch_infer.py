#!/usr/bin/env python3
"""Times PyTorch CPU eager DGCNN inference on the weights of a Tandem model file (scripts/bench/gnn).

Usage: gnn_torch_infer.py MODEL.h5 --batch B --points N --repeat R --threads T
Prints: torch_infer batch=B points=N threads=T median_ms=... min_ms=... median_cpu_ms=... (process CPU time)
"""
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from torch_dgcnn_reference import timing_setup  # noqa: E402


def main():
    args, model, x = timing_setup(__doc__)
    times, cpu = [], []
    with torch.no_grad():
        model(x)
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            model(x)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    print(f"torch_infer batch={args.batch} points={args.points} threads={args.threads} "
          f"median_ms={statistics.median(times) * 1000} min_ms={min(times) * 1000} "
          f"median_cpu_ms={statistics.median(cpu) * 1000}")


if __name__ == "__main__":
    main()
