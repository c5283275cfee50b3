#!/usr/bin/env python3
"""Imports every ONNX backend node-test model whose ops are all supported.

Reads the supported op list from lib/Import/OnnxOps.def, finds the models of
the libonnx-testdata package, runs `ascend-translate --import-onnx` on each
model whose ops are all supported, and prints a summary: how many import,
how many fail, and the failures grouped by reason. With --min-imported N it
exits non-zero when fewer than N import (a regression floor for CI).

Run with /usr/bin/python3 (it needs the onnx module).
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys

import onnx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = "/usr/share/libonnx-testdata/data/node"


def supported_ops():
    with open(os.path.join(ROOT, "lib", "Import", "OnnxOps.def")) as f:
        return set(re.findall(r"^ONNX_OP\((\w+)\)", f.read(), re.M))


def reason(stderr):
    """The first error line, with names and numbers blurred into a category."""
    for line in stderr.splitlines():
        if "error:" in line:
            msg = line.split("error:", 1)[1].strip()
            # Drop the node location: group by what went wrong, not where.
            msg = re.sub(r'^loc\(.*?\)\): ', "", msg)
            msg = re.sub(r"^node '[^']*' ", "", msg)
            msg = re.sub(r"'[^']*'", "'...'", msg)
            msg = re.sub(r"tensor<[^>]*>", "tensor<...>", msg)
            msg = re.sub(r"\[[0-9, ]*\]", "[...]", msg)
            msg = re.sub(r"\b\d+\b", "N", msg)
            return msg[:160]
    return stderr.strip().splitlines()[-1][:160] if stderr.strip() else "crash"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--translate", required=True, help="ascend-translate")
    ap.add_argument("--min-imported", type=int, default=0)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    ops = supported_ops()
    models = sorted(glob.glob(os.path.join(DATA, "*", "model.onnx")))
    if not models:
        print(f"no models under {DATA}: is libonnx-testdata installed?")
        return 1
    imported, failed, skipped = [], collections.defaultdict(list), 0
    for path in models:
        name = os.path.basename(os.path.dirname(path))
        model = onnx.load(path, load_external_data=False)
        used = {n.op_type for n in model.graph.node if n.domain in ("", "ai.onnx")}
        if any(n.domain not in ("", "ai.onnx") for n in model.graph.node) or \
                not used <= ops:
            skipped += 1
            continue
        proc = subprocess.run([args.translate, "--import-onnx", path,
                               "-o", os.devnull],
                              capture_output=True, text=True, timeout=120)
        if proc.returncode == 0:
            imported.append(name)
        elif proc.returncode < 0:
            failed["crash (signal %d)" % -proc.returncode].append(name)
        else:
            failed[reason(proc.stderr)].append(name)

    total = len(imported) + sum(len(v) for v in failed.values())
    print(f"backend node models: {len(models)}, with only supported ops: "
          f"{total}, skipped (other ops): {skipped}")
    print(f"imported: {len(imported)}")
    print(f"failed: {total - len(imported)}")
    for why, names in sorted(failed.items(), key=lambda kv: -len(kv[1])):
        shown = names if args.verbose else names[:6]
        more = "" if len(shown) == len(names) else f", ... (+{len(names) - len(shown)})"
        print(f"  {len(names):4d}  {why}\n        {', '.join(shown)}{more}")
    if len(imported) < args.min_imported:
        print(f"REGRESSION: {len(imported)} imported, floor is {args.min_imported}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
