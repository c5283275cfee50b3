#!/usr/bin/env python3
"""Benchmarks `ascend-translate --import-onnx` on a model with ~10 MB of weights.

Generates the model (a conv stack and a fully connected layer, float32,
~11 MB file), imports it --repeat times, and reports the median and best
wall time and the peak memory. Memory is reported as the import's peak
resident set size minus that of importing a tiny model (the tool's own
footprint: libMLIR, libonnx, ...), and as a multiple of the model file size.
It reports; it asserts nothing about time.

Run with /usr/bin/python3 (it needs numpy and onnx).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def make_model(path):
    rng = np.random.default_rng(0)
    nodes, inits, x = [], [], "x"
    chans = [3, 64, 128, 256, 256]
    for i in range(4):
        w = rng.standard_normal((chans[i + 1], chans[i], 3, 3), dtype=np.float32)
        b = rng.standard_normal((chans[i + 1],), dtype=np.float32)
        inits += [numpy_helper.from_array(w, f"conv{i}.weight"),
                  numpy_helper.from_array(b, f"conv{i}.bias")]
        nodes.append(helper.make_node(
            "Conv", [x, f"conv{i}.weight", f"conv{i}.bias"], [f"c{i}"],
            name=f"conv{i}", pads=[1, 1, 1, 1]))
        nodes.append(helper.make_node("Relu", [f"c{i}"], [f"r{i}"], name=f"relu{i}"))
        x = f"r{i}"
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["gap"], name="gap"))
    nodes.append(helper.make_node("Flatten", ["gap"], ["flat"], name="flatten"))
    fc = rng.standard_normal((256, 7000), dtype=np.float32)
    inits.append(numpy_helper.from_array(fc, "fc.weight"))
    nodes.append(helper.make_node("MatMul", ["flat", "fc.weight"], ["y"], name="fc"))
    graph = helper.make_graph(
        nodes, "bench",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 32, 32])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], inits)
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]),
              path)


def run(cmd):
    """Wall time (s) and peak RSS (KiB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--translate", required=True, help="ascend-translate")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "bench.onnx")
        make_model(model)
        tiny = os.path.join(tmp, "tiny.onnxtxt")
        with open(tiny, "w") as f:
            f.write('<ir_version: 8, opset_import: ["" : 13]>\n'
                    "g (float[1] X) => (float[1] Y) { Y = Relu(X) }\n")
        size = os.path.getsize(model)
        out = os.path.join(tmp, "out.mlir")
        cmd = [args.translate, "--import-onnx", model, "--input-shape",
               "x:1,3,32,32", "-o", out]
        times, peaks = [], []
        for _ in range(args.repeat):
            t, rss = run(cmd)
            times.append(t)
            peaks.append(rss)
        base = max(run([args.translate, "--import-onnx", tiny, "-o", out])[1]
                   for _ in range(3))
        peak = max(peaks)
        extra = (peak - base) * 1024
        print(f"model: {size / 1e6:.1f} MB of ONNX ({args.repeat} runs)")
        print(f"import time: median {statistics.median(times):.3f} s, "
              f"best {min(times):.3f} s")
        print(f"peak RSS: {peak / 1024:.1f} MiB; tool baseline (tiny model) "
              f"{base / 1024:.1f} MiB; import {extra / 1e6:.1f} MB = "
              f"{extra / size:.2f}x the model file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
