#!/usr/bin/env python3
"""Synthetic uniform random points for the CareKernel benchmarks (reproducible across languages).

The same generator is implemented in Swift (Benchmarks/Benchmarks/KernelBenchmarks/SyntheticPoints.swift):

    SplitMix64 (Steele, Lea & Flood 2014):
        state += 0x9E3779B97F4A7C15
        z = state
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB
        return z ^ (z >> 31)                       (all modulo 2**64)
    unit = (next() >> 11) * 2**-53                 in [0, 1), exact
    x = X0 + unit * EXTENT ; y = Y0 + unit' * EXTENT   (x drawn before y, point after point)

with X0 = 100000, Y0 = 6000000 (Lambert-93-like metres) and EXTENT = 1e6 (a 1000 km square).
Both languages do exactly one IEEE-754 double rounding per multiplication and per addition (no FMA),
so coordinates are bit-identical; they are written with repr() (shortest round-trip form).

Writes demand.csv (id,x,y,population) and supply.csv (id,x,y,capacity), the format read by
../shared/peers/peer.py. Populations are 100 and capacities 1 (only coordinates matter here).

    python3 Scripts/synthetic_points.py --out /tmp/kbench/small --demand 35000 --supply 10000 \
        --demand-seed 35 --supply-seed 10
    python3 Scripts/synthetic_points.py --preset small --out DIR     # same as above
    python3 Scripts/synthetic_points.py --preset large --out DIR     # 1_000_000 demand x 60_000 supply
"""
import argparse
import os

MASK = (1 << 64) - 1
X0 = 100_000.0
Y0 = 6_000_000.0
EXTENT = 1_000_000.0
PRESETS = {  # name: (demand count, supply count, demand seed, supply seed)
    "small": (35_000, 10_000, 35, 10),
    "large": (1_000_000, 60_000, 1000, 60),
}


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * (1.0 / 9007199254740992.0)


def uniform_points(count, seed, extent=EXTENT, x0=X0, y0=Y0):
    rng = SplitMix64(seed)
    out = []
    for _ in range(count):
        x = x0 + rng.unit() * extent
        y = y0 + rng.unit() * extent
        out.append((x, y))
    return out


def write_csv(path, prefix, value_name, value, points):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"id,x,y,{value_name}\n")
        for i, (x, y) in enumerate(points):
            f.write(f"{prefix}{i:07d},{x!r},{y!r},{value}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--preset", choices=sorted(PRESETS))
    ap.add_argument("--demand", type=int, default=35_000)
    ap.add_argument("--supply", type=int, default=10_000)
    ap.add_argument("--demand-seed", type=int, default=35)
    ap.add_argument("--supply-seed", type=int, default=10)
    ap.add_argument("--extent", type=float, default=EXTENT, help="square side, metres")
    a = ap.parse_args()
    if a.preset:
        a.demand, a.supply, a.demand_seed, a.supply_seed = PRESETS[a.preset]
    os.makedirs(a.out, exist_ok=True)
    write_csv(os.path.join(a.out, "demand.csv"), "D", "population", 100,
              uniform_points(a.demand, a.demand_seed, a.extent))
    write_csv(os.path.join(a.out, "supply.csv"), "S", "capacity", 1,
              uniform_points(a.supply, a.supply_seed, a.extent))
    print(f"{a.out}: demand={a.demand} (seed {a.demand_seed}) supply={a.supply} (seed {a.supply_seed})")


if __name__ == "__main__":
    main()
