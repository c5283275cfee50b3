"""Writes a binary ONNX cube test model and its weights.

usage: cube_models.py NAME OUTDIR
Writes OUTDIR/NAME.onnx and one OUTDIR/<initializer>.npy per weight, so
that the numpy reference (npytool check) can use the same values.

matmul   x[37,70] @ w[70,45]                       ragged M, K and N
gemm     relu(x[40,64] @ w[96,64]^T * 0.5 + c[96])  transB, alpha, bias, Relu
mlp      Gemm(x[50,33], w1[33,72], b1) -> Relu -> Gemm(w2[72,16], b2)
mlp16    the same as x[48,64] -> 128 -> 32 (rows of whole fractals)
large    x[512,1024] @ w[1024,512]                  several K steps and blocks
tanh16   tanh(x[64,48] @ w[48,32] + b[32]) in f16
runtime  x[37,70] @ w[70,45], both graph inputs          runtime B, staged rows
rtgemm   relu(0.5 * a[40,24]^T @ b[72,40]^T + 2 * c[72]) runtime A^T, B^T, C
bmm      x[2,3,20,24] @ w[3,24,40]                        batch broadcast
bmm3     x[2,3,1,16,24] @ w[2,1,2,24,33]                  both sides broadcast
rt16     x[48,40] @ w[40,36] in f16, both graph inputs
residual r[37,45] - relu(x[37,70] @ w[70,45] + b[45])  runtime epilogue tensor
bres     (x[2,3,64,24] @ w[3,24,32]) * r[2,3,64,32]   batched, runtime operands
res16    r[48,36] + x[48,40] @ hw[40,36] in f16               f16 epilogue tensor
ntrt     x[40,300] @ w[300,4000], both graph inputs     N and K tiled, runtime B
ntrag    x[130,520] @ w[520,1234]            ragged M, N (N % 16 = 2) and K tiles
ntgemm   relu(a[50,64] @ b[64,1000] + c[1000]) + d, a, b, c inputs, d[1000]
         constant: cube bias row and a constant row per N tile
big      x[4096,4096] @ w[4096,4096], both graph inputs (compile only)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

name, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(1234)


def weight(wname, shape, dtype=np.float32):
    value = rng.uniform(-1, 1, size=shape).astype(dtype)
    np.save(os.path.join(out, wname + ".npy"), value)
    return numpy_helper.from_array(value, wname)


def save(nodes, inputs, outputs, inits, elem=TensorProto.FLOAT):
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, elem, s) for n, s in inputs],
        [helper.make_tensor_value_info(n, elem, s) for n, s in outputs], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, os.path.join(out, name + ".onnx"))


if name == "matmul":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="proj")],
         [("x", [37, 70])], [("y", [37, 45])], [weight("w", [70, 45])])
elif name == "gemm":
    save([helper.make_node("Gemm", ["x", "w", "c"], ["g"], name="fc",
                           transB=1, alpha=0.5),
          helper.make_node("Relu", ["g"], ["y"], name="act")],
         [("x", [40, 64])], [("y", [40, 96])],
         [weight("w", [96, 64]), weight("c", [96])])
elif name in ("mlp", "mlp16"):
    m, k, h, n = (50, 33, 72, 16) if name == "mlp" else (48, 64, 128, 32)
    save([helper.make_node("Gemm", ["x", "w1", "b1"], ["h"], name="fc1"),
          helper.make_node("Relu", ["h"], ["r"], name="relu1"),
          helper.make_node("Gemm", ["r", "w2", "b2"], ["y"], name="fc2")],
         [("x", [m, k])], [("y", [m, n])],
         [weight("w1", [k, h]), weight("b1", [h]),
          weight("w2", [h, n]), weight("b2", [n])])
elif name == "large":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="big")],
         [("x", [512, 1024])], [("y", [512, 512])], [weight("w", [1024, 512])])
elif name == "tanh16":
    save([helper.make_node("MatMul", ["x", "w"], ["m"], name="mm16"),
          helper.make_node("Add", ["m", "b"], ["a"], name="bias16"),
          helper.make_node("Tanh", ["a"], ["y"], name="tanh16")],
         [("x", [64, 48])], [("y", [64, 32])],
         [weight("w", [48, 32], np.float16), weight("b", [32], np.float16)],
         TensorProto.FLOAT16)
elif name == "runtime":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="act_mm")],
         [("x", [37, 70]), ("w", [70, 45])], [("y", [37, 45])], [])
elif name == "rtgemm":
    save([helper.make_node("Gemm", ["a", "b", "c"], ["g"], name="fc_rt",
                           transA=1, transB=1, alpha=0.5, beta=2.0),
          helper.make_node("Relu", ["g"], ["y"], name="act")],
         [("a", [24, 40]), ("b", [72, 24]), ("c", [72])], [("y", [40, 72])],
         [])
elif name == "bmm":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="bmm")],
         [("x", [2, 3, 20, 24]), ("w", [3, 24, 40])], [("y", [2, 3, 20, 40])],
         [])
elif name == "bmm3":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="bmm3")],
         [("x", [2, 3, 1, 16, 24]), ("w", [2, 1, 2, 24, 33])],
         [("y", [2, 3, 2, 16, 33])], [])
elif name == "rt16":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="mm16_rt")],
         [("x", [48, 40]), ("w", [40, 36])], [("y", [48, 36])], [],
         TensorProto.FLOAT16)
elif name == "residual":
    save([helper.make_node("MatMul", ["x", "w"], ["m"], name="res_mm"),
          helper.make_node("Add", ["m", "b"], ["a"], name="res_bias"),
          helper.make_node("Relu", ["a"], ["h"], name="res_relu"),
          helper.make_node("Sub", ["r", "h"], ["y"], name="res_sub")],
         [("x", [37, 70]), ("r", [37, 45])], [("y", [37, 45])],
         [weight("w", [70, 45]), weight("b", [45])])
elif name == "bres":
    save([helper.make_node("MatMul", ["x", "w"], ["m"], name="bres_mm"),
          helper.make_node("Mul", ["m", "r"], ["y"], name="bres_mul")],
         [("x", [2, 3, 64, 24]), ("w", [3, 24, 32]), ("r", [2, 3, 64, 32])],
         [("y", [2, 3, 64, 32])], [])
elif name == "res16":
    save([helper.make_node("MatMul", ["x", "hw"], ["m"], name="res16_mm"),
          helper.make_node("Add", ["r", "m"], ["y"], name="res16_add")],
         [("x", [48, 40]), ("r", [48, 36])], [("y", [48, 36])],
         [weight("hw", [40, 36], np.float16)], TensorProto.FLOAT16)
elif name == "ntrt":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="wide")],
         [("x", [40, 300]), ("w", [300, 4000])], [("y", [40, 4000])], [])
elif name == "ntrag":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="rag")],
         [("x", [130, 520])], [("y", [130, 1234])], [weight("w", [520, 1234])])
elif name == "ntgemm":
    save([helper.make_node("Gemm", ["a", "b", "c"], ["g"], name="fc"),
          helper.make_node("Relu", ["g"], ["r"], name="act"),
          helper.make_node("Add", ["r", "d"], ["y"], name="shift")],
         [("a", [50, 64]), ("b", [64, 1000]), ("c", [1000])], [("y", [50, 1000])],
         [weight("d", [1000])])
elif name == "big":
    save([helper.make_node("MatMul", ["x", "w"], ["y"], name="big")],
         [("x", [4096, 4096]), ("w", [4096, 4096])], [("y", [4096, 4096])], [])
else:
    sys.exit("unknown model " + name)