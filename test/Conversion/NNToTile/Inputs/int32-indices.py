#!/usr/bin/env python3
"""Copies ONNX backend node tests with their int64 index inputs as int32.

  int32-indices.py SRC_DIR DST_DIR REGEX

For every test directory of SRC_DIR whose name matches REGEX, writes
DST_DIR/<test>/ with model.onnx and test_data_set_*/ where every int64
graph input (and its data) is int32 instead: ONNX allows either for the
indices of Gather and GatherElements.
"""
import glob
import os
import re
import sys

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper


def main():
    src, dst, pattern = sys.argv[1:4]
    for test in sorted(glob.glob(os.path.join(src, "*"))):
        name = os.path.basename(test)
        if not re.match(pattern, name):
            continue
        model = onnx.load(os.path.join(test, "model.onnx"))
        inits = {i.name for i in model.graph.initializer}
        inputs = [i for i in model.graph.input if i.name not in inits]
        narrowed = set()
        for i, value in enumerate(inputs):
            tensor_type = value.type.tensor_type
            if tensor_type.elem_type == TensorProto.INT64:
                tensor_type.elem_type = TensorProto.INT32
                narrowed.add(i)
        out = os.path.join(dst, name)
        os.makedirs(out, exist_ok=True)
        onnx.save(model, os.path.join(out, "model.onnx"))
        for data in sorted(glob.glob(os.path.join(test, "test_data_set_*"))):
            out_data = os.path.join(out, os.path.basename(data))
            os.makedirs(out_data, exist_ok=True)
            for path in glob.glob(os.path.join(data, "*.pb")):
                t = TensorProto()
                with open(path, "rb") as f:
                    t.ParseFromString(f.read())
                base = os.path.basename(path)
                m = re.match(r"input_(\d+)\.pb", base)
                if m and int(m.group(1)) in narrowed:
                    a = numpy_helper.to_array(t).astype(np.int32)
                    t = numpy_helper.from_array(a, t.name)
                with open(os.path.join(out_data, base), "wb") as f:
                    f.write(t.SerializeToString())


if __name__ == "__main__":
    main()
