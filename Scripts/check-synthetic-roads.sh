#!/usr/bin/env bash
# France-scale road stack in small (issue 15), for CI: a SYNTHETIC PBF of COLSxROWS tiles (default 4x3, about
# 0.7 M nodes; Scripts/make-synthetic-france-pbf.sh, not real data), then
#   - the two-pass import: file node and way counts equal osmium's (`osmium fileinfo -e`);
#   - cold import with --save-cache, then the cached load (memory-mapped): the same graph and report lines;
#   - shortest paths on the contracted graph (`network paths`, 6 sources and the multi-source run, from the
#     PBF and from the cache) equal networkx's on the exported uncontracted edge list, every pair exactly.
#
#   bash Scripts/check-synthetic-roads.sh [COLSxROWS]     # needs ../shared, osmium-tool, a Python with networkx
#
# Uses $CAREACCESS_BIN when set, else builds the release binary; $PYTHON (default /tmp/peers/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
tiles=${1:-4x3}
py=${PYTHON:-/tmp/peers/bin/python}
. Scripts/careaccess-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CAREACCESS_BIN="$bin" bash Scripts/make-synthetic-france-pbf.sh "$tiles" "$tmp" | tail -4
pbf="$tmp/SYNTHETIC-france-$tiles.osm.pbf"
"$bin" network info "$pbf" --save-cache "$tmp/g.carn" --quiet > "$tmp/cold.txt"
"$bin" network info "$tmp/g.carn" --quiet > "$tmp/cached.txt"
head -3 "$tmp/cold.txt"; head -1 "$tmp/cached.txt"
osm_nodes=$(osmium fileinfo -e -g data.count.nodes "$pbf")
osm_ways=$(osmium fileinfo -e -g data.count.ways "$pbf")
grep -q "file: $osm_nodes nodes, $osm_ways ways," "$tmp/cold.txt" \
  || { echo "check-synthetic-roads: file counts differ from osmium's ($osm_nodes nodes, $osm_ways ways)" >&2; exit 1; }
# Everything but the first line (source, format, timing) is the same for the PBF and its cache.
diff <(tail -n +2 "$tmp/cold.txt" | grep -v '^Cache written') <(tail -n +2 "$tmp/cached.txt" | sed 's/(cache (osm.pbf))/(osm.pbf)/') \
  || { echo "check-synthetic-roads: the cached graph differs from the imported one" >&2; exit 1; }
echo "ok: file counts equal osmium's ($osm_nodes nodes, $osm_ways ways); the cache gives the same graph"
"$bin" network export "$tmp/g.carn" --out-dir "$tmp/csv" > /dev/null
for input in "$pbf" "$tmp/g.carn"; do
  "$bin" network paths "$input" --sources 6 --seed 15 --multi --out "$tmp/ours.csv" > /dev/null
  printf '%s: ' "$(basename "$input")"
  "$py" Scripts/network_networkx_check.py "$tmp/csv/edges.csv" --compare "$tmp/ours.csv"
done
echo "check-synthetic-roads: all checks passed"
