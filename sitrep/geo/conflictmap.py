"""The war map's places (Wikipedia, 'Module:Iraqi insurgency detailed map', CC BY-SA 4.0) for the build.

They ship as their own file (`conflictmap_places.tsv.gz`, under CC BY-SA 4.0, see NOTICE), never mixed
into the CC BY gazetteer. A war-map place that Who's On First already holds — a same-name place (by
transliteration key) within `DUPLICATE_KM` — is left out: the WOF place is kept, and the war-map spelling,
being the same key, finds it anyway.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from .admin1 import GOVERNORATES, PCODE_TO_ISO, fold
from .distance import km_between
from .names import name_keys, skeleton

CONFLICTMAP_SOURCE = "wiki_iq_conflictmap_places.tsv"
DUPLICATE_KM = 10.0
# War-map places are known to fewer sources than a WOF town of many names: below a district seat.
_IMPORTANCE = 1
_ASIDE = re.compile(r"\s*\([^)]*\)|,\s*Iraq\b")  # "Karki Hasari Camp (PKK)", "Balad, Iraq"


def _keys(names: str) -> set[str]:
    return {skeleton(k) for n in names.split("|") if n for k in name_keys(fold(n))}


def read_conflictmap(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def new_places(war_map: list[dict[str, str]], known: list[dict[str, str]]) -> Iterator[dict[str, str]]:
    """War-map rows as gazetteer rows (build.COLUMNS), without those WOF already holds."""
    near: dict[str, list[tuple[float, float]]] = {}
    for r in known:
        if r["country"] != "Iraq":
            continue
        point = (float(r["lat"]), float(r["lon"]))
        for key in _keys(r["names"]):
            near.setdefault(key, []).append(point)
    for r in war_map:
        names = [_ASIDE.sub("", n).strip() for n in (r["name"], *r["alt_names"].split("|"))]
        names = [n for n in dict.fromkeys(names) if len(fold(n)) >= 3]
        if not names or not r["lat"] or not r["lon"]:
            continue
        point = (float(r["lat"]), float(r["lon"]))
        if any(
            km_between(point, p) <= DUPLICATE_KM for key in _keys("|".join(names)) for p in near.get(key, [])
        ):
            continue
        iso = PCODE_TO_ISO.get(r.get("ocha_adm1_pcode", ""))
        yield {
            "place_id": f"conflictmap:{r['wof_id'].removeprefix('wikimap-iq-')}",
            "country": "Iraq",
            "name": names[0],
            "names": "|".join(fold(n) for n in names),
            "lat": f"{point[0]:.5f}",
            "lon": f"{point[1]:.5f}",
            "feature": r["gn_feature_code"] or "PPL",
            "importance": str(_IMPORTANCE),
            "admin1_code": iso or "",
            "admin1": GOVERNORATES[iso][0] if iso else "",
            "admin2": r.get("ocha_adm2_en") or "",
        }
