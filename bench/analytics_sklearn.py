"""scikit-learn reference for bench/analytics.ts (run with Debian's /usr/bin/python3).

Reads the standardised matrix (float64, row-major) and the silhouette sample rows (int32)
that the TypeScript bench wrote, fits KMeans(n_clusters=k, n_init=10) for each k, and scores
each fit with silhouette_score on the SAME sample rows, so the two silhouettes compare like
for like. Prints one JSON object. Timing excludes the import and the file read.

With OTHER_SEED, each k is fitted once more with random_state=OTHER_SEED (not timed), to
show how much scikit-learn's own silhouette moves between equally valid local optima.

With --same-starts, scikit-learn instead runs from OUR k-means++ starting centres (STARTS.bin:
for each k in KMIN..KMAX, RESTARTS blocks of k × COLS float64) on our schedule, so the
comparison isolates the Lloyd iterations from the luck of the starts (see same_starts below).

usage: analytics_sklearn.py MATRIX.bin ROWS COLS SAMPLE.bin KMIN KMAX [OTHER_SEED]
       analytics_sklearn.py --same-starts MATRIX.bin ROWS COLS SAMPLE.bin FIT_ROWS.bin
                            STARTS.bin KMIN KMAX RESTARTS SCREENING MAX_ITER
"""
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def lloyd(x, centres, max_iter):
    """One scikit-learn Lloyd run from given centres (tol 1e-4 × mean variance, as ours)."""
    k = len(centres)
    return KMeans(k, init=centres, n_init=1, algorithm="lloyd", max_iter=max_iter, tol=1e-4).fit(x)


def same_starts(argv):
    """Our pipeline with scikit-learn's Lloyd: every start runs ≤ SCREENING iterations on the
    fit sample, the lowest-inertia start (first on ties) continues to MAX_ITER in total, then
    its centres are refined on all rows (app/analytics/kmeans.ts, clustering.ts). "all_rows"
    is the plain reading instead: each start run to convergence on all rows, best inertia."""
    matrix_file, rows, cols, sample_file, fit_file, starts_file = argv[:6]
    k_min, k_max, restarts, screening, max_iter = (int(a) for a in argv[6:11])
    x = np.fromfile(matrix_file, dtype="<f8").reshape(int(rows), int(cols))
    sample = np.fromfile(sample_file, dtype="<i4")
    fit_x = x[np.fromfile(fit_file, dtype="<i4")]
    starts = np.fromfile(starts_file, dtype="<f8")
    per_k = []
    offset = 0
    for k in range(k_min, k_max + 1):
        size = restarts * k * int(cols)
        blocks = starts[offset : offset + size].reshape(restarts, k, int(cols))
        offset += size
        screened = [lloyd(fit_x, start, screening) for start in blocks]
        best = min(screened, key=lambda fit: fit.inertia_)  # min keeps the first on ties
        centres = best.cluster_centers_
        if best.n_iter_ >= screening:
            centres = lloyd(fit_x, centres, max_iter - best.n_iter_).cluster_centers_
        refined = lloyd(x, centres, max_iter)
        whole = min((lloyd(x, start, max_iter) for start in blocks), key=lambda f: f.inertia_)
        per_k.append(
            {
                "k": k,
                "inertia": float(refined.inertia_),
                "silhouette": float(silhouette_score(x[sample], refined.labels_[sample])),
                "all_rows_inertia": float(whole.inertia_),
                "all_rows_silhouette": float(silhouette_score(x[sample], whole.labels_[sample])),
            }
        )
    print(json.dumps({"sklearn": sklearn.__version__, "per_k": per_k}))


def main():
    if sys.argv[1] == "--same-starts":
        return same_starts(sys.argv[2:])
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
