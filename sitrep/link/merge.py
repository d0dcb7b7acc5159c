"""One event from the reports linked to it: each field from the reports that know it best.

- date: the most precise date the reports give; among equals, the one most reports agree on, then
  the earliest;
- place: the most precise place (town before district before governorate), then the most reported;
- type: the sub-event type most reports give, the more specific one on a tie;
- dead and wounded: UCDP's low / best / high — the lowest and highest figures any report gives, and as
  best the figure of the latest report that gives one: tolls rise and corrections follow ("rose to
  three", "two soldiers, not five"); a report silent on the dead does not count as 0;
- time of day: the one the reports give; where they disagree, that of the first report giving a clock
  time ("at 9 p.m.": its words have digits), else that of the first report giving one at all ("at dusk");
- sources: every article, with outlet, URL and publication date; evidence: every report's sentences.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from ..model import Event, Link, Mention, Place, Source
from .report import Report
from .vetoes import VAGUE_KINDS

T = TypeVar("T")
_DATE_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


def event_id(mention: Mention) -> str:
    return "ev-" + hashlib.sha1(f"{mention.article_id}#{mention.index}".encode()).hexdigest()[:12]


def _most_common(values: Sequence[T]) -> T:
    """The most frequent value; the first seen among equals."""
    counts = Counter(values)
    return max(values, key=lambda v: counts[v])


def _place(mentions: Sequence[Mention]) -> Place | None:
    places = [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    best = min(p.geo_precision for p in places)
    return _most_common([p for p in places if p.geo_precision == best])


def _counts(
    values: Sequence[int], lows: Sequence[int | None], highs: Sequence[int | None]
) -> tuple[int, int | None, int | None]:
    """(best, low, high) from the reports' figures, oldest report first."""
    given = [v for v in values if v]
    if not given:
        known = [x for x in lows if x is not None]
        return 0, (min(known) if known else None), (max(known) if known else None)
    low = min([x for x in lows if x is not None] + given)
    high = max([x for x in highs if x is not None] + given)
    return given[-1], low, high


def _time_of_day(mentions: Sequence[Mention]) -> str | None:
    told = [m for m in mentions if m.time_of_day is not None]
    clock = [m for m in told if m.time_of_day_phrase and any(c.isdigit() for c in m.time_of_day_phrase.text)]
    return (clock or told)[0].time_of_day if told else None


def merge(reports: Sequence[Report], links: Sequence[Link]) -> Event:
    """`reports` in order, the first being the earliest (its mention names the event)."""
    mentions = [r.mention for r in reports]
    first = mentions[0]
    dated = [m for m in mentions if m.event_date is not None]
    if dated:
        top = min(_DATE_RANK.get(m.date_precision or "", 9) for m in dated)
        precise = [m for m in dated if _DATE_RANK.get(m.date_precision or "", 9) == top]
        agreed = Counter(m.event_date for m in precise)
        date_from = min(precise, key=lambda m: (-agreed[m.event_date], m.event_date))
        event_date, date_precision = date_from.event_date, date_from.date_precision
    else:
        event_date, date_precision = None, None
    kinds = Counter(m.sub_event_type for m in mentions)
    # The type most reports give of those that name a means: a report that says how ("an air strike", "a
    # suicide bomb") outweighs any number that only say what it did ("the killing of ..."); then the earliest.
    _, kind_from = max(
        enumerate(mentions),
        key=lambda im: (im[1].sub_event_type not in VAGUE_KINDS, kinds[im[1].sub_event_type], -im[0]),
    )
    place = _place(mentions)
    known_actors = [m.actor1.name for m in mentions if m.actor1 and "Unidentified" not in m.actor1.name]
    actors1 = known_actors or [m.actor1.name for m in mentions if m.actor1]
    actors2 = [m.actor2.name for m in mentions if m.actor2]
    fatalities, f_low, f_high = _counts(
        [m.fatalities for m in mentions],
        [m.fatalities_low for m in mentions],
        [m.fatalities_high for m in mentions],
    )
    injured, _, _ = _counts([m.injured for m in mentions], [], [])
    sources: dict[str, Source] = {}
    for r in reports:
        for s in r.sources:
            sources.setdefault(s.article_id, s)
    return Event(
        event_id=event_id(first),
        event_date=event_date,
        date_precision=date_precision,
        event_type=kind_from.event_type,
        sub_event_type=kind_from.sub_event_type,
        actor1=_most_common(actors1) if actors1 else None,
        actor2=_most_common(actors2) if actors2 else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        admin1_code=place.admin1_code if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=fatalities,
        fatalities_low=f_low,
        fatalities_high=f_high,
        injured=injured,
        sources=tuple(sources.values()),
        evidence=tuple(e for m in mentions for e in m.evidence),
        warnings=tuple(dict.fromkeys(w for m in mentions for w in m.warnings)),
        extractor_version=first.extractor_version,
        links=tuple(links) if len(reports) > 1 else (),
        time_of_day=_time_of_day(mentions),
    )
