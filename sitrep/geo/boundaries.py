"""Governorate outlines bundled for the offline map (simplified OCHA/CSO boundaries)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import GazetteerError
from .build import BOUNDARIES_FILE, DATA_DIR

Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points


@dataclass(frozen=True)
class GovernorateShape:
    admin1_code: str
    admin1: str
    rings: tuple[Ring, ...]


def load_shapes(data_dir: Path = DATA_DIR) -> tuple[GovernorateShape, ...]:
    path = data_dir / BOUNDARIES_FILE
    if not path.exists():
        raise GazetteerError(f"{path} is missing: run `sitrep gazetteer build PATH/TO/geo`")
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
