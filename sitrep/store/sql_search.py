"""Event search in SQL both backends read alike: the `EventFilter` as WHERE terms, and what the
time series and the map are made of.

Only free-text search differs by dialect: each backend turns the words into its own full-text match
(SQLite: FTS5 tables, `sqlite_search.py`; PostgreSQL: tsvector GIN indexes, `postgres.py`). The
indexes that make the filters fast on a million events are created by migration 5 of each dialect.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from ..errors import QueryError
from ..extract.time_of_day import TIMES_OF_DAY, UNKNOWN_TIME
from ..extract.typology import TYPOLOGY
from ..geo.admin1 import iso_code
from ..geo.priogrid import CELL_DEGREES, CELL_PRECISIONS, COLUMNS, NO_CELL, ROWS
from ..model import EXTRACTED
from .base import EventFilter, EventPoint, Period, SeriesBy, SeriesColumns

NO_ACTOR = "(no actor named)"
_SUB_TYPES = {sub for subs in TYPOLOGY.values() for sub in subs}
# date precisions fine enough to count an event in a week or month (as `analyse.series.placed`)
FITS: dict[Period, tuple[str, ...]] = {"week": ("day", "week"), "month": ("day", "week", "month")}
GROUP_SQL: dict[SeriesBy, str] = {
    "admin1": "admin1",
    "admin2": "admin2",
    "type": "event_type",
    "actor": f"COALESCE(actor1, '{NO_ACTOR}')",
    "time_of_day": f"COALESCE(time_of_day, '{UNKNOWN_TIME}')",
    # `geo.priogrid.cell_of` in SQL: the cell's gid as text, for events placed to a town or near one
    "priogrid": (
        f"CASE WHEN latitude IS NULL OR longitude IS NULL OR geo_precision IS NULL"
        f" OR geo_precision NOT IN ({', '.join(map(str, CELL_PRECISIONS))}) THEN '{NO_CELL}' ELSE CAST(CAST("
        f"(CASE WHEN latitude >= 90 THEN {ROWS - 1} ELSE floor((latitude + 90) / {CELL_DEGREES}) END) * {COLUMNS}"
        f" + (CASE WHEN longitude >= 180 THEN {COLUMNS - 1} ELSE floor((longitude + 180) / {CELL_DEGREES}) END)"
        f" + 1 AS INTEGER) AS TEXT) END"
    ),
}
# events are ordered by date, undated first (SQLite's order of NULLs; PostgreSQL is told), then id
EVENT_ORDER = "event_date NULLS FIRST, event_id"
LATEST_ORDER = "event_date DESC NULLS LAST, event_id DESC"

# A backend's full-text match: the words (a phrase, the last one a prefix) as a WHERE term and its args.
TextMatch = Callable[[Sequence[str]], tuple[str, list[Any]]]


def period_start(day: date, period: Period) -> date:
    """The Monday of the day's ISO week, or the first of its month."""
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _like(words: str) -> str:
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _canonical(value: str, known: set[str] | dict[str, object]) -> str | None:
    folded = value.strip().lower()
    return next((k for k in known if k.lower() == folded), None)


def parse_cursor(cursor: str) -> tuple[date | None, str]:
    """A page cursor ("YYYY-MM-DD~event_id", or "~event_id" for an undated event) as (date, id)."""
    day, sep, event_id = cursor.partition("~")
    if not sep or not event_id:
        raise QueryError("cursor", f"{cursor!r} is not a cursor from a previous page (date~event_id)")
    try:
        return (date.fromisoformat(day) if day else None), event_id
    except ValueError:
        raise QueryError("cursor", f"{cursor!r} does not start with a date (YYYY-MM-DD)") from None


def check(flt: EventFilter) -> None:
    """Raise `QueryError` naming the first filter that cannot select anything sensible."""
    if flt.since and flt.until and flt.since > flt.until:
        raise QueryError("since", f"{flt.since} is after until {flt.until}")
    if flt.min_fatalities is not None and flt.min_fatalities < 0:
        raise QueryError("min_fatalities", "must be 0 or more")
    if flt.limit is not None and flt.limit < 1:
        raise QueryError("limit", "must be 1 or more")
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
            raise QueryError("bbox", "longitudes must lie in -180..180 and latitudes in -90..90")
        if west > east or south > north:
            raise QueryError("bbox", "give west,south,east,north with west <= east and south <= north")
    if flt.after is not None:
        parse_cursor(flt.after)
    if flt.time_of_day is not None and flt.time_of_day not in TIMES_OF_DAY:
        raise QueryError("time_of_day", f"{flt.time_of_day!r} is not one of {', '.join(TIMES_OF_DAY)}")


def _place_terms(flt: EventFilter, where: list[str], args: list[Any]) -> None:
    if flt.admin1:
        code = iso_code(flt.admin1)
        where.append("admin1_code = ?" if code else "lower(admin1) = lower(CAST(? AS TEXT))")
        args.append(code or flt.admin1)
    if flt.admin2:
        where.append("lower(admin2) = lower(CAST(? AS TEXT))")
        args.append(flt.admin2.strip())
    if flt.bbox:
        west, south, east, north = flt.bbox
        where.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
        args += [west, east, south, north]


def _kind_terms(flt: EventFilter, where: list[str], args: list[Any]) -> None:
    for column, value, known in (
        ("event_type", flt.event_type, set(TYPOLOGY)),
        ("sub_event_type", flt.sub_event_type, _SUB_TYPES),
    ):
        if not value:
            continue
        canonical = _canonical(value, known)
        where.append(f"{column} = ?" if canonical else f"lower({column}) = lower(CAST(? AS TEXT))")
        args.append(canonical or value)
    if flt.actor:  # lower() on both sides: PostgreSQL's LIKE minds case, SQLite's does not
        where.append("(lower(actor1) LIKE ? ESCAPE '\\' OR lower(actor2) LIKE ? ESCAPE '\\')")
        args += [_like(flt.actor.strip())] * 2
    if flt.min_fatalities:
        where.append("fatalities >= ?")
        args.append(flt.min_fatalities)
    if flt.time_of_day:
        where.append("time_of_day = ?")
        args.append(flt.time_of_day)


