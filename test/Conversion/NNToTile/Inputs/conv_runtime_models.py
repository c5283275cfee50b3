"""ONNX convolutions whose weights (and input) are graph inputs.

  conv_runtime_models.py gen NAME DIR   writes DIR/NAME.onnx, DIR/x.npy,
                                        DIR/w.npy and DIR/ref.npy (a direct
                                        float64 convolution, then the
                                        epilogue)
  conv_runtime_models.py check NAME DIR [YDIR]
                                        compares YDIR/y.npy (default DIR)
                                        with DIR/ref.npy
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# name: (N, Cin, H, W, Cout, kh, kw, stride, pads [t, l, b, r], group, relu,
#        bias: a graph input too)
CASES = {
    # Cout = 20: a partly padded N tile (and padding C0 blocks).
    "cin3": (2, 3, 17, 19, 20, 3, 3, 2, [1, 1, 1, 1], 1, True, False),
    # A runtime bias too; Cout = 40 in N tiles of 16 or more.
    "bias": (1, 16, 9, 9, 40, 3, 3, 1, [1, 1, 1, 1], 1, True, True),
    # Rows of 300 pixels: L0C holds less than 256 columns, so several N
    # tiles (only a single N tile may be partly padded).
    "tiles": (1, 8, 3, 300, 256, 3, 3, 1, [1, 1, 1, 1], 1, False, True),
    # Several channel groups and N tiles: many packing units; runtime bias.
    "wide": (1, 40, 12, 11, 70, 3, 3, 1, [1, 1, 1, 1], 1, False, True),
    # Rows of 3000 pixels, wider than one tile: column tiles of a row whose
    # weights and bias tiles the preludes fill.
    "widerow": (1, 8, 2, 3000, 40, 3, 3, 1, [1, 1, 1, 1], 1, False, True),
    # 5x5 with asymmetric pads, Cout < C0.
    "k5": (1, 9, 10, 10, 5, 5, 5, 1, [2, 1, 2, 3], 1, False, False),
    # Grouped constant weights (an initializer, w.npy for the reference),
    # runtime bias: several super-groups of bias tiles.
    "gbias": (1, 32, 8, 8, 64, 3, 3, 1, [1, 1, 1, 1], 4, False, True),
    # Not supported: grouped runtime weights.
    "group2": (1, 8, 6, 6, 8, 3, 3, 1, [1, 1, 1, 1], 2, False, False),
}


def conv(x, w, stride, pads, group):
    n, cin, h, wd = x.shape
    cout, cg, kh, kw = w.shape
    t, l, b, r = pads
    xp = np.zeros((n, cin, h + t + b, wd + l + r))
    xp[:, :, t:t + h, l:l + wd] = x
    oh = (h + t + b - kh) // stride + 1
    ow = (wd + l + r - kw) // stride + 1
    y = np.zeros((n, cout, oh, ow))
    og = cout // group
    for co in range(cout):
        g = co // og
        for i in range(kh):
            for j in range(kw):
                win = xp[:, g * cg:(g + 1) * cg,
                         i:i + stride * (oh - 1) + 1:stride,
                         j:j + stride * (ow - 1) + 1:stride]
                y[:, co] += np.einsum("ncyx,c->nyx", win, w[co, :, i, j])
    return y


def main():
    mode, name, out = sys.argv[1:4]
    n, cin, h, wd, cout, kh, kw, stride, pads, group, relu, bias = CASES[name]
    if mode == "check":
        ydir = sys.argv[4] if len(sys.argv) > 4 else out
        y = np.load(os.path.join(ydir, "y.npy")).astype(np.float64)
        ref = np.load(os.path.join(out, "ref.npy"))
        if y.shape != ref.shape:
            sys.exit(f"shape {y.shape} != {ref.shape}")
        err = np.max(np.abs(y - ref) / (1e-4 + 1e-4 * np.abs(ref)))
        if not err <= 1.0:
            sys.exit(f"{name}: max scaled error {err}")
        print(f"{name}: ok")
        return
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    x = rng.uniform(-1, 1, (n, cin, h, wd)).astype(np.float32)
    w = rng.uniform(-1, 1, (cout, cin // group, kh, kw)).astype(np.float32)
    np.save(os.path.join(out, "x.npy"), x)
    np.save(os.path.join(out, "w.npy"), w)
    ref = conv(x.astype(np.float64), w.astype(np.float64), stride, pads, group)
    constw = name == "gbias"
    inputs = [("x", x.shape), ("w", w.shape)]
    if bias:
        bvals = rng.uniform(-1, 1, (cout,)).astype(np.float32)
        np.save(os.path.join(out, "b.npy"), bvals)
        ref += bvals.astype(np.float64)[None, :, None, None]
        inputs.append(("b", bvals.shape))
    nodes = [helper.make_node("Conv", [n for n, _ in inputs],
                              ["c" if relu else "y"],
                              name="rtconv", strides=[stride, stride],
                              pads=[pads[0], pads[1], pads[2], pads[3]],
                              kernel_shape=[kh, kw], group=group)]
    if relu:
        nodes.append(helper.make_node("Relu", ["c"], ["y"], name="act"))
        ref = np.maximum(ref, 0)
    np.save(os.path.join(out, "ref.npy"), ref)
    f = TensorProto.FLOAT
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, f, list(s)) for n, s in inputs
         if not (constw and n == "w")],
        [helper.make_tensor_value_info("y", f, list(ref.shape))],
        [numpy_helper.from_array(w, "w")] if constw else [])
    model = helper.make_model(graph,
                              opset_imports=[helper.make_opsetid("", 13)])
    onnx.save(model, os.path.join(out, name + ".onnx"))


main()
