#!/usr/bin/env bash
# Issue 6: GDAL must read every GeoJSON the CLI writes. Runs coverage, access and scenario with --geojson into
# a temporary folder, then checks with `ogrinfo -al -so` the feature count (= data rows of the run's --out CSV,
# the communes the run reports on) and the field names and types, and converts each file to GeoPackage with
# `ogr2ogr -f GPKG` as a second reader. The embedded fixtures carry every commune's boundary, so each file must
# be all polygons: GDAL geometry type "Multi Polygon" and every feature a MULTIPOLYGON with has_boundary = 1
# (a lost boundary turns the layer into "Unknown (any)" with points; a territory with half its boundaries
# removed checks that this check fails). Also checks that an unwritable --geojson path fails cleanly.
#
# Needs gdal-bin (ogrinfo, ogr2ogr). Uses $CAREACCESS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in ogrinfo ogr2ogr; do
  command -v "$tool" > /dev/null || { echo "check-geojson: $tool not found (apt-get install gdal-bin)" >&2; exit 1; }
done
. Scripts/careaccess-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shared="code=String name=String departement=String population=Integer has_boundary=Integer(Boolean)"

# check FILE CSV NAME=TYPE... : feature count equals the CSV's data rows; every field present with its type.
check() {
  local file=$1 csv=$2; shift 2
  local expected info count field name type
  expected=$(($(wc -l < "$csv") - 1))
  info=$(ogrinfo -ro -al -so "$file")
  count=$(sed -n 's/^Feature Count: //p' <<< "$info")
  if [ "$count" != "$expected" ]; then
    echo "check-geojson: $file: GDAL reads $count features, the run reports $expected communes" >&2; exit 1
  fi
  for field in $shared "$@"; do
    name=${field%%=*}; type=${field#*=}
    if ! grep -qxF "$name: $type (0.0)" <<< "$info" && ! grep -qxF "$name: $type (1.0)" <<< "$info"; then
      echo "check-geojson: $file: field '$name' of type $type not found; GDAL says:" >&2
      grep -E '^[a-z_]+: ' <<< "$info" >&2; exit 1
    fi
  done
  ogr2ogr -f GPKG "$tmp/copy.gpkg" "$file"
  count=$(ogrinfo -ro -al -so "$tmp/copy.gpkg" | sed -n 's/^Feature Count: //p')
  if [ "$count" != "$expected" ]; then
    echo "check-geojson: $file: the GeoPackage copy has $count features, expected $expected" >&2; exit 1
  fi
  rm -f "$tmp/copy.gpkg"
  echo "ok: $(basename "$file"): $expected features, $(($# + 5)) fields checked, $(sed -n 's/^Geometry: //p' <<< "$info") geometry, GeoPackage copy read back"
}

# polygons FILE: the number of features that are a MULTIPOLYGON with has_boundary = 1, then GDAL's geometry
# type of the layer, on one line.
polygons() {
  local layer n type
  layer=$(ogrinfo -ro -so "$1" | sed -n 's/^1: \([^ ]*\).*/\1/p')
  n=$(ogrinfo -ro -q -sql "SELECT COUNT(*) AS n FROM \"$layer\" WHERE OGR_GEOMETRY = 'MULTIPOLYGON' AND has_boundary = 1" "$1" \
    | sed -n 's/^ *n (Integer) = //p')
  type=$(ogrinfo -ro -al -so "$1" | sed -n 's/^Geometry: //p')
  echo "$n $type"
}

# all_polygons FILE CSV: every commune of the run is a MultiPolygon boundary (the fixtures have them all).
all_polygons() {
  local expected got
  expected=$(($(wc -l < "$2") - 1))
  got=$(polygons "$1")
  if [ "$got" != "$expected Multi Polygon" ]; then
    echo "check-geojson: $1: boundaries lost: $expected communes, ${got%% *} MultiPolygon features with has_boundary = 1, GDAL geometry '${got#* }' (expected 'Multi Polygon')" >&2
    exit 1
  fi
  echo "ok: $(basename "$1"): all $expected communes are MultiPolygon boundaries"
}

"$bin" coverage --out "$tmp/coverage.csv" --geojson "$tmp/coverage.geojson" > /dev/null
check "$tmp/coverage.geojson" "$tmp/coverage.csv" \
  threshold=Real minutes=Real distance_m=Real nearest_site=String nearest_site_commune=String \
  within_t="Integer(Boolean)"
all_polygons "$tmp/coverage.geojson" "$tmp/coverage.csv"

"$bin" access --method apl --out "$tmp/access.csv" --geojson "$tmp/access.geojson" > /dev/null
check "$tmp/access.geojson" "$tmp/access.csv" \
  method=String catchment=Real indicator=Real demand=Real below_threshold=Real below="Integer(Boolean)"
all_polygons "$tmp/access.geojson" "$tmp/access.csv"

"$bin" scenario Fixtures/scenarios/ardennes-maisons-de-sante.yaml --out "$tmp/scenario" \
  --geojson "$tmp/scenario.geojson" > /dev/null
check "$tmp/scenario.geojson" "$tmp/scenario/communes.csv" \
  threshold=Real minutes_before=Real minutes_after=Real minutes_change=Real \
  within_t_before="Integer(Boolean)" within_t_after="Integer(Boolean)" status=String \
  nearest_site_before=String nearest_site_after=String method=String indicator_before=Real \
  indicator_after=Real indicator_change=Real below_threshold=Real below_before="Integer(Boolean)" \
  below_after="Integer(Boolean)"
all_polygons "$tmp/scenario.geojson" "$tmp/scenario/communes.csv"

# The check above must catch lost boundaries: the Ardèche fixture with every other commune's boundary emptied
# gives a mixed layer (GDAL "Unknown (any)") whose polygons are exactly the studied communes that kept theirs.
kept=$(python3 - "$tmp/half.csv" << 'EOF'
import csv, sys
rows = list(csv.reader(open("Fixtures/ardeche/communes.csv", newline="", encoding="utf-8")))
column, departement = rows[0].index("boundary"), rows[0].index("departement")
for k, row in enumerate(rows[1:]):
    if k % 2:
        row[column] = ""
csv.writer(open(sys.argv[1], "w", newline="", encoding="utf-8")).writerows(rows)
print(sum(1 for row in rows[1:] if row[departement] == "07" and row[column]))
EOF
)
"$bin" coverage --territory "$tmp/half.csv" --supply Fixtures/ardeche/gp.csv --departement 07 \
  --out "$tmp/half-coverage.csv" --geojson "$tmp/half.geojson" > /dev/null
got=$(polygons "$tmp/half.geojson")
if [ "$got" != "$kept Unknown (any)" ]; then
  echo "check-geojson: half the boundaries removed: expected '$kept Unknown (any)', got '$got'" >&2; exit 1
fi
if (all_polygons "$tmp/half.geojson" "$tmp/half-coverage.csv") > /dev/null 2>&1; then
  echo "check-geojson: the all-polygons check passed on a layer that lost boundaries" >&2; exit 1
fi
echo "ok: lost boundaries are caught: $kept of $(($(wc -l < "$tmp/half-coverage.csv") - 1)) communes MultiPolygon, GDAL geometry 'Unknown (any)'"

# An unwritable destination: clear error naming the file, non-zero exit, nothing written.
if "$bin" coverage --geojson "$tmp/missing/c.geojson" > /dev/null 2> "$tmp/err.txt"; then
  echo "check-geojson: writing into a missing folder succeeded" >&2; exit 1
fi
grep -q "$tmp/missing/c.geojson: folder $tmp/missing does not exist" "$tmp/err.txt"
test ! -e "$tmp/missing"
echo "ok: unwritable --geojson path: $(cat "$tmp/err.txt")"
echo "check-geojson: GDAL $(ogrinfo --version | cut -d, -f1 | cut -d' ' -f2) reads every GeoJSON the CLI writes"
