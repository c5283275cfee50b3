#!/usr/bin/python3
"""Writes the bundled example models as ONNX files with seeded random
weights (opset 13, the transformer 17):

  cnn          the README example, a small image classifier: conv + bn +
               relu, a residual block (conv, bn, relu, conv, bn, add, relu),
               max pooling, global average pooling, flatten, gemm, softmax;
               input x [1, 3, 32, 32], output y [1, 10]
  resnet_block two bottleneck residual blocks (1x1 -> 3x3 -> 1x1 with batch
               norm, the second strided with a projection shortcut);
               input x [1, 64, 28, 28]
  mlp          a three-layer perceptron (gemm + bias + relu / tanh /
               sigmoid); input x [64, 256]
  transformer  a transformer feed-forward stack: two layers of
               MatMul + bias + gelu (tanh form) + MatMul + bias + residual
               add + LayerNormalization over a [4, 32, 128] batch of tokens
               (opset 17)

    make_models.py OUT_DIR [NAME...]     (default: every model)

Run with /usr/bin/python3 (Debian's python3-onnx and numpy)."""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Graph:
    """Collects nodes and initializers; names every node after its output."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.nodes, self.inits = [], []

    def weight(self, name, shape, scale=None):
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
        scale = scale if scale is not None else 1 / np.sqrt(fan_in)
        w = (self.rng.standard_normal(shape) * scale).astype(np.float32)
        self.inits.append(numpy_helper.from_array(w, name))
        return name

    def const(self, name, value):
        self.inits.append(numpy_helper.from_array(
            np.asarray(value, dtype=np.float32), name))
        return name

    def op(self, op_type, inputs, out, **attrs):
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out,
                                           **attrs))
        return out

    def conv(self, x, cin, cout, k, name, stride=1, bn=True, relu=True):
        w = self.weight(name + "_w", [cout, cin, k, k])
        y = self.op("Conv", [x, w], name, kernel_shape=[k, k],
                    strides=[stride, stride], pads=[k // 2] * 4)
        if bn:
            g = self.const(name + "_gamma", 1 + 0.1 * self.rng.standard_normal(cout))
            b = self.const(name + "_beta", 0.1 * self.rng.standard_normal(cout))
            m = self.const(name + "_mean", 0.1 * self.rng.standard_normal(cout))
            v = self.const(name + "_var", 1 + 0.1 * self.rng.random(cout))
            y = self.op("BatchNormalization", [y, g, b, m, v], name + "_bn")
        if relu:
            y = self.op("Relu", [y], name + "_relu")
        return y

    def linear(self, x, cin, cout, name, matmul=False):
        w = self.weight(name + "_w", [cin, cout])
        b = self.const(name + "_b", 0.1 * self.rng.standard_normal(cout))
        if matmul:
            y = self.op("MatMul", [x, w], name)
            return self.op("Add", [y, b], name + "_bias")
        return self.op("Gemm", [x, w, b], name)

    def model(self, name, inputs, outputs, opset=13):
        graph = helper.make_graph(
            self.nodes, name,
            [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
             for n, s in inputs],
            [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
             for n, s in outputs],
            initializer=self.inits)
        m = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", opset)])
        m.ir_version = 8
        onnx.checker.check_model(m)
        return m


def cnn():
    g = Graph(0)
    h = g.conv("x", 3, 16, 3, "stem")
    r = g.conv(h, 16, 16, 3, "res_a")
    r = g.conv(r, 16, 16, 3, "res_b", relu=False)
    h = g.op("Relu", [g.op("Add", [h, r], "res_add")], "res_relu")
    h = g.op("MaxPool", [h], "pool", kernel_shape=[2, 2], strides=[2, 2])
    h = g.conv(h, 16, 32, 3, "conv2")
    h = g.op("GlobalAveragePool", [h], "gap")
    h = g.op("Flatten", [h], "flatten")
    h = g.linear(h, 32, 10, "fc")
    g.op("Softmax", [h], "y", axis=1)
    return g.model("cnn", [("x", [1, 3, 32, 32])], [("y", [1, 10])])


def resnet_block():
    g = Graph(1)

    def bottleneck(x, cin, mid, cout, stride, name):
        h = g.conv(x, cin, mid, 1, name + "_c1")
        h = g.conv(h, mid, mid, 3, name + "_c2", stride=stride)
        h = g.conv(h, mid, cout, 1, name + "_c3", relu=False)
        if stride != 1 or cin != cout:
            x = g.conv(x, cin, cout, 1, name + "_proj", stride=stride,
                       relu=False)
        return g.op("Relu", [g.op("Add", [h, x], name + "_add")],
                    name + "_out")

    h = bottleneck("x", 64, 32, 64, 1, "block1")
    bottleneck(h, 64, 64, 128, 2, "y")
    return g.model("resnet_block", [("x", [1, 64, 28, 28])],
                   [("y_out", [1, 128, 14, 14])])


def mlp():
    g = Graph(2)
    h = g.op("Relu", [g.linear("x", 256, 512, "fc1")], "relu1")
    h = g.op("Tanh", [g.linear(h, 512, 256, "fc2")], "tanh2")
    g.op("Sigmoid", [g.linear(h, 256, 64, "fc3")], "y")
    return g.model("mlp", [("x", [64, 256])], [("y", [64, 64])])


def transformer():
    g = Graph(3)

    def gelu(x, name):
        # 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        x3 = g.op("Mul", [g.op("Mul", [x, x], name + "_sq"), x], name + "_cube")
        inner = g.op("Add", [x, g.op("Mul", [x3, g.const(name + "_k", 0.044715)],
                                     name + "_kx3")], name + "_inner")
        t = g.op("Tanh", [g.op("Mul", [inner, g.const(
            name + "_s", np.sqrt(2 / np.pi))], name + "_scaled")], name + "_tanh")
        half = g.op("Mul", [x, g.const(name + "_half", 0.5)], name + "_halfx")
        return g.op("Add", [half, g.op("Mul", [half, t], name + "_ht")], name)

    h = "x"
    for layer in range(2):
        name = f"ffn{layer}"
        u = gelu(g.linear(h, 128, 512, name + "_up", matmul=True), name + "_gelu")
        d = g.linear(u, 512, 128, name + "_down", matmul=True)
        r = g.op("Add", [h, d], name + "_res")
        gamma = g.const(name + "_gamma", 1 + 0.1 * g.rng.standard_normal(128))
        beta = g.const(name + "_beta", 0.1 * g.rng.standard_normal(128))
        h = g.op("LayerNormalization", [r, gamma, beta],
                 name + "_ln" if layer == 0 else "y")
    # LayerNormalization is an opset 17 op.
    return g.model("transformer", [("x", [4, 32, 128])],
                   [("y", [4, 32, 128])], opset=17)


MODELS = {"cnn": cnn, "resnet_block": resnet_block, "mlp": mlp,
          "transformer": transformer}


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 else 1)
    out = sys.argv[1]
    names = sys.argv[2:] or list(MODELS)
    os.makedirs(out, exist_ok=True)
    for name in names:
        if name not in MODELS:
            sys.exit(f"make_models.py: unknown model '{name}' "
                     f"(known: {', '.join(MODELS)})")
        onnx.save(MODELS[name](), os.path.join(out, name + ".onnx"))


if __name__ == "__main__":
    main()
