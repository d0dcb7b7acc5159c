"""Build the bundled gazetteer from the open data in a geo folder (Who's On First / GeoNames, OCHA).

    sitrep gazetteer build ../shared/data/geo

writes `places.tsv.gz`, `governorates.tsv` and the simplified governorate and district outlines
(`governorates.geojson`, `districts.geojson`) beside this module. Any other country can be added
from a standard GeoNames dump (`XX.txt` from the GeoNames export) with `--geonames XX.txt`.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import unicodedata
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .admin1 import GOVERNORATES, PCODE_TO_ISO, fold
from .conflictmap import CONFLICTMAP_SOURCE, new_places, read_conflictmap

DATA_DIR = Path(__file__).parent / "data"
PLACES_FILE = "places.tsv.gz"
CONFLICTMAP_FILE = "conflictmap_places.tsv.gz"  # CC BY-SA 4.0: kept apart from the CC BY places
LANDMARKS_FILE = "landmarks.tsv"  # written for sitrep, not built: places no open gazetteer holds
GOVERNORATES_FILE = "governorates.tsv"
COUNTRIES_FILE = "countries.tsv"
WORLD_ATLAS = "world_atlas_countries_50m.topo.json"
# Names news uses for countries or their regions, beside Natural Earth's short names.
_COUNTRY_ALIASES = {
    "United States of America": ("United States", "America"),
    "United Kingdom": ("Britain", "Great Britain", "England", "Scotland", "Wales"),
    "Palestine": ("Gaza", "Gaza Strip", "West Bank"),
    "Egypt": ("Sinai",),
    "Russia": ("Chechnya",),
    "Europe": ("Europe",),
    "Asia": ("Asia",),
    "Africa": ("Africa",),
    "Latin America": ("Latin America", "South America", "Central America"),
}
COLUMNS = (
    "place_id",
    "country",
    "name",
    "names",
    "lat",
    "lon",
    "feature",
    "importance",
    "admin1_code",
    "admin1",
    "admin2",
)
WOF_COUNTRIES = {"iq": "Iraq", "sy": "Syria", "jo": "Jordan", "kw": "Kuwait", "sa": "Saudi Arabia"}


def _latin(name: str) -> bool:
    """Written in Latin letters (any diacritics: 'Ḩulaywah', 'Nāz̧irīyah'); Arabic names are kept apart."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c in "ʿʾ" or unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _names(*fields: str) -> list[str]:
    seen: dict[str, None] = {}
    for f in fields:
        for n in f.split("|"):
            key = fold(n)
            if n and _latin(n) and len(key) >= 3:
                seen.setdefault(key, None)
    return list(seen)


def _display_name(r: dict[str, str]) -> str:
    for n in (r["gn_asciiname"], r["name"], r["gn_name"], *r["alt_names"].split("|")):
        if n and _latin(n):
            return n
    return r["name"]


# Administrative seats are what reports name: a district capital outranks a namesake hamlet.
_SEAT_BONUS = {"PPLC": 50, "PPLA": 20, "PPLA2": 10, "PPLA3": 3}


def _importance(alt_names: str, population: str, feature: str) -> int:
    names = len([n for n in alt_names.replace(",", "|").split("|") if n])
    return names + int(population or 0) // 10000 + _SEAT_BONUS.get(feature, 0)


def _wof_rows(path: Path, country: str) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r.get("wof_deprecated"):
                continue
            names = _names(r["name"], r["gn_name"], r["gn_asciiname"], r["alt_names"])
            if not names or not r["lat"] or not r["lon"]:
                continue
            iso = PCODE_TO_ISO.get(r.get("ocha_adm1_pcode", ""))
            importance = _importance(r["alt_names"], r["gn_population"], r["gn_feature_code"])
            yield {
                "place_id": f"wof:{r['wof_id']}",
                "country": WOF_COUNTRIES[country],
                "name": _display_name(r),
                "names": "|".join(names),
                "lat": f"{float(r['lat']):.5f}",
                "lon": f"{float(r['lon']):.5f}",
                "feature": r["gn_feature_code"] or r["placetype"],
                "importance": str(importance),
                "admin1_code": iso or "",
                "admin1": GOVERNORATES[iso][0] if iso else (r.get("wof_region") or ""),
                "admin2": r.get("ocha_adm2_en") or r.get("wof_county") or "",
            }


