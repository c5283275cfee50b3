#!/usr/bin/env python3
"""Compiles and runs ONNX backend node tests end to end and checks outputs.

For every test directory of the libonnx-testdata package whose name matches
--filter (a regular expression, default: the elementwise and activation
tests), compiles model.onnx with `ascend-compile --precision fp32`, runs every
test_data_set_* on `ascend-run`, and compares each output with the expected
one using the ONNX backend tolerances (rtol 1e-3, atol 1e-7). Prints one
line per test and a summary: passed, not compiled (with the first error
grouped by reason), failed to run, wrong results. With --min-passed N it
exits non-zero when fewer than N pass.

Run with /usr/bin/python3 (it needs numpy and the onnx module).
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = "/usr/share/libonnx-testdata/data/node"
DEFAULT_FILTER = (
    r"^test_(abs|neg|relu|exp|log|sqrt|reciprocal|sigmoid|tanh|softplus|"
    r"hardsigmoid|hardswish|leakyrelu|clip|add|sub|mul|div|max|min|pow|elu|"
    r"selu|softsign|floor|ceil|erf)(_.*)?$")


def reason(stderr):
    for line in stderr.splitlines():
        if "error:" in line:
            msg = line.split("error:", 1)[1].strip()
            msg = re.sub(r"'[^']*'", "'...'", msg)
            msg = re.sub(r"tensor<[^>]*>", "tensor<...>", msg)
            msg = re.sub(r"\d+", "N", msg)
            return msg
    return stderr.strip().splitlines()[-1] if stderr.strip() else "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--filter", default=DEFAULT_FILTER)
    p.add_argument("--min-passed", type=int, default=0)
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--data", default=DATA,
                   help="directory of test directories (default: the "
                        "libonnx-testdata node tests)")
    args = p.parse_args()
    compile_bin = os.path.join(args.build, "bin", "ascend-compile")
    run_bin = os.path.join(args.build, "bin", "ascend-run")
    tests = sorted(d for d in glob.glob(os.path.join(args.data, "*"))
                   if re.match(args.filter, os.path.basename(d)))
    counts = collections.Counter()
    reasons = collections.Counter()
    for test in tests:
        name = os.path.basename(test)
        with tempfile.TemporaryDirectory() as tmp:
            plan = os.path.join(tmp, "model.plan")
            c = subprocess.run([compile_bin, os.path.join(test, "model.onnx"),
                                "--precision", "fp32", "-o", plan],
                               capture_output=True, text=True)
            if c.returncode != 0:
                counts["not compiled"] += 1
                reasons[reason(c.stderr)] += 1
                if args.verbose:
                    print(f"{name}: not compiled: {reason(c.stderr)}")
                continue
            model = onnx.load(os.path.join(test, "model.onnx"))
            inits = {i.name for i in model.graph.initializer}
            inputs = [i.name for i in model.graph.input if i.name not in inits]
            outputs = [o.name for o in model.graph.output]
            status = "passed"
            for data in sorted(glob.glob(os.path.join(test, "test_data_set_*"))):
                specs = []
                for i, name_in in enumerate(inputs):
                    t = onnx.TensorProto()
                    with open(os.path.join(data, f"input_{i}.pb"), "rb") as f:
                        t.ParseFromString(f.read())
                    path = os.path.join(tmp, f"in{i}.npy")
                    np.save(path, numpy_helper.to_array(t))
                    specs += ["--input", f"{name_in}={path}"]
                out_dir = os.path.join(tmp, "out")
                r = subprocess.run([run_bin, plan, "--output-dir", out_dir] + specs,
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    status = "failed to run"
                    reasons["run: " + reason(r.stderr)] += 1
                    break
                for i, name_out in enumerate(outputs):
                    t = onnx.TensorProto()
                    with open(os.path.join(data, f"output_{i}.pb"), "rb") as f:
                        t.ParseFromString(f.read())
                    expected = numpy_helper.to_array(t)
                    actual = np.load(os.path.join(out_dir, f"{name_out}.npy"))
                    if actual.shape != expected.shape or not np.allclose(
                            actual.astype(np.float64), expected.astype(np.float64),
                            rtol=1e-3, atol=1e-7, equal_nan=True):
                        status = "wrong results"
                        break
                if status != "passed":
                    break
            counts[status] += 1
            if args.verbose or status != "passed":
                print(f"{name}: {status}")
    total = len(tests)
    print(f"backend end-to-end: {counts['passed']} of {total} passed, "
          f"{counts['not compiled']} not compiled, "
          f"{counts['failed to run']} failed to run, "
          f"{counts['wrong results']} wrong results")
    for msg, n in reasons.most_common():
        print(f"  {n:4d}  {msg}")
    return 0 if counts["passed"] >= args.min_passed else 1


if __name__ == "__main__":
    sys.exit(main())
