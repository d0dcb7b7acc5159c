"""Governorate and district outlines bundled for the offline map (simplified OCHA/CSO boundaries)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from ..errors import GazetteerError
from .admin1 import fold
from .build import BOUNDARIES_FILE, DATA_DIR, DISTRICTS_FILE

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points


@dataclass(frozen=True)
class GovernorateShape:
    admin1_code: str
    admin1: str
    rings: tuple[Ring, ...]


def boundaries_file(level: Literal["governorate", "district"], data_dir: Path = DATA_DIR) -> Path:
    """The bundled GeoJSON of governorate or district outlines; `GazetteerError` if it is missing."""
    path = data_dir / (BOUNDARIES_FILE if level == "governorate" else DISTRICTS_FILE)
    if not path.exists():
        raise GazetteerError(f"{path} is missing: run `sitrep gazetteer build PATH/TO/geo`")
    return path


def load_shapes(data_dir: Path = DATA_DIR) -> tuple[GovernorateShape, ...]:
    path = boundaries_file("governorate", data_dir)
    shapes = []
    for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feat["properties"]
        rings = tuple(
            tuple((float(x), float(y)) for x, y in poly[0]) for poly in feat["geometry"]["coordinates"]
        )
        shapes.append(GovernorateShape(props["admin1_code"], props["admin1"], rings))
    return tuple(shapes)


@cache
def governorate_shapes() -> tuple[GovernorateShape, ...]:
    return load_shapes()


def _district_key(name: str) -> str:
    """A district name as compared: folded, without the article ('Al-Ba'aj' and 'Baaj' alike)."""
    return " ".join(w for w in fold(name).split() if w not in ("al", "el"))


def load_district_codes(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Folded district name -> the district's OCHA P-code, from its English name and alternative
    names in the bundled outlines (OCHA's district names are unique across Iraq; a folded name two
    districts share would name neither)."""
    found: dict[str, set[str]] = {}
    for feat in json.loads(boundaries_file("district", data_dir).read_text(encoding="utf-8"))["features"]:
        p = feat["properties"]
        for name in (p["admin2"], *p["alt_names"]):
            found.setdefault(_district_key(name), set()).add(p["admin2_pcode"])
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


@cache
def _district_codes() -> dict[str, str]:
    return load_district_codes()


def district_code(admin2: str | None) -> str | None:
    """The OCHA P-code of the district an event names (OCHA's spelling or a close one: case,
    diacritics, hyphens and the article aside), or None when the bundled outlines have no such district."""
    return _district_codes().get(_district_key(admin2)) if admin2 else None


def _inside(ring: Ring, longitude: float, latitude: float) -> bool:
    """Ray casting: does the closed ring of (longitude, latitude) points hold the point?"""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > latitude) != (y1 > latitude) and longitude < x0 + (latitude - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def governorate_at(
    latitude: float, longitude: float, shapes: tuple[GovernorateShape, ...] | None = None
) -> GovernorateShape | None:
    """The governorate whose (simplified) outline holds the point, or None outside Iraq."""
    for shape in governorate_shapes() if shapes is None else shapes:
        if any(_inside(ring, longitude, latitude) for ring in shape.rings):
            return shape
    return None
