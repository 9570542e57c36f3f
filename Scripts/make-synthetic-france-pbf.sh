#!/usr/bin/env bash
# Builds a SYNTHETIC France-sized road network as an OSM PBF (no download): the real Andorra and
# Monaco–Riviera extracts of ../shared/data/roads tiled over metropolitan France's bounding box with fresh ids,
# joined by generated trunk roads (Scripts/synthetic_france_pbf.py says how), written as OPL and converted
# with `osmium cat` (Debian package osmium-tool). NOT REAL DATA: the file name starts with SYNTHETIC, every
# way is tagged synthetic=yes and the PBF header's generator says SYNTHETIC. Drive times on it mean nothing;
# it exists to measure import, cache and search speed at national scale.
#
#   bash Scripts/make-synthetic-france-pbf.sh tenth  [OUT_DIR]   #  96 tiles (12x8)
#   bash Scripts/make-synthetic-france-pbf.sh full   [OUT_DIR]   # 960 tiles (32x30), France scale
#   bash Scripts/make-synthetic-france-pbf.sh 4x3    [OUT_DIR]   # any COLSxROWS grid (CI uses a small one)
#
# Writes OUT_DIR/SYNTHETIC-france-SCALE.osm.pbf (default OUT_DIR /tmp/careaccess-synthetic; never commit it)
# and prints its size and `osmium fileinfo` node/way counts. Uses $CAREACCESS_BIN when set, else builds the
# release binary (to find each template's largest strongly connected component), and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-tenth}
out_dir=${2:-/tmp/careaccess-synthetic}
case "$scale" in
  tenth) tiles=12x8 ;;
  full) tiles=32x30 ;;
  [0-9]*x[0-9]*) tiles=$scale ;;
  *) echo "make-synthetic-france-pbf: scale must be tenth, full or COLSxROWS, not '$scale'" >&2; exit 2 ;;
esac
shared=${CAREACCESS_SHARED:-../shared}
roads="$shared/data/roads"
for f in andorra.osm.pbf most_monaco_riviera_network.osm; do
  [ -f "$roads/$f" ] || { echo "make-synthetic-france-pbf: $roads/$f not found (the real extracts)" >&2; exit 1; }
done
command -v osmium > /dev/null || { echo "make-synthetic-france-pbf: osmium not found (apt-get install osmium-tool)" >&2; exit 1; }
. Scripts/careaccess-bin.sh
mkdir -p "$out_dir"
tmp=$(mktemp -d "$out_dir/.templates-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for t in andorra:andorra.osm.pbf riviera:most_monaco_riviera_network.osm; do
  name=${t%%:*} file=${t#*:}
  osmium cat "$roads/$file" -f opl,add_metadata=false -o "$tmp/$name.opl" --overwrite
  "$bin" network export "$roads/$file" --out-dir "$tmp/$name" > /dev/null
  mv "$tmp/$name/nodes.csv" "$tmp/$name-nodes.csv"
done
out="$out_dir/SYNTHETIC-france-$scale.osm.pbf"
python3 Scripts/synthetic_france_pbf.py --templates "$tmp" --tiles "$tiles" --stats "$tmp/stats.txt" \
  | osmium cat -F opl - -o "$out.tmp" -f pbf --overwrite \
      --output-header="generator=CareAccess make-synthetic-france-pbf.sh: SYNTHETIC road network, not real data"
mv "$out.tmp" "$out"
echo "SYNTHETIC France-scale PBF ($scale, $tiles tiles): $out"
cat "$tmp/stats.txt"
echo "size $(stat -c %s "$out") bytes ($(du -h "$out" | cut -f1))"
osmium fileinfo -e "$out" | grep -E "Number of (nodes|ways|relations)"
