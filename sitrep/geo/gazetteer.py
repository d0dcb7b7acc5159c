"""The bundled gazetteer, loaded lazily on first use: folded name -> candidate places."""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import GazetteerError
from .admin1 import ALIAS_TO_ISO, fold
from .build import (
    CELL_DEGREES,
    CONFLICTMAP_FILE,
    COUNTRIES_FILE,
    DATA_DIR,
    GOVERNORATES_FILE,
    LANDMARKS_FILE,
    PLACES_FILE,
)
from .names import facility_keys, loose_key, name_keys, skeleton, skeletons

__all__ = ["Gazetteer", "GazetteerPlace", "Governorate", "default_gazetteer", "name_keys", "skeleton"]

MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class GazetteerPlace:
    place_id: str
    country: str
    name: str
    latitude: float
    longitude: float
    feature: str
    importance: int
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    facility: bool = False  # a base, airport, oil field, dam, crossing...: not a settlement


@dataclass(frozen=True)
class Governorate:
    admin1_code: str
    admin1: str
    latitude: float
    longitude: float
    neighbours: frozenset[str] = frozenset()
    border_cells: frozenset[tuple[int, int]] = frozenset()

    def near_border(self, latitude: float, longitude: float, km: float = 25.0) -> bool:
        """True when the point lies within about `km` of this governorate's boundary."""
        x, y = round(longitude / CELL_DEGREES), round(latitude / CELL_DEGREES)
        r = max(1, round(km / (111.0 * CELL_DEGREES)))
        return any(
            (x + dx, y + dy) in self.border_cells for dx in range(-r, r + 1) for dy in range(-r, r + 1)
        )


# Feature codes of facilities rather than settlements: military installations, air bases, oil fields,
# factories, dams, hills, border posts, camps, ports (GeoNames codes; WOF's "campus" and "venue").
FACILITY_FEATURES = frozenset(
    {
        "INSM",
        "AIRB",
        "AIRP",
        "AIRF",
        "OILF",
        "OILR",
        "MFG",
        "DAM",
        "HLL",
        "PSTB",
        "CMPRF",
        "PRT",
        "campus",
        "venue",
    }
)


def _add(index: dict[str, list[GazetteerPlace]], key: str, place: GazetteerPlace) -> None:
    bucket = index.setdefault(key, [])
    if not bucket or bucket[-1] is not place:
        bucket.append(place)


def _cell(text: str) -> tuple[int, int]:
    x, y = text.split(",")
    return int(x), int(y)


class Gazetteer:
    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        places_path = data_dir / PLACES_FILE
        if not places_path.exists():
            raise GazetteerError(f"{places_path} is missing: run `sitrep gazetteer build PATH/TO/geo`")
        self.by_name: dict[str, list[GazetteerPlace]] = {}
        self.by_skeleton: dict[str, list[GazetteerPlace]] = {}
        self.by_facility: dict[str, list[GazetteerPlace]] = {}
        self._by_loose: dict[str, list[GazetteerPlace]] | None = None  # built on first use: `loosely`
        # The war-map places (CC BY-SA) ship as their own file, beside the CC BY gazetteer; the landmarks
        # no open gazetteer holds (the Green Zone, Baghdad's squares) are written for sitrep.
        for path in (places_path, data_dir / CONFLICTMAP_FILE, data_dir / LANDMARKS_FILE):
            if path.exists():
                self._load(path)
        self.governorates: dict[str, Governorate] = {}
        with (data_dir / GOVERNORATES_FILE).open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                self.governorates[r["admin1_code"]] = Governorate(
                    r["admin1_code"],
                    r["admin1"],
                    float(r["lat"]),
                    float(r["lon"]),
                    frozenset(r["neighbours"].split()),
                    frozenset(_cell(c) for c in r["border_cells"].split()),
                )

        self.countries: dict[str, str] = {}  # folded name -> country
        countries_path = data_dir / COUNTRIES_FILE
        if countries_path.exists():
            with countries_path.open(encoding="utf-8") as f:
                for r in csv.DictReader(f, delimiter="\t"):
                    self.countries[fold(r["name"])] = r["country"]

    def _load(self, path: Path) -> None:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
        for r in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
            place = GazetteerPlace(
                place_id=r["place_id"],
                country=r["country"],
                name=r["name"],
                latitude=float(r["lat"]),
                longitude=float(r["lon"]),
                feature=r["feature"],
                importance=int(r["importance"] or 0),
                admin1_code=r["admin1_code"] or None,
                admin1=r["admin1"] or None,
                admin2=r["admin2"] or None,
                facility=r["feature"] in FACILITY_FEATURES or bool(facility_keys(fold(r["name"]))),
            )
            for n in r["names"].split("|"):
                keys = name_keys(n)
                for index, key in [(self.by_name, k) for k in keys] + [
                    (self.by_skeleton, sk) for k in keys for sk in skeletons(k)
                ]:
                    _add(index, key, place)
                for key in facility_keys(n) if place.facility else ():
                    _add(self.by_facility, key, place)

    def lookup(self, name: str) -> list[GazetteerPlace]:
        """Exact-name matches first, then transliteration variants, then facilities of the name's kind
        ('Balad airbase' finds Balad Air Base)."""
        folded = fold(name)
        found: dict[str, GazetteerPlace] = {}
        keys = name_keys(folded)
        for key in keys:
            for p in self.by_name.get(key, []):
                found.setdefault(p.place_id, p)
        for key in keys:
            for sk in skeletons(key):
                for p in self.by_skeleton.get(sk, []):
                    found.setdefault(p.place_id, p)
        if not found:
            for key in facility_keys(folded):
                for p in self.by_facility.get(key, []):
                    found.setdefault(p.place_id, p)
        return list(found.values())

    def loosely(self, name: str) -> list[GazetteerPlace]:
        """Places whose name has the same consonants (`names.loose_key`): 'Khaldiyah' finds Khalidiyah, and
        many a namesake with it. Only for a name the text places inside a governorate, within it."""
        if self._by_loose is None:
            self._by_loose = {}
            for name_key, places in self.by_name.items():
                if key := loose_key(name_key):
                    for place in places:
                        _add(self._by_loose, key, place)
        found: dict[str, GazetteerPlace] = {}
        for key in {loose_key(k) for k in name_keys(fold(name))} - {""}:
            for p in self._by_loose.get(key, []):
                found.setdefault(p.place_id, p)
        return list(found.values())

    def facilities(self, name: str) -> list[GazetteerPlace]:
        """Facilities a name with its kind labels: 'Ain al-Asad air base', 'K-1 base', 'Mosul Dam'."""
        found: dict[str, GazetteerPlace] = {}
        for key in facility_keys(fold(name)):
            for p in self.by_facility.get(key, []):
                found.setdefault(p.place_id, p)
        return list(found.values())

    @staticmethod
    def governorate_code(name: str) -> str | None:
        folded = fold(name)
        for key in name_keys(folded, suffixes=False):
            if key in ALIAS_TO_ISO:
                return ALIAS_TO_ISO[key]
        return ALIAS_TO_ISO.get(folded)


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
