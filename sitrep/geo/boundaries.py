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
