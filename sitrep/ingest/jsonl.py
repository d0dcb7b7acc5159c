"""JSON Lines article records: {id, title, text, published, outlet, url}; one bad line never stops the rest."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Article, Problem
from .article import check_unicode, make_article
from .boilerplate import clean_lines
from .dates import parse_date

FIELDS = ("id", "title", "text", "published", "outlet", "url")


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return None if value in (None, "") else str(value)


def parse_record(record: Any, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    for key in FIELDS:
        value = record.get(key)
        if isinstance(value, str):
            check_unicode(value, key, where)
        elif isinstance(value, dict | list):
            raise InputError(where, f"{key!r} must be text, got a JSON {type(value).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "record has no 'text'")
    published_raw = record.get("published")
    published = parse_date(str(published_raw)) if published_raw else None
    if published_raw and published is None:
        raise InputError(where, f"'published' is not a date: {published_raw!r} (use YYYY-MM-DD)")
    body = clean_lines(text.split("\n")) or [text.strip()]
    title = _optional_str(record, "title") or ""
    return make_article(
        id=_optional_str(record, "id"),
        title=title,
        text="\n".join(body),
        published=published,
        source=where,
        outlet=_optional_str(record, "outlet"),
        url=_optional_str(record, "url"),
    )


def parse_jsonl(raw: str, source: str, first_line: int = 1) -> Iterator[Article | Problem]:
    for n, line in enumerate(raw.split("\n"), first_line):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(where, f"not valid JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:
            yield Problem(where, "arrays or objects nested too deeply to read")
            continue
        except ValueError:  # not JSONDecodeError, caught above: int() refusing a number of too many digits
            yield Problem(where, f"number too long to read (more than {sys.get_int_max_str_digits()} digits)")
            continue
        try:
            yield parse_record(record, where)
        except InputError as e:
            yield Problem(e.where, e.reason)
