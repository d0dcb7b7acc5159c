"""UCDP Georeferenced Event Dataset (GED) rows -> events. Field meanings: UCDP GED codebook."""

from __future__ import annotations

from datetime import date

from ..model import IMPORTER_VERSION, Event
from .rows import Row, RowError, coordinate, count, governorate, text

COLUMNS = ("id", "date_start", "date_prec", "type_of_violence", "adm_1", "latitude", "longitude", "best")

# date_prec: 1 the day, 2 within 2-6 days, 3 the week, 4 within 8-30 days, 5 more than a month
_DATE_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
# where_prec: 1 the place, 2 within 25 km, 3 the district, 4 the governorate, 5 part of the country,
# 6 the country, 7 international waters: ACLED geo precision 1 town, 2 near a town or district, 3 governorate
_GEO_PRECISION = {"1": 1, "2": 2, "3": 2, "4": 3}
# UCDP's kind of organised violence, in ACLED's event types: one-sided violence is violence against
# civilians; state-based and non-state conflict are fighting between armed groups.
_EVENT_TYPE = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}


def ucdp_event(row: Row) -> Event:
    row_id = text(row, "id")
    if row_id is None:
        raise RowError("no id")
    try:
        day = date.fromisoformat(row.get("date_start", "").strip()[:10])
    except ValueError:
        raise RowError(f"date_start {row.get('date_start', '')!r} is not a date (YYYY-MM-DD)") from None
    kind = row.get("type_of_violence", "").strip()
    if kind not in _EVENT_TYPE:
        raise RowError(f"type_of_violence {kind!r} is not 1, 2 or 3")
    best = count(row, "best")
    if best is None:
        raise RowError("no best estimate of deaths")
    low, high = count(row, "low"), count(row, "high")
    admin1, admin1_code, warnings = governorate(text(row, "adm_1"))
    if (low is not None and low > best) or (high is not None and high < best):
        # best is the sum of the deaths by side and stands; a range that does not hold it is dropped
        warnings = (
            *warnings,
            f"deaths out of order: low {low}, best {best}, high {high}; low and high not kept",
        )
        low = high = None
    where_prec = row.get("where_prec", "").strip()
    return Event(
        event_id=f"ucdp:{row_id}",
        event_date=day,
        date_precision=_DATE_PRECISION.get(row.get("date_prec", "").strip()),
        event_type=_EVENT_TYPE[kind],
        sub_event_type=text(row, "type_of_violence_txt") or kind,
        actor1=text(row, "side_a"),
        actor2=text(row, "side_b"),
        country=text(row, "country"),
        admin1=admin1,
        admin1_code=admin1_code,
        admin2=text(row, "adm_2"),
        location=text(row, "where_coordinates"),
        latitude=coordinate(row, "latitude", 90),
        longitude=coordinate(row, "longitude", 180),
        geo_precision=_GEO_PRECISION.get(where_prec),
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
        injured=0,
        sources=(),
        evidence=(),
        warnings=warnings,
        extractor_version=IMPORTER_VERSION,
        dataset="ucdp",
    )
