"""Event dates resolved against the publication date, with a precision (day, week, month, year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import safe_date
from .number_words import NUMBER_WORDS

# An event date sitrep believes lies between these: no incident before 1900, none after the report that
# tells of it (give or take time zones: a couple of days). Outside, the date is dropped with a warning.
EARLIEST_EVENT = date(1900, 1, 1)
DAYS_AFTER_PUBLISHED = 2

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_FULL_MDY = re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_FULL_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_MD = re.compile(
    rf"\b(?:on\s+)?{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})(?!\s*(?:km|kilomet|percent))", re.I
)
_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?!,?\s+\d{{4}})", re.I)
_WEEKDAY = re.compile(
    r"\b(?:last\s+|on\s+|early\s+|late\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
_RELATIVE = re.compile(
    r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
    r"(?:late |early |earlier |later )?last week|this week|last month|this month|last year|this year|earlier this week|"
    r"(?:this|this past|last|over the|at the) weekend|"
    r"earlier this month|the previous day|overnight|on the eve)\b",
    re.I,
)
_LAST_MONTH = re.compile(
    rf"\b(?:last|this past|in|since|during)\s+{MONTH}(?:\s+(?:of\s+)?(\d{{4}}))?\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(?:of\s+)?(\d{{4}})\b", re.I)
_QUARTER = re.compile(r"\b(first|second|third|fourth) quarter of (\d{4})\b", re.I)
YEAR = re.compile(r"\b(?:in|since|during|back in|the|a|an)\s+((?:19|20)\d{2})\b(?!,\d)", re.I)


@dataclass(frozen=True)
class DateFound:
    value: date
    precision: str  # day, week, month, year
    text: str


def shift(d: date, days: int) -> date | None:
    """`d` moved by `days`, or None past the calendar's ends (year 1 and 9999)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def latest_event(published: date | None) -> date:
    return shift(published or date.today(), DAYS_AFTER_PUBLISHED) or date.max


def out_of_range(found: DateFound, published: date | None) -> str | None:
    """Why a date the text gives cannot be the event's (before 1900, or after the report), or None."""
    latest = latest_event(published)
    if EARLIEST_EVENT <= found.value <= latest:
        return None
    after = "the publication date" if published else "today"
    return (
        f"date {found.text!r} ({found.value.isoformat()}) out of range (before {EARLIEST_EVENT.year} or "
        f"after {after}), ignored"
    )


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in _MONTHS].index(key) + 1


def _before(published: date, month: int, day: int) -> date | None:
    """The most recent month/day on or before the publication date."""
    d = safe_date(published.year, month, day)
    if d and d > published:
        d = safe_date(published.year - 1, month, day)
    return d


_SAID = re.compile(
    r"\b(said|says|told|announced|reported|added|stated|statement|confirmed|denied|claimed|released|published|"
    r"issued|toll (?:of \S+ )?given)\s+((?!that\b)\w+\s+){0,2}$",  # not "said that late on Thursday ...": the
    # time of what was said; "up from a toll of 30 given overnight": the time of a count, not of the act
    re.I,
)


# The time of a report told before its verb: "the ministry on Thursday raised the death toll of Wednesday's
# bombardment", "officials on Monday said".
_SAYS_AFTER = re.compile(
    r"\s+(?:raised|revised|updated|put|gave|announced|said|reported|confirmed|told|released|published|issued)\b",
    re.I,
)


def _event_time(rx: re.Pattern[str], sentence: str, reporting: bool = False) -> re.Match[str] | None:
    """The first match that dates the event, not the reporting ("police said on Friday", "the ministry on
    Thursday raised the toll"), unless `reporting` asks for the time of either."""
    for m in rx.finditer(sentence):
        if reporting or not (_SAID.search(sentence, 0, m.start()) or _SAYS_AFTER.match(sentence, m.end())):
            return m
    return None


def find_date(sentence: str, published: date | None, reporting: bool = False) -> DateFound | None:
    """The first date the sentence gives, resolved against the publication date when relative; with
    `reporting`, also the day something was said or announced ("the command announced Saturday")."""
    for rx in (_FULL_MDY, _FULL_DMY):
        m = rx.search(sentence)
        if m:
            mon, day = (m[1], m[2]) if rx is _FULL_MDY else (m[2], m[1])
            d = safe_date(int(m[3]), _month(mon), int(day))
            if d:
                return DateFound(d, "day", m[0])
    m = _ISO.search(sentence)
    if m and (d := safe_date(int(m[1]), int(m[2]), int(m[3]))):
        return DateFound(d, "day", m[0])
    m = _DOTTED.search(sentence)
    if m and (d := safe_date(int(m[3]), int(m[2]), int(m[1]))):
        return DateFound(d, "day", m[0])
    m = _QUARTER.search(sentence)
    if m:
        q = ["first", "second", "third", "fourth"].index(m[1].lower())
        if d := safe_date(int(m[2]), 3 * q + 1, 1):
            return DateFound(d, "quarter", m[0])
    if published is None:
        return None
    for rx in (_MD, _DM):
        m = _event_time(rx, sentence, reporting)
        if m:
            mon, day = (m[1], m[2]) if rx is _MD else (m[2], m[1])
            d = _before(published, _month(mon), int(day))
            if d:
                return DateFound(d, "day", m[0])
    m = _event_time(_WEEKDAY, sentence, reporting)
    if m:
        back = (published.weekday() - _WEEKDAYS.index(m[1].lower())) % 7
        if back == 0 and m[0].lower().startswith("last"):
            back = 7  # "last Tuesday" told on a Tuesday: a week before
        if d := shift(published, -back):
            return DateFound(d, "day", m[0])
    m = _event_time(_RELATIVE, sentence, reporting)
    relative = _relative(m[0], published) if m else None
    if relative is not None and not (relative.precision == "year" and relative.text.lower() == "this year"):
        return relative
    # "the second time this year ...: in March, the Guards fired": the month is the finer date
    m = _LAST_MONTH.search(sentence) or _MONTH_YEAR.search(sentence)
    if m is None:
        return relative
    mon = _month(m[1])
    year = int(m[2]) if m.lastindex and m.lastindex >= 2 and m[2] else None
    if relative is not None and not (year in (None, published.year) and mon <= published.month):
        return relative  # "this year, surpassing a bombing in July 2021": the month is another year's
    if year is None:
        year = published.year if mon <= published.month else published.year - 1
        if m[0].lower().startswith("last") and mon == published.month:
            year -= 1
    if d := safe_date(year, mon, 1):
        return DateFound(d, "month", m[0])
    return relative


