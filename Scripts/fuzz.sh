#!/usr/bin/env bash
# Fuzzes every CareAccess reader with libFuzzer + AddressSanitizer (issue 14, item 5).
#
#   bash Scripts/fuzz.sh [--seconds N] [--jobs J] [--out DIR] [target ...]
#
# Builds Fuzz/ (swift build -c release -Xswiftc -sanitize=fuzzer,address), then runs each target (default:
# all 20, see Fuzz/Package.swift) for N seconds (default 30) on a copy of its seed corpus Fuzz/Corpus/<target>
# (symlinks to the shipped fixtures are followed; with ../shared present, its small real OSM files are added to
# the pbf and osmxml seeds), J targets at a time (default 2). A finding — a crash, an ASan report, a timeout
# (30 s on one input), more than 2 GiB of memory, or an error message that is not one clean line — is saved
# to DIR/<target>/ (default /tmp/careaccess-fuzz) and makes the script exit 1 after all targets ran; copy it
# to Fuzz/Regressions/<target>/ with the fix, where `swift test` replays it (FuzzCorpusTests).
# Per target it prints the executions, the coverage reached and the corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
jobs=2
out=/tmp/careaccess-fuzz
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --seconds must be a positive whole number" >&2; exit 2; }
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz.sh: --jobs must be a positive whole number" >&2; exit 2; }
all=$(sed -n 's/^    "\([a-z-]*\)",$/\1/p' Fuzz/Package.swift)
if [ ${#targets[@]} -eq 0 ]; then mapfile -t targets <<< "$all"; fi
for t in "${targets[@]}"; do
  grep -qx "$t" <<< "$all" || { echo "fuzz.sh: unknown target $t (one of: $(echo $all))" >&2; exit 2; }
done

echo "== building the fuzz targets (release, -sanitize=fuzzer,address)"
swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
  | grep -E "error|Compiling|Build complete" | grep -v "^\[" | tail -n 5 || true
bin=$(swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)
for t in "${targets[@]}"; do [ -x "$bin/fuzz-$t" ] || { echo "fuzz.sh: $bin/fuzz-$t was not built" >&2; exit 1; }; done

rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Inputs that decompress are bounded well below the 2 GiB RSS limit (the limit itself is tested in swift test).
export CAREACCESS_MAX_INPUT_BYTES=$((64 << 20))
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1"

run_one() {
  local t="$1" corpus="$work/$1"
  mkdir -p "$corpus" "$out/$t"
  cp -L Fuzz/Corpus/"$t"/* "$corpus"/
  if [ -d ../shared/data/roads ]; then
    case "$t" in
      pbf) cp ../shared/data/roads/saint_barthelemy.osm.pbf "$corpus"/ ;;
      osmxml) cp ../shared/data/roads/monaco.osm.gz "$corpus"/ ;;
    esac
  fi
  local seeds; seeds=$(ls "$corpus" | wc -l)
  local status=0
  "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -max_len=262144 -print_final_stats=1 -artifact_prefix="$out/$t/" "$corpus" > "$out/$t.log" 2>&1 || status=$?
  local runs cov
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -n 1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$out/$t.log" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    printf '%-14s ok       %9s runs  %-22s corpus %s → %s\n' "$t" "${runs:-?}" "${cov:-}" "$seeds" "$(ls "$corpus" | wc -l)"
  else
    printf '%-14s FINDING  exit %s, see %s/%s.log and %s/%s/\n' "$t" "$status" "$out" "$t" "$out" "$t"
    grep -m 3 -E "ERROR|Fatal error|fuzz [a-z-]+:|deadly signal|timeout|out-of-memory" "$out/$t.log" | sed 's/^/    /' || true
    return 1
  fi
}
export -f run_one
export bin work out seconds

echo "== fuzzing ${#targets[@]} targets, ${seconds} s each, $jobs at a time (logs and findings in $out)"
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {} || status=$?
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: findings (above); add each to Fuzz/Regressions/<target>/ with its fix" >&2
  exit 1
fi
echo "fuzz.sh: no finding"
