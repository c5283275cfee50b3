#!/usr/bin/env python3
"""Checks that every ONNX op in lib/Import/OnnxOps.def is imported by some
lit test in test/Import (a node `... = Op(...)` or `... = Op<...>(...)` in a
.onnxtxt file), and prints the supported-op list with the test files."""
import glob
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ops = re.findall(r"^ONNX_OP\((\w+)\)",
                 open(os.path.join(root, "lib/Import/OnnxOps.def")).read(), re.M)
tests = {}
for path in glob.glob(os.path.join(root, "test", "**", "*.onnxtxt"), recursive=True):
    text = open(path).read()
    for op in set(re.findall(r"=\s*([A-Z]\w*)\s*[<(]", text)):
        tests.setdefault(op, []).append(os.path.relpath(path, root))
missing = [op for op in ops if op not in tests]
for op in ops:
    print(f"{op}: {', '.join(sorted(tests.get(op, ['MISSING'])))}")
print(f"{len(ops)} ops, {len(ops) - len(missing)} with tests")
if missing:
    print("ops without an import test: " + ", ".join(missing))
    sys.exit(1)
