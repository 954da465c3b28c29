#!/usr/bin/env python3
"""Lower bound on the error of ANY classifier on Tandem's default shapes set, from the class parameter ranges.

Usage: h5_shapes_bayes.py [--jitter 0.2]

Two pairs of classes differ only in a parameter whose ranges overlap (Sources/HDF5/Shapes/ShapeClass.swift):
  - sphere vs ellipsoid: sphere semi-axes (s1, s2, s3), ellipsoid (s1, b s2, c s3) with s_i ~ U(1-j, 1+j)
    (the anisotropic scale jitter j) and b, c ~ U(0.6, 0.9);
  - torus vs thin_torus: tube radius ~ U(0.28, 0.5) vs U(0.12, 0.32), everything else drawn alike.
Every other random quantity (taper, bend, rotation, sampling, noise) is drawn independently of the class, so a
cloud carries no more class information than these parameters: the Bayes error of each pair given the
parameters (equal priors) is a lower bound for any classifier, and with 13 balanced classes the overall error
is at least 2/13 of the sum of the two pair errors. Prints the pair errors and the resulting accuracy ceiling.
"""
import argparse

import numpy as np


def product_density(grid, low_b, high_b, low_s, high_s, steps=4001):
    """Density of b*s with b ~ U(low_b, high_b), s ~ U(low_s, high_s), on `grid`."""
    s = np.linspace(low_s, high_s, steps)[:, None]
    ds = (high_s - low_s) / (steps - 1)
    b = grid[None, :] / s
    pb = ((b >= low_b) & (b <= high_b)) / (high_b - low_b)
    return (pb / (high_s - low_s) / s).sum(0) * ds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jitter", type=float, default=0.2)
    args = parser.parse_args()
    j = args.jitter
    grid = np.linspace(0.3, 1.5, 6001)
    d = grid[1] - grid[0]
    sphere = ((grid >= 1 - j) & (grid <= 1 + j)) / (2 * j)
    ellipsoid = product_density(grid, 0.6, 0.9, 1 - j, 1 + j)
    # The first semi-axis has the same law in both classes and cancels; the other two are independent.
    pair1 = 0.5 * np.minimum(np.outer(sphere, sphere), np.outer(ellipsoid, ellipsoid)).sum() * d * d
    radius = np.linspace(0.0, 0.6, 60001)
    dr = radius[1] - radius[0]
    fat = ((radius >= 0.28) & (radius <= 0.5)) / 0.22
    thin = ((radius >= 0.12) & (radius <= 0.32)) / 0.20
    pair2 = 0.5 * np.minimum(fat, thin).sum() * dr
    bound = 2 * (pair1 + pair2) / 13
    print(f"sphere vs ellipsoid Bayes error (jitter {j}): {pair1:.4f}")
    print(f"torus vs thin_torus Bayes error: {pair2:.4f}")
    print(f"13 balanced classes: error >= {bound:.4f}, accuracy <= {1 - bound:.4f} for any classifier")


if __name__ == "__main__":
    main()
