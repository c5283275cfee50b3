#!/usr/bin/python3
"""Writes a Conv 3x3 (pad 1) + bias + Relu model: x [1, 8, 10, 10] ->
y [1, 16, 10, 10], seeded weights. Usage: make_conv_relu.py OUT.onnx"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
w = (rng.standard_normal((16, 8, 3, 3)) / 8).astype(np.float32)
b = (rng.standard_normal(16) / 10).astype(np.float32)
graph = helper.make_graph(
    [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv",
                      kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
     helper.make_node("Relu", ["c"], ["y"], name="relu")],
    "conv_relu",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, 10, 10])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 16, 10, 10])],
    initializer=[numpy_helper.from_array(w, "w"),
                 numpy_helper.from_array(b, "b")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.save(model, sys.argv[1])
