"""Analyse: counts over events — per governorate, per type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import UNRESOLVED_PLACE, Event


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


def by_type(events: Iterable[Event]) -> list[Tally]:
    rows = _tally(events, lambda e: e.event_type)
    return sorted(rows, key=lambda t: (-t.events, t.key))


@dataclass(frozen=True)
class UnresolvedPlace:
    """A place name reports give that the gazetteer could not place, and the events it left coarse."""

    name: str
    events: int
    governorates: tuple[str, ...]
    example_event_id: str


def unresolved_places(events: Iterable[Event], prefix: str = UNRESOLVED_PLACE) -> list[UnresolvedPlace]:
    """Names from the events' unresolved-place warnings, most frequent first: what to add to the gazetteer."""
    found: dict[str, list[Event]] = {}
    for e in events:
        for w in e.warnings:
            if w.startswith(prefix):
                found.setdefault(w[len(prefix) :], []).append(e)
    rows = [
        UnresolvedPlace(name, len(evs), tuple(sorted({e.admin1 for e in evs if e.admin1})), evs[0].event_id)
        for name, evs in found.items()
    ]
    return sorted(rows, key=lambda r: (-r.events, r.name.lower()))
