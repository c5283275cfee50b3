"""Writes binary ONNX test models into the directory given as argv[1].

named.onnx     named nodes, fp16 weights large enough to become blobs
external.onnx  weights stored as external data (external.onnx.data)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

# Named nodes, fp16.
w = numpy_helper.from_array(
    np.arange(8 * 4 * 3 * 3, dtype=np.float16).reshape(8, 4, 3, 3), "conv.weight")
graph = helper.make_graph(
    [helper.make_node("Conv", ["x", "conv.weight"], ["c"], name="features/conv1",
                      kernel_shape=[3, 3], auto_pad="SAME_UPPER", strides=[2, 2]),
     helper.make_node("Sigmoid", ["c"], ["y"], name="act")],
    "named",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT16, ["batch", 4, 9, 9])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT16, None)],
    [w])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)])
onnx.save(model, os.path.join(out, "named.onnx"))

# External data.
w = numpy_helper.from_array(np.linspace(-1, 1, 32 * 16, dtype=np.float32)
                            .reshape(16, 32), "fc.weight")
graph = helper.make_graph(
    [helper.make_node("MatMul", ["x", "fc.weight"], ["y"], name="fc")],
    "external",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 16])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, [3, 32])],
    [w])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
onnx.save(model, os.path.join(out, "external.onnx"), save_as_external_data=True,
          all_tensors_to_one_file=True, location="external.onnx.data",
          size_threshold=0)