def _relative(text: str, published: date) -> DateFound | None:
    t = text.lower()
    found: date | None
    if t in ("yesterday", "last night", "the previous day", "on the eve"):
        found, precision = shift(published, -1), "day"
    elif t in ("today", "tonight", "this morning", "this afternoon", "this evening", "overnight"):
        # "overnight" told with no day is the night that ended on the morning of the report: the
        # convention of coders (and of the wires' own datelines) is the report's day.
        found, precision = published, "day"
    elif t.endswith("last week"):
        found, precision = shift(published, -7), "week"
    elif t.endswith("weekend"):
        # The Saturday of the weekend just past. "This weekend" told from Wednesday to Friday may mean the one
        # to come: no date. "Last weekend", "this past weekend" told on a weekend are the one before.
        back = (published.weekday() - 5) % 7
        if t == "this weekend" and published.weekday() in (2, 3, 4):
            return None
        if t.startswith(("last", "this past")) and back < 2:
            back += 7
        found, precision = shift(published, -back), "week"
    elif t in ("this week", "earlier this week"):
        # Between the week's Monday and the day before publication: the middle of what has passed.
        since_monday = published.weekday()
        found, precision = shift(published, -since_monday + max(0, since_monday - 1) // 2), "week"
    elif t in ("this month", "earlier this month"):
        found, precision = published.replace(day=1), "month"
    elif t == "last month":
        end = shift(published.replace(day=1), -1)
        found, precision = (end.replace(day=1) if end else None), "month"
    else:
        found, precision = safe_date(published.year - (1 if t == "last year" else 0), 1, 1), "year"
    return DateFound(found, precision, text) if found else None


_SINCE = re.compile(
    r"^(?:[A-Z][A-Za-z ,.'-]*\([^)]*\)\s*[—–-]+\s*)?\W*(?:just|only|barely|some|about|nearly)?\s*(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\s+(?:after|since)\b(?P<clause>[^,]*(?:,[^,]*){0,3}?),\s+(?P<main>[^,]+)$",
    re.I,
)


def time_before(sentence: str) -> tuple[int, str, str] | None:
    """ "Just five days after killing Soleimani in a drone strike in Baghdad, this was the moment ...":
    (days the opening clause lies before the main clause, the opening clause, the main clause)."""
    m = _SINCE.match(sentence)
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    return n * (7 if m["unit"].lower().startswith("week") else 1), m["clause"], m["main"]


_LATER = re.compile(
    r"\b(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+"
    r"(?:later|afterwards?)|the\s+(?:next|following)\s+(?P<next>day|morning|afternoon|evening|night|week)"
    r"|(?P<tomorrow>a\s+day\s+later))\b",
    re.I,
)


def days_later(sentence: str) -> int | None:
    """ "Five days later, Iran fired missiles ...", "The next day, they seized Tikrit": the days after the
    time the article gave last (None when the sentence says no such thing)."""
    m = _LATER.search(sentence)
    if m is None:
        return None
    if m["next"]:
        return 7 if m["next"].lower() == "week" else 1
    if m["tomorrow"]:
        return 1
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower(), 1)
    return n * (7 if m["unit"].lower().startswith("week") else 1)


def history_year(sentence: str, published: date | None) -> int | None:
    """A year before the publication year that the sentence is set in ("back in 2014"), if any."""
    if published is None:
        return None
    for m in YEAR.finditer(sentence):
        if int(m[1]) < published.year:
            return int(m[1])
    return None


_SPAN_ENDED = re.compile(
    r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[\w-]+\s+){0,2}?"
    r"(?:siege|battle|offensive|assault|clashes|fighting|protests?|sit-in|standoff|occupation)\b"
    r"[^;]{0,80}?\b(?:that|which)?\s*end(?:ed|s)\b",
    re.I,
)


def days_before_end(sentence: str, date_text: str) -> int:
    """ "a two-day siege against the embassy that ended Wednesday": the days from the first day of an event
    of several days to the day the sentence dates (its end), 0 when the sentence dates no such end."""
    m = _SPAN_ENDED.search(sentence)
    if m is None or sentence.find(date_text, m.end()) < 0:
        return 0
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    return max(0, n - 1)
