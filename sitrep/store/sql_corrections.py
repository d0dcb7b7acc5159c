"""Analyst corrections in SQL both backends share: kept in their own table, applied to the event, and
applied again whenever a run rewrites the event, so re-extraction never undoes them."""

from __future__ import annotations

import json
from typing import Any

from .base import Correction

# The event columns an analyst may set; anything else is refused before it reaches SQL.
CORRECTABLE = (
    "event_date",
    "date_precision",
    "time_of_day",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin1_code",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
)
INSERT_CORRECTION = (
    "INSERT INTO corrections (event_id, action, field, old_value, new_value, analyst, made_at, note)"
    " VALUES (?,?,?,?,?,?,?,?)"
)
# Moving an event's reports into another: the child tables' columns other than event_id, and whether
# the rows keep their insertion order (evidence and links are read back in it).
MOVED = (
    ("event_sources", "article_id", False),
    ("evidence", 'article_id, start, "end", text', True),
    ("event_links", "article_id, idx, other_article_id, other_idx, score, reasons", True),
)


def set_field(event_id: str, field: str | None, value: str | None) -> tuple[str, tuple[Any, str]]:
    """The UPDATE that sets one corrected field (`value` is JSON); `ValueError` for any other field."""
    if field not in CORRECTABLE:
        raise ValueError(f"{field!r} is not a field an analyst can correct")
    return f"UPDATE events SET {field} = ? WHERE event_id = ?", (
        json.loads(value) if value is not None else None,
        event_id,
    )


def correction_row(c: Correction) -> tuple[Any, ...]:
    return (c.event_id, c.action, c.field, c.old, c.new, c.analyst, c.made_at, c.note)


def correction_of(r: Any) -> Correction:
    return Correction(
        r["event_id"],
        r["action"],
        r["field"],
        r["old_value"],
        r["new_value"],
        r["analyst"],
        r["made_at"],
        r["note"],
    )
