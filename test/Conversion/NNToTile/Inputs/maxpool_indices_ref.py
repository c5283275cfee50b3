"""Checks MaxPool values and Indices against a direct loop over the windows.

usage: maxpool_indices_ref.py X.npy Y.npy I.npy KH,KW SH,SW PT,PL DH,DW ORDER
(ORDER 0: row-major positions in a plane, 1: column-major). The first
maximum of a window in row-major tap order wins, as in ONNX's reference.
"""
import sys

import numpy as np

x, y, idx = (np.load(f) for f in sys.argv[1:4])
kh, kw = map(int, sys.argv[4].split(","))
sh, sw = map(int, sys.argv[5].split(","))
pt, pl = map(int, sys.argv[6].split(","))
dh, dw = map(int, sys.argv[7].split(","))
column_major = sys.argv[8] == "1"
n, c, h, w = x.shape
assert idx.dtype == np.int64, idx.dtype
ref_y = np.empty(y.shape, x.dtype)
ref_i = np.empty(y.shape, np.int64)
for b in range(n):
    for ch in range(c):
        for oh in range(y.shape[2]):
            for ow in range(y.shape[3]):
                best, pos = None, -1
                for i in range(kh):
                    for j in range(kw):
                        ih, iw = oh * sh + i * dh - pt, ow * sw + j * dw - pl
                        if not (0 <= ih < h and 0 <= iw < w):
                            continue
                        v = x[b, ch, ih, iw]
                        if best is None or v > best:
                            best = v
                            pos = ih + iw * h if column_major else ih * w + iw
                ref_y[b, ch, oh, ow] = best
                ref_i[b, ch, oh, ow] = (b * c + ch) * h * w + pos
if not np.array_equal(y, ref_y):
    sys.exit(f"values differ at {np.argwhere(y != ref_y)[:5].tolist()}")
if not np.array_equal(idx, ref_i):
    bad = np.argwhere(idx != ref_i)[:5].tolist()
    sys.exit(f"indices differ at {bad}: {idx[tuple(np.array(bad).T)]} vs "
             f"{ref_i[tuple(np.array(bad).T)]}")
print(f"ok: {idx.size} indices")
