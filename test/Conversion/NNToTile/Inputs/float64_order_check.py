"""Checks the signs of zeros and the dtype of mx.npy / mn.npy in argv[1]
(npytool check --exact compares values, and -0.0 == 0.0 there): Max of a
signed-zero tie is +0.0 and Min -0.0, as IEEE 754-2019 maximum/minimum (numpy
returns one of the operands by position). nx.npy / nn.npy, Max / Min of
p.npy and q.npy, must match numpy's bits, NaN payloads included."""
import sys

import numpy as np

d = sys.argv[1]
a, b, c = (np.load(f"{d}/{n}.npy") for n in "abc")
for name, expected, ties in [
        ("mx", np.maximum(np.maximum(a, b), c), 0.0),
        ("mn", np.minimum(a, b), -0.0)]:
    got = np.load(f"{d}/{name}.npy")
    assert got.dtype == np.float64, (name, got.dtype)
    zero = expected == 0
    assert np.array_equal(got[~zero].view(np.int64), expected[~zero].view(np.int64)), name
    if name == "mx":
        # +0.0 wherever any operand is +0.0.
        want = np.where((np.signbit(a) & np.signbit(b) & np.signbit(np.broadcast_to(c, a.shape))), -0.0, 0.0)
    else:
        want = np.where(np.signbit(a) | np.signbit(b), -0.0, 0.0)
    assert np.array_equal(np.signbit(got[zero]), np.signbit(want[zero])), name
p, q = np.load(f"{d}/p.npy"), np.load(f"{d}/q.npy")
for name, expected in [("nx", np.maximum(p, q)), ("nn", np.minimum(p, q))]:
    got = np.load(f"{d}/{name}.npy")
    assert np.array_equal(got.view(np.int64), expected.view(np.int64)), (
        name, got, expected)
print("signs ok")
