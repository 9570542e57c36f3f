#!/usr/bin/env bash
# Road-network shortest paths: CareAccess vs networkx and scipy.sparse.csgraph on the same exported graphs,
# in the same run (CareAccess best of 5, scipy and networkx best of 3; a table per graph with the ratios
# ours/scipy and networkx/ours). Graphs: the largest real extract (Andorra, OSM) and a SYNTHETIC road-like grid of ~1 M
# nodes (seeded; `NetworkTiming bench synthetic:1000`, the timing harness of Benchmarks/).
#
#   bash Scripts/bench-network-peer.sh            # needs ../shared and /tmp/peers (networkx, scipy)
#   CAREACCESS=path/to/careaccess TIMING=path/to/NetworkTiming PYTHON=python3 bash Scripts/bench-network-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${CAREACCESS_SHARED:-../shared}"
PYTHON="${PYTHON:-/tmp/peers/bin/python}"
if [[ -z "${CAREACCESS:-}" ]]; then
  swift build -c release --product careaccess >/dev/null
  CAREACCESS="$(swift build -c release --show-bin-path)/careaccess"
fi
if [[ -z "${TIMING:-}" ]]; then
  swift build -c release --package-path Benchmarks --product NetworkTiming >/dev/null
  TIMING="$(swift build -c release --package-path Benchmarks --show-bin-path)/NetworkTiming"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

run() {  # name graph sites bounded-sources limit
  local name="$1" graph="$2" sites="$3" bsites="$4" limit="$5"
  echo "=== $name ($graph): $sites sources multi-source, $bsites sources bounded at $limit min"
  "$CAREACCESS" network export "$graph" --out-dir "$WORK/$name" >/dev/null
  "$TIMING" bench "$graph" --sites "$sites" --limit "$limit" --repeat 5 --threads 1 \
    --sources-out "$WORK/$name/sources.txt" | tee "$WORK/$name/ours-all.txt"
  "$TIMING" bench "$graph" --sites "$bsites" --limit "$limit" --repeat 5 --threads 1 | grep bounded \
    | tee "$WORK/$name/ours-bounded.txt"
  "$TIMING" bench "$graph" --sites "$bsites" --limit "$limit" --repeat 5 --threads 2 | grep bounded
  # The table compares 1-thread figures: multi-source and one-to-all of the first run, bounded with $bsites sources.
  { grep -E 'multi_source_ms|one_to_all_ms' "$WORK/$name/ours-all.txt"; cat "$WORK/$name/ours-bounded.txt"; } \
    > "$WORK/$name/ours.txt"
  "$PYTHON" Scripts/network_peer_bench.py "$WORK/$name/edges.csv" "$WORK/$name/sources.txt" \
    --limit "$limit" --bounded-sources "$bsites" --repeat 3 --nx-repeat 3 --ours "$WORK/$name/ours.txt"
}

run andorra "$SHARED/data/roads/andorra.osm.pbf" 100 100 20
[[ "${ANDORRA_ONLY:-}" == 1 ]] && exit 0
run synthetic-1M synthetic:1000 100 20 10
