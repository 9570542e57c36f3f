#!/usr/bin/env python3
"""Compare CareAccess floating-catchment scores with PySAL `access` on the same inputs.

Usage: parity_access.py PEER_DIR DEMAND_CSV SUPPLY_CSV OUT_DIR THRESHOLD
OUT_DIR holds the CareAccess per-commune tables (score in GPs per 10,000 inhabitants):
  2sfca.csv (--method 2sfca), e2sfca_step.csv (--method e2sfca --weights luo-qi),
  e2sfca_gauss.csv (--method e2sfca --decay gaussian), 3sfca_gauss.csv (--method 3sfca --decay gaussian).
The first three are compared with the reference harness's own run (peer.py e2sfca, written with %.10g);
3SFCA with access.three_stage_fca called here on the harness's cost pairs. Exits 1 above 1e-9 relative.
"""
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd


def main():
    peer_dir, demand, supply, out, T = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
    sys.path.insert(0, peer_dir)
    import access
    from access import weights as aw
    import peer

    t0 = time.perf_counter()
    subprocess.run([sys.executable, f"{peer_dir}/peer.py", "e2sfca", "--demand", demand, "--supply", supply,
                    "--threshold", str(T), "--out", f"{out}/peer_e2sfca.csv"], check=True)
    t_peer = time.perf_counter() - t0
    ref = pd.read_csv(f"{out}/peer_e2sfca.csv", dtype={"id": str}).set_index("id")

    # 3SFCA with access on the harness's cost pairs (same construction as peer.cmd_e2sfca).
    class A:
        speed_kmh, circuity = 60.0, 1.3
    dem = peer.read_points(demand, "population")
    sup = peer.read_points(supply, "capacity")
    P, Q = peer.xy(dem), peer.xy(sup)
    i, j, c = peer.sparse_cost(P, Q, peer.radius_m(T, A) * (1 + 1e-9), A)
    cost = pd.DataFrame({"origin": dem.id.to_numpy()[i], "dest": sup.id.to_numpy()[j], "cost": c})
    acc = access.Access(demand_df=dem[["id", "population"]], demand_index="id", demand_value="population",
                        supply_df=sup[["id", "capacity"]], supply_index="id", supply_value="capacity",
                        cost_df=cost, cost_origin="origin", cost_dest="dest", cost_name="cost")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = time.perf_counter()
        r3 = acc.three_stage_fca(name="3sfca", max_cost=T, weight_fn=aw.gaussian(T / 2))
        t3 = time.perf_counter() - s
    ref["3sfca_gauss"] = r3["3sfca_capacity"].reindex(ref.index).fillna(0.0)

    worst_all = 0.0
    for name, col in [("2sfca", "2sfca"), ("e2sfca_step", "e2sfca_step"), ("e2sfca_gauss", "e2sfca_gauss"),
                      ("3sfca_gauss", "3sfca_gauss")]:
        ours = pd.read_csv(f"{out}/{name}.csv", dtype={"code": str}).set_index("code").reindex(ref.index)
        if ours["score"].isna().any():
            sys.exit(f"{name}: {int(ours['score'].isna().sum())} communes missing")
        mine = ours["score"].to_numpy(float) / 1e4
        theirs = ref[col].to_numpy(float)
        both_zero = (mine == 0) & (theirs == 0)
        rel = np.where(both_zero, 0.0, np.abs(mine - theirs) / np.maximum(np.abs(theirs), 1e-300))
        worst_all = max(worst_all, rel.max())
        print(f"{name:13s} max relative difference {rel.max():.2e}  (communes {len(rel)}, zeros ours/access "
              f"{int((mine == 0).sum())}/{int((theirs == 0).sum())})")
    print(f"peer.py e2sfca (cost matrices + access: fca, 2sfca, e2sfca step, e2sfca gauss) wall time {t_peer:.1f} s; "
          f"access three_stage_fca {t3:.2f} s")
    if worst_all > 1e-9:
        sys.exit("FAIL: relative difference above 1e-9")
    print("OK: CareAccess equals PySAL access to 1e-9 relative")


if __name__ == "__main__":
    main()
