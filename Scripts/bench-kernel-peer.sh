#!/usr/bin/env bash
# CareKernel vs the peer (scipy cKDTree, leafsize 16) on the same synthetic uniform points.
#
#   bash Scripts/bench-kernel-peer.sh                       # timing table + correctness check
#   WITH_PACKAGE_BENCHMARK=1 bash Scripts/bench-kernel-peer.sh   # also run the package-benchmark suite
#
# Env: OUT (work dir, default /tmp/kernel-bench), REPEAT (default 10), PEER_PY (default
# /tmp/peers/bin/python), PEER (default ../shared/peers/peer.py relative to the repo root),
# SWIFT_PKG (package holding KernelTiming, default Benchmarks/; any package with the same
# SyntheticPoints + KernelTiming targets works when the root package is mid-edit).
#
# Points: Scripts/synthetic_points.py (SplitMix64, identical to Benchmarks' SyntheticPoints):
#   small = 35k demand x 10k supply, large = 1M demand x 60k supply, uniform over 1000 km x 1000 km.
# Figures are best-of-REPEAT milliseconds (build = tree construction, query = batch k=1 over all
# demand points); Swift threads 1 and 2 vs cKDTree workers 1 and -1 (all cores).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-/tmp/kernel-bench}"
REPEAT="${REPEAT:-10}"
PEER_PY="${PEER_PY:-/tmp/peers/bin/python}"
PEER="${PEER:-$ROOT/../shared/peers/peer.py}"
SWIFT_PKG="${SWIFT_PKG:-$ROOT/Benchmarks}"
mkdir -p "$OUT"

if [ ! -x "$PEER_PY" ]; then
    python3 -m venv "$(dirname "$(dirname "$PEER_PY")")"
    "$PEER_PY" -m pip install -q -r "$(dirname "$PEER")/requirements.txt"
fi

for preset in small large; do
    [ -s "$OUT/$preset/demand.csv" ] || python3 "$ROOT/Scripts/synthetic_points.py" --preset "$preset" --out "$OUT/$preset"
done

echo "== building KernelTiming (release) in $SWIFT_PKG"
swift build -c release --package-path "$SWIFT_PKG" --product KernelTiming 2>&1 | grep -E "error|warning: .*CareKernel|Compiling|Build" | tail -3
TIMING="$(swift build -c release --package-path "$SWIFT_PKG" --show-bin-path)/KernelTiming"

declare -A BUILD QUERY
for preset in small large; do
    for t in 1 2; do
        line="$("$TIMING" --preset "$preset" --threads "$t" --repeat "$REPEAT" | grep best_of)"
        echo "swift $preset threads=$t: $line"
        BUILD[$preset,swift$t]="$(sed -E 's/.*best_of_[0-9]+: build_ms=([0-9.]+).*/\1/' <<<"$line")"
        QUERY[$preset,swift$t]="$(sed -E 's/.*best_of_[0-9]+: build_ms=[0-9.]+ query_ms=([0-9.]+).*/\1/' <<<"$line")"
    done
    for w in 1 -1; do
        line="$("$PEER_PY" "$PEER" nearest --demand "$OUT/$preset/demand.csv" --supply "$OUT/$preset/supply.csv" \
                --repeat "$REPEAT" --workers "$w" | grep best_of)"
        echo "ckdtree $preset workers=$w: $line"
        BUILD[$preset,peer$w]="$(sed -E 's/.*best_of_[0-9]+: build_ms=([0-9.]+).*/\1/' <<<"$line")"
        QUERY[$preset,peer$w]="$(sed -E 's/.*best_of_[0-9]+: build_ms=[0-9.]+ query_ms=([0-9.]+).*/\1/' <<<"$line")"
    done
done

echo
echo "== best of $REPEAT, milliseconds (uniform synthetic points; speedup = cKDTree workers=1 query / this query)"
printf '%-10s %-22s %10s %10s %9s\n' set engine build_ms query_ms speedup
for preset in small large; do
    label=$([ "$preset" = small ] && echo "35k x 10k" || echo "1M x 60k")
    base="${QUERY[$preset,peer1]}"
    for key in "peer1:cKDTree workers=1" "peer-1:cKDTree workers=-1" "swift1:Swift threads=1" "swift2:Swift threads=2"; do
        k="${key%%:*}"; name="${key#*:}"
        q="${QUERY[$preset,$k]}"
        printf '%-10s %-22s %10s %10s %8.2fx\n' "$label" "$name" "${BUILD[$preset,$k]}" "$q" \
            "$(python3 -c "print($base / $q)")"
    done
done

echo
echo "== correctness: Swift batch nearest vs peer.py --out on 35k x 10k"
"$TIMING" --preset small --threads 2 --repeat 1 --out "$OUT/swift-nearest-small.csv" >/dev/null
"$PEER_PY" "$PEER" nearest --demand "$OUT/small/demand.csv" --supply "$OUT/small/supply.csv" \
    --out "$OUT/peer-nearest-small.csv" >/dev/null
python3 - "$OUT/swift-nearest-small.csv" "$OUT/peer-nearest-small.csv" <<'PY'
import csv, sys
swift = list(csv.DictReader(open(sys.argv[1])))
peer = list(csv.DictReader(open(sys.argv[2])))
assert len(swift) == len(peer) == 35000, (len(swift), len(peer))
bad_id = bad_d = 0
worst = 0.0
for s, p in zip(swift, peer):
    assert s["id"] == p["id"]
    if s["nearest_supply_id"] != p["nearest_supply_id"]:
        bad_id += 1
    ds, dp = float(s["distance_m"]), float(p["distance_m"])
    err = abs(ds - dp)
    worst = max(worst, err)
    # peer writes %.6f: equal to that precision (half a unit of the 6th decimal) or 1e-9 relative
    if err > max(5e-7 + 1e-9 * ds, 1e-9 * ds):
        bad_d += 1
print(f"rows={len(swift)} nearest id mismatches={bad_id} distance mismatches={bad_d} max |diff|={worst:.3g} m")
sys.exit(1 if bad_id or bad_d else 0)
PY

if [ -n "${WITH_PACKAGE_BENCHMARK:-}" ]; then
    echo
    echo "== package-benchmark suite"
    (cd "$ROOT/Benchmarks" && swift package benchmark --target KernelBenchmarks)
fi
