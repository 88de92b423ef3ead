"""scikit-learn reference for bench/analytics.ts (run with Debian's /usr/bin/python3).

Reads the standardised matrix (float64, row-major) and the silhouette sample rows (int32)
that the TypeScript bench wrote, fits KMeans(n_clusters=k, n_init=10) for each k, and scores
each fit with silhouette_score on the SAME sample rows, so the two silhouettes compare like
for like. Prints one JSON object. Timing excludes the import and the file read.

With OTHER_SEED, each k is fitted once more with random_state=OTHER_SEED (not timed), to
show how much scikit-learn's own silhouette moves between equally valid local optima.

usage: analytics_sklearn.py MATRIX.bin ROWS COLS SAMPLE.bin KMIN KMAX [OTHER_SEED]
"""
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def main():
    matrix_file, rows, cols, sample_file, k_min, k_max = sys.argv[1:7]
    x = np.fromfile(matrix_file, dtype="<f8").reshape(int(rows), int(cols))
    sample = np.fromfile(sample_file, dtype="<i4")
    per_k = []
    started = time.perf_counter()
    for k in range(int(k_min), int(k_max) + 1):
        fit_started = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        fitted = time.perf_counter()
        silhouette = silhouette_score(x[sample], model.labels_[sample])
        per_k.append(
            {
                "k": k,
                "inertia": float(model.inertia_),
                "silhouette": float(silhouette),
                "fit_seconds": fitted - fit_started,
                "silhouette_seconds": time.perf_counter() - fitted,
            }
        )
    total = time.perf_counter() - started
    if len(sys.argv) > 7:
        for entry in per_k:
            other = KMeans(n_clusters=entry["k"], n_init=10, random_state=int(sys.argv[7])).fit(x)
            entry["silhouette_other_seed"] = float(silhouette_score(x[sample], other.labels_[sample]))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "sklearn": sklearn.__version__,
                "seconds": total,
                "per_k": per_k,
                "peak_rss_mb": peak_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
