#!/usr/bin/env python3
"""Compare CareAccess per-commune minutes with the reference harness (scipy cKDTree) on the same points.

Usage: parity_nearest.py PEER_DIR DEMAND_CSV SUPPLY_CSV CAREACCESS_COVERAGE_CSV [--speed 60 --circuity 1.3]
Uses the harness's own reading and travel-time code (../shared/peers/peer.py: read_points, xy, minutes_from_m)
and cKDTree exactly as its `nearest` subcommand does, but keeps full precision (the harness's CSV output is
rounded to 6 decimals). Exits 1 when any relative difference exceeds 1e-9.
"""
import argparse
import sys
import time

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer_dir")
    ap.add_argument("demand")
    ap.add_argument("supply")
    ap.add_argument("careaccess_csv")
    ap.add_argument("--speed-kmh", type=float, default=60.0)
    ap.add_argument("--circuity", type=float, default=1.3)
    a = ap.parse_args()
    sys.path.insert(0, a.peer_dir)
    import peer

    dem = peer.read_points(a.demand, "population")
    sup = peer.read_points(a.supply, "capacity")
    sup = sup[sup.capacity > 0].reset_index(drop=True)
    t0 = time.perf_counter()
    dist, idx = cKDTree(peer.xy(sup), leafsize=16).query(peer.xy(dem), k=1)
    t1 = time.perf_counter()
    minutes = peer.minutes_from_m(dist, a)

    ours = pd.read_csv(a.careaccess_csv, dtype={"code": str, "nearest_site": str})
    ours = ours.set_index("code").reindex(dem.id.to_numpy())
    if ours["minutes"].isna().any():
        sys.exit(f"{int(ours['minutes'].isna().sum())} demand points missing from {a.careaccess_csv}")
    mine = ours["minutes"].to_numpy(dtype=float)
    rel = np.abs(mine - minutes) / np.maximum(np.abs(minutes), 1e-300)
    worst = int(np.argmax(rel))
    same_site = ours["nearest_site"].to_numpy() == sup.id.to_numpy()[idx]
    print(f"demand={len(dem)} supply={len(sup)} (capacity>0) cKDTree build+query {1e3 * (t1 - t0):.1f} ms")
    print(f"max relative difference in minutes: {rel.max():.3e} (at {dem.id.iloc[worst]}); "
          f"same nearest site: {int(same_site.sum())}/{len(same_site)}"
          + ("" if same_site.all() else " (differences are exact distance ties, broken differently)"))
    if not same_site.all():
        d_ours = ours["distance_m"].to_numpy(dtype=float)[~same_site]
        if np.any(d_ours != dist[~same_site]):
            sys.exit("a different nearest site with a different distance: not a tie")
    if rel.max() > 1e-9:
        sys.exit("FAIL: relative difference above 1e-9")
    print("OK: per-commune minutes equal cKDTree's to 1e-9 relative")


if __name__ == "__main__":
    main()
