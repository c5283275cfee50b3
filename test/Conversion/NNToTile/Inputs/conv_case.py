"""Convolution test cases in nn IR with an nc1hwc0 input and result.

  conv_case.py gen CASE DIR   writes DIR/model.mlir (weights as dense_resource
                              blobs), DIR/x.npy (the stored [N][C1][H][W][C0]
                              input) and DIR/r.npy (residual, if the case has
                              one), plus DIR/ref.npy: the expected stored
                              output from a direct convolution in float64.
  conv_case.py check CASE DIR compares DIR/y.npy with DIR/ref.npy (padding
                              channels must be exactly zero).

An f32 case compiled with --precision mixed runs the cube on f16 inputs
with fp32 accumulation: `gen` also writes DIR/ref16.npy, the convolution of
the f16-rounded input and weights, and `check CASE DIR mixed` compares with
it at rtol = atol = 1e-4 (so the accumulation must be fp32) and with the
exact ref.npy at the fp16 tolerance, 1e-2.
"""
import sys

import numpy as np

# name: (N, Cin, H, W, Cout, kh, kw, stride, pads [t, l, b, r], dilation,
#        group, bias, epilogue, dtype)
CASES = {
    "3x3": (1, 16, 10, 9, 24, 3, 3, 1, [1, 1, 1, 1], 1, 1, False, "", "f32"),
    "stride2": (2, 8, 13, 11, 16, 3, 3, 2, [1, 1, 1, 1], 1, 1, False, "", "f32"),
    "dilation2": (1, 8, 12, 12, 8, 3, 3, 1, [2, 2, 2, 2], 2, 1, False, "", "f32"),
    "1x1": (1, 32, 7, 7, 40, 1, 1, 1, [0, 0, 0, 0], 1, 1, False, "", "f32"),
    "group2": (1, 32, 8, 8, 32, 3, 3, 1, [1, 1, 1, 1], 1, 2, True, "", "f32"),
    "depthwise": (1, 32, 9, 9, 32, 3, 3, 1, [1, 1, 1, 1], 1, 32, True, "relu",
                  "f32"),
    "cin3": (1, 3, 16, 16, 20, 3, 3, 2, [1, 0, 1, 2], 1, 1, True, "", "f32"),
    "large": (1, 512, 7, 7, 512, 3, 3, 1, [1, 1, 1, 1], 1, 1, False, "", "f32"),
    "bias-relu": (1, 16, 12, 12, 32, 3, 3, 1, [1, 1, 1, 1], 1, 1, True,
                  "relu", "f32"),
    "residual": (1, 16, 8, 8, 16, 3, 3, 1, [1, 1, 1, 1], 1, 1, True,
                 "add-relu", "f32"),
    "clip": (1, 8, 6, 6, 12, 3, 3, 1, [1, 1, 1, 1], 1, 1, True, "clip",
             "f32"),
    "f16": (1, 32, 8, 8, 48, 3, 3, 1, [1, 1, 1, 1], 1, 1, True, "relu",
            "f16"),
    "bench": (1, 64, 56, 56, 64, 3, 3, 1, [1, 1, 1, 1], 1, 1, False, "",
              "f32"),
    "bench-f16": (1, 64, 56, 56, 64, 3, 3, 1, [1, 1, 1, 1], 1, 1, False, "",
                  "f16"),
    "stem": (1, 3, 224, 224, 64, 7, 7, 2, [3, 3, 3, 3], 1, 1, True, "relu",
             "f32"),
    "5x5": (1, 8, 9, 10, 8, 5, 5, 1, [2, 2, 2, 2], 1, 1, False, "", "f32"),
    "group8": (1, 64, 6, 6, 48, 3, 3, 1, [1, 1, 1, 1], 1, 8, True, "sigmoid",
               "f32"),
    "dw-f16": (1, 48, 10, 10, 48, 3, 3, 2, [1, 1, 1, 1], 1, 48, True, "relu",
               "f16"),
    "multi": (2, 32, 9, 9, 64, 3, 3, 1, [1, 1, 1, 1], 1, 2, True, "add-relu",
              "f32"),
    "wide": (1, 2048, 7, 7, 2048, 1, 1, 1, [0, 0, 0, 0], 1, 1, True, "relu",
             "f32"),
    # Output rows wider than L0A / L0C hold: tiles are pieces of one row.
    "widerow-1x1": (1, 16, 2, 5000, 16, 1, 1, 1, [0, 0, 0, 0], 1, 1, False,
                    "", "f32"),
    "widerow-3x3": (1, 16, 4, 8000, 16, 3, 3, 1, [1, 1, 1, 1], 1, 1, True,
                    "relu", "f32"),
    "widerow-stride2": (1, 8, 5, 6003, 12, 3, 3, 2, [1, 1, 1, 1], 1, 1, True,
                        "clip", "f32"),
    "widerow-dilation2": (1, 8, 3, 4100, 8, 3, 3, 1, [2, 2, 2, 2], 2, 1,
                          False, "", "f32"),
    "widerow-stem": (1, 3, 9, 9000, 20, 7, 7, 2, [3, 3, 3, 3], 1, 1, True,
                     "relu", "f32"),
    "widerow-multi": (2, 32, 3, 3000, 64, 3, 3, 1, [1, 1, 1, 1], 1, 2, True,
                      "add-relu", "f32"),
    # Mixed precision converting in the kernel: 7 f32 blocks in K chunks
    # (the odd last one in the static last chunk).
    "cin56": (1, 56, 6, 6, 16, 5, 5, 1, [2, 2, 2, 2], 1, 1, True, "relu",
              "f32"),
    # A map large enough for the stage kernel (re-converting the window for
    # each of the 16 N tiles costs more).
    "staged": (1, 64, 14, 14, 256, 3, 3, 1, [1, 1, 1, 1], 1, 1, True, "relu",
               "f32"),
}


