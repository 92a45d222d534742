#!/usr/bin/env python3
"""Writes test/fixtures/numpy-permutations.json: reference outputs of NumPy's legacy
np.random.RandomState(seed).permutation(n), which src/ml/split.ts must match bit-exactly.

Run from the repository root:  python3 scripts/tools/numpy-permutation-fixture.py
Small permutations are stored whole; long ones as head + tail + SHA-256 of the whole
(uint32 little-endian), so the fixture stays small.
"""
import hashlib
import json
import math
import pathlib

import numpy as np

SEEDS = [0, 1, 42, 2**31 - 1, 123456789, 2**32 - 1]
SIZES = [0, 1, 2, 10, 100, 2352, 70000]
STORE_WHOLE_UP_TO = 400
EDGE = 200
OUT = pathlib.Path(__file__).resolve().parents[2] / "test" / "fixtures" / "numpy-permutations.json"


def sha256_uint32le(values: np.ndarray) -> str:
    return hashlib.sha256(values.astype("<u4").tobytes()).hexdigest()


def case(seed: int, n: int, store_whole: bool) -> dict:
    permutation = np.random.RandomState(seed).permutation(n)
    entry = {"seed": seed, "n": n, "sha256": sha256_uint32le(permutation)}
    if store_whole or n <= STORE_WHOLE_UP_TO:
        entry["values"] = permutation.tolist()
    else:
        entry["head"] = permutation[:EDGE].tolist()
        entry["tail"] = permutation[-EDGE:].tolist()
    return entry


def main() -> None:
    cases = [case(seed, n, store_whole=False) for seed in SEEDS for n in SIZES]
    # The article's exact split: keep it whole so a failing test can show which index differs.
    article = case(42, 2352, store_whole=True)
    n_test = math.ceil(0.3 * 2352)
    fixture = {
        "generator": f"numpy {np.__version__} RandomState(seed).permutation(n)",
        "hash": "sha256 of the whole permutation as uint32 little-endian",
        "cases": cases,
        "article": {
            "seed": 42,
            "n": 2352,
            "testSize": 0.3,
            "validationCount": n_test,
            "trainCount": 2352 - n_test,
            "permutation": article["values"],
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases)")


if __name__ == "__main__":
    main()
