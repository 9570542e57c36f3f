#!/usr/bin/env bash
# The one-machine path for a sweep: its N shards as separate processes, P at a time (xargs -P; GNU parallel
# works the same: `seq 0 $((N-1)) | parallel -j P careaccess sweep SPEC --shard {}/N --out OUT --jobs 1 --quiet`),
# then the merge.
#
#   bash Scripts/sweep-local.sh SPEC OUT N [P]      # P: processes at once (default: cores)
#
# The same outputs, byte for byte, as `careaccess sweep SPEC --out OUT` in one process; shards run in any order.
# CAREACCESS: path to the careaccess binary (default: careaccess on PATH).
set -euo pipefail
spec=${1:?usage: sweep-local.sh SPEC OUT N [P]}
out=${2:?output folder}
n=${3:?number of shards}
p=${4:-$(nproc)}
bin=${CAREACCESS:-careaccess}
mkdir -p "$out"
# SHARD_ORDER=shuffle runs the shards in a random order (what a scheduler may do); the merge does not care.
if [ "${SHARD_ORDER:-}" = shuffle ]; then order=(shuf); else order=(cat); fi
seq 0 $((n - 1)) | "${order[@]}" | xargs -P "$p" -I{} "$bin" sweep "$spec" --shard "{}/$n" --out "$out" --jobs 1 --quiet > /dev/null
"$bin" sweep merge "$out"
