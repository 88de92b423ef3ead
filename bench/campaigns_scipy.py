"""SciPy reference for bench/campaigns.ts: the same adstock + Hill model fitted with
scipy.optimize.curve_fit (trust-region reflective, inside the same bounds), one start at
the middle of the box, as a user of curve_fit would write it. Reads the JSON the bench
wrote; prints one JSON object. Timing excludes the import and the file read.

usage: campaigns_scipy.py DATA.json
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import curve_fit
from scipy.signal import lfilter


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    start = time.perf_counter()
    out = []
    for channel in data["channels"]:
        x = np.asarray(channel["spend"], dtype=float)
        y = np.asarray(channel["outcome"], dtype=float)
        k_min, k_max = channel["k_min"], channel["k_max"]

        def model(_t, decay, k, shape, ceiling):
            a = lfilter([1.0], [1.0, -decay], x)
            with np.errstate(divide="ignore", over="ignore"):
                h = np.where(a > 0, 1.0 / (1.0 + (k / np.maximum(a, 1e-300)) ** shape), 0.0)
            return ceiling * h

        lower = [0.0, k_min, 0.5, 0.0]
        upper = [0.9, k_max, 4.0, max(y.max(), 1.0) * 1e6]
        p0 = [0.45, float(np.sqrt(k_min * k_max)), 2.25, float(y.max())]
        try:
            params, _ = curve_fit(model, np.arange(len(x)), y, p0=p0, bounds=(lower, upper), maxfev=20000)
            sse = float(np.sum((y - model(None, *params)) ** 2))
            out.append({"params": [float(v) for v in params], "sse": sse})
        except RuntimeError as error:
            out.append({"params": None, "sse": None, "error": str(error)})
    seconds = time.perf_counter() - start
    print(json.dumps({"scipy": scipy.__version__, "seconds": seconds, "fits": out}))


main()
