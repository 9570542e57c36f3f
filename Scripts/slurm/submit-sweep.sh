#!/usr/bin/env bash
# Submits a CareAccess sweep to Slurm: a job array of N shards, then the merge once every shard succeeded
# (--dependency=afterok). Prints both job ids.
#
#   bash Scripts/slurm/submit-sweep.sh SPEC OUT N [extra sbatch options for the array, e.g. --partition=cpu --time=02:00:00]
#
# CAREACCESS: path to the careaccess binary (default: careaccess on PATH), passed to the jobs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
spec=${1:?usage: submit-sweep.sh SPEC OUT N [sbatch options]}
out=${2:?output folder}
n=${3:?number of shards}
shift 3
mkdir -p "$out"
bin=${CAREACCESS:-$(command -v careaccess || true)}
[ -n "$bin" ] || { echo "careaccess not found: set CAREACCESS=/path/to/careaccess" >&2; exit 1; }
array=$(sbatch --parsable --array=0-$((n - 1)) --output="$out/slurm-%A_%a.out" --export=ALL,CAREACCESS="$bin" "$@" \
  "$here/sweep-array.sbatch" "$spec" "$out" "$n")
merge=$(sbatch --parsable --dependency=afterok:"$array" --job-name=careaccess-merge --output="$out/slurm-merge-%j.out" \
  --wrap="\"$bin\" sweep merge \"$out\"")
echo "array job $array ($n shards), merge job $merge; results in $out (report.txt once the merge ran)"
