"""SYNTHETIC records for tests that need a stored or rendered event without running the extractor."""

from __future__ import annotations

from datetime import date
from typing import Any

from sitrep.model import Event, Evidence


def synthetic_event(**fields: Any) -> Event:
    """An event in Ramadi on 2 March 2021; any field can be given instead."""
    values: dict[str, Any] = {
        "event_id": "ev-synthetic",
        "event_date": date(2021, 3, 2),
        "date_precision": "day",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": None,
        "actor2": None,
        "country": "Iraq",
        "admin1": "Al Anbar",
        "admin1_code": "IQ-AN",
        "admin2": None,
        "location": "Ramadi",
        "latitude": 33.42,
        "longitude": 43.30,
        "geo_precision": 1,
        "fatalities": 1,
        "fatalities_low": None,
        "fatalities_high": None,
        "injured": 0,
        "sources": (),
        "evidence": (Evidence("art-1", 0, 10, "SYNTHETIC."),),
    }
    values.update(fields)
    return Event(**values)
