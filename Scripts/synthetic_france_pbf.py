#!/usr/bin/env python3
"""Writes a SYNTHETIC France-sized OSM road network as OPL on standard output, for
Scripts/make-synthetic-france-pbf.sh (which pipes it into `osmium cat -F opl -o FILE.osm.pbf`).

    python3 Scripts/synthetic_france_pbf.py --templates DIR --tiles 32x30 > france.opl

NOT REAL DATA. The real OpenStreetMap extracts of Andorra (andorra.osm.pbf) and of Monaco and the Riviera
(most_monaco_riviera_network.osm) are copied onto a grid of tiles over metropolitan France's bounding box
(lon -4.8…8.2, lat 42.3…51.1); every fourth tile is a Riviera copy, the others Andorra copies. Each copy gets
fresh node and way ids (tile k: node ids k·10⁵ + rank of the original id, way ids k·10⁴ + rank) and is shifted
so that its centre lands on its cell's centre. Neighbouring tiles are joined by generated two-way trunk roads
(`highway=trunk`, `synthetic=yes`, a node every ~1 km) between their outermost car-network nodes (east to
west, north to south), so that the whole grid is one strongly connected car network. Every synthetic way
carries `synthetic=yes`; the PBF header names the generator as SYNTHETIC. Node tags and relations are
dropped. Output is sorted (nodes by id, then ways by id), as `osmium sort` would leave it.

DIR holds, for each template T (andorra, riviera): T.opl (`osmium cat -f opl,add_metadata=false`) and
T-nodes.csv (`careaccess network export`: the nodes of its largest strongly connected component), which
give the ports the trunk roads attach to.
"""
import argparse
import csv
import math
import sys

LON0, LON1, LAT0, LAT1 = -4.8, 8.2, 42.3, 51.1
NODE_STRIDE = 100_000
WAY_STRIDE = 10_000


