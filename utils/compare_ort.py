#!/usr/bin/python3
"""Compiles an ONNX model, runs it on the emulator and on ONNX Runtime with
the same seeded random inputs, and compares every output.

    compare_ort.py MODEL.onnx [--precision fp32|mixed|fp16] [--min-cosine C]
                   [--input-shape NAME:D0,...]... [--build DIR] [--work DIR]

Prints, per output, the cosine similarity and the largest absolute and
relative errors against ONNX Runtime, then the emulator's profile summary
line. Exits 1 when an output's cosine similarity is below --min-cosine or a
tool fails. The reference is utils/ort_run.js (onnxruntime-node, installed
by scripts/setup-ort.sh). Run with /usr/bin/python3 (numpy and onnx).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NP_TYPES = {onnx.TensorProto.FLOAT: np.float32,
            onnx.TensorProto.FLOAT16: np.float16}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit(f"compare_ort: failed: {' '.join(cmd)}")
    return p.stdout + p.stderr


def make_inputs(model, overrides, rng, work):
    initializers = {i.name for i in model.graph.initializer}
    args = []
    for vi in model.graph.input:
        if vi.name in initializers:
            continue
        t = vi.type.tensor_type
        if t.elem_type not in NP_TYPES:
            sys.exit(f"compare_ort: input '{vi.name}' has an unsupported "
                     f"element type {t.elem_type}")
        dims = overrides.get(vi.name) or [d.dim_value for d in t.shape.dim]
        if any(d <= 0 for d in dims):
            sys.exit(f"compare_ort: input '{vi.name}' has a dynamic shape; "
                     "pass --input-shape")
        x = rng.standard_normal(dims).astype(NP_TYPES[t.elem_type])
        path = os.path.join(work, f"in_{len(args)}.npy")
        np.save(path, x)
        args.append(f"{vi.name}={path}")
    return args


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("model")
    p.add_argument("--precision", default="fp32")
    p.add_argument("--min-cosine", type=float, default=0.9999)
    p.add_argument("--input-shape", action="append", default=[])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--work")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="compare_ort.")
    os.makedirs(work, exist_ok=True)
    overrides = {}
    for spec in args.input_shape:
        name, dims = spec.split(":", 1)
        overrides[name] = [int(d) for d in dims.split(",")]

    model = onnx.load(args.model)
    inputs = make_inputs(model, overrides, np.random.default_rng(args.seed),
                         work)
    plan = os.path.join(work, "model.plan")
    shapes = sum((["--input-shape", s] for s in args.input_shape), [])
    run([os.path.join(args.build, "bin", "ascend-compile"), args.model,
         "-o", plan, "--precision", args.precision] + shapes)
    feeds = sum((["--input", a] for a in inputs), [])
    profile = run([os.path.join(args.build, "bin", "ascend-run"), plan,
                   "--output-dir", os.path.join(work, "npu"), "--profile"]
                  + feeds)
    run(["node", os.path.join(ROOT, "utils", "ort_run.js"), args.model,
         "--output-dir", os.path.join(work, "ort")] + feeds)

    ok = True
    for out in model.graph.output:
        got = np.load(os.path.join(work, "npu", out.name + ".npy"))
        ref = np.load(os.path.join(work, "ort", out.name + ".npy"))
        if got.shape != ref.shape:
            print(f"{out.name}: shape {got.shape} != reference {ref.shape}")
            ok = False
            continue
        g, r = got.astype(np.float64).ravel(), ref.astype(np.float64).ravel()
        denom = np.linalg.norm(g) * np.linalg.norm(r)
        cos = float(g @ r / denom) if denom > 0 else float(
            np.array_equal(g, r))
        err = np.abs(g - r)
        rel = float((err / np.maximum(np.abs(r), 1e-6)).max())
        good = cos >= args.min_cosine
        ok &= good
        print(f"{out.name}: shape {got.shape} cosine {cos:.7f} "
              f"max_abs_err {err.max():.3g} max_rel_err {rel:.3g} "
              f"{'ok' if good else 'BELOW ' + str(args.min_cosine)}")
    total = [l for l in profile.splitlines() if "total" in l.lower()]
    if total:
        print("emulator:", total[0].strip())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
