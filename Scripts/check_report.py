#!/usr/bin/env python3
"""Check one CareAccess HTML report and its headless-Chromium screenshot (standard library only).

Usage: check_report.py REPORT.html SCREENSHOT.png CLI_OUTPUT.txt [MIN_MAPS [DOCS_COPY.png]]

- every map figure (<figure class="map" data-communes="N">) holds exactly N paths of class "commune",
  and N is the number of studied communes the CLI printed;
- there are at least MIN_MAPS such figures (default 1);
- no commune is drawn as a circle for lack of a boundary: every figure declares data-circles="0" and the
  report has no circle-fallback note (the embedded fixtures carry every commune's boundary);
- the report is self-contained (no script, no src/href to the network);
- the screenshot is not blank: enough non-white pixels, many distinct colours, and the communes' fill
  colours of the HTML are visible in the pixels (the choropleth was painted).
With DOCS_COPY.png, the screenshot is also written there at half size without its empty margins (for docs/).
"""
import re
import struct
import sys
import zlib
from collections import Counter


def fail(message):
    print(f"check-report: FAIL {message}", file=sys.stderr)
    sys.exit(1)


def read_png(path):
    """Decode an 8-bit RGB/RGBA non-interlaced PNG into (width, height, channels, rows of bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    if header is None:
        fail(f"{path}: no IHDR")
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        fail(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            fail(f"{path}: bad filter type {kind} on row {y}")
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def write_cropped_png(path, width, channels, rows, margin=24):
    """Write the screenshot without its empty bottom and right (white), as 8-bit RGB, rows filtered 'up'."""
    blank = b"\xff" * (width * channels)
    last = max((y for y, row in enumerate(rows) if row != blank), default=0)
    kept = rows[:min(len(rows), last + margin)]
    if channels == 4:
        kept = [bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in kept]
    used = max(len(row.rstrip(b"\xff")) for row in kept) // 3 + 1
    width = min(width, used + margin)
    kept = [row[:width * 3] for row in kept]
    # Half size (2×2 box average): the README shows them at about that size anyway, and the files stay small.
    half = []
    for y in range(0, len(kept) - 1, 2):
        top, bottom = kept[y], kept[y + 1]
        half.append(bytes((top[i] + top[i + 3] + bottom[i] + bottom[i + 3] + 2) // 4
                          for x in range(width // 2) for i in range(6 * x, 6 * x + 3)))
    kept, width = half, width // 2
    raw, previous = bytearray(), bytes(width * 3)
    for rgb in kept:
        raw.append(2)
        raw.extend((a - b) & 0xFF for a, b in zip(rgb, previous))
        previous = rgb

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, len(kept), 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
                + chunk(b"IEND", b""))


def main():
    if len(sys.argv) < 4:
        fail("usage: check_report.py REPORT.html SCREENSHOT.png CLI_OUTPUT.txt [MIN_MAPS]")
    html_path, png_path, cli_path = sys.argv[1:4]
    min_maps = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    docs_out = sys.argv[5] if len(sys.argv) > 5 else None
    html = open(html_path, encoding="utf-8").read()
    cli = open(cli_path, encoding="utf-8").read()

    match = re.search(r"Studied:\s+([\d,]+) communes", cli) or re.search(r"([\d,]+) communes studied", cli)
    if not match:
        fail(f"{cli_path}: no 'Studied: N communes' / 'N communes studied' line")
    communes = int(match.group(1).replace(",", ""))

    figures = re.findall(r'<figure class="map" data-communes="(\d+)"(.*?)</figure>', html, re.S)
    if len(figures) < min_maps:
        fail(f"{html_path}: {len(figures)} maps, expected at least {min_maps}")
    for k, (declared, body) in enumerate(figures, 1):
        paths = len(re.findall(r'<path class="commune"', body))
        if int(declared) != communes or paths != communes:
            fail(f"{html_path}: map {k} has {paths} commune paths (declares {declared}), the run studied {communes}")
        circles = re.match(r'\s*data-circles="(\d+)"', body)
        if not circles:
            fail(f"{html_path}: map {k} does not declare data-circles (communes drawn as circles)")
        if circles.group(1) != "0":
            fail(f"{html_path}: map {k} draws {circles.group(1)} communes as circles: boundaries were lost")
    fallback = re.search(r'<p class="note fallback">(.*?)</p>', html, re.S)
    if fallback:
        fail(f"{html_path}: the report says boundaries are missing: {fallback.group(1)!r}")
    if re.search(r"<script", html, re.I) or re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", html, re.I):
        fail(f"{html_path}: not self-contained (script or network reference)")

    width, height, channels, rows = read_png(png_path)
    colours = Counter()
    for row in rows[::2]:  # every other row is plenty for counting
        for i in range(0, len(row), channels * 2):
            colours[row[i:i + 3]] += 1
    total = sum(colours.values())
    white = colours.get(b"\xff\xff\xff", 0)
    non_white = 1 - white / total
    fills = {bytes.fromhex(c) for c in re.findall(r'class="commune" data-code="[^"]*" fill="#([0-9a-fA-F]{6})"', html)}
    fills.discard(b"\xff\xff\xff")  # "no change" is white like the page: it proves nothing was painted
    painted = sum(n for c, n in colours.items() if c in fills)
    print(f"check-report: {html_path}: {len(figures)} map(s) × {communes} commune paths; screenshot {width}×{height}, "
          f"{non_white:.1%} non-white, {len(colours)} colours, {painted} sampled pixels in commune fill colours")
    if non_white < 0.03 or len(colours) < 16:
        fail(f"{png_path}: looks blank ({non_white:.1%} non-white, {len(colours)} colours)")
    if painted < 500:
        fail(f"{png_path}: the communes' fill colours are barely visible ({painted} sampled pixels)")
    check_cost_benefit(html_path, png_path, html, cli, colours)
    if docs_out:
        write_cropped_png(docs_out, width, channels, rows)


def check_cost_benefit(html_path, png_path, html, cli, colours):
    """A comparison with costs (its table has a 'cost k€' column) must draw the cost-benefit chart: one point
    per costed option, the efficient frontier through the points it declares, visible in the screenshot."""
    costed = "cost k€" in cli
    chart = re.search(r'<svg class="cost-benefit" data-points="(\d+)" data-frontier="(\d+)"(.*?)</svg>', html, re.S)
    if not costed:
        if chart:
            fail(f"{html_path}: a cost-benefit chart without costs in the run's table")
        return
    if not chart:
        fail(f"{html_path}: the comparison has costs but no cost-benefit chart")
    points, frontier, body = int(chart.group(1)), int(chart.group(2)), chart.group(3)
    options = len(re.findall(r"^Cost — .*: [\d,]+ € investment", cli, re.M))
    drawn = len(re.findall(r'<circle class="option-point"', body))
    if drawn != points or points != options:
        fail(f"{html_path}: the chart draws {drawn} points (declares {points}), the run costed {options} options")
    line = re.search(r'<polyline class="frontier" points="([^"]*)" fill="none" stroke="#([0-9a-f]{6})"', body)
    if not line or len(line.group(1).split()) != frontier or not 1 <= frontier <= points:
        fail(f"{html_path}: the efficient frontier is missing or does not go through its {frontier} points")
    ink = colours.get(bytes.fromhex(line.group(2)), 0)
    print(f"check-report: {html_path}: cost-benefit chart, {points} options, {frontier} on the frontier, "
          f"{ink} sampled pixels in the frontier colour")
    if ink < 40:
        fail(f"{png_path}: the cost-benefit chart's frontier is barely visible ({ink} sampled pixels)")


if __name__ == "__main__":
    main()
