#!/usr/bin/env python3
"""p-median with existing sites fixed open: spopt's PMedian (CBC through PuLP) against CareAccess's picks.

Inputs are the reference harness's CSVs (`careaccess export-peer`: demand.csv id,x,y,population and
supply.csv id,x,y,capacity; `place --export-candidates`: candidates.csv id,x,y) and CareAccess's
`place --objective pmedian --out ours.csv` (rank,method,id,...). Crow-fly minutes as in ../shared/peers:
metres * circuity / (speed * 1000 / 60).

spopt gets the existing sites forced open (predefined_facilities_arr, p = existing + k). To keep its dense
model buildable, existing sites that are nobody's nearest existing site are left out: with every existing site
open, a demand point is never better served by an existing site that is not its nearest one, so the optimum
is unchanged (this only helps spopt). Timings are spopt's model build and solve; the dense cost matrix is
built before the clock starts, as in peer.py mclp.

Prints spopt's optimum and the objective of each CareAccess method's picks on the same matrix; exits 1 when
CareAccess's exact picks do not reach spopt's optimum (relative 1e-9), or when spopt did not prove optimality.

usage: peer_pmedian.py --demand D --supply S --candidates C --ours ours.csv --k K [--speed 60 --circuity 1.3]
"""
import argparse
import sys
import time

import numpy as np
import pandas as pd


def minutes(a, b, circuity, speed):
    d = np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))
    return d * circuity / (speed * 1000.0 / 60.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--demand", required=True)
    ap.add_argument("--supply", required=True)
    ap.add_argument("--candidates", required=True)
    ap.add_argument("--ours", required=True)
    ap.add_argument("--k", type=int, required=True)
    ap.add_argument("--speed", type=float, default=60.0)
    ap.add_argument("--circuity", type=float, default=1.3)
    ap.add_argument("--time-limit", type=float, default=600.0)
    a = ap.parse_args()

    import pulp
    from spopt.locate import PMedian

    dem = pd.read_csv(a.demand, dtype={"id": str})
    sup = pd.read_csv(a.supply, dtype={"id": str})
    sup = sup[sup.capacity > 0].reset_index(drop=True)
    cand = pd.read_csv(a.candidates, dtype={"id": str})
    ours = pd.read_csv(a.ours, dtype={"id": str})
    pop = dem.population.to_numpy(float)
    P = dem[["x", "y"]].to_numpy(float)
    cm_sup = minutes(P, sup[["x", "y"]].to_numpy(float), a.circuity, a.speed)
    cm_cand = minutes(P, cand[["x", "y"]].to_numpy(float), a.circuity, a.speed)
    nearest_existing = cm_sup.min(axis=1)
    keep = np.unique(cm_sup.argmin(axis=1))  # existing sites that are someone's nearest
    cm = np.hstack([cm_sup[:, keep], cm_cand])
    baseline = float((pop * nearest_existing).sum())
    print(f"demand={len(P)} existing={len(sup)} (kept {len(keep)}: somebody's nearest) candidates={len(cand)} "
          f"k={a.k}; baseline weighted minutes {baseline:.6f} (mean {baseline / pop.sum():.4f})")

    predefined = np.zeros(cm.shape[1], dtype=int)
    predefined[: len(keep)] = 1
    s = time.perf_counter()
    model = PMedian.from_cost_matrix(cm, pop, p_facilities=len(keep) + a.k, predefined_facilities_arr=predefined,
                                     name="pmedian_forced")
    build = time.perf_counter() - s
    s = time.perf_counter()
    model.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=a.time_limit), results=False)
    solve = time.perf_counter() - s
    status = pulp.LpStatus[model.problem.status]
    opened = np.array([v.value() > 0.5 for v in model.fac_vars])
    chosen = list(cand.id.to_numpy()[np.flatnonzero(opened[len(keep):])])
    optimum = float((pop * cm[:, opened].min(axis=1)).sum())
    print(f"[spopt PMedian forced-open] chosen={chosen} weighted_minutes={optimum:.6f} "
          f"mean={optimum / pop.sum():.4f} status={status} build_s={build:.3f} solve_s={solve:.3f}")

    index = {cid: j for j, cid in enumerate(cand.id)}
    ok = status == "Optimal"
    for method, rows in ours.groupby("method", sort=False):
        cols = [index[c] for c in rows.id]
        value = float((pop * np.minimum(nearest_existing, cm_cand[:, cols].min(axis=1))).sum())
        rel = (value - optimum) / optimum
        print(f"[CareAccess {method}] chosen={list(rows.id)} weighted_minutes={value:.6f} mean={value / pop.sum():.4f} "
              f"relative to spopt's optimum {rel:+.3e}")
        if method == "exact" and abs(rel) > 1e-9:
            ok = False
    print("OK: CareAccess exact p-median equals spopt's optimum" if ok else "DIFFERENT from spopt's optimum")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