def geonames_rows(path: Path, country: str) -> Iterator[dict[str, str]]:
    """Rows from a standard GeoNames country dump (tab-separated, 19 columns, no header)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19 or c[6] != "P":
                continue
            names = _names(c[1], c[2], c[3])
            if names:
                yield {
                    "place_id": f"geonames:{c[0]}",
                    "country": country,
                    "name": c[1],
                    "names": "|".join(names),
                    "lat": c[4],
                    "lon": c[5],
                    "feature": c[7],
                    "importance": str(_importance(c[3], c[14], c[7])),
                    "admin1_code": "",
                    "admin1": c[10],
                    "admin2": c[11],
                }


def own_place_rows(path: Path) -> Iterator[dict[str, str]]:
    """Places a user adds (`sitrep places --unresolved` lists candidates): a TSV with the header
    name, alternate_names (|-separated), latitude, longitude, admin1_code (ISO, e.g. IQ-AN), country."""
    with path.open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            try:
                lat, lon = float(r["latitude"]), float(r["longitude"])
                iso = r.get("admin1_code") or ""
                admin1 = GOVERNORATES[iso][0] if iso in GOVERNORATES else ""
                names = _names(r["name"], r.get("alternate_names") or "")
            except (KeyError, TypeError, ValueError) as e:
                raise GazetteerError(f"{path}, line {n}: needs name, latitude, longitude ({e})") from e
            yield {
                "place_id": f"own:{path.stem}:{n}",
                "country": r.get("country") or "Iraq",
                "name": r["name"],
                "names": "|".join(names),
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
                "feature": "PPL",
                "importance": "1",
                "admin1_code": iso,
                "admin1": admin1,
                "admin2": "",
            }


CELL_DEGREES = 0.05


def _cells(geometry: dict[str, Any], size: float = CELL_DEGREES) -> set[tuple[int, int]]:
    """Grid cells the boundary passes through: two governorates sharing a cell share a border."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return {(round(x / size), round(y / size)) for poly in polys for ring in poly for x, y in ring}


def _centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """Area-weighted centroid of the largest polygon ring set (lat, lon)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best: tuple[float, float, float] = (0.0, 0.0, 0.0)
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in pairwise(ring):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if a and abs(a) > best[0]:
            best = (abs(a), cy / (3 * a), cx / (3 * a))
    return best[1], best[2]


_ADMIN_LEVELS = ((2, "irq_admbnda_adm2_cso_20190603.geojson"), (3, "irq_admbnda_adm3_cso_20190603.geojson"))


def admin_area_rows(geo_dir: Path) -> Iterator[dict[str, str]]:
    """Districts (ADM2) and sub-districts (ADM3) from the OCHA boundaries, placed at their centroids.

    Reports name them ("Hatra district", "Yathrib sub-district"), and a village the gazetteer lacks is
    coded by GTD and ACLED at its district's centre.
    """
    for level, file in _ADMIN_LEVELS:
        path = geo_dir / file
        if not path.exists():
            continue
        for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
            p = feat["properties"]
            name = p[f"ADM{level}_EN"]
            names = _names(name, *(p.get(f"ADM{level}ALT{i}EN") or "" for i in (1, 2)))
            iso = PCODE_TO_ISO[p["ADM1_PCODE"]]
            lat, lon = _centroid(feat["geometry"])
            yield {
                "place_id": f"ocha:{p[f'ADM{level}_PCODE']}",
                "country": "Iraq",
                "name": name,
                "names": "|".join(names),
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
                "feature": f"ADM{level}",
                "importance": "0",
                "admin1_code": iso,
                "admin1": GOVERNORATES[iso][0],
                "admin2": p["ADM2_EN"],
            }


BOUNDARIES_FILE = "governorates.geojson"
DISTRICTS_FILE = "districts.geojson"
_SIMPLIFY_DEGREES = 0.01  # about 1 km: enough for a map of the country, a few hundred kB less


def _simplify(ring: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker on one closed ring (keeps its first and last point)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = ring[a][:2], ring[b][:2]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        far, far_i = 0.0, -1
        for i in range(a + 1, b):
            x, y = ring[i][:2]
            d = abs(dy * (x - x0) - dx * (y - y0)) / norm if norm else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
            if d > far:
                far, far_i = d, i
        if far > tolerance:
            keep[far_i] = True
            stack += [(a, far_i), (far_i, b)]
    return [[round(p[0], 3), round(p[1], 3)] for p, k in zip(ring, keep, strict=True) if k]


def _outlines(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    """The simplified outer rings of a (Multi)Polygon, as MultiPolygon coordinates (holes dropped)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    rings = [_simplify(poly[0], _SIMPLIFY_DEGREES) for poly in polys]
    return [[r] for r in rings if len(r) >= 4]


def _write_collection(path: Path, features: list[dict[str, Any]]) -> None:
    doc = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")


def write_boundaries(features: list[dict[str, Any]], out_dir: Path) -> None:
    """Simplified governorate outlines for the offline map (OCHA/CSO boundaries, CC BY 3.0 IGO)."""
    out = []
    for feat in features:
        iso = PCODE_TO_ISO[feat["properties"]["ADM1_PCODE"]]
        out.append(
            {
                "type": "Feature",
                "properties": {"admin1_code": iso, "admin1": GOVERNORATES[iso][0]},
                "geometry": {"type": "MultiPolygon", "coordinates": _outlines(feat["geometry"])},
            }
        )
    _write_collection(out_dir / BOUNDARIES_FILE, out)


