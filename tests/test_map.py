"""The offline map: bundled governorate outlines, one circle per event (synthetic events)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

from sitrep.geo.boundaries import governorate_shapes
from sitrep.report import render, svg_map
from sitrep.report.geomap import TYPE_COLOURS, radius

from .factories import synthetic_event

SVG = "{http://www.w3.org/2000/svg}"
BOMB = synthetic_event(
    event_id="ev-1",
    event_date=date(2021, 1, 5),
    event_type="Explosions/Remote violence",
    sub_event_type="Remote explosive/landmine/IED",
    location="Ar Rutbah",
    latitude=33.04,
    longitude=40.28,
    fatalities=9,
    fatalities_low=9,
    fatalities_high=9,
    evidence=(),
)


def _svg(html: str) -> ET.Element:
    start, end = html.index("<svg role"), html.index("</svg><figcaption>") + len("</svg>")
    return ET.fromstring(html[start:end])


def test_all_eighteen_governorates_are_bundled() -> None:
    shapes = governorate_shapes()
    assert len({s.admin1_code for s in shapes}) == 18
    assert all(s.rings and all(len(r) >= 4 for r in s.rings) for s in shapes)


def test_events_are_circles_coloured_by_type_and_sized_by_fatalities() -> None:
    shot = replace(
        BOMB,
        event_id="ev-2",
        event_type="Violence against civilians",
        fatalities=0,
        latitude=33.3,
        longitude=44.4,
    )
    coarse = replace(BOMB, event_id="ev-3", geo_precision=3, location="Al Anbar")
    unplaced = replace(BOMB, event_id="ev-4", latitude=None, longitude=None)
    svg = _svg(svg_map([BOMB, shot, coarse, unplaced], governorate_shapes()))
    assert len(svg.findall(f"{SVG}path")) == 18
    circles = {c.get("data-event-id"): c for c in svg.findall(f"{SVG}circle")}
    assert set(circles) == {"ev-1", "ev-2", "ev-3"}
    assert circles["ev-1"].get("fill") == TYPE_COLOURS["Explosions/Remote violence"]
    assert circles["ev-2"].get("fill") == TYPE_COLOURS["Violence against civilians"]
    assert float(circles["ev-1"].get("r", 0)) == round(radius(9), 1) > float(circles["ev-2"].get("r", 0))
    assert circles["ev-3"].get("fill") == "none"  # governorate-only: a hollow ring, not a town
    # Baghdad lies east of Rutba: the projection keeps west left and north up.
    assert float(circles["ev-2"].get("cx", 0)) > float(circles["ev-1"].get("cx", 0))


def test_the_situation_report_holds_the_map() -> None:
    html = render([BOMB], [], date(2021, 1, 6))
    assert "<h2>Map</h2>" in html and 'data-event-id="ev-1"' in html
