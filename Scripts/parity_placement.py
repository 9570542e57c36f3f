#!/usr/bin/env python3
"""Compares one MCLP instance: CareAccess `place --method both` (ours.csv, ours.txt) against the reference
harness `peer.py mclp` (peer.csv: spopt forced-open, spopt pre-covered, greedy). Exit status 1 when the
exact objectives differ.

usage: parity_placement.py SCOPE THRESHOLD K DIR
"""
import re
import sys

import pandas as pd


def main():
    scope, t, k, d = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    ours = pd.read_csv(f"{d}/ours.csv", dtype={"id": str})
    peer = pd.read_csv(f"{d}/peer.csv").set_index("method")
    text = open(f"{d}/ours.txt", encoding="utf-8").read()
    ms = {m: float(v) for m, v in re.findall(r"^(Exact|Greedy)[^\n]*?, ([0-9.]+) ms$", text, flags=re.M)}
    travel = re.search(r"^Travel times [^\n]*?: ([0-9.]+) ms", text, flags=re.M)
    travel_ms = float(travel.group(1)) if travel else 0.0
    proven = "Exact (CBC MILP): proven optimum" in text
    size = re.search(r"model (\d+) candidates × (\d+) rows", text)
    exact = ours[ours.method == "exact"].gain.sum()
    greedy = ours[ours.method == "greedy"].gain.sum()
    spopt = peer.loc["spopt_forced_open", "new_covered_pop"]
    spopt_b = peer.loc["spopt_precovered", "new_covered_pop"]
    peer_greedy = peer.loc["greedy", "new_covered_pop"]
    spopt_s = peer.loc["spopt_forced_open", "build_s"] + peer.loc["spopt_forced_open", "solve_s"]
    spopt_b_s = peer.loc["spopt_precovered", "build_s"] + peer.loc["spopt_precovered", "solve_s"]
    wall = open(f"{d}/peer_wall.txt").read().strip().splitlines()[-1]
    n_dem = sum(1 for _ in open(f"{d}/demand.csv")) - 1
    n_cand = sum(1 for _ in open(f"{d}/candidates.csv")) - 1
    ok = abs(exact - spopt) < 0.5 and abs(exact - spopt_b) < 0.5 and proven
    gap = (exact - greedy) / exact if exact > 0 else 0.0
    print(f"== {scope} T={t} k={k}: {n_dem} communes, {n_cand} candidates"
          + (f", reduced model {size.group(1)} candidates x {size.group(2)} rows" if size else ""))
    print(f"  new covered population: CareAccess exact {exact:.0f} (proven {proven}) | spopt forced-open {spopt:.0f} "
          f"| spopt pre-covered {spopt_b:.0f} -> {'EQUAL' if ok else 'DIFFERENT'}")
    print(f"  greedy: CareAccess {greedy:.0f} (gap {gap:.4%}) | peer greedy {peer_greedy:.0f}")
    print(f"  time: CareAccess travel times {travel_ms:.1f} ms (once), then exact {ms.get('Exact', float('nan')):.1f} ms, "
          f"greedy {ms.get('Greedy', float('nan')):.1f} ms | spopt forced-open build+solve {spopt_s:.2f} s, pre-covered {spopt_b_s:.2f} s "
          f"(peer.py wall {wall} s, dense cost matrices included)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
