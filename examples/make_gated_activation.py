#!/usr/bin/python3
"""Writes a WaveNet-style gated activation block as ONNX:
out = tanh(a) * sigmoid(b) + 0.1 * relu(a), over [16, 2048] inputs.

Every op of this model lowers to the NPU today (elementwise kernels); the
CNN example waits for the cube lowering.
Run with /usr/bin/python3 (Debian's python3-onnx)."""
import sys

import onnx
from onnx import TensorProto, helper

shape = [16, 2048]
nodes = [
    helper.make_node("Tanh", ["a"], ["ta"], name="tanh_a"),
    helper.make_node("Sigmoid", ["b"], ["sb"], name="sigmoid_b"),
    helper.make_node("Mul", ["ta", "sb"], ["gate"], name="gate"),
    helper.make_node("Relu", ["a"], ["ra"], name="relu_a"),
    helper.make_node("Constant", [], ["scale"], name="scale",
                     value=helper.make_tensor("scale", TensorProto.FLOAT, [],
                                              [0.1])),
    helper.make_node("Mul", ["ra", "scale"], ["leak"], name="leak"),
    helper.make_node("Add", ["gate", "leak"], ["out"], name="residual"),
]
graph = helper.make_graph(
    nodes, "gated_activation",
    [helper.make_tensor_value_info("a", TensorProto.FLOAT, shape),
     helper.make_tensor_value_info("b", TensorProto.FLOAT, shape)],
    [helper.make_tensor_value_info("out", TensorProto.FLOAT, shape)])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1] if len(sys.argv) > 1 else "gated_activation.onnx")
