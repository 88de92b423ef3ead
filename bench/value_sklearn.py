"""scikit-learn's HistGradientBoostingRegressor on the rows bench/value-sklearn-data.ts wrote,
with the settings of gbdt.ts (150 rounds, rate 0.1, depth 4, 20 rows a leaf, 64 bins, L2 1)."""
import time, numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
tr = np.genfromtxt('tmp/value-train.csv', delimiter=',', skip_header=1)
ev = np.genfromtxt('tmp/value-eval.csv', delimiter=',', skip_header=1)
t = time.time()
m = HistGradientBoostingRegressor(max_iter=150, learning_rate=0.1, max_depth=4, min_samples_leaf=20, max_bins=64, l2_regularization=1, early_stopping=True, validation_fraction=0.2, random_state=1)
m.fit(tr[:, :-1], tr[:, -1])
el = time.time() - t
p = np.maximum(0, m.predict(ev[:, :-1])); y = ev[:, -1]
rmse = np.sqrt(np.mean((y - p) ** 2)); mae = np.mean(np.abs(y - p)); r2 = 1 - np.sum((y - p) ** 2) / np.sum((y - y.mean()) ** 2)
print(f"sklearn HistGradientBoostingRegressor: fit {el:.2f} s, {m.n_iter_} iterations; eval MAE {mae:.2f} RMSE {rmse:.2f} R2 {r2:.3f}")
