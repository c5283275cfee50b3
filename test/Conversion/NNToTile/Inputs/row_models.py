"""Writes an ONNX test model of softmax, reductions, broadcasting,
normalizations or 1-D/3-D pooling.

usage: row_models.py NAME OUTDIR
Writes OUTDIR/NAME.onnx with graph inputs x (and y), output z (the
normalization and pooling models name theirs below).

softmax      Softmax(x[2,3000]) over the last axis (long rows)
softmax16    Softmax(x[37,130]) in f16
softmaxlong  Softmax and LogSoftmax of x[2,70001] (rows longer than ub,
             streamed in column chunks)
softmaxmid   Softmax(x[4,33,20], axis=1) (middle axis)
softmaxwide  Softmax of x[3,20001] (rows over 65504 bytes: copies in
             pieces) and of y[2,10000,3] over axis 1 (streamed slabs)
logsoftmax   LogSoftmax(x[64,100]) and LogSoftmax(x[3,4,5], axis=0)
reduceinner  ReduceSum/Max/Mean of x[70,33] over axis 1, keepdims 0
reduceouter  ReduceMin of x[50,24] over axis 0, ReduceSumSquare of
             x[6,7,9] over axes (1, 2) and ReduceMean of x over all axes
reducebig    ReduceSum of x[3,70000] over axis 1 (rows longer than ub)
reducewide   ReduceMax of x[70,5000] over axis 1 (3 rows a tile, folded
             chunks more than 255 blocks apart)
bcast        x[2,6,5,7] + y[1,6,1,1], x * w[7], x - v[2,6,5,1], max(x, s[1])
bcast16      x[33,40] * y[40] and x - m[33,1] in f16
many         ((x + y) * w - v) max s, all [3,37,100] (five inputs, a ragged
             tail), and the same with y[1,37,1], w[100], v[3,37,1], s[1]
layernorm    LayerNormalization(x[128,768], w[768], b[768]) -> y
layernorm3d  LayerNormalization(x[4,6,50], w[6,50], no bias, axis=1,
             epsilon=0.01) -> y (rows of 300: chunk folds)
layernorm16  LayerNormalization(x[37,130], w[130], b[130]) in f16 -> y
lnstats      LayerNormalization(x[70,33], w[33], b[33]) -> y, Mean m,
             InvStdDev r
instancenorm InstanceNormalization(x[2,5,7,9], s[5], b[5], epsilon=1e-3)
             and of y[3,70,40], t[70], c[70] (tiles of channels with a
             ragged one) -> z, w
batchnorm    BatchNormalization(Relu(x[4,80,5,7]), s, b, m, v [80]) -> y
             (a producer that is no Conv: nothing to fold into)
normlong     rows longer than ub, streamed in chunks:
             LayerNormalization(x[1,40000], w, b) -> y, Mean m, InvStdDev r;
             LayerNormalization(u[3,200,201], g[200,201], axis=1) -> l;
             InstanceNormalization(q[1,3,200,201], s[3], c[3]) -> v;
             BatchNormalization(Relu(p[1,2,300,300]), t, d, e, f [2]) -> z
normlong16   LayerNormalization(x[2,70000], w, b) in f16 (streamed) -> y
pool1d       AveragePool(x[2,4,50], kernel 5, stride 3, pads 2) -> y
pool3d       MaxPool(x[2,3,8,9,10], kernel 3, stride 2, pads 1) -> y and
             AveragePool(x, kernel 2, stride 2) -> z
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper

name, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def save(nodes, inputs, outputs, elem=TensorProto.FLOAT):
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, elem, s) for n, s in inputs],
        [helper.make_tensor_value_info(n, elem, s) for n, s in outputs])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, os.path.join(out, name + ".onnx"))


def node(op, ins, outs, **attrs):
    return helper.make_node(op, ins, outs, name=outs[0] + "_" + op, **attrs)


def axes(name, values):
    return helper.make_node(
        "Constant", [], [name], name=name,
        value=helper.make_tensor(name, TensorProto.INT64, [len(values)],
                                 values))


if name == "softmax":
    save([node("Softmax", ["x"], ["z"])], [("x", [2, 3000])], [("z", [2, 3000])])
elif name == "softmax16":
    save([node("Softmax", ["x"], ["z"])], [("x", [37, 130])],
         [("z", [37, 130])], TensorProto.FLOAT16)
elif name == "softmaxlong":
    save([node("Softmax", ["x"], ["z"]), node("LogSoftmax", ["x"], ["w"])],
         [("x", [2, 70001])], [("z", [2, 70001]), ("w", [2, 70001])])
elif name == "softmaxwide":
    save([node("Softmax", ["x"], ["z"]), node("Softmax", ["y"], ["w"], axis=1)],
         [("x", [3, 20001]), ("y", [2, 10000, 3])],
         [("z", [3, 20001]), ("w", [2, 10000, 3])])
elif name == "softmaxmid":
    save([node("Softmax", ["x"], ["z"], axis=1)], [("x", [4, 33, 20])],
         [("z", [4, 33, 20])])
elif name == "logsoftmax":
    save([node("LogSoftmax", ["x"], ["z"]),
          node("LogSoftmax", ["y"], ["w"], axis=0)],
         [("x", [64, 100]), ("y", [3, 4, 5])],
         [("z", [64, 100]), ("w", [3, 4, 5])])
elif name == "reduceinner":
    save([axes("a", [1]),
          node("ReduceSum", ["x", "a"], ["s"], keepdims=0),
          node("ReduceMax", ["x"], ["m"], axes=[1], keepdims=0),
          node("ReduceMean", ["x"], ["e"], axes=[1], keepdims=1)],
         [("x", [70, 33])], [("s", [70]), ("m", [70]), ("e", [70, 1])])
elif name == "reduceouter":
    save([node("ReduceMin", ["x"], ["n"], axes=[0], keepdims=1),
          node("ReduceSumSquare", ["y"], ["q"], axes=[1, 2], keepdims=0),
          node("ReduceMean", ["y"], ["e"], keepdims=0)],
         [("x", [50, 24]), ("y", [6, 7, 9])],
         [("n", [1, 24]), ("q", [6]), ("e", [])])
elif name == "reducebig":
    save([axes("a", [1]), node("ReduceSum", ["x", "a"], ["s"], keepdims=0)],
         [("x", [3, 70000])], [("s", [3])])
elif name == "reducewide":
    save([node("ReduceMax", ["x"], ["m"], axes=[1], keepdims=0)],
         [("x", [70, 5000])], [("m", [70])])
elif name == "bcast":
    save([node("Add", ["x", "y"], ["a"]),
          node("Mul", ["a", "w"], ["b"]),
          node("Sub", ["b", "v"], ["c"]),
          node("Max", ["c", "s"], ["z"])],
         [("x", [2, 6, 5, 7]), ("y", [1, 6, 1, 1]), ("w", [7]),
          ("v", [2, 6, 5, 1]), ("s", [1])], [("z", [2, 6, 5, 7])])
elif name == "bcast16":
    save([node("Mul", ["x", "y"], ["a"]), node("Sub", ["a", "m"], ["z"])],
         [("x", [33, 40]), ("y", [40]), ("m", [33, 1])], [("z", [33, 40])],
         TensorProto.FLOAT16)
elif name == "many":
    chain = lambda sfx, ins: [node("Add", [ins[0], ins[1]], ["a" + sfx]),
                              node("Mul", ["a" + sfx, ins[2]], ["b" + sfx]),
                              node("Sub", ["b" + sfx, ins[3]], ["c" + sfx]),
                              node("Max", ["c" + sfx, ins[4]], ["z" + sfx])]
    save(chain("", ["x", "y", "w", "v", "s"]) +
         chain("2", ["x", "y2", "w2", "v2", "s2"]),
         [("x", [3, 37, 100]), ("y", [3, 37, 100]), ("w", [3, 37, 100]),
          ("v", [3, 37, 100]), ("s", [3, 37, 100]), ("y2", [1, 37, 1]),
          ("w2", [100]), ("v2", [3, 37, 1]), ("s2", [1])],
         [("z", [3, 37, 100]), ("z2", [3, 37, 100])])
elif name == "layernorm":
    save([node("LayerNormalization", ["x", "w", "b"], ["y"])],
         [("x", [128, 768]), ("w", [768]), ("b", [768])], [("y", [128, 768])])
elif name == "layernorm3d":
    save([node("LayerNormalization", ["x", "w"], ["y"], axis=1, epsilon=0.01)],
         [("x", [4, 6, 50]), ("w", [6, 50])], [("y", [4, 6, 50])])
elif name == "layernorm16":
    save([node("LayerNormalization", ["x", "w", "b"], ["y"])],
         [("x", [37, 130]), ("w", [130]), ("b", [130])], [("y", [37, 130])],
         TensorProto.FLOAT16)
elif name == "lnstats":
    save([helper.make_node("LayerNormalization", ["x", "w", "b"],
                           ["y", "m", "r"], name="ln")],
         [("x", [70, 33]), ("w", [33]), ("b", [33])],
         [("y", [70, 33]), ("m", [70, 1]), ("r", [70, 1])])
elif name == "instancenorm":
    save([node("InstanceNormalization", ["x", "s", "b"], ["z"], epsilon=1e-3),
          node("InstanceNormalization", ["y", "t", "c"], ["w"])],
         [("x", [2, 5, 7, 9]), ("s", [5]), ("b", [5]), ("y", [3, 70, 40]),
          ("t", [70]), ("c", [70])],
         [("z", [2, 5, 7, 9]), ("w", [3, 70, 40])])
elif name == "batchnorm":
    save([node("Relu", ["x"], ["r"]),
          node("BatchNormalization", ["r", "s", "b", "m", "v"], ["y"])],
         [("x", [4, 80, 5, 7]), ("s", [80]), ("b", [80]), ("m", [80]),
          ("v", [80])], [("y", [4, 80, 5, 7])])
elif name == "normlong":
    save([helper.make_node("LayerNormalization", ["x", "w", "b"],
                           ["y", "m", "r"], name="ln"),
          node("LayerNormalization", ["u", "g"], ["l"], axis=1),
          node("InstanceNormalization", ["q", "s", "c"], ["v"]),
          node("Relu", ["p"], ["pr"]),
          node("BatchNormalization", ["pr", "t", "d", "e", "f"], ["z"])],
         [("x", [1, 40000]), ("w", [40000]), ("b", [40000]),
          ("u", [3, 200, 201]), ("g", [200, 201]), ("q", [1, 3, 200, 201]),
          ("s", [3]), ("c", [3]), ("p", [1, 2, 300, 300]), ("t", [2]),
          ("d", [2]), ("e", [2]), ("f", [2])],
         [("y", [1, 40000]), ("m", [1, 1]), ("r", [1, 1]),
          ("l", [3, 200, 201]), ("v", [1, 3, 200, 201]),
          ("z", [1, 2, 300, 300])])
elif name == "normlong16":
    save([node("LayerNormalization", ["x", "w", "b"], ["y"])],
         [("x", [2, 70000]), ("w", [70000]), ("b", [70000])],
         [("y", [2, 70000])], TensorProto.FLOAT16)
elif name == "pool1d":
    save([node("AveragePool", ["x"], ["y"], kernel_shape=[5], strides=[3],
               pads=[2, 2])], [("x", [2, 4, 50])], [("y", [2, 4, 17])])
elif name == "pool3d":
    save([node("MaxPool", ["x"], ["y"], kernel_shape=[3, 3, 3],
               strides=[2, 2, 2], pads=[1] * 6),
          node("AveragePool", ["x"], ["z"], kernel_shape=[2, 2, 2],
               strides=[2, 2, 2])],
         [("x", [2, 3, 8, 9, 10])], [("y", [2, 3, 4, 5, 5]),
                                     ("z", [2, 3, 4, 4, 5])])
else:
    sys.exit("unknown model " + name)
