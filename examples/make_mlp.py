#!/usr/bin/python3
"""Writes a two-layer MLP as ONNX: y = sigmoid(relu(x W1 + b1) W2 + b2),
with x [64, 256], W1 [256, 512], W2 [512, 128] and seeded random weights.

Gemm + bias + activation fuse into one kernel each; the matrix products run
on the cube (fp32 mode) and the epilogues on the vector unit.
Run with /usr/bin/python3 (Debian's python3-onnx and numpy)."""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(0)
w1 = (rng.standard_normal((256, 512)) / 16).astype(np.float32)
b1 = (rng.standard_normal(512) / 10).astype(np.float32)
w2 = (rng.standard_normal((512, 128)) / 22).astype(np.float32)
b2 = (rng.standard_normal(128) / 10).astype(np.float32)

nodes = [
    helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="fc1"),
    helper.make_node("Relu", ["h"], ["hr"], name="relu1"),
    helper.make_node("Gemm", ["hr", "w2", "b2"], ["o"], name="fc2"),
    helper.make_node("Sigmoid", ["o"], ["y"], name="sigmoid"),
]
graph = helper.make_graph(
    nodes, "mlp",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [64, 256])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [64, 128])],
    initializer=[numpy_helper.from_array(w1, "w1"),
                 numpy_helper.from_array(b1, "b1"),
                 numpy_helper.from_array(w2, "w2"),
                 numpy_helper.from_array(b2, "b2")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
out = sys.argv[1] if len(sys.argv) > 1 else "mlp.onnx"
onnx.save(model, out)
np.savez(out + ".weights.npz", w1=w1, b1=b1, w2=w2, b2=b2)
