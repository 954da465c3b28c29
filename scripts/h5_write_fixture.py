#!/usr/bin/env python3
"""Writes an HDF5 fixture with h5py for Tandem's HDF5 cross-check tests, and prints a JSON manifest.

Usage: h5_write_fixture.py OUT.h5

The file holds datasets of many dtypes and ranks (including big-endian, gzip+shuffle, scalar and empty ones),
nested groups, attributes of every kind, a string dataset, and a ModelNet-style point-cloud group. The JSON
printed on stdout lists every dataset (path, dtype, shape, flat values) and attribute (object, name, kind,
value) so the Swift test compares what Tandem reads with what numpy wrote.
"""
import json
import sys

import h5py
import numpy as np


def exact(array):
    """Flat values; floats as repr strings, because some JSON parsers round the last digit."""
    values = array.ravel().tolist()
    return [repr(float(x)) for x in values] if array.dtype.kind == "f" else values


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: h5_write_fixture.py OUT.h5")
    out = sys.argv[1]
    rng = np.random.default_rng(7)
    datasets = {
        "f32_1d": rng.standard_normal(7).astype(np.float32),
        "f64_2d": rng.standard_normal((3, 4)),
        "groups/a/b/i64_3d": rng.integers(-(2**40), 2**40, size=(2, 3, 4), dtype=np.int64),
        "groups/a/i32_4d": rng.integers(-(2**31), 2**31 - 1, size=(2, 1, 3, 2), dtype=np.int32),
        "u8_2d": rng.integers(0, 256, size=(5, 1), dtype=np.uint8),
        "i16_1d": np.array([-32768, -1, 0, 1, 32767], dtype=np.int16),
        "u16_1d": np.array([0, 1, 65535], dtype=np.uint16),
        "i8_1d": np.array([-128, 0, 127], dtype=np.int8),
        "big_endian_f32": np.arange(6, dtype=">f4").reshape(2, 3) * 0.25,
        "big_endian_i32": np.arange(-3, 3, dtype=">i4"),
        "scalar_f64": np.float64(2.718281828459045),
        "empty_f32": np.zeros((0, 3), dtype=np.float32),
    }
    with h5py.File(out, "w") as f:
        for path, value in datasets.items():
            f.create_dataset(path, data=value)
        gz = rng.standard_normal((40, 16, 3)).astype(np.float32)
        f.create_dataset("compressed/gzip_f32", data=gz, compression="gzip", compression_opts=6, shuffle=True, chunks=(8, 16, 3))
        datasets["compressed/gzip_f32"] = gz
        f.create_dataset("strings_vlen", data=["sphere", "cube", "Möbius"], dtype=h5py.string_dtype())
        f.create_dataset("strings_fixed", data=np.array([b"ab", b"cde"], dtype="S5"))
        pc = f.create_group("modelnet")
        pc.create_dataset("data", data=rng.standard_normal((4, 8, 3)).astype(np.float32))
        pc.create_dataset("label", data=np.array([[0], [2], [1], [2]], dtype=np.uint8))
        pc.attrs["class_names"] = ["airplane", "bathtub", "bed"]
        datasets["modelnet/data"] = pc["data"][()]
        datasets["modelnet/label"] = pc["label"][()]
        f.attrs["title"] = "fixture ✓"
        f.attrs["count"] = np.int64(42)
        f.attrs["small_int"] = np.int16(-7)
        f.attrs["ratio"] = 0.5
        f.attrs["ratio32"] = np.float32(0.25)
        f.attrs["ints"] = np.array([1, 2, 3], dtype=np.int32)
        f.attrs["doubles"] = np.array([1.5, -2.25])
        f.attrs["names"] = ["x", "yy"]
        f["f32_1d"].attrs["unit"] = "m"
    manifest = {
        "datasets": [
            {"path": "/" + p, "dtype": np.dtype(v.dtype).newbyteorder("=").name, "shape": list(np.shape(v)),
             "values": exact(np.asarray(v))}
            for p, v in datasets.items()
        ],
        "strings": {"/strings_vlen": ["sphere", "cube", "Möbius"], "/strings_fixed": ["ab", "cde"]},
        "attributes": {
            "title": "fixture ✓", "count": 42, "small_int": -7, "ratio": 0.5, "ratio32": 0.25,
            "ints": [1, 2, 3], "doubles": [1.5, -2.25], "names": ["x", "yy"],
        },
    }
    json.dump(manifest, sys.stdout)


if __name__ == "__main__":
    main()