def words_of(text: str) -> list[str]:
    """The words of free text, as full-text search reads them."""
    return re.findall(r"\w+", text)


def _text_terms(text: str, extracted: bool, match: TextMatch, where: list[str], args: list[Any]) -> None:
    if not extracted:  # imported events have no sentences: their location names only
        where.append("lower(location) LIKE ? ESCAPE '\\'")
        args.append(_like(text.strip()))
        return
    words = words_of(text)
    if not words:
        raise QueryError("q", f"{text!r} has no words to search for")
    term, term_args = match(words)
    where.append(term)
    args += term_args


def _cursor_terms(after: str, where: list[str], args: list[Any]) -> None:
    day, event_id = parse_cursor(after)
    if day is None:
        where.append("((event_date IS NULL AND event_id > ?) OR event_date IS NOT NULL)")
        args.append(event_id)
    else:
        where.append("(event_date > ? OR (event_date = ? AND event_id > ?))")
        args += [day.isoformat(), day.isoformat(), event_id]


def event_where(flt: EventFilter, match: TextMatch) -> tuple[list[str], list[Any]]:
    """The filter as WHERE terms (joined with AND) and their arguments; `QueryError` if it is unusable.
    `match` is the backend's full-text match of extracted events."""
    check(flt)
    extracted = flt.dataset == EXTRACTED
    where: list[str] = [] if extracted else ["dataset = ?"]
    args: list[Any] = [] if extracted else [flt.dataset]
    if flt.since:
        where.append("event_date >= ?")
        args.append(flt.since.isoformat())
    if flt.until:
        where.append("event_date <= ?")
        args.append(flt.until.isoformat())
    _place_terms(flt, where, args)
    _kind_terms(flt, where, args)
    if flt.text and flt.text.strip():
        _text_terms(flt.text, extracted, match, where, args)
    if flt.after:
        _cursor_terms(flt.after, where, args)
    return where, args


def series_sql(source: str, period: Period | None, by: SeriesBy) -> str:
    """Events and fatalities per day and group (folded into periods by `fold_columns`)."""
    day = "event_date" if period else "CAST(NULL AS TEXT)"
    return (
        f"SELECT {day} AS day, {GROUP_SQL[by]} AS grp, count(*) AS n,"
        f" CAST(COALESCE(sum(fatalities), 0) AS BIGINT) AS dead {source} GROUP BY 1, 2"
    )


def series_terms(period: Period | None, by: SeriesBy, dated: str = "event_date") -> list[str]:
    """An event whose date is coarser than the period is left out, as is one with no governorate
    (district) when grouping by governorate (district). `dated`: the column holding the date."""
    extra = [f"{by} IS NOT NULL"] if by in ("admin1", "admin2") else []
    if period is not None:
        fits = ", ".join(f"'{p}'" for p in FITS[period])
        extra += [f"{dated} IS NOT NULL", f"(date_precision IS NULL OR date_precision IN ({fits}))"]
    return extra


def summed(rows: Iterable[Sequence[Any]], period: Period | None) -> list[tuple[Any, ...]]:
    """(day, group, events, fatalities) rows summed per period and group, as (period, group, events,
    fatalities). Days are ISO dates and stay strings: each distinct day's period is worked out once."""
    at: dict[tuple[str | None, str], int] = {}
    periods: list[str | None] = []
    groups: list[str] = []
    events: list[int] = []
    deaths: list[int] = []
    starts: dict[str, str] = {}
    for day, grp, n, dead in rows:
        start = None
        if period is not None and day is not None:
            start = starts.get(day)
            if start is None:
                start = starts[day] = period_start(date.fromisoformat(day), period).isoformat()
        i = at.setdefault((start, grp), len(groups))
        if i == len(groups):
            periods.append(start)
            groups.append(grp)
            events.append(int(n))
            deaths.append(int(dead))
        else:
            events[i] += int(n)
            deaths[i] += int(dead)
    return list(zip(periods, groups, events, deaths, strict=True))


def ordered_columns(rows: Iterable[Sequence[Any]]) -> SeriesColumns:
    """(period, group, events, fatalities) rows, one per period and group, as columns by period, then
    most events, then group (a period's ISO date orders as the date; None, in totals, first)."""
    ordered = sorted(rows, key=lambda r: (r[0] or "", -r[2], r[1]))
    if not ordered:
        return SeriesColumns((), (), (), ())
    periods, groups, events, deaths = zip(*ordered, strict=True)
    return SeriesColumns(periods, groups, events, deaths)


def fold_columns(rows: Iterable[Sequence[Any]], period: Period | None) -> SeriesColumns:
    """(day, group, events, fatalities) rows summed per period and group, as ordered columns."""
    return ordered_columns(summed(rows, period))


POINT_COLUMNS = (
    "event_id, event_date, event_type, admin1, location, latitude, longitude, geo_precision, fatalities"
)
POINT_ORDER = "fatalities DESC, event_date DESC NULLS LAST, event_id"


def point_of(r: Any) -> EventPoint:
    return EventPoint(
        r["event_id"],
        date.fromisoformat(r["event_date"]) if r["event_date"] else None,
        r["event_type"],
        r["admin1"],
        r["location"],
        r["latitude"],
        r["longitude"],
        r["geo_precision"],
        r["fatalities"],
    )
