#!/usr/bin/env python3
"""Convert INSEE's population estimates by département, sex and 5-year age band (xlsx) to the small CSV that
CareAccess ships for the age-standardised APL demand (standard library only: zipfile + xml.etree).

Input:  estim-pop-dep-sexe-aq-1975-2021.xlsx (INSEE "Estimation de population au 1er janvier, par
        département, sexe et âge quinquennal", Licence Ouverte; ../shared/data/population/), one sheet per
        year; title on row 2 ("Année 2021"), header on rows 4-5 (blocks Ensemble / Hommes / Femmes, each
        0-4 … 95+ then Total), one row per département from row 6, then the rows "France métropolitaine",
        "DOM", "France métropolitaine et DOM" and footnotes.
Output: --names-out CSV `departement,name` (the sheet's names, e.g. `07,Ardèche`), when asked;
        --out CSV `year,departement,band,population` (both sexes, bands 0-4 … 90-94, 95+), one row per
        département and band, in the sheet's order.

Every cell is checked, never skipped silently: a département row must be 3 × 20 non-negative integers and
two totals; Ensemble = Hommes + Femmes per band; each Total = the sum of its bands; the "France
métropolitaine", "DOM" and "France métropolitaine et DOM" rows must equal the sums of their départements
(then they are excluded, counted). A band cell that its row Total, its column's total row and the sexes
all contradict, with one value, is repaired to that value and reported with its cell (the 2021 sheet of
../shared's copy has one: Corrèze 65-69, Ensemble, reads 1 for 17,901). Footnotes and stray cells below the table are excluded and counted, with
their cell references. Anything else stops with `file:sheet!cell: message` and exit status 1, and no output
file is written.

Run through Scripts/make-fixtures.sh (or directly:
  python3 Fixtures/make_age_structure.py --xlsx ../shared/data/population/estim-pop-dep-sexe-aq-1975-2021.xlsx \\
      --out Fixtures/population/age-structure-departement.csv).
"""
import argparse
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

BANDS = [f"{a}-{a + 4}" for a in range(0, 95, 5)] + ["95+"]
LABELS = [f"{a} à {a + 4} ans" for a in range(0, 95, 5)] + ["95 ans et plus"]
BLOCKS = [("Ensemble", "C"), ("Hommes", "X"), ("Femmes", "AS")]  # each: 20 bands then Total
DEPARTEMENT = re.compile(r"^(0[1-9]|1[0-9]|2[1-9]|2A|2B|[3-8][0-9]|9[0-5]|97[1-6])$")
TOTAL_ROWS = {
    "France métropolitaine": "metro",
    "DOM": "dom",
    "France métropolitaine et DOM": "all",
}