def c0_of(dtype):
    return 8 if dtype == "f32" else 16


def pack(x, c0):
    n, c, h, w = x.shape
    c1 = -(-c // c0)
    p = np.zeros((n, c1 * c0, h, w), x.dtype)
    p[:, :c] = x
    return p.reshape(n, c1, c0, h, w).transpose(0, 1, 3, 4, 2).copy()


def conv(x, wt, b, stride, pads, dil, group):
    n, cin, h, w = x.shape
    cout, cg, kh, kw = wt.shape
    t, l, bo, r = pads
    xp = np.pad(x, ((0, 0), (0, 0), (t, bo), (l, r)))
    oh = (h + t + bo - dil * (kh - 1) - 1) // stride + 1
    ow = (w + l + r - dil * (kw - 1) - 1) // stride + 1
    y = np.zeros((n, cout, oh, ow))
    og = cout // group
    for g in range(group):
        xs = xp[:, g * cg:(g + 1) * cg]
        ws = wt[g * og:(g + 1) * og]
        for i in range(kh):
            for j in range(kw):
                win = xs[:, :, i * dil:i * dil + stride * (oh - 1) + 1:stride,
                         j * dil:j * dil + stride * (ow - 1) + 1:stride]
                y[:, g * og:(g + 1) * og] += np.einsum("nchw,oc->nohw", win,
                                                       ws[:, :, i, j])
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def blob(a):
    return "0x04000000" + a.tobytes().hex().upper()


def ttype(shape, dt, enc=False):
    s = "x".join(str(d) for d in shape)
    return f"tensor<{s}x{dt}" + (", #nn.layout<nc1hwc0>>" if enc else ">")


def gen(name, out):
    (n, cin, h, w, cout, kh, kw, s, pads, d, g, bias, epi, dt) = CASES[name]
    npdt = np.float32 if dt == "f32" else np.float16
    c0 = c0_of(dt)
    rng = np.random.default_rng(7)
    x = rng.uniform(-1, 1, (n, cin, h, w)).astype(npdt)
    wt = (rng.uniform(-1, 1, (cout, cin // g, kh, kw)) /
          np.sqrt(cin // g * kh * kw)).astype(npdt)
    b = rng.uniform(-0.5, 0.5, cout).astype(npdt) if bias else None
    y = conv(x.astype(np.float64), wt.astype(np.float64),
             None if b is None else b.astype(np.float64), s, pads, d, g)
    y16 = conv(x.astype(np.float16).astype(np.float64),
               wt.astype(np.float16).astype(np.float64),
               None if b is None else b.astype(np.float64), s, pads, d, g)
    oh, ow = y.shape[2:]
    y, y16 = epilogue(rng, epi, npdt, y, y16)
    write(out, n, cin, h, w, cout, kh, kw, s, pads, d, g, epi, dt, x, wt, b,
          y, y16, oh, ow)


def epilogue(rng, epi, npdt, y, y16):
    res = None
    if epi == "add-relu":
        res = rng.uniform(-1, 1, y.shape).astype(npdt)
    fns = {
        "add-relu": lambda v: np.maximum(v + res, 0),
        "relu": lambda v: np.maximum(v, 0),
        "clip": lambda v: np.clip(v, 0.25, 0.75),
        "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
    }
    fn = fns.get(epi, lambda v: v)
    epilogue.res = res
    return fn(y), fn(y16)


def write(out, n, cin, h, w, cout, kh, kw, s, pads, d, g, epi, dt, x, wt, b,
          y, y16, oh, ow):
    res = epilogue.res
    c0 = c0_of(dt)
    xt = ttype([n, cin, h, w], dt, True)
    yt = ttype([n, cout, oh, ow], dt, True)
    args = f"%x: {xt} {{nn.name = \"x\"}}"
    if res is not None:
        args += f", %r: {yt} {{nn.name = \"r\"}}"
    lines = [f"func.func @main({args}) -> ({yt} {{nn.name = \"y\"}}) {{"]
    lines.append(f"  %w = nn.constant dense_resource<w> : "
                 f"{ttype(wt.shape, dt)}")
    operands, types = "%x, %w", f"{xt}, {ttype(wt.shape, dt)}"
    if b is not None:
        lines.append(f"  %b = nn.constant dense_resource<b> : "
                     f"{ttype([cout], dt)}")
        operands += ", %b"
        types += ", " + ttype([cout], dt)
    lines.append(
        f"  %y = nn.conv {operands} {{strides = array<i64: {s}, {s}>, "
        f"pads = array<i64: {', '.join(map(str, pads))}>, dilations = "
        f"array<i64: {d}, {d}>, group = {g} : i64}} : ({types}) -> {yt} "
        f"loc(\"conv0\")")
    last = "%y"
    if epi == "relu":
        lines.append(f"  %e = nn.relu %y : {yt}")
        last = "%e"
    elif epi == "sigmoid":
        lines.append(f"  %e = nn.sigmoid %y : {yt}")
        last = "%e"
    elif epi == "clip":
        lines.append(f"  %e = nn.clip %y {{min = 0.25 : f32, max = 0.75 : "
                     f"f32}} : {yt}")
        last = "%e"
    elif epi == "add-relu":
        lines.append(f"  %s = nn.add %y, %r : {yt}, {yt} -> {yt}")
        lines.append(f"  %e = nn.relu %s : {yt}")
        last = "%e"
    lines.append(f"  return {last} : {yt}")
    lines.append("}")
    lines.append("{-#\n  dialect_resources: {\n    builtin: {")
    res_lines = [f"      w: \"{blob(wt)}\""]
    if b is not None:
        res_lines.append(f"      b: \"{blob(b)}\"")
    lines.append(",\n".join(res_lines))
    lines.append("    }\n  }\n#-}")
    with open(f"{out}/model.mlir", "w") as f:
        f.write("\n".join(lines) + "\n")
    np.save(f"{out}/x.npy", pack(x, c0))
    if res is not None:
        np.save(f"{out}/r.npy", pack(res, c0))
    np.save(f"{out}/ref.npy", pack(y, c0))
    np.save(f"{out}/ref16.npy", pack(y16, c0))


def compare(y, ref, tol, what):
    err = np.abs(y - ref)
    bad = err > tol + tol * np.abs(ref)
    if bad.any():
        i = np.argwhere(bad)[0]
        sys.exit(f"{what}: {bad.sum()} mismatches, first at {tuple(i)}: "
                 f"{y[tuple(i)]} vs {ref[tuple(i)]}")
    return err.max()


def check(name, out, mode=""):
    dt = CASES[name][-1]
    cout = CASES[name][4]
    tol = 1e-4 if dt == "f32" and mode != "mixed" else 1e-2
    y = np.load(f"{out}/y.npy").astype(np.float64)
    ref = np.load(f"{out}/ref.npy")
    if y.shape != ref.shape:
        sys.exit(f"shape {y.shape} != expected {ref.shape}")
    logical = y.transpose(0, 1, 4, 2, 3).reshape(y.shape[0], -1, *y.shape[2:4])
    if np.any(logical[:, cout:] != 0):
        sys.exit("padding channels are not zero")
    err = compare(y, ref, tol, "vs float64")
    if mode == "mixed":
        err16 = compare(y, np.load(f"{out}/ref16.npy"), 1e-4,
                        "vs float64 of the f16-rounded input and weights")
        print(f"ok: max abs error {err:.3g} (vs f16-rounded operands "
              f"{err16:.3g})")
        return
    print(f"ok: max abs error {err:.3g}")


if __name__ == "__main__":
    {"gen": gen, "check": check}[sys.argv[1]](*sys.argv[2:])
