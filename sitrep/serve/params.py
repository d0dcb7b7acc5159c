"""Query parameters -> `EventFilter`: ACLED-style filters shared by /events, /series, /map and exports."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

from ..errors import QueryError
from ..model import CODED_DATASETS, EXTRACTED, Dataset
from ..store import EventFilter
from ..store.base import BoundingBox
from ..store.sql_search import check


def parse_bbox(value: str) -> BoundingBox:
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise QueryError("bbox", f"{value!r} is not four numbers west,south,east,north") from None
    return west, south, east, north


def parse_dataset(value: str) -> Dataset:
    for name in (EXTRACTED, *CODED_DATASETS):
        if value == name:
            return name
    raise QueryError("dataset", f"{value!r} is not one of {', '.join((EXTRACTED, *CODED_DATASETS))}")


def event_filter(
    since: Annotated[date | None, Query(description="First event date (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD), inclusive.")] = None,
    admin1: Annotated[str | None, Query(description="Governorate: name or ISO code (IQ-BG).")] = None,
    admin2: Annotated[str | None, Query(description="District name.")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type.")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(description="Part of actor 1 or 2's name.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="At least this many killed.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the sentences or location.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    dataset: Annotated[str, Query(description="sitrep (extracted), or an imported dataset.")] = EXTRACTED,
    time_of_day: Annotated[str | None, Query(description="morning, afternoon, evening or night.")] = None,
) -> EventFilter:
    flt = EventFilter(
        since=since,
        until=until,
        admin1=admin1 or None,
        admin2=admin2 or None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        min_fatalities=min_fatalities,
        text=q or None,
        bbox=parse_bbox(bbox) if bbox else None,
        dataset=parse_dataset(dataset),
        time_of_day=time_of_day or None,
    )
    check(flt)
    return flt
