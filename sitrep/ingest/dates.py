"""Publication dates found in article headers and datelines."""

from __future__ import annotations

import re
from datetime import date, timedelta

# Publication dates sitrep believes: none before 1900, none more than a couple of days after today
# (a report dated tomorrow is a time zone away; one dated 9999 or 0001 is a typo or a placeholder).
EARLIEST_PUBLISHED = date(1900, 1, 1)
DAYS_AFTER_TODAY = 2

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_HEADER = re.compile(r"^\s*(?:date|published|posted)\s*:?\s*(\d{4}-\d{1,2}-\d{1,2})\s*(.*)$", re.I)
_DATELINE = re.compile(r"^\s*(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*(?:\|\s*(.{0,60}))?$")


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(s: str) -> date | None:
    """ISO (2018-01-20) or day-first dotted (13.12.2017) dates."""
    m = _ISO.search(s)
    if m:
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    m = _DOTTED.search(s)
    if m:
        return safe_date(int(m[3]), int(m[2]), int(m[1]))
    return None


def header_date(line: str) -> tuple[date | None, str]:
    """`date 2018-01-20 Title...` -> (the date, the rest of the line); else (None, line)."""
    m = _HEADER.match(line)
    if not m:
        return None, line
    return parse_date(m[1]), m[2].strip()


def dateline(line: str) -> tuple[date | None, str | None]:
    """`13.12.2017 | Anbar` -> (the date, the place); else (None, None)."""
    m = _DATELINE.match(line)
    if not m:
        return None, None
    return parse_date(m[1]), (m[2] or "").strip() or None


def latest_published(today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=DAYS_AFTER_TODAY)


def published_out_of_range(published: date, today: date | None = None) -> str | None:
    """Why a publication date cannot be right, or None when it can."""
    latest = latest_published(today)
    if EARLIEST_PUBLISHED <= published <= latest:
        return None
    return (
        f"publication date {published.isoformat()} is out of range "
        f"(before {EARLIEST_PUBLISHED.isoformat()} or after {latest.isoformat()}); correct it or leave it out"
    )
