"""Analyse: counts over events — per governorate, per month, per type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Event


@dataclass(frozen=True)
class Tally:
    key: str
    events: int
    fatalities: int


def _tally(events: Iterable[Event], key_of: Callable[[Event], str]) -> list[Tally]:
    n: Counter[str] = Counter()
    f: Counter[str] = Counter()
    for e in events:
        k = key_of(e)
        n[k] += 1
        f[k] += e.fatalities
    return [Tally(k, n[k], f[k]) for k in n]


def by_governorate(events: Iterable[Event]) -> list[Tally]:
    rows = _tally(events, lambda e: e.admin1 or "(unknown)")
    return sorted(rows, key=lambda t: (-t.events, t.key))


def by_month(events: Iterable[Event]) -> list[Tally]:
    rows = _tally(events, lambda e: e.event_date.strftime("%Y-%m") if e.event_date else "(undated)")
    return sorted(rows, key=lambda t: t.key)


def by_type(events: Iterable[Event]) -> list[Tally]:
    rows = _tally(events, lambda e: e.event_type)
    return sorted(rows, key=lambda t: (-t.events, t.key))
