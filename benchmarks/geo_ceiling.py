"""How close any gazetteer lookup can get on GTD rows: is the row's own city in the bundled gazetteer?

.venv/bin/python benchmarks/geo_ceiling.py GTD.csv

For each GTD row that the scorer checks for distance (specificity 1 or 2), looks up GTD's own city name
in sitrep's gazetteer and takes the namesake nearest to GTD's point (an oracle choice no real resolver
has). Prints the share of rows where that namesake lies within 10 and 25 km: what a geoparser
relying on this gazetteer can reach by naming the town, before any fallback to districts or
governorates. It also lists the cities that have no namesake within 25 km.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

from sitrep.geo.distance import km_between
from sitrep.geo.gazetteer import default_gazetteer


def main(path: Path) -> None:
    g = default_gazetteer()
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["latitude"] and int(r.get("specificity") or 1) <= 2]
    within10 = within25 = 0
    missing: list[str] = []
    for r in rows:
        gold = (float(r["latitude"]), float(r["longitude"]))
        found = g.lookup(r["city"]) if r["city"] and r["city"] != "Unknown" else []
        nearest = min((km_between(gold, (p.latitude, p.longitude)) for p in found), default=math.inf)
        within10 += nearest <= 10
        within25 += nearest <= 25
        if nearest > 25:
            missing.append(r["city"])
    n = len(rows)
    print(
        f"rows {n}: GTD's own city in the gazetteer within 10 km {within10 / n:.3f}, within 25 km {within25 / n:.3f}"
    )
    print(f"no namesake within 25 km ({len(missing)}): {', '.join(sorted(set(missing)))}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
