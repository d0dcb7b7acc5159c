"""What the API returns, assembled from library calls: events as records, one event's drill-down
(every report, its sentences with the field words marked, why it was linked, the corrections)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from ..errors import NotFoundError
from ..export import claim_record, event_record
from ..geo.boundaries import district_code
from ..model import Article, Claim, Event, Evidence, Mention
from ..report.explain import ReportLine, explain
from ..report.highlights import FieldSpan, field_spans
from ..store import Store
from ..store.base import Correction, EventPoint, SeriesColumns, SeriesRow, StoredArticle, StoredMention


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a `javascript:` or `data:` URL is never offered as a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def event_summary(event: Event) -> dict[str, Any]:
    rec = event_record(event)
    for s in rec["sources"]:
        s["url"] = safe_url(s["url"])
    return rec


def correction_record(c: Correction) -> dict[str, Any]:
    rec = asdict(c)
    rec["old"] = json.loads(c.old) if c.old is not None else None
    rec["new"] = json.loads(c.new) if c.new is not None else None
    return rec


def _spans(m: Mention, sentence: Evidence) -> list[FieldSpan]:
    """The field words of one sentence, with the time-of-day words the extractor kept (by offset)."""
    spans = field_spans(m, sentence)
    when = m.time_of_day_phrase
    if (
        when
        and when.article_id == sentence.article_id
        and sentence.start <= when.start < when.end <= sentence.end
    ):
        at = FieldSpan("time_of_day", when.start - sentence.start, when.end - sentence.start)
        spans = [s for s in spans if not (s.start < at.end and at.start < s.end)] + [at]
    return sorted(spans, key=lambda s: s.start)


def _sentences(stored: StoredMention | None) -> list[dict[str, Any]]:
    if stored is None:
        return []
    m = stored.mention
    return [
        {
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "fields": [asdict(s) for s in _spans(m, e)],
            "gave": sorted(f for f, i in m.field_evidence if i == n),
        }
        for n, e in enumerate(m.evidence)
    ]


def _report(store: Store, line: ReportLine, stored: StoredMention | None, exact: bool) -> dict[str, Any]:
    article = store.get_article(line.article_id)
    return {
        "article_id": line.article_id,
        "index": stored.mention.index if stored else None,
        "title": article.title if article else None,
        "outlet": line.outlet,
        "published": line.published or None,
        "url": safe_url(line.url),
        "linked_to": line.linked_to if exact else "another report of the same article",
        "score": line.score if exact else None,
        "reasons": list(line.reasons) if exact else [],
        "sentences": _sentences(stored),
    }


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """The event, each report behind it (one per article and mention) with its sentences, outlet,
    date, URL and link reasons, syndicated copies, and the event's history of corrections."""
    event = store.event(event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id!r} in the store")
    lines = explain(event)
    by_link = {(link.article_id, link.index): lines[n] for n, link in enumerate(event.links)}
    by_article: dict[str, ReportLine] = {}
    for line in lines:
        by_article.setdefault(line.article_id, line)
    reports, shown = [], set()
    for s in store.event_mentions(event_id):
        key = (s.mention.article_id, s.mention.index)
        found = by_link.get(key) or by_article.get(key[0])
        if found is None:
            continue
        line = found
        exact = key in by_link or key[0] not in shown
        reports.append(_report(store, line, s, exact))
        shown.add(key[0])
    reports += [_report(store, line, None, True) for line in lines if line.article_id not in shown]
    return {
        "event": event_summary(event),
        "reports": reports,
        "history": [correction_record(c) for c in store.corrections(event_id)],
    }


def article_record(stored: StoredArticle) -> dict[str, Any]:
    a: Article = stored.article
    return {
        "id": a.id,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "outlet": a.outlet,
        "url": safe_url(a.url),
        "copy_of": stored.canonical_id,
        "characters": len(a.text),
    }


def claim_view(claim: Claim) -> dict[str, Any]:
    return {**claim_record(claim), "index": claim.index}


def series_record(row: SeriesRow) -> dict[str, Any]:
    return {
        "period": row.period.isoformat() if row.period else None,
        "group": row.group,
        "events": row.events,
        "fatalities": row.fatalities,
    }


def series_records(columns: SeriesColumns) -> list[dict[str, Any]]:
    """`series_record`s straight from the columns (no `SeriesRow` made on the way)."""
    return [
        {"period": p, "group": g, "events": n, "fatalities": dead}
        for p, g, n, dead in zip(
            columns.periods, columns.groups, columns.events, columns.fatalities, strict=True
        )
    ]


def district_record(row: SeriesRow) -> dict[str, Any]:
    """A district's totals with the OCHA P-code of its outline (None if the outlines lack the name)."""
    return {**series_record(row), "pcode": district_code(row.group)}


def point_record(p: EventPoint) -> dict[str, Any]:
    rec = asdict(p)
    rec["event_date"] = p.event_date.isoformat() if p.event_date else None
    return rec
