#!/usr/bin/env bash
# Byte-identical outputs (issue 14, item 6): the README's examples run twice, and, where the command takes
# --threads, with 1 and 2 threads; every output file (CSV and its sidecar, scenario folder, comparison table,
# sweep tables) must be the same bytes each time, and so must the printed summary once the run's own folder
# and its timings ("6.2 ms") are masked. A few seconds on the embedded fixtures.
#
#   CAREACCESS_BIN=.build/release/careaccess bash Scripts/check-determinism.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. Scripts/careaccess-bin.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # NAME THREADS… : one output folder per (name, threads, repeat)
  local name=$1; shift
  for variant in "1a:--threads 1" "1b:--threads 1" "2:--threads 2"; do
    local tag=${variant%%:*} threads=${variant#*:}
    local out="$work/$name/$tag"
    mkdir -p "$out"
    # shellcheck disable=SC2086
    "$@" $threads --out "$out/out.csv" > "$out/stdout.txt" 2> "$out/stderr.txt"
  done
}
run_files() {  # NAME COMMAND… : commands without --threads (their travel model is the file's), twice
  local name=$1; shift
  for tag in a b; do
    local out="$work/$name/$tag"
    mkdir -p "$out"
    "$@" "$out" > "$out/stdout.txt" 2> "$out/stderr.txt"
  done
}

run coverage "$bin" coverage
run access-apl "$bin" access --method apl
run access-e2sfca "$bin" access --method e2sfca
run place-mclp "$bin" place --k 5 --objective mclp --threshold 10
run place-pmedian "$bin" place --k 5 --objective pmedian --method local-search
run place-access "$bin" place --k 3 --objective access --method greedy
run place-budget "$bin" place --threshold 10 --budget 250000 --candidates Fixtures/scenarios/ardennes-candidates.csv \
  --territory Fixtures/ardennes/communes.csv --supply Fixtures/ardennes/gp.csv --departement 08
scenario() { "$bin" scenario Fixtures/scenarios/creuse-medecins-solidaires.yaml --out "$1/scenario" --quiet; }
run_files scenario-creuse scenario
# Monte-Carlo draws of the assumed retirements (issue 12, item 2): the same bands with 1 and 2 threads.
run scenario-draws "$bin" scenario Fixtures/scenarios/creuse-medecins-solidaires.yaml --draws 50 --quiet
scenario_one() { "$bin" scenario Fixtures/scenarios/creuse-medecins-solidaires.yaml --draws 1 --out "$1/scenario" --quiet; }
run_files scenario-creuse-one-draw scenario_one
scenario_ardennes() { "$bin" scenario Fixtures/scenarios/ardennes-maisons-de-sante.yaml --out "$1/scenario" --quiet; }
run_files scenario-ardennes scenario_ardennes
compare() { "$bin" compare Fixtures/scenarios/ardennes-options.yaml --out "$1/compare.csv" --quiet; }
run_files compare compare
sweep() { "$bin" sweep Fixtures/scenarios/creuse-sweep.yaml --out "$1/sweep" --quiet; }
run_files sweep sweep

# Mask what legitimately differs in the printed summaries: the output folder of the run and timings.
for f in "$work"/*/*/stdout.txt; do
  dir=$(dirname "$f")
  sed -e "s#$dir#OUT#g" -e 's/[0-9][0-9.,]* ms\b/N ms/g' "$f" > "$f.masked" && mv "$f.masked" "$f"
done
status=0
for name in "$work"/*/; do
  name=$(basename "$name")
  variants=("$work/$name"/*/)
  first=${variants[0]}
  for other in "${variants[@]:1}"; do
    if ! diff -r "$first" "$other" > "$work/diff.txt"; then
      echo "check-determinism: $name: $(basename "$first") and $(basename "$other") differ:" >&2
      head -20 "$work/diff.txt" >&2
      status=1
    fi
  done
done
[ $status = 0 ] || exit 1
echo "check-determinism: $(ls "$work" | wc -l) commands, every output byte-identical across repeats and --threads 1/2"
