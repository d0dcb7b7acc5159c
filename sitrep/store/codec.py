"""Mentions and links as JSON, so the store can link new reports to events it already holds."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from ..model import Actor, Evidence, Link, Mention, Place


def mention_to_json(m: Mention) -> str:
    data = asdict(m)
    data["event_date"] = m.event_date.isoformat() if m.event_date else None
    return json.dumps(data, ensure_ascii=False)


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return Actor(**d) if d else None


def mention_from_json(text: str) -> Mention:
    d = json.loads(text)
    return Mention(
        article_id=d["article_id"],
        index=d["index"],
        event_date=date.fromisoformat(d["event_date"]) if d["event_date"] else None,
        date_precision=d["date_precision"],
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        actor1=_actor(d["actor1"]),
        actor2=_actor(d["actor2"]),
        place=Place(**d["place"]) if d["place"] else None,
        fatalities=d["fatalities"],
        fatalities_low=d["fatalities_low"],
        fatalities_high=d["fatalities_high"],
        injured=d["injured"],
        evidence=tuple(Evidence(**e) for e in d["evidence"]),
        field_evidence=tuple((f, i) for f, i in d["field_evidence"]),
        place_names=tuple(d["place_names"]),
        warnings=tuple(d["warnings"]),
        extractor_version=d["extractor_version"],
        # reports stored before sitrep read the time of day have neither key
        time_of_day=d.get("time_of_day"),
        time_of_day_phrase=Evidence(**d["time_of_day_phrase"]) if d.get("time_of_day_phrase") else None,
    )


def link_to_row(event_id: str, link: Link) -> tuple[Any, ...]:
    return (
        event_id,
        link.article_id,
        link.index,
        link.other_article_id,
        link.other_index,
        link.score,
        json.dumps(list(link.reasons), ensure_ascii=False),
    )


def link_from_row(row: Any) -> Link:
    return Link(
        row["article_id"],
        row["idx"],
        row["other_article_id"],
        row["other_idx"],
        row["score"],
        tuple(json.loads(row["reasons"])),
    )
