"""Peer timings for scripts/bench/tensor: numpy (and torch if it imports) kNN and matmul at the same sizes.

Prints "<case>\t<threads>\t<median wall ms>\t<median CPU ms>" lines in the format of the Swift benchmark. numpy's BLAS thread count
is fixed by OPENBLAS_NUM_THREADS / OMP_NUM_THREADS before import, so the script is run once per thread count
(argument 1) and reports numpy and torch under that count.
"""
import os
import sys
import time

threads = int(sys.argv[1])
runs = int(os.environ.get("TENSOR_BENCH_RUNS", "21"))
peer = sys.argv[2]

import numpy as np


def median_ms(fn, warm_up=3):
    """Median wall and median process CPU time in ms, as "wall\tcpu"."""
    for _ in range(warm_up):
        fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - cpu_start) * 1e3)
        wall.append((time.perf_counter() - start) * 1e3)
    wall.sort()
    cpu.sort()
    return f"{wall[len(wall) // 2]:.3f}\t{cpu[len(cpu) // 2]:.3f}"


rng = np.random.default_rng(2024)
cases = [(1, 3), (1, 64), (16, 3), (16, 64)]


def numpy_knn(x, k):
    # DGCNN-style distances, argpartition over the full distance matrix, then sort the k kept.
    norms = np.einsum("bnc,bnc->bn", x, x)
    d = norms[:, None, :] - 2.0 * np.matmul(x, np.transpose(x, (0, 2, 1)))
    part = np.argpartition(d, k - 1, axis=2)[:, :, :k]
    order = np.argsort(np.take_along_axis(d, part, axis=2), axis=2, kind="stable")
    return np.take_along_axis(part, order, axis=2)


if peer == "numpy":
    for b, c in cases:
        x = rng.standard_normal((b, 1024, c)).astype(np.float32)
        print(f"knn B={b} N=1024 C={c} k=20\t{threads}\t{median_ms(lambda: numpy_knn(x, 20))}")
    for m, k, n in [(1024, 64, 64), (16384, 128, 128)]:
        a = rng.standard_normal((m, k)).astype(np.float32)
        w = rng.standard_normal((k, n)).astype(np.float32)
        print(f"matmul {m}x{k}x{n}\t{threads}\t{median_ms(lambda: a @ w)}")
else:
    import torch

    torch.set_num_threads(threads)

    def torch_knn(x, k):
        inner = -2 * torch.matmul(x, x.transpose(2, 1))
        xx = torch.sum(x**2, dim=2, keepdim=True)
        pairwise = -xx - inner - xx.transpose(2, 1)
        return pairwise.topk(k=k, dim=-1)[1]

    with torch.no_grad():
        for b, c in cases:
            x = torch.from_numpy(rng.standard_normal((b, 1024, c)).astype(np.float32))
            print(f"knn B={b} N=1024 C={c} k=20\t{threads}\t{median_ms(lambda: torch_knn(x, 20))}")
        for m, k, n in [(1024, 64, 64), (16384, 128, 128)]:
            a = torch.from_numpy(rng.standard_normal((m, k)).astype(np.float32))
            w = torch.from_numpy(rng.standard_normal((k, n)).astype(np.float32))
            print(f"matmul {m}x{k}x{n}\t{threads}\t{median_ms(lambda: a @ w)}")
        feats = torch.from_numpy(rng.standard_normal((1024, 64)).astype(np.float32))
        idx = torch_knn(feats[None], 20).reshape(-1)
        print(f"gather 20480x64\t{threads}\t{median_ms(lambda: feats[idx])}")
        msgs = feats[idx].reshape(1024, 20, 64)
        print(f"neighbourhood max 20480x64 k=20\t{threads}\t{median_ms(lambda: msgs.max(dim=1))}")
