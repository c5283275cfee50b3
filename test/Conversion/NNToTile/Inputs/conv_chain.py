"""Two f32 convolutions in a row, for mixed precision: conv a (with bias and
an epilogue) feeds conv b, and a's result is also a graph output (so a
writes its f32 result and the f16 copy b reads).

  conv_chain.py gen CASE DIR    writes DIR/model.mlir, DIR/x.npy (stored
                                [N][C1][H][W][8]) and the expected stored
                                outputs DIR/ref_a.npy, DIR/ref_b.npy: float64
                                convolutions of the f16-rounded operands (the
                                cube's f16 mode with fp32 accumulation).
  conv_chain.py check CASE DIR  compares DIR/a.npy and DIR/b.npy with them
                                (padding channels must be exactly zero).
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conv_case import blob, compare, conv, pack, ttype  # noqa: E402

# name: (N, Cin, H, W, Ca, group a, Cb, kb)
CASES = {
    # 24 channels: the last f16 block of a's copy is half padding; the
    # epilogue adds a splat, so the mask keeps that half zero.
    "odd": (2, 16, 10, 9, 24, 1, 16, 3),
    # Four super-groups of 16 channels: each writes its own f16 blocks.
    "grouped": (1, 64, 7, 6, 64, 4, 32, 1),
}


def f16(v):
    return v.astype(np.float16).astype(np.float64)


def gen(name, out):
    n, cin, h, w, ca, ga, cb, kb = CASES[name]
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, (n, cin, h, w)).astype(np.float32)
    wa = (rng.uniform(-1, 1, (ca, cin // ga, 3, 3)) /
          np.sqrt(cin // ga * 9)).astype(np.float32)
    ba = rng.uniform(-0.5, 0.5, ca).astype(np.float32)
    wb = (rng.uniform(-1, 1, (cb, ca, kb, kb)) /
          np.sqrt(ca * kb * kb)).astype(np.float32)
    pb = kb // 2
    a = np.maximum(conv(f16(x), f16(wa), ba.astype(np.float64), 1,
                        [1, 1, 1, 1], 1, ga), 0) + 0.125
    b = conv(f16(a), f16(wb), None, 1, [pb] * 4, 1, 1)
    xt = ttype([n, cin, h, w], "f32", True)
    at = ttype([n, ca, h, w], "f32", True)
    bt = ttype([n, cb, h, w], "f32", True)
    wat, wbt = ttype(wa.shape, "f32"), ttype(wb.shape, "f32")
    attrs = "strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>"
    text = f"""func.func @main(%x: {xt} {{nn.name = "x"}}) -> ({at} {{nn.name = "a"}}, {bt} {{nn.name = "b"}}) {{
  %wa = nn.constant dense_resource<wa> : {wat}
  %ba = nn.constant dense_resource<ba> : {ttype([ca], "f32")}
  %s = nn.constant dense<0.125> : tensor<f32>
  %wb = nn.constant dense_resource<wb> : {wbt}
  %c = nn.conv %x, %wa, %ba {{{attrs}, pads = array<i64: 1, 1, 1, 1>, group = {ga} : i64}} : ({xt}, {wat}, {ttype([ca], "f32")}) -> {at} loc("conv_a")
  %r = nn.relu %c : {at} loc("relu")
  %a = nn.add %r, %s : {at}, tensor<f32> -> {at} loc("shift")
  %b = nn.conv %a, %wb {{{attrs}, pads = array<i64: {pb}, {pb}, {pb}, {pb}>, group = 1 : i64}} : ({at}, {wbt}) -> {bt} loc("conv_b")
  return %a, %b : {at}, {bt}
}}
{{-#
  dialect_resources: {{
    builtin: {{
      wa: "{blob(wa)}",
      ba: "{blob(ba)}",
      wb: "{blob(wb)}"
    }}
  }}
#-}}
"""
    with open(f"{out}/model.mlir", "w") as f:
        f.write(text)
    np.save(f"{out}/x.npy", pack(x, 8))
    np.save(f"{out}/ref_a.npy", pack(a, 8))
    np.save(f"{out}/ref_b.npy", pack(b, 8))


def check(name, out):
    channels = {"a": CASES[name][4], "b": CASES[name][6]}
    # a: fp32 accumulation of f16 products; b: also the f16 rounding of a,
    # which may land one f16 ulp (5e-4 relative) away from the reference's.
    for v, tol in (("a", 1e-4), ("b", 2e-3)):
        y = np.load(f"{out}/{v}.npy").astype(np.float64)
        ref = np.load(f"{out}/ref_{v}.npy")
        if y.shape != ref.shape:
            sys.exit(f"{v}: shape {y.shape} != expected {ref.shape}")
        logical = y.transpose(0, 1, 4, 2, 3).reshape(y.shape[0], -1,
                                                     *y.shape[2:4])
        if np.any(logical[:, channels[v]:] != 0):
            sys.exit(f"{v}: padding channels are not zero")
        err = compare(y, ref, tol, v)
        print(f"{v} ok: max abs error {err:.3g}")


if __name__ == "__main__":
    {"gen": gen, "check": check}[sys.argv[1]](*sys.argv[2:])
