"""Points a report gives relative to named places: "30 miles south of Baghdad" (a distance and a bearing
from a town), "on the road between Tikrit and Tuz Khurmatu" (halfway between two towns)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .distance import EARTH_RADIUS_KM

KM_PER_MILE = 1.609344
# Compass words as news writes them, to degrees clockwise from north.
BEARINGS = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}


@dataclass(frozen=True)
class Offset:
    """A distance and a compass bearing from a named place, with the words that gave them."""

    km: float
    bearing: float  # degrees clockwise from north
    phrase: str  # "30 miles south of"

    @property
    def label(self) -> str:
        """'48 km south': the offset as a location name prefix."""
        direction = min(BEARINGS, key=lambda w: abs(BEARINGS[w] - self.bearing))
        return f"{self.km:.0f} km {direction}"


def destination(latitude: float, longitude: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` away from (latitude, longitude) along the great circle at `bearing` degrees."""
    phi, lam, theta = math.radians(latitude), math.radians(longitude), math.radians(bearing)
    d = km / EARTH_RADIUS_KM
    phi2 = math.asin(math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * math.cos(theta))
    lam2 = lam + math.atan2(
        math.sin(theta) * math.sin(d) * math.cos(phi), math.cos(d) - math.sin(phi) * math.sin(phi2)
    )
    return math.degrees(phi2), (math.degrees(lam2) + 540.0) % 360.0 - 180.0


def midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The great-circle midpoint of two (latitude, longitude) points: halfway along a road between towns."""
    phi1, lam1 = math.radians(a[0]), math.radians(a[1])
    phi2, dlam = math.radians(b[0]), math.radians(b[1] - a[1])
    bx, by = math.cos(phi2) * math.cos(dlam), math.cos(phi2) * math.sin(dlam)
    phi = math.atan2(math.sin(phi1) + math.sin(phi2), math.hypot(math.cos(phi1) + bx, by))
    lam = lam1 + math.atan2(by, math.cos(phi1) + bx)
    return math.degrees(phi), (math.degrees(lam) + 540.0) % 360.0 - 180.0
