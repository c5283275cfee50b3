"""Writes a.npy [4, 8], b.npy [4, 8] and c.npy [1, 8] (float64) into the
directory argv[1]: signed zeros against each other, infinities, the largest
and smallest (subnormal) magnitudes of both signs, ties and random values;
and p.npy, q.npy [8] with NaNs of both signs and payloads."""
import sys

import numpy as np

out = sys.argv[1]
special = np.array([-0.0, 0.0, np.inf, -np.inf, 1.7976931348623157e308,
                    -1.7976931348623157e308, 5e-324, -5e-324, 2.2250738585072014e-308,
                    -2.2250738585072014e-308, 1.0, -1.0, 1e-300, -1e300, 3.5, -3.5])
rng = np.random.default_rng(7)
a = np.concatenate([special, rng.normal(0, 1e3, 16)]).reshape(4, 8)
# b pairs every special value with its neighbours and itself (ties), and
# -0.0 with 0.0 in both orders.
b = np.concatenate([special[[1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 12, 13, 14, 15]],
                    -rng.normal(0, 1e3, 16)]).reshape(4, 8)
c = np.array([[0.0, -0.0, -np.inf, np.inf, -1e-310, 1e-310, 2.0, -2.0]])
np.save(f"{out}/a.npy", a)
np.save(f"{out}/b.npy", b)
np.save(f"{out}/c.npy", c)

nan = np.float64(np.nan)
neg_nan = -nan
payload = np.array([0x7FF0000000000001], np.int64).view(np.float64)[0]
p = np.array([nan, 1.0, neg_nan, -np.inf, payload, nan, 0.0, neg_nan])
q = np.array([1.0, nan, -np.inf, neg_nan, nan, payload, neg_nan, -0.0])
np.save(f"{out}/p.npy", p)
np.save(f"{out}/q.npy", q)
