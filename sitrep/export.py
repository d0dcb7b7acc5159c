"""Events as flat records (JSON Lines, CSV): the evaluation contract's field names, plus provenance."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from .model import EVENT_FIELDS, Claim, Event

FLAT_FIELDS = EVENT_FIELDS


def event_record(event: Event) -> dict[str, Any]:
    rec: dict[str, Any] = {f: getattr(event, f) for f in FLAT_FIELDS}
    rec["event_date"] = event.event_date.isoformat() if event.event_date else None
    rec["article_ids"] = list(event.article_ids)
    rec["sources"] = [
        {
            "article_id": s.article_id,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
        }
        for s in event.sources
    ]
    rec["evidence"] = [
        {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text} for e in event.evidence
    ]
    rec["warnings"] = list(event.warnings)
    rec["links"] = [
        {
            "article_id": link.article_id,
            "index": link.index,
            "linked_to": [link.other_article_id, link.other_index] if link.other_article_id else None,
            "score": round(link.score, 2),
            "reasons": list(link.reasons),
        }
        for link in event.links
    ]
    rec["extractor_version"] = event.extractor_version
    return rec


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "article_id": claim.article_id,
        "kind": claim.kind,
        "numbers": list(claim.numbers),
        "period": claim.period,
        "text": claim.text,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
    }


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def to_csv(events: Iterable[Event]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=[*FLAT_FIELDS, "article_ids", "evidence"], lineterminator="\n")
    w.writeheader()
    for e in events:
        rec = event_record(e)
        rec["article_ids"] = ";".join(rec["article_ids"])
        rec["evidence"] = " … ".join(x["text"] for x in rec["evidence"])
        w.writerow({k: rec[k] for k in w.fieldnames})
    return out.getvalue()
