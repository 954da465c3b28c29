#!/usr/bin/env python3
"""Reads an HDF5 file with h5py and prints everything in it as JSON, for Tandem's cross-check tests.

Usage: h5_read_check.py FILE.h5

Output: {"datasets": {path: {"dtype", "shape", "values" (flat), "compression", "shuffle"}},
         "attributes": {object path: {name: value}}, "groups": [paths]}
Strings are decoded as UTF-8; floating-point values are printed as repr strings (exact round trip). Exits non-zero (with the h5py error) if the file cannot be read.
"""
import json
import sys

import h5py
import numpy as np


def exact(array):
    """Flat values; floats as repr strings, because some JSON parsers round the last digit."""
    values = array.ravel().tolist()
    return [repr(float(x)) for x in values] if array.dtype.kind == "f" else values


def plain(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "OSU":
            return [plain(v) for v in value.ravel().tolist()]
        return exact(value)
    if isinstance(value, np.floating):
        return repr(float(value))
    if isinstance(value, np.generic):
        return value.item()
    return value


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: h5_read_check.py FILE.h5")
    result = {"datasets": {}, "attributes": {}, "groups": []}

    def visit(name, obj):
        path = "/" + name
        if isinstance(obj, h5py.Group):
            result["groups"].append(path)
        else:
            if obj.dtype.kind in "OS":
                values = [plain(v) for v in obj.asstr()[()].ravel().tolist()] if obj.shape else [obj.asstr()[()]]
                dtype = "string"
            else:
                values = exact(np.asarray(obj[()]))
                dtype = obj.dtype.newbyteorder("=").name
            result["datasets"][path] = {
                "dtype": dtype, "shape": list(obj.shape), "values": values,
                "compression": obj.compression, "shuffle": bool(obj.shuffle),
            }
        if obj.attrs:
            result["attributes"][path] = {k: plain(v) for k, v in obj.attrs.items()}

    with h5py.File(sys.argv[1], "r") as f:
        if f.attrs:
            result["attributes"]["/"] = {k: plain(v) for k, v in f.attrs.items()}
        f.visititems(visit)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
