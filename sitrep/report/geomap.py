"""An offline map as inline SVG: governorate outlines from the bundled data, one circle per event.

No tile server and no script: the map is drawn from the simplified OCHA boundaries that ship with
sitrep. Circles are coloured by ACLED event type and sized by fatalities; an event coded only to its
governorate (precision 3) is drawn as a hollow ring at the governorate's centre, so it is not read as
an incident in the provincial capital.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from ..geo.boundaries import GovernorateShape
from ..model import Event

TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
}
_OTHER = "#555555"
# The pages hold no script and load nothing: the browser is told so, so that text slipping past
# the escaping could still not run or fetch anything.
CSP_META = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'\">"
)
_WIDTH = 640
_PAD = 12


class _Projection:
    """Equirectangular, longitudes shrunk by the cosine of the middle latitude; north up."""

    def __init__(self, shapes: Sequence[GovernorateShape], width: int = _WIDTH) -> None:
        xs = [x for s in shapes for r in s.rings for x, _ in r]
        ys = [y for s in shapes for r in s.rings for _, y in r]
        self.west, self.east, self.south, self.north = min(xs), max(xs), min(ys), max(ys)
        self.kx = math.cos(math.radians((self.north + self.south) / 2))
        self.scale = (width - 2 * _PAD) / ((self.east - self.west) * self.kx)
        self.width = width
        self.height = round((self.north - self.south) * self.scale + 2 * _PAD)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (_PAD + (lon - self.west) * self.kx * self.scale, _PAD + (self.north - lat) * self.scale)


def radius(fatalities: int) -> float:
    """Area grows with the dead: 3 px for none, about 11 px for 16 killed."""
    return 3.0 + 2.0 * math.sqrt(max(0, fatalities))


def svg_map(
    events: Sequence[Event], shapes: Sequence[GovernorateShape], hrefs: Mapping[str, str] | None = None
) -> str:
    """The map; an event whose id is in `hrefs` links there (the report's row of it)."""
    proj = _Projection(shapes)
    paths = []
    for s in shapes:
        d = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (proj(lon, lat) for lon, lat in ring)) + " Z"
            for ring in s.rings
        )
        paths.append(
            f'<path d="{d}" fill="#f4f1ea" stroke="#999" stroke-width="0.7"><title>{escape(s.admin1)}</title></path>'
        )
    dots = []
    placed = [
        (e, e.longitude, e.latitude) for e in events if e.latitude is not None and e.longitude is not None
    ]
    for e, lon, lat in sorted(placed, key=lambda p: -p[0].fatalities):  # small circles drawn over large ones
        x, y = proj(lon, lat)
        colour = TYPE_COLOURS.get(e.event_type, _OTHER)
        coarse = e.geo_precision == 3
        fill = "none" if coarse else colour
        label = f"{e.event_date or 'undated'} · {e.sub_event_type} · {e.location or e.admin1 or ''} · {e.fatalities} killed"
        if coarse:
            label += " · located to governorate only"
        dot = (
            f'<circle class="event" data-event-id="{escape(e.event_id)}" data-type="{escape(e.event_type)}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="{radius(e.fatalities):.1f}" fill="{fill}" fill-opacity="0.75" '
            f'stroke="{colour}" stroke-width="{1.6 if coarse else 0.8}"><title>{escape(label)}</title></circle>'
        )
        href = (hrefs or {}).get(e.event_id)
        dots.append(f'<a href="{escape(href)}">{dot}</a>' if href else dot)
    legend = "".join(
        f'<span style="margin-right:1em"><svg width="10" height="10"><circle cx="5" cy="5" r="5" fill="{c}"/></svg> '
        f"{escape(t)}</span>"
        for t, c in TYPE_COLOURS.items()
        if any(e.event_type == t for e, _, _ in placed)
    )
    unplaced = len(events) - len(placed)
    note = f"{len(placed)} events mapped" + (f", {unplaced} without a location" if unplaced else "")
    return (
        f'<figure class="map"><svg role="img" aria-label="Map of events" width="{proj.width}" '
        f'height="{proj.height}" viewBox="0 0 {proj.width} {proj.height}" xmlns="http://www.w3.org/2000/svg">'
        f"{''.join(paths)}{''.join(dots)}</svg><figcaption>{legend}<br>{escape(note)}; circle area by "
        "fatalities; hollow rings are events located to a governorate only (drawn at its centre). "
        "Boundaries: OCHA/CSO Iraq, simplified.</figcaption></figure>"
    )


def map_page(events: Sequence[Event], shapes: Sequence[GovernorateShape], title: str) -> str:
    """A self-contained HTML page holding the map (for `sitrep map`)."""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{CSP_META}<title>{escape(title)}</title>'
        "<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem}</style></head>"
        f"<body><h1>{escape(title)}</h1>{svg_map(events, shapes)}</body></html>\n"
    )
