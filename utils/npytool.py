#!/usr/bin/python3
"""Makes and checks .npy files for tests (run with /usr/bin/python3).

  npytool.py rand OUT SHAPE DTYPE [--seed N] [--low L] [--high H]
  npytool.py eval OUT DTYPE EXPR [NAME=FILE.npy ...]
  npytool.py check ACTUAL EXPR [NAME=FILE.npy ...] [--rtol R] [--atol A]
      [--exact]

SHAPE is like 4x16. EXPR is a numpy expression over the named arrays (np is
numpy; arrays are converted to float64 unless they are integer or bool).
`check` exits non-zero and prints the worst mismatch when ACTUAL differs.
"""
import argparse
import sys

import numpy as np


def load_named(pairs):
    env = {"np": np}
    for pair in pairs:
        name, path = pair.split("=", 1)
        a = np.load(path)
        env[name] = a.astype(np.float64) if a.dtype.kind == "f" else a
    return env


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rand")
    r.add_argument("out")
    r.add_argument("shape")
    r.add_argument("dtype")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--low", type=float, default=-1.0)
    r.add_argument("--high", type=float, default=1.0)
    e = sub.add_parser("eval")
    e.add_argument("out")
    e.add_argument("dtype")
    e.add_argument("expr")
    e.add_argument("arrays", nargs="*")
    c = sub.add_parser("check")
    c.add_argument("actual")
    c.add_argument("expr")
    c.add_argument("arrays", nargs="*")
    c.add_argument("--rtol", type=float, default=1e-3)
    c.add_argument("--atol", type=float, default=1e-3)
    c.add_argument("--exact", action="store_true")
    args = p.parse_args()

    if args.cmd == "rand":
        shape = [int(d) for d in args.shape.split("x")]
        rng = np.random.default_rng(args.seed)
        dtype = np.dtype(args.dtype)
        if dtype.kind in "iu":
            a = rng.integers(int(args.low), int(args.high), size=shape)
        elif dtype.kind == "b":
            a = rng.integers(0, 2, size=shape)
        else:
            a = rng.uniform(args.low, args.high, size=shape)
        np.save(args.out, a.astype(dtype))
        return 0
    if args.cmd == "eval":
        value = eval(args.expr, load_named(args.arrays))
        np.save(args.out, np.ascontiguousarray(np.asarray(value).astype(args.dtype)))
        return 0

    actual = np.load(args.actual)
    expected = np.asarray(eval(args.expr, load_named(args.arrays)))
    if actual.shape != expected.shape:
        print(f"check: shape {actual.shape} != expected {expected.shape}")
        return 1
    a = actual.astype(np.float64)
    x = expected.astype(np.float64)
    if args.exact and actual.dtype.kind in "iub" and expected.dtype.kind in "iub":
        # As Python integers: float64 would round 64-bit values.
        bad = actual.astype(object) != expected.astype(object)
    elif args.exact:
        bad = a != x
    else:
        bad = ~np.isclose(a, x, rtol=args.rtol, atol=args.atol, equal_nan=True)
    if bad.any():
        i = np.unravel_index(np.argmax(np.abs(a - x) * bad), a.shape)
        print(f"check: {int(bad.sum())} of {a.size} elements differ; worst at "
              f"{tuple(int(v) for v in i)}: {a[i]} vs expected {x[i]}")
        return 1
    print(f"check: {args.actual} matches ({a.size} elements)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