class SheetError(Exception):
    pass


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def read_workbook(path, wanted):
    """The shared strings, the sheet names and the XML of sheet `wanted` (None when there is no such sheet)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(MAIN + "si"):
                shared.append("".join(t.text or "" for t in si.iter(MAIN + "t")))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).iter(PKG_REL + "Relationship")}
        sheets = {}
        for s in ET.fromstring(z.read("xl/workbook.xml")).find(MAIN + "sheets"):
            target = rels[s.get(REL)]
            sheets[s.get("name")] = "xl/" + target.lstrip("/").removeprefix("xl/")
        xml = z.read(sheets[wanted]) if wanted in sheets else None
        return shared, sorted(sheets), xml


def read_sheet(xml_bytes, shared, where):
    cells = {}
    for c in ET.fromstring(xml_bytes).iter(MAIN + "c"):
        ref = c.get("r")
        m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref or "")
        if not m:
            raise SheetError(f"{where}: cell without a reference ({ref!r})")
        t = c.get("t")
        v = c.find(MAIN + "v")
        if t == "inlineStr":
            node = c.find(MAIN + "is")
            text = "".join(x.text or "" for x in node.iter(MAIN + "t")) if node is not None else ""
        elif v is None:
            text = ""
        elif t == "s":
            text = shared[int(v.text)]
        elif t in (None, "n", "str"):
            text = v.text or ""
        else:
            raise SheetError(f"{where}!{ref}: unexpected cell type {t!r}")
        if text.strip() != "":
            cells[(int(m.group(2)), col_index(m.group(1)))] = text
    return cells


def convert(xlsx, year):
    name = str(year)
    shared, names, xml = read_workbook(xlsx, name)
    if xml is None:
        years = [n for n in names if n.isdigit()]
        raise SheetError(f"{xlsx}: no sheet {name} (sheets: {', '.join(years)})")
    where = f"{os.path.basename(xlsx)}:{name}"
    cells = read_sheet(xml, shared, where)
    ref = lambda r, c: f"{where}!{col_letters(c)}{r}"
    get = lambda r, c: cells.get((r, c), "").strip()

    def expect(r, c, text):
        if get(r, c) != text:
            raise SheetError(f"{ref(r, c)}: expected {text!r}, found {get(r, c)!r}")

    # Title and header (rows 2, 4, 5).
    expect(2, 1, f"Année {year}")
    expect(4, 1, "Départements")
    quirks = []
    for label, start in BLOCKS:
        c0 = col_index(start)
        expect(4, c0, label)
        for k, band_label in enumerate(LABELS + ["Total"]):
            found = get(5, c0 + k)
            if found == band_label:
                continue
            # A ditto mark ('"') stands for the band of the blocks beside it: accepted only when both other
            # blocks carry the expected label at the same position.
            others_ok = all(get(5, col_index(s) + k) == band_label for (l, s) in BLOCKS if l != label)
            if found == '"' and others_ok:
                quirks.append(f"{ref(5, c0 + k)} reads '\"' (ditto) for '{band_label}', as Hommes and Femmes label it")
                continue
            raise SheetError(f"{ref(5, c0 + k)}: expected band label {band_label!r}, found {found!r}")
    last_col = col_index("AS") + 20  # Femmes Total

    def integer(r, c):
        text = get(r, c)
        try:
            value = float(text)
        except ValueError:
            raise SheetError(f"{ref(r, c)}: expected a population, found {text!r}") from None
        if not (value >= 0 and value == int(value)):
            raise SheetError(f"{ref(r, c)}: {text!r} is not a non-negative whole number")
        return int(value)

    rows_present = sorted({r for (r, _) in cells if r >= 6})
    deps = []  # (code, name, row, values[60+3])
    totals = {}
    excluded = {"total rows (checked, then excluded)": [], "footnotes": [], "stray cells below the table": []}
    table_ended = False
    seen = {}
    for r in rows_present:
        row_cells = sorted(c for (rr, c) in cells if rr == r)
        first = get(r, 1)
        if not table_ended and DEPARTEMENT.match(first):
            if first in seen:
                raise SheetError(f"{ref(r, 1)}: département {first} already on row {seen[first]}")
            seen[first] = r
            if get(r, 2) == "":
                raise SheetError(f"{ref(r, 2)}: département {first} has no name")
            extra = [c for c in row_cells if c > last_col]
            if extra:
                raise SheetError(f"{ref(r, extra[0])}: unexpected value {get(r, extra[0])!r} right of the table")
            values = [integer(r, c) for c in range(col_index("C"), last_col + 1)]
            deps.append((first, get(r, 2), r, values))
        elif not table_ended and first in TOTAL_ROWS:
            extra = [c for c in row_cells if c > last_col or c == 2]
            if extra:
                raise SheetError(f"{ref(r, extra[0])}: unexpected value {get(r, extra[0])!r} in the {first!r} row")
            totals[TOTAL_ROWS[first]] = (r, [integer(r, c) for c in range(col_index("C"), last_col + 1)])
            excluded["total rows (checked, then excluded)"].append(f"{col_letters(1)}{r} {first!r}")
        elif first.startswith("Source"):
            table_ended = True
            extra = [c for c in row_cells if c != 1]
            if extra:
                raise SheetError(f"{ref(r, extra[0])}: unexpected value {get(r, extra[0])!r} beside the footnote")
            excluded["footnotes"].append(f"A{r}")
        elif table_ended:
            excluded["stray cells below the table"] += [f"{col_letters(c)}{r} {get(r, c)!r}" for c in row_cells]
        else:
            c = row_cells[0]
            raise SheetError(f"{ref(r, c)}: unexpected {get(r, c)!r} (not a département code, a total row or a footnote)")
    if not deps:
        raise SheetError(f"{where}: no département row")
    if not excluded["footnotes"]:
        raise SheetError(f"{where}: no 'Source' footnote below the table: is the layout the one this script knows?")

    missing_totals = [label for label, key in TOTAL_ROWS.items() if key not in totals]
    if missing_totals:
        raise SheetError(f"{where}: no row {missing_totals[0]!r} to check the départements against")
    groups = {
        "metro": [d for d in deps if not d[0].startswith("97")],
        "dom": [d for d in deps if d[0].startswith("97")],
        "all": deps,
    }
    repairs = repair_cells(deps, groups, totals, ref)

    # Consistency of every département row.
    for code, _, r, v in deps:
        for k in range(20):
            e, h, f = v[k], v[21 + k], v[42 + k]
            if e != h + f:
                raise SheetError(f"{ref(r, col_index('C') + k)}: Ensemble {e} ≠ Hommes {h} + Femmes {f} ({code}, {BANDS[k]})")
        for b in range(3):
            block = v[21 * b: 21 * b + 20]
            if sum(block) != v[21 * b + 20]:
                raise SheetError(f"{ref(r, col_index('C') + 21 * b + 20)}: Total {v[21 * b + 20]} ≠ sum of the bands {sum(block)} ({code})")

    # Total rows equal the sums of their départements.
    for key, (r, v) in totals.items():
        members = groups[key]
        for k in range(len(v)):
            s = sum(d[3][k] for d in members)
            if s != v[k]:
                raise SheetError(f"{ref(r, col_index('C') + k)}: total {v[k]} ≠ sum of its {len(members)} départements {s}")
    return deps, excluded, quirks, repairs


def repair_cells(deps, groups, totals, ref):
    """Repairs a band cell that three independent sums contradict, in place, and describes each repair.

    A cell is repaired only when (1) its row's Total minus the row's other bands, (2) its column's total row
    ("France métropolitaine" or "DOM") minus the other départements, and (3) the sexes (Ensemble = Hommes +
    Femmes) all give the same value, different from the cell's. One wrong cell is the only one contradicted
    by both its row and its column; anything else is left to the consistency checks, which stop with the cell.
    """
    repairs = []
    for code, _, r, v in deps:
        group = "dom" if code.startswith("97") else "metro"
        column_row, column_totals = totals[group]
        for b in range(3):
            for k in range(20):
                i = 21 * b + k
                from_row = v[21 * b + 20] - (sum(v[21 * b: 21 * b + 20]) - v[i])
                from_column = column_totals[i] - sum(d[3][i] for d in groups[group] if d[0] != code)
                if b == 0:
                    from_sexes = v[21 + k] + v[42 + k]
                else:
                    other = v[42 + k] if b == 1 else v[21 + k]
                    from_sexes = v[k] - other
                if v[i] != from_row and from_row == from_column == from_sexes and from_row >= 0:
                    block = BLOCKS[b][0]
                    repairs.append(
                        f"{ref(r, col_index('C') + i)} ({code}, {block} {BANDS[k]}) reads {v[i]}; its row Total, its column's "
                        f"total on row {column_row} and the sexes all give {from_row}: repaired to {from_row}")
                    v[i] = from_row
    return repairs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xlsx", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--year", type=int, default=2021)
    ap.add_argument("--names-out", help="also write the départements' names as given by the sheet (code,name)")
    a = ap.parse_args()
    try:
        deps, excluded, quirks, repairs = convert(a.xlsx, a.year)
    except (SheetError, zipfile.BadZipFile, KeyError, ET.ParseError, OSError) as e:
        sys.exit(f"error: {e}")
    lines = ["year,departement,band,population"]
    for code, _, _, v in deps:
        lines += [f"{a.year},{code},{band},{v[k]}" for k, band in enumerate(BANDS)]
    # Written to a temporary file in the same folder, then renamed: never a half-written output.
    folder = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, a.out)
    if a.names_out:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(a.names_out)), suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write("departement,name\n" + "".join(f"{code},{name.strip()}\n" for code, name, _, _ in deps))
        os.replace(tmp, a.names_out)
        print(f"{a.names_out}: {len(deps)} département names")
    metro = sum(d[3][20] for d in deps if not d[0].startswith("97"))
    dom = sum(d[3][20] for d in deps if d[0].startswith("97"))
    print(f"{a.out}: {len(deps)} départements × {len(BANDS)} bands = {len(lines) - 1} rows, year {a.year}; "
          f"metropolitan France {metro:,}, DOM {dom:,} ({', '.join(d[0] for d in deps if d[0].startswith('97'))})")
    for reason, items in excluded.items():
        print(f"  excluded {len(items)} {reason}: {'; '.join(items) if items else '-'}")
    for q in quirks:
        print(f"  note: {q}")
    for fix in repairs:
        print(f"  repaired: {fix}")


if __name__ == "__main__":
    main()
