"""Events -> counts and fatalities per week or month and governorate, by type, actor, district, PRIO-GRID
cell or time of day.

An event is counted in a period only when its date is at least as precise as the period: one dated
only to a month is in a monthly count but not a weekly one, one dated only to a year in neither. Such
events, and those with no date or no governorate, are counted as left out, never guessed into a period.
Within a governorate, an event with no district, no cell (`geo.priogrid`: placed only to a governorate)
or no time of day is counted in a group that says so, not dropped. A cell astride a governorate's
border has a row in each governorate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..extract.time_of_day import UNKNOWN_TIME
from ..geo.priogrid import NO_CELL, cell_of
from ..model import Event
from ..store.base import SeriesRow

Period = Literal["week", "month"]
Breakdown = Literal["admin1", "type", "actor", "admin2", "priogrid", "time_of_day"]
PERIODS: tuple[Period, ...] = ("week", "month")
BREAKDOWNS: tuple[Breakdown, ...] = ("admin1", "type", "actor", "admin2", "priogrid", "time_of_day")
ALL = "all"  # the group of a row when counts are broken down by governorate only
NO_ACTOR = "(no actor named)"
NO_DISTRICT = "(no district)"

# the date precisions fine enough to place an event in a period
_FITS: dict[Period, frozenset[str | None]] = {
    "week": frozenset({"day", "week", None}),
    "month": frozenset({"day", "week", "month", None}),
}


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """Every month from `first`'s to `last`'s, as first days."""
    out, m = [], month_start(first)
    while m <= last:
        out.append(m)
        m = add_months(m, 1)
    return out


def period_start(day: date, period: Period) -> date:
    """The Monday of the ISO week, or the first of the month."""
    return day - timedelta(days=day.weekday()) if period == "week" else month_start(day)


@dataclass(frozen=True)
class TrendRow:
    period: date  # first day of the week (Monday) or month
    admin1: str
    group: str  # event type, actor1, district, PRIO-GRID gid, time of day, or ALL
    events: int
    fatalities: int


@dataclass(frozen=True)
class Trends:
    period: Period
    breakdown: Breakdown
    rows: tuple[TrendRow, ...]  # by period, governorate, then most events first
    left_out: int  # events with no date, no governorate, or a date too coarse for the period


def _group(event: Event, breakdown: Breakdown) -> str:
    if breakdown == "type":
        return event.event_type
    if breakdown == "actor":
        return event.actor1 or NO_ACTOR
    if breakdown == "admin2":
        return event.admin2 or NO_DISTRICT
    if breakdown == "priogrid":
        cell = cell_of(event.latitude, event.longitude, event.geo_precision)
        return NO_CELL if cell is None else str(cell)
    if breakdown == "time_of_day":
        return event.time_of_day or UNKNOWN_TIME
    return ALL


def placed(event: Event, period: Period) -> bool:
    """Whether the event has a governorate and a date precise enough for the period."""
    return event.event_date is not None and event.admin1 is not None and event.date_precision in _FITS[period]


def trends(events: Iterable[Event], period: Period = "month", breakdown: Breakdown = "admin1") -> Trends:
    counts: Counter[tuple[date, str, str]] = Counter()
    deaths: Counter[tuple[date, str, str]] = Counter()
    left_out = 0
    for e in events:
        if not placed(e, period):
            left_out += 1
            continue
        assert e.event_date is not None and e.admin1 is not None
        key = (period_start(e.event_date, period), e.admin1, _group(e, breakdown))
        counts[key] += 1
        deaths[key] += e.fatalities
    rows = sorted(
        (TrendRow(p, a, g, counts[(p, a, g)], deaths[(p, a, g)]) for p, a, g in counts),
        key=lambda r: (r.period, r.admin1, -r.events, r.group),
    )
    return Trends(period, breakdown, tuple(rows), left_out)


@dataclass(frozen=True)
class MonthlySeries:
    """One governorate's months, every month from first to last (zeros where nothing happened)."""

    admin1: str
    months: tuple[date, ...]
    events: tuple[int, ...]
    fatalities: tuple[int, ...]


def _monthly(
    months: Sequence[date], counted: Iterable[tuple[str, date, int, int]], admin1s: Iterable[str] = ()
) -> tuple[MonthlySeries, ...]:
    """Series over `months` from (governorate, month, events, fatalities); months outside are left out."""
    index = {m: i for i, m in enumerate(months)}
    counts: dict[str, list[int]] = {a: [0] * len(months) for a in admin1s}
    deaths: dict[str, list[int]] = {a: [0] * len(months) for a in admin1s}
    for admin1, month, n, dead in counted:
        i = index.get(month)
        if i is None:
            continue
        counts.setdefault(admin1, [0] * len(months))[i] += n
        deaths.setdefault(admin1, [0] * len(months))[i] += dead
    return tuple(MonthlySeries(a, tuple(months), tuple(counts[a]), tuple(deaths[a])) for a in sorted(counts))


def _event_months(events: Iterable[Event]) -> Iterable[tuple[str, date, int, int]]:
    for e in events:
        if placed(e, "month"):
            assert e.event_date is not None and e.admin1 is not None
            yield e.admin1, month_start(e.event_date), 1, e.fatalities


def monthly_series(
    events: Iterable[Event], first: date, last: date, admin1s: Iterable[str] = ()
) -> tuple[MonthlySeries, ...]:
    """Monthly series of every governorate that has an event in [first, last] (and of `admin1s`)."""
    return _monthly(months_between(first, last), _event_months(events), admin1s)


def monthly_series_of_rows(rows: Iterable[SeriesRow]) -> tuple[MonthlySeries, ...]:
    """The store's monthly counts per governorate (`Store.event_series(..., "month", "admin1")`) as
    series over every month from the first to the last (zeros where nothing happened)."""
    dated = [(month_start(r.period), r) for r in rows if r.period is not None]
    if not dated:
        return ()
    months = months_between(min(m for m, _ in dated), max(m for m, _ in dated))
    return _monthly(months, ((r.group, m, r.events, r.fatalities) for m, r in dated))


def total_series(series: Sequence[MonthlySeries], name: str = "all governorates") -> MonthlySeries | None:
    """The governorates' series added up, month by month (they must share their months)."""
    if not series:
        return None
    months = series[0].months
    if any(s.months != months for s in series):
        raise ValueError("the series to add up cover different months")
    events = tuple(sum(s.events[i] for s in series) for i in range(len(months)))
    deaths = tuple(sum(s.fatalities[i] for s in series) for i in range(len(months)))
    return MonthlySeries(name, months, events, deaths)
