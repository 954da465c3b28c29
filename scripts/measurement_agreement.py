#!/usr/bin/env python3
"""How well one `measure` file predicts another of the same architectures: the re-measurement floor.

Usage: measurement_agreement.py FIRST.h5 SECOND.h5

Pairs the records of two tandem-measurement files by (index, bandwidth) — measure the same `n`, `seed` and
bandwidths twice, e.g. at different times — and prints, per bandwidth and over all pairs, the MAPE of the
second against the first, the share within ±10 % and Kendall's τ-b, for latency and energy. A predictor
judged against the first file cannot be shown better than the second file scores (Sources/Predictor/README.md).
Needs h5py and numpy (the venv of `scripts/setup --torch`).
"""
import sys

import h5py
import numpy as np


def kendall_tau_b(a, b):
    da = np.sign(a[:, None] - a[None, :])
    db = np.sign(b[:, None] - b[None, :])
    upper = np.triu_indices(len(a), 1)
    x, y = da[upper], db[upper]
    return (x * y).sum() / np.sqrt((x != 0).sum() * (y != 0).sum())


def records(f):
    return {(int(i), float(b)): n for n, (i, b) in enumerate(zip(f["index"][:], f["bandwidth"][:]))}


def main(first_path, second_path):
    with h5py.File(first_path, "r") as first, h5py.File(second_path, "r") as second:
        for f, path in ((first, first_path), (second, second_path)):
            if f.attrs.get("format") != "tandem-measurement":
                sys.exit(f"{path}: not a tandem measurement (root attribute 'format')")
        r1, r2 = records(first), records(second)
        keys = sorted(set(r1) & set(r2))
        if not keys:
            sys.exit("no (index, bandwidth) pair is in both files: measure the same seed and bandwidths")
        for target in ("latency", "energy"):
            a, b = first[target][:], second[target][:]
            for bandwidth in sorted({k[1] for k in keys}) + [None]:
                chosen = [k for k in keys if bandwidth is None or k[1] == bandwidth]
                x = np.array([a[r1[k]] for k in chosen])
                y = np.array([b[r2[k]] for k in chosen])
                error = np.abs(y - x) / x
                label = "all" if bandwidth is None else f"{bandwidth:g} Mbit/s"
                print(f"{target:8s} {label:12s} n={len(chosen):5d}  MAPE {100 * error.mean():5.2f} %  "
                      f"±10 % {100 * (error <= 0.1).mean():5.1f} %  τ {kendall_tau_b(x, y):.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
