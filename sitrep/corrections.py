"""Analyst corrections: change an event's fields, merge two events, split a report out of one.

Each change is checked here (a type from ACLED's typology, a governorate sitrep knows, counts of 0 or
more) and kept by the store with who made it, when, the old and the new value; the store applies it
again whenever a run rewrites the event, so re-extraction never undoes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from .errors import NotFoundError, QueryError
from .extract.time_of_day import TIMES_OF_DAY
from .extract.typology import TYPOLOGY
from .geo.admin1 import governorate_name, iso_code
from .link import merge, report_of
from .link.merge import event_id as first_report_id
from .model import Event, Link
from .store import Store
from .store.base import Correction

DATE_PRECISIONS = ("day", "week", "month", "year")
TEXT_FIELDS = ("actor1", "actor2", "admin2", "location")
COUNT_FIELDS = ("fatalities", "fatalities_low", "fatalities_high", "injured")
MAX_TEXT = 200


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _text(field: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise QueryError(field, f"must be text of at most {MAX_TEXT} characters")
    return value.strip()


def _count(field: str, value: Any) -> int | None:
    if value is None and field != "fatalities" and field != "injured":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(field, f"must be a whole number of 0 or more, not {value!r}")
    return value


def _number(field: str, value: Any, bound: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not -bound <= value <= bound:
        raise QueryError(field, f"must be a number between {-bound:g} and {bound:g}")
    return float(value)


def _event_date(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise QueryError("event_date", f"{value!r} is not a date (YYYY-MM-DD)") from None


def _precision(value: Any) -> str:
    if value not in DATE_PRECISIONS:
        raise QueryError("date_precision", f"must be one of {', '.join(DATE_PRECISIONS)}")
    return str(value)


def _time_of_day(value: Any) -> str | None:
    if value is None:
        return None
    if value not in TIMES_OF_DAY:
        raise QueryError("time_of_day", f"must be one of {', '.join(TIMES_OF_DAY)}, or null when unknown")
    return str(value)


def _geo_precision(value: Any) -> int:
    if value not in (1, 2, 3):
        raise QueryError("geo_precision", "must be 1 (town), 2 (near a town, district) or 3 (governorate)")
    return int(value)


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "event_date": _event_date,
    "date_precision": _precision,
    "time_of_day": _time_of_day,
    "latitude": lambda v: _number("latitude", v, 90),
    "longitude": lambda v: _number("longitude", v, 180),
    "geo_precision": _geo_precision,
    **{f: partial(_text, f) for f in TEXT_FIELDS},
    **{f: partial(_count, f) for f in COUNT_FIELDS},
}


def _kind(event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    event_type = changes.get("event_type", event.event_type)
    if event_type not in TYPOLOGY:
        raise QueryError("event_type", f"{event_type!r} is not one of ACLED's types: {', '.join(TYPOLOGY)}")
    sub = changes.get("sub_event_type", event.sub_event_type)
    if sub not in TYPOLOGY[event_type]:
        raise QueryError(
            "sub_event_type", f"{sub!r} is not a sub-type of {event_type}: {', '.join(TYPOLOGY[event_type])}"
        )
    return {"event_type": event_type, "sub_event_type": sub}


def checked_changes(event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes as the values to store; `QueryError` naming the first field that cannot be set."""
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field in ("event_type", "sub_event_type"):
            out.update(_kind(event, changes))
        elif field == "admin1":
            code = iso_code(str(value)) if value else None
            if code is None:
                raise QueryError("admin1", f"{value!r} is not an Iraqi governorate sitrep knows")
            out.update(admin1=governorate_name(code), admin1_code=code)
        elif field in _CHECKS:
            out[field] = _CHECKS[field](value)
        else:
            raise QueryError(field, f"is not a field an analyst can correct ({', '.join(sorted(_CHECKS))})")
    return out


def _stored(store: Store, event_id: str) -> Event:
    event = store.event(event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id!r} in the store")
    return event


def correct_event(
    store: Store, event_id: str, changes: Mapping[str, Any], analyst: str, note: str | None = None
) -> Event:
    """Set fields of a stored event; each changed field is kept as one correction (old and new value)."""
    if not changes:
        raise QueryError("changes", "give at least one field to change")
    event = _stored(store, event_id)
    now = _now()
    corrections = []
    for field, value in checked_changes(event, changes).items():
        old = getattr(event, field)
        old_json = json.dumps(old.isoformat() if isinstance(old, date) else old)
        if old_json != json.dumps(value):
            corrections.append(
                Correction(event_id, "set", field, old_json, json.dumps(value), analyst, now, note)
            )
    store.add_corrections(corrections)
    return _stored(store, event_id)


def merge_events(store: Store, keep: str, gone: str, analyst: str, note: str | None = None) -> Event:
    """Join event `gone` into `keep`: its reports, sources and sentences move; `gone` is no more."""
    if keep == gone:
        raise QueryError("other", "an event cannot be merged into itself")
    _stored(store, keep)
    _stored(store, gone)
    store.merge_events(
        keep, gone, Correction(keep, "merge", None, None, json.dumps(gone), analyst, _now(), note)
    )
    return _stored(store, keep)


def _split_id(event_id: str, article_id: str, index: int) -> str:
    digest = hashlib.sha1(f"{event_id}|{article_id}#{index}|split".encode()).hexdigest()[:12]
    return f"ev-{digest}"


def split_report(
    store: Store, event_id: str, article_id: str, index: int, analyst: str, note: str | None = None
) -> tuple[Event, Event]:
    """Take one report (article and mention index) out of an event into an event of its own."""
    _stored(store, event_id)
    stored = store.event_mentions(event_id)
    out = [s for s in stored if (s.mention.article_id, s.mention.index) == (article_id, index)]
    rest = [s for s in stored if s not in out]
    if not out:
        raise QueryError("article_id", f"event {event_id} has no report {article_id} #{index}")
    if not rest:
        raise QueryError("article_id", f"{article_id} #{index} is the only report of {event_id}")
    reports = [report_of(s.mention, s.published, s.sources) for s in rest]
    kept_keys = {(s.mention.article_id, s.mention.index) for s in rest}
    links = [
        s.link
        if s.link is None or (s.link.other_article_id, s.link.other_index) in kept_keys
        else Link(s.link.article_id, s.link.index, None, None, 0.0, ())
        for s in rest
    ]
    remaining = replace(merge(reports, [x for x in links if x is not None]), event_id=event_id)
    split = out[0]
    new_id = first_report_id(split.mention)
    if new_id == event_id:
        new_id = _split_id(event_id, article_id, index)
    alone = replace(merge([report_of(split.mention, split.published, split.sources)], []), event_id=new_id)
    now = _now()
    with store.transaction():
        store.replace_events([remaining, alone], {})
        store.put_mentions([], {(article_id, index): new_id})
        store.add_corrections(
            [
                Correction(
                    event_id,
                    "split",
                    None,
                    json.dumps(f"{article_id} #{index}"),
                    json.dumps(new_id),
                    analyst,
                    now,
                    note,
                ),
                Correction(
                    new_id,
                    "split",
                    None,
                    json.dumps(event_id),
                    json.dumps(f"{article_id} #{index}"),
                    analyst,
                    now,
                    note,
                ),
            ]
        )
    return _stored(store, event_id), _stored(store, new_id)