def load_template(directory, name):
    nodes = []  # (id, lon7, lat7)
    ways = []   # (id, tags, refs)
    with open(f"{directory}/{name}.opl") as f:
        for line in f:
            if line[0] == "n":
                parts = line.split()
                lon = lat = None
                for p in parts[1:]:
                    if p[0] == "x":
                        lon = round(float(p[1:]) * 1e7)
                    elif p[0] == "y":
                        lat = round(float(p[1:]) * 1e7)
                if lon is not None and lat is not None:
                    nodes.append((int(parts[0][1:]), lon, lat))
            elif line[0] == "w":
                parts = line.rstrip("\n").split(" ")
                tags, refs = "", ""
                for p in parts[1:]:
                    if p[0] == "T":
                        tags = p[1:]
                    elif p[0] == "N":
                        refs = p[1:]
                ref_ids = [int(r[1:]) for r in refs.split(",") if r]
                if len(ref_ids) >= 2:
                    ways.append((int(parts[0][1:]), tags, ref_ids))
    nodes.sort()
    ways.sort()
    if len(nodes) >= NODE_STRIDE or len(ways) >= WAY_STRIDE:
        sys.exit(f"synthetic_france_pbf: template {name} too large for the id strides")
    rank = {nid: k for k, (nid, _, _) in enumerate(nodes)}
    lons = sorted(n[1] for n in nodes)
    lats = sorted(n[2] for n in nodes)
    centre = (lons[len(lons) // 2], lats[len(lats) // 2])
    ports = {}
    with open(f"{directory}/{name}-nodes.csv", newline="") as f:
        scc = [(int(r["osm_id"]), float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)]
    # Outermost car-network nodes, within the central part of the other axis (a road, not a far spur).
    for side, key in (("E", lambda p: -p[1]), ("W", lambda p: p[1]), ("N", lambda p: -p[2]), ("S", lambda p: p[2])):
        ports[side] = rank[min(scc, key=key)[0]]
    # Ways keep only references to nodes present (the extracts are clipped).
    kept = []
    for wid, tags, refs in ways:
        local = [rank[r] for r in refs if r in rank]
        if len(local) >= 2:
            kept.append((wid, tags, local))
    return {"name": name, "nodes": nodes, "ways": kept, "centre": centre, "ports": ports}


def fmt7(v):
    s = "-" if v < 0 else ""
    a = -v if v < 0 else v
    return f"{s}{a // 10_000_000}.{a % 10_000_000:07d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--templates", required=True)
    ap.add_argument("--tiles", default="32x30", help="columns x rows of the grid (32x30 = 960 tiles: full scale)")
    ap.add_argument("--stats", help="write node/way counts here")
    args = ap.parse_args()
    nx, ny = (int(v) for v in args.tiles.lower().split("x"))
    if not (1 <= nx <= 200 and 1 <= ny <= 200):
        sys.exit("synthetic_france_pbf: --tiles must be between 1x1 and 200x200")
    andorra = load_template(args.templates, "andorra")
    riviera = load_template(args.templates, "riviera")
    cw, ch = (LON1 - LON0) / 32, (LAT1 - LAT0) / 30   # the full-scale cell; smaller grids cover part of France
    tiles = []  # (k, template, dlon7, dlat7)
    for j in range(ny):
        for i in range(nx):
            k = j * nx + i
            t = riviera if (i + 2 * j) % 4 == 0 else andorra
            cx = round((LON0 + (i + 0.5) * cw) * 1e7)
            cy = round((LAT0 + (j + 0.5) * ch) * 1e7)
            tiles.append((k, t, cx - t["centre"][0], cy - t["centre"][1]))
    out = sys.stdout
    write = out.write
    nodes = ways = 0
    for k, t, dx, dy in tiles:
        base = k * NODE_STRIDE + 1
        buf = [f"n{base + r} T x{fmt7(lon + dx)} y{fmt7(lat + dy)}\n" for r, (_, lon, lat) in enumerate(t["nodes"])]
        write("".join(buf))
        nodes += len(buf)
    # Trunk roads between neighbouring tiles: the new nodes come after every tile's node ids.
    next_node = len(tiles) * NODE_STRIDE + 1
    trunk_ways = []

    def port(k, side):
        _, t, dx, dy = tiles[k]
        r = t["ports"][side]
        _, lon, lat = t["nodes"][r]
        return k * NODE_STRIDE + 1 + r, lon + dx, lat + dy

    links = []
    for j in range(ny):
        for i in range(nx):
            k = j * nx + i
            if i + 1 < nx:
                links.append((port(k, "E"), port(k + 1, "W")))
            if j + 1 < ny:
                links.append((port(k, "N"), port(k + nx, "S")))
    buf = []
    for (a, alon, alat), (b, blon, blat) in links:
        km = math.hypot((blon - alon) * 1e-7 * 111.32 * math.cos(math.radians(alat * 1e-7)), (blat - alat) * 1e-7 * 110.57)
        steps = max(1, round(km))
        refs = [a]
        for s in range(1, steps):
            f = s / steps
            buf.append(f"n{next_node} T x{fmt7(round(alon + f * (blon - alon)))} y{fmt7(round(alat + f * (blat - alat)))}\n")
            refs.append(next_node)
            next_node += 1
        refs.append(b)
        trunk_ways.append(refs)
    write("".join(buf))
    nodes += len(buf)
    for k, t, _, _ in tiles:
        base = k * NODE_STRIDE + 1
        wbase = k * WAY_STRIDE + 1
        buf = []
        for r, (_, tags, local) in enumerate(t["ways"]):
            tag = f"{tags},synthetic=yes" if tags else "synthetic=yes"
            buf.append(f"w{wbase + r} T{tag} N{','.join('n' + str(base + x) for x in local)}\n")
        write("".join(buf))
        ways += len(buf)
    wid = len(tiles) * WAY_STRIDE + 1
    buf = []
    for refs in trunk_ways:
        buf.append(f"w{wid} Thighway=trunk,ref=SYNTHETIC,synthetic=yes N{','.join('n' + str(x) for x in refs)}\n")
        wid += 1
    write("".join(buf))
    ways += len(buf)
    out.flush()
    if args.stats:
        with open(args.stats, "w") as f:
            f.write(f"tiles {len(tiles)} ({nx}x{ny}; {sum(1 for _, t, _, _ in tiles if t is riviera)} Riviera copies)\n")
            f.write(f"nodes {nodes}\nways {ways}\ntrunk_links {len(links)}\n")


if __name__ == "__main__":
    main()
