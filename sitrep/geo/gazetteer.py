"""The bundled gazetteer, loaded lazily on first use: folded name -> candidate places."""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import GazetteerError
from .admin1 import ALIAS_TO_ISO, fold
from .build import CELL_DEGREES, COUNTRIES_FILE, DATA_DIR, GOVERNORATES_FILE, PLACES_FILE

MAX_NAME_WORDS = 4
_PREFIXES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ")


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


def _cell(text: str) -> tuple[int, int]:
    x, y = text.split(",")
    return int(x), int(y)


def skeleton(folded: str) -> str:
    """A transliteration-tolerant key: no article prefix, no doubled letters, no final h, ee/ou as i/u,
    a jim between vowels as y."""
    words = folded.split()
    if len(words) > 1 and words[0] in {p.strip() for p in _PREFIXES}:
        words = words[1:]
    s = " ".join(words).replace("ee", "i").replace("ou", "u").replace("oo", "u").replace("dh", "d")
    s = re.sub(r"(.)\1", r"\1", s)
    s = re.sub(r"(?<=[aeiou])h\b", "", s)
    s = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", s)  # Gulf pronunciation of jim: Hawija, Hawiyah
    return s.replace("y", "i").replace("e", "a").replace("o", "u")


# Generic words GeoNames keeps in front of a name: "Qaryat al Islah" (village of), "Nahiyat Yathrib" (sub-district).
_GENERIC = ("qaryat ", "nahiyat ", "nahiyah ", "qadaa ", "qada ", "markaz ")


def name_keys(folded: str) -> list[str]:
    """Lookup keys for one folded name: as is, without a generic word, and without an Arabic article prefix."""
    keys = [folded]
    for g in _GENERIC:
        if folded.startswith(g) and len(folded) > len(g) + 2:
            keys.append(folded[len(g) :])
            break
    for key in list(keys):
        for p in _PREFIXES:
            if key.startswith(p) and len(key) > len(p) + 2:
                keys.append(key[len(p) :])
                break
    return keys


class Gazetteer:
    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        places_path = data_dir / PLACES_FILE
        if not places_path.exists():
            raise GazetteerError(f"{places_path} is missing: run `sitrep gazetteer build PATH/TO/geo`")
        self.by_name: dict[str, list[GazetteerPlace]] = {}
        self.by_skeleton: dict[str, list[GazetteerPlace]] = {}
        text = gzip.decompress(places_path.read_bytes()).decode("utf-8")
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
            )
            for n in r["names"].split("|"):
                for key in name_keys(n):
                    bucket = self.by_name.setdefault(key, [])
                    if not bucket or bucket[-1] is not place:
                        bucket.append(place)
                for key in name_keys(n)[:2]:
                    loose = self.by_skeleton.setdefault(skeleton(key), [])
                    if not loose or loose[-1] is not place:
                        loose.append(place)
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

    def lookup(self, name: str) -> list[GazetteerPlace]:
        """Exact-name matches first, then transliteration variants."""
        folded = fold(name)
        found: dict[str, GazetteerPlace] = {}
        for key in name_keys(folded):
            for p in self.by_name.get(key, []):
                found.setdefault(p.place_id, p)
        for p in self.by_skeleton.get(skeleton(folded), []):
            found.setdefault(p.place_id, p)
        return list(found.values())

    @staticmethod
    def governorate_code(name: str) -> str | None:
        folded = fold(name)
        for key in name_keys(folded):
            if key in ALIAS_TO_ISO:
                return ALIAS_TO_ISO[key]
        return ALIAS_TO_ISO.get(folded)


@cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
