"""Great-circle distance between two points."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance in km between (latitude, longitude) points."""
    dlat, dlon = math.radians(b[0] - a[0]), math.radians(b[1] - a[1])
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(a[0])) * math.cos(math.radians(b[0])) * math.sin(dlon / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def bearing_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The initial compass bearing from point a to point b, in degrees clockwise from north."""
    phi1, phi2 = math.radians(a[0]), math.radians(b[0])
    dlon = math.radians(b[1] - a[1])
    x = math.sin(dlon) * math.cos(phi2)
    y = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlon)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0
