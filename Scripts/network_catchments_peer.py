#!/usr/bin/env python3
"""scipy.sparse.csgraph peer of `NetworkTiming catchments --export-dir DIR` (Benchmarks/), for
Scripts/bench-france-roads.sh: the same bounded searches on the same CSR, timed, and compared exactly.

    python3 Scripts/network_catchments_peer.py DIR --limit 20 --limit 30 [--chunk 4]

Reads the reverse CSR (rev_offsets.i32, rev_sources.i32, rev_minutes.f64: row v lists the edges u -> v, so a
search from a site gives minutes *to* it), the snapped site and commune nodes and the commune connector
minutes, then for the sample sites (sample_sites.i32; our rows in sample_L.csv) (started at 0 minutes at their node) runs
`dijkstra(csr, indices=chunk, limit=L)` chunk by chunk (each call fills a dense chunk x n array: a full
national row per source) and keeps, per site, every commune whose node minutes + connector <= L. Prints the
time (best of --repeat, ms) and checks that the pairs and minutes equal CareAccess's bit for bit. Then, for
each row_K.f64 (CareAccess's unbounded search from sample site K on its contracted graph: every node's
minutes), runs scipy's unbounded dijkstra on the full CSR from the same node and checks the two rows are equal
bit for bit, every node (contracted = uncontracted on the national graph).
"""
import argparse
import csv
import os
import sys
import time

import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--limit", type=float, action="append")
    ap.add_argument("--chunk", type=int, default=4, help="sources per scipy call (a dense chunk x n float64 array)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    d = args.dir
    off = np.fromfile(os.path.join(d, "rev_offsets.i32"), dtype=np.int32)
    src = np.fromfile(os.path.join(d, "rev_sources.i32"), dtype=np.int32)
    w = np.fromfile(os.path.join(d, "rev_minutes.f64"), dtype=np.float64)
    n = len(off) - 1
    if (w <= 0).any():
        sys.exit("network_catchments_peer: zero-weight edges would vanish from the sparse matrix")
    g = csr_matrix((w, src, off), shape=(n, n))
    commune_nodes = np.fromfile(os.path.join(d, "commune_nodes.i32"), dtype=np.int32)
    commune_minutes = np.fromfile(os.path.join(d, "commune_minutes.f64"), dtype=np.float64)
    site_nodes = np.fromfile(os.path.join(d, "site_nodes.i32"), dtype=np.int32)
    attached = np.nonzero(commune_nodes >= 0)[0]
    print(f"graph: {n} nodes, {len(src)} edges; scipy {scipy.__version__}, numpy {np.__version__}")
    sample = np.fromfile(os.path.join(d, "sample_sites.i32"), dtype=np.int32).tolist()
    for limit in args.limit or [20.0]:
        path = os.path.join(d, f"sample_{limit:.0f}.csv")
        ours = {}
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                ours.setdefault(int(r["site"]), []).append((int(r["commune"]), float(r["minutes"])))
        best, rows = float("inf"), None
        for _ in range(args.repeat):
            t = time.perf_counter()
            rows = {}
            for k in range(0, len(sample), args.chunk):
                chunk = sample[k: k + args.chunk]
                dist = dijkstra(g, directed=True, indices=site_nodes[chunk], limit=limit)
                for row, j in zip(dist, chunk):
                    m = row[commune_nodes[attached]] + commune_minutes[attached]
                    keep = np.nonzero(m <= limit)[0]
                    rows[j] = list(zip(attached[keep].tolist(), m[keep].tolist()))
            best = min(best, (time.perf_counter() - t) * 1e3)
        pairs = sum(len(v) for v in rows.values())
        mismatched = [j for j in sample if sorted(rows.get(j, [])) != sorted(ours.get(j, []))]
        print(f"scipy sample_bounded_{limit:.0f}_ms {best:.1f}  ({len(sample)} sites, chunks of {args.chunk}, {pairs} pairs)")
        if mismatched:
            sys.exit(f"network_catchments_peer: {len(mismatched)} sites differ from CareAccess at {limit} min (first: {mismatched[0]})")
        print(f"check {limit:.0f} min: every pair and minute equal to CareAccess's ({pairs} pairs, {len(sample)} sites)")

    k = 0
    while os.path.exists(os.path.join(d, f"row_{k}.f64")):
        ours_row = np.fromfile(os.path.join(d, f"row_{k}.f64"), dtype=np.float64)
        node = site_nodes[sample[k]]
        t = time.perf_counter()
        theirs = dijkstra(g, directed=True, indices=int(node))
        ms = (time.perf_counter() - t) * 1e3
        if not np.array_equal(ours_row, theirs):
            bad = int(np.nonzero(ours_row != theirs)[0][0])
            sys.exit(f"network_catchments_peer: unbounded row {k} (node {node}) differs at node {bad}: {ours_row[bad]!r} vs scipy {theirs[bad]!r}")
        print(f"check unbounded row {k} (node {node}): all {n} node minutes equal to scipy's on the full graph "
              f"({int(np.isfinite(theirs).sum())} finite; scipy {ms:.0f} ms)")
        k += 1


if __name__ == "__main__":
    main()
