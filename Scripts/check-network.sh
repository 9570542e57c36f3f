#!/usr/bin/env bash
# Road networks (issue 4), end to end with the CLI on the real extracts in ../shared/data/roads:
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
bin=${CAREACCESS_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product careaccess > /dev/null
  bin="$(swift build -c release --show-bin-path)/careaccess"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "-- networkx equality on real exported graphs"
for file in most_monaco_riviera_network.osm andorra.osm.pbf; do
  dir="$tmp/${file%%.*}"
  "$bin" network export "$roads/$file" --out-dir "$dir" > /dev/null
  "$bin" network paths "$roads/$file" --sources 8 --seed 77 --multi --out "$dir/ours.csv" > /dev/null
  printf '%s: ' "$file"
  "$py" Scripts/network_networkx_check.py "$dir/edges.csv" --compare "$dir/ours.csv"
done
echo "check-network: all checks passed"
