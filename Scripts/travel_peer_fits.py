"""The fits an analyst would otherwise make in a notebook, on the same trips and the same folds as
`careaccess travel calibrate --trips-out` (columns distance_km, observed_min, origin_departement, fold):
one national `a + b·km` least-squares line, and one line per département of origin (national line where a
département has fewer than 10 training trips). Prints held-out figures on trips <= 30 min, like CareAccess.

    python3 Scripts/travel_peer_fits.py trips.csv [--time]

With --time, the fitting (both kinds of line, every fold) runs 10 times and the best wall time is printed.
"""
import csv, sys, time
import numpy as np

rows = list(csv.DictReader(open(sys.argv[1])))
d = np.array([float(r["distance_km"]) for r in rows])
t = np.array([float(r["observed_min"]) for r in rows])
dep = np.array([r["origin_departement"] for r in rows])
fold = np.array([int(r["fold"]) for r in rows])
ours = np.array([float(r["held_out_min"]) for r in rows])

def fit(mask):
    X = np.c_[np.ones(mask.sum()), d[mask]]
    return np.linalg.lstsq(X, t[mask], rcond=None)[0]

def fit_all():
    national = np.zeros_like(t); per_dep = np.zeros_like(t)
    for k in np.unique(fold):
        train, test = fold != k, fold == k
        a, b = fit(train)
        national[test] = a + b * d[test]
        for code in np.unique(dep[test]):
            m = train & (dep == code)
            a2, b2 = fit(m) if m.sum() >= 10 else (a, b)
            sel = test & (dep == code)
            per_dep[sel] = a2 + b2 * d[sel]
    return national, per_dep

national, per_dep = fit_all()
if '--time' in sys.argv[2:]:
    best = float('inf')
    for _ in range(10):
        start = time.perf_counter(); fit_all(); best = min(best, time.perf_counter() - start)
    print(f"numpy lstsq lines, national + per département, {len(np.unique(fold))} folds: best of 10 {best * 1000:.1f} ms")

def line(name, pred):
    m = t <= 30
    e = pred[m] - t[m]
    print(f"{name}: {m.sum()} trips: MAE {np.mean(abs(e)):.2f} min, median error {np.median(abs(e)/t[m])*100:.1f} %, "
          f"90th percentile {np.percentile(abs(e)/t[m], 90)*100:.1f} %, bias {np.mean(e):+.2f} min, off by > 5 min {np.mean(abs(e) > 5)*100:.1f} %")

line("national a + b·km (held out)", national)
line("per-département a + b·km (held out)", per_dep)
line("CareAccess calibrated (held out)", ours)
