"""Day against night: incidents and fatalities per time of day (`extract.time_of_day`), overall and for
the governorates with most incidents.

Most reports give no time, so "time not reported" (`UNKNOWN_TIME`) is a group of its own, counted and
never spread over the others. Unlike `series.trends`, which needs a date and a governorate to place an
event in a period, every event counts here: an undated incident still happened at night when a report
says so (the per-governorate counts need a governorate, of course).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..extract.time_of_day import DAYLIGHT, TIMES_OF_DAY, UNKNOWN_TIME
from ..model import Event
from ..store.base import SeriesRow

TIME_GROUPS: tuple[str, ...] = (*TIMES_OF_DAY, UNKNOWN_TIME)  # the day's order, then no time given
ALL_GOVERNORATES = "all governorates"
TOP_GOVERNORATES = 4  # governorates broken down, most incidents first


@dataclass(frozen=True)
class TimesOfDay:
    """Incidents and fatalities of one place per `TIME_GROUPS` (zeros included)."""

    place: str  # ALL_GOVERNORATES or a governorate's name
    events: tuple[int, ...]
    fatalities: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.events)

    def share(self, group: str) -> float:
        """The share of the place's incidents in `group` (0 when it has none)."""
        return self.events[TIME_GROUPS.index(group)] / self.total if self.total else 0.0

    @property
    def timed(self) -> int:
        """Incidents whose time of day a report gives."""
        return self.total - self.events[TIME_GROUPS.index(UNKNOWN_TIME)]

    @property
    def after_dark(self) -> int:
        """Timed incidents in the evening or at night."""
        return sum(
            n
            for g, n in zip(TIME_GROUPS, self.events, strict=True)
            if g != UNKNOWN_TIME and g not in DAYLIGHT
        )


@dataclass(frozen=True)
class DayAndNight:
    overall: TimesOfDay
    governorates: tuple[TimesOfDay, ...]  # the TOP_GOVERNORATES with most incidents, most first


def time_group(event: Event) -> str:
    return event.time_of_day or UNKNOWN_TIME


def _counted(place: str, pairs: Iterable[tuple[str, int, int]]) -> TimesOfDay:
    events = dict.fromkeys(TIME_GROUPS, 0)
    deaths = dict.fromkeys(TIME_GROUPS, 0)
    for group, n, dead in pairs:
        if group not in events:
            raise ValueError(
                f"time of day {group!r} ({place}) is not one of {', '.join(TIME_GROUPS)}: correct those events"
            )
        events[group] += n
        deaths[group] += dead
    return TimesOfDay(place, tuple(events.values()), tuple(deaths.values()))


def times_of_day(events: Iterable[Event], place: str = ALL_GOVERNORATES) -> TimesOfDay:
    return _counted(place, ((time_group(e), 1, e.fatalities) for e in events))


def times_of_day_of_rows(rows: Iterable[SeriesRow], place: str = ALL_GOVERNORATES) -> TimesOfDay:
    """The store's totals per time of day (`Store.event_series(flt, None, "time_of_day")`)."""
    return _counted(place, ((r.group, r.events, r.fatalities) for r in rows))


def top_governorates(counts: Iterable[tuple[str, int]], top: int = TOP_GOVERNORATES) -> list[str]:
    """The `top` governorates with most incidents, given (governorate, incidents); ties by name."""
    return [a for a, _ in sorted(counts, key=lambda c: (-c[1], c[0]))[:top]]


def day_and_night(events: Sequence[Event], top: int = TOP_GOVERNORATES) -> DayAndNight:
    per: dict[str, list[Event]] = {}
    for e in events:
        if e.admin1:
            per.setdefault(e.admin1, []).append(e)
    chosen = top_governorates(((a, len(evs)) for a, evs in per.items()), top)
    return DayAndNight(times_of_day(events), tuple(times_of_day(per[a], a) for a in chosen))
