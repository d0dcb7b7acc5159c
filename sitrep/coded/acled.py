"""ACLED export rows -> events. ACLED's fields are sitrep's, so this mostly checks them."""

from __future__ import annotations

from datetime import date, datetime

from ..model import IMPORTER_VERSION, Event
from .rows import Row, RowError, coordinate, count, governorate, text

COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "admin1", "fatalities")

# time_precision: 1 the day, 2 the week, 3 the month
_DATE_PRECISION = {"1": "day", "2": "week", "3": "month"}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


def _day(raw: str) -> date:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    raise RowError(f"event_date {raw!r} is not a date (YYYY-MM-DD or '15 March 2021')")


def acled_event(row: Row) -> Event:
    row_id = text(row, "event_id_cnty")
    if row_id is None:
        raise RowError("no event_id_cnty")
    event_type = row.get("event_type", "").strip()
    if event_type not in EVENT_TYPES:
        raise RowError(f"event_type {event_type!r} is not one of ACLED's six")
    killed = count(row, "fatalities")
    if killed is None:
        raise RowError("no fatalities (ACLED codes 0 when none)")
    admin1, admin1_code, warnings = governorate(text(row, "admin1"))
    precision = count(row, "geo_precision")
    return Event(
        event_id=f"acled:{row_id}",
        event_date=_day(row.get("event_date", "")),
        date_precision=_DATE_PRECISION.get(row.get("time_precision", "").strip(), "day"),
        event_type=event_type,
        sub_event_type=text(row, "sub_event_type") or "",
        actor1=text(row, "actor1"),
        actor2=text(row, "actor2"),
        country=text(row, "country"),
        admin1=admin1,
        admin1_code=admin1_code,
        admin2=text(row, "admin2"),
        location=text(row, "location"),
        latitude=coordinate(row, "latitude", 90),
        longitude=coordinate(row, "longitude", 180),
        geo_precision=precision if precision in (1, 2, 3) else None,
        fatalities=killed,
        fatalities_low=None,
        fatalities_high=None,
        injured=0,
        sources=(),
        evidence=(),
        warnings=warnings,
        extractor_version=IMPORTER_VERSION,
        dataset="acled",
    )