def write_district_boundaries(geo_dir: Path, out_dir: Path) -> None:
    """Simplified district (ADM2) outlines for the offline map, with each district's P-code, OCHA's
    English name and alternative names, and its governorate (OCHA/CSO boundaries, CC BY 3.0 IGO)."""
    path = geo_dir / _ADMIN_LEVELS[0][1]
    if not path.exists():
        return
    out: list[dict[str, Any]] = []
    for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
        p = feat["properties"]
        iso = PCODE_TO_ISO[p["ADM1_PCODE"]]
        alt = [n for n in (p.get("ADM2ALT1EN"), p.get("ADM2ALT2EN")) if n]
        out.append(
            {
                "type": "Feature",
                "properties": {
                    "admin2_pcode": p["ADM2_PCODE"],
                    "admin2": p["ADM2_EN"],
                    "alt_names": alt,
                    "admin1_code": iso,
                    "admin1": GOVERNORATES[iso][0],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": _outlines(feat["geometry"])},
            }
        )
    out.sort(key=lambda f: str(f["properties"]["admin2_pcode"]))
    _write_collection(out_dir / DISTRICTS_FILE, out)


def write_countries(geo_dir: Path, out_dir: Path) -> None:
    """Country names (Natural Earth via world-atlas) so reports set abroad are known to be abroad."""
    atlas = geo_dir / WORLD_ATLAS
    if not atlas.exists():
        return
    geometries = json.loads(atlas.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]
    names = sorted({g["properties"]["name"] for g in geometries if "." not in g["properties"]["name"]})
    rows = [(n, n) for n in names] + [(a, n) for n, aliases in _COUNTRY_ALIASES.items() for a in aliases]
    with (out_dir / COUNTRIES_FILE).open("w", encoding="utf-8") as f:
        f.write("name\tcountry\n")
        f.writelines(f"{name}\t{country}\n" for name, country in sorted(rows))


def _readable(path: Path, rows: Iterator[dict[str, str]]) -> list[dict[str, str]]:
    try:
        return list(rows)
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(f"cannot read {path} (a UTF-8 text file is expected): {e}") from e


def build(
    geo_dir: Path,
    out_dir: Path = DATA_DIR,
    geonames: list[tuple[Path, str]] | None = None,
    own_places: list[Path] | None = None,
) -> int:
    """Write the gazetteer files; return the number of places."""
    for path, _ in geonames or []:
        if not path.is_file():
            raise GazetteerError(f"GeoNames dump {path} not found: give the path of a file such as IR.txt")
    for path in own_places or []:
        if not path.is_file():
            raise GazetteerError(f"places file {path} not found: give the path of your places TSV")
    adm1 = geo_dir / "irq_admbnda_adm1_cso_20190603.geojson"
    if not adm1.exists():
        raise GazetteerError(
            f"{adm1} not found: point the build at the folder holding the OCHA and WOF files"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    features = json.loads(adm1.read_text(encoding="utf-8"))["features"]
    cells = {PCODE_TO_ISO[f["properties"]["ADM1_PCODE"]]: _cells(f["geometry"]) for f in features}
    with (out_dir / GOVERNORATES_FILE).open("w", encoding="utf-8") as f:
        f.write("admin1_code\tadmin1\tlat\tlon\tneighbours\tborder_cells\n")
        for feat in features:
            iso = PCODE_TO_ISO[feat["properties"]["ADM1_PCODE"]]
            lat, lon = _centroid(feat["geometry"])
            near = sorted(o for o in cells if o != iso and cells[o] & cells[iso])
            border = " ".join(f"{x},{y}" for x, y in sorted(cells[iso]))
            f.write(f"{iso}\t{GOVERNORATES[iso][0]}\t{lat:.5f}\t{lon:.5f}\t{' '.join(near)}\t{border}\n")
    write_countries(geo_dir, out_dir)
    write_boundaries(features, out_dir)
    write_district_boundaries(geo_dir, out_dir)
    rows: list[dict[str, str]] = []
    for code in WOF_COUNTRIES:
        path = geo_dir / f"wof_{code}_places.tsv"
        if path.exists():
            rows.extend(_wof_rows(path, code))
    rows.extend(admin_area_rows(geo_dir))
    for path, country in geonames or []:
        rows.extend(_readable(path, geonames_rows(path, country)))
    for path in own_places or []:
        rows.extend(_readable(path, own_place_rows(path)))
    _write_places(out_dir / PLACES_FILE, rows)
    war_map = geo_dir / CONFLICTMAP_SOURCE
    added = list(new_places(read_conflictmap(war_map), rows)) if war_map.exists() else []
    if added:
        _write_places(out_dir / CONFLICTMAP_FILE, added)
    return len(rows) + len(added)


def _write_places(path: Path, rows: list[dict[str, str]]) -> None:
    lines = ["\t".join(COLUMNS)] + ["\t".join(r[c].replace("\t", " ") for c in COLUMNS) for r in rows]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
