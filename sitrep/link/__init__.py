"""Link: mentions -> events. For now one event per mention, with syndicated copies as extra sources.

Cross-article linking of independent reports of one incident is a later stage (issue 5).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Event, Mention, Source


def event_id(mention: Mention) -> str:
    return "ev-" + hashlib.sha1(f"{mention.article_id}#{mention.index}".encode()).hexdigest()[:12]


def _source(article: Article) -> Source:
    return Source(article.id, article.outlet, article.url, article.published)


def to_event(mention: Mention, sources: Sequence[Article]) -> Event:
    place = mention.place
    return Event(
        event_id=event_id(mention),
        event_date=mention.event_date,
        date_precision=mention.date_precision,
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        actor1=mention.actor1.name if mention.actor1 else None,
        actor2=mention.actor2.name if mention.actor2 else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        admin1_code=place.admin1_code if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=mention.fatalities,
        fatalities_low=mention.fatalities_low,
        fatalities_high=mention.fatalities_high,
        injured=mention.injured,
        sources=tuple(_source(a) for a in sources),
        evidence=mention.evidence,
        warnings=mention.warnings,
        extractor_version=mention.extractor_version,
    )


def link(
    mentions: Iterable[Mention], articles: Mapping[str, Article], copies: Mapping[str, Sequence[str]]
) -> list[Event]:
    """Events for `mentions`; `copies` maps a canonical article id to the ids of its syndicated copies."""
    events = []
    for m in mentions:
        ids = [m.article_id, *copies.get(m.article_id, ())]
        events.append(to_event(m, [articles[i] for i in ids if i in articles]))
    return events


__all__ = ["event_id", "link", "to_event"]
