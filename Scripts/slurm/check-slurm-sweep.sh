#!/usr/bin/env bash
# CI: a single-node Slurm (Debian's slurm-wlm and munge, started here and stopped on exit, even on failure)
# runs a sweep as a job array of N shards; the merged outputs must equal, byte for byte, the one-process run's.
# The one-machine path (xargs -P, shards in a shuffled order, another N) and the Kubernetes Indexed Job's shard
# command (deploy/k8s, run here once per JOB_COMPLETION_INDEX without a cluster) are checked against it too.
#
#   CAREACCESS_BIN=.build/release/careaccess bash Scripts/slurm/check-slurm-sweep.sh [SPEC] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(cd "$(dirname "${CAREACCESS_BIN:?set CAREACCESS_BIN to the careaccess binary}")" && pwd)/$(basename "$CAREACCESS_BIN")
spec=${1:-Fixtures/scenarios/creuse-sweep.yaml}
n=${2:-4}
work=$(mktemp -d)
cleanup() {
  status=$?
  if [ -n "${SLURM_CONF:-}" ]; then scancel --quiet --user="$(id -un)" 2> /dev/null || true; fi
  bash Scripts/slurm/local-slurm.sh stop || true
  if [ $status -ne 0 ]; then tail -n 20 "$work"/slurm-*.out 2> /dev/null >&2 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "-- one process: careaccess sweep $spec"
"$bin" sweep "$spec" --out "$work/one" --quiet > /dev/null

echo "-- single-node Slurm: slurmctld + slurmd on localhost"
eval "$(bash Scripts/slurm/local-slurm.sh start)"
echo "-- sbatch --array=0-$((n - 1)) Scripts/slurm/sweep-array.sbatch (waiting at most 240 s)"
start=$(date +%s)
timeout 240 sbatch --wait --array=0-$((n - 1)) --output="$work/slurm-%A_%a.out" --export=ALL,CAREACCESS="$bin" \
  Scripts/slurm/sweep-array.sbatch "$spec" "$work/array" "$n"
echo "   array done in $(( $(date +%s) - start )) s: $(ls "$work/array" | grep -c '\.casweep$') shard files"
"$bin" sweep merge "$work/array" > /dev/null

echo "-- one machine: xargs -P 2, 7 shards in a shuffled order"
CAREACCESS="$bin" SHARD_ORDER=shuffle bash Scripts/sweep-local.sh "$spec" "$work/xargs" 7 2 > /dev/null

echo "-- Kubernetes Indexed Job: the manifest's shard command, run once per JOB_COMPLETION_INDEX"
manifest=deploy/k8s/sweep-indexed-job.yaml
k8s_n=$(sed -n 's/^ *completions: *\([0-9][0-9]*\).*/\1/p' "$manifest")
k8s_shards=$(grep -A1 'name: SHARDS' "$manifest" | sed -n 's/.*value: *"\([0-9][0-9]*\)".*/\1/p')
[ -n "$k8s_n" ] && [ "$k8s_n" = "$k8s_shards" ] || { echo "CI: $manifest: completions ($k8s_n) and SHARDS ($k8s_shards) differ" >&2; exit 1; }
k8s_cmd=$(sed -n 's/^ *- \(exec careaccess sweep .*\)$/\1/p' "$manifest" | sed "s#/sweep/out#$work/k8s#g")
[ -n "$k8s_cmd" ] || { echo "CI: no shard command in $manifest" >&2; exit 1; }
mkdir -p "$work/bin" && ln -s "$bin" "$work/bin/careaccess"
for k in $(seq 0 $((k8s_n - 1))); do
  PATH="$work/bin:$PATH" JOB_COMPLETION_INDEX=$k SHARDS=$k8s_n SPEC="$spec" sh -c "$k8s_cmd" > /dev/null
done
"$bin" sweep merge "$work/k8s" > /dev/null

for f in tasks.csv bands.csv communes.csv report.txt; do
  for other in array xargs k8s; do cmp "$work/one/$f" "$work/$other/$f"; done
done
echo "OK: Slurm job array ($n shards), xargs (7 shards, shuffled) and the Indexed Job's command ($k8s_n shards) merge to the one-process outputs, byte for byte ($(wc -l < "$work/one/tasks.csv") lines in tasks.csv)"
