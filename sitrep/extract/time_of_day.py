"""When in the day an incident happened, from the words a report uses: "at dusk", "overnight",
"at 9 p.m.", "in the morning". Pure functions on text; nothing here knows about articles or mentions.

Buckets: morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-21:59, night 22:00-04:59.
A clock time decides over words ("on Tuesday night at 8 p.m." is evening); otherwise the first phrase wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TimeOfDay = Literal["morning", "afternoon", "evening", "night"]
TIMES_OF_DAY: tuple[TimeOfDay, ...] = ("morning", "afternoon", "evening", "night")
UNKNOWN_TIME = "unknown"  # where events no report gives a time of day for are counted
DAYLIGHT: frozenset[TimeOfDay] = frozenset({"morning", "afternoon"})


@dataclass(frozen=True)
class TimeOfDayPhrase:
    bucket: TimeOfDay
    phrase: str
    start: int  # character offsets into the text given
    end: int
    clock: bool = False  # a clock time ("at 9 p.m.", "21:30 local time"), not words ("at dusk")


def bucket_of_hour(hour: int) -> TimeOfDay:
    """The bucket of an hour of the 24-hour clock (0-23)."""
    if not 0 <= hour <= 23:
        raise ValueError(f"hour {hour} is not 0-23")
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


_CLOCK = re.compile(
    r"\b(?:at|around|about|by|after|before|shortly after|shortly before)\s+"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?:(?P<meridiem>[ap])\.?\s?m\b\.?|(?P<h24>(?<=\d\d:\d\d)|(?<=\d\d\.\d\d))|o'clock\s+(?:in\s+the\s+)?(?P<part>morning|afternoon|evening|night))",
    re.IGNORECASE,
)
_TWENTY_FOUR = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)\s*(?:hrs|hours|GMT|local time)\b", re.I
)
_WORDS: tuple[tuple[TimeOfDay, re.Pattern[str]], ...] = (
    (
        "night",
        re.compile(
            r"\b(?:overnight|midnight|after dark|before dawn|pre-dawn|predawn|in the (?:early|small) hours|(?:at|during the|late at|late|last|to)?\s?night)\b",
            re.I,
        ),
    ),
    (
        "morning",
        re.compile(
            r"\b(?:at (?:dawn|daybreak|first light|sunrise)|(?:early |in the |this |(?:mon|tues|wednes|thurs|fri|satur|sun)day )morning)\b",
            re.I,
        ),
    ),
    (
        "afternoon",
        re.compile(
            r"\b(?:at (?:noon|midday)|(?:in the |this |early |late |(?:mon|tues|wednes|thurs|fri|satur|sun)day )afternoon)\b",
            re.I,
        ),
    ),
    (
        "evening",
        re.compile(
            r"\b(?:at (?:dusk|sunset|sundown|nightfall)|(?:in the |this |early |late |(?:mon|tues|wednes|thurs|fri|satur|sun)day )evening)\b",
            re.I,
        ),
    ),
)
_PARTS: dict[str, TimeOfDay] = {
    "morning": "morning",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
}


def _clock(text: str) -> TimeOfDayPhrase | None:
    for m in _CLOCK.finditer(text):
        hour = int(m["hour"])
        if m["meridiem"]:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if m["meridiem"].lower() == "p" else 0)
        elif m["part"]:
            if not 1 <= hour <= 12:
                continue
            part = m["part"].lower()
            if part == "afternoon" or (part == "morning" and hour >= 5):
                return TimeOfDayPhrase(_PARTS[part], m.group(0), m.start(), m.end(), clock=True)
            hour = hour % 12 + (12 if part in ("evening", "night") and hour >= 5 else 0)
        elif hour > 23 or m["minute"] is None:
            continue
        return TimeOfDayPhrase(bucket_of_hour(hour), m.group(0), m.start(), m.end(), clock=True)
    m24 = _TWENTY_FOUR.search(text)
    if m24:
        return TimeOfDayPhrase(
            bucket_of_hour(int(m24["hour"])), m24.group(0), m24.start(), m24.end(), clock=True
        )
    return None


def time_of_day(text: str) -> TimeOfDayPhrase | None:
    """The time of day a sentence gives, or None when it gives none."""
    clock = _clock(text)
    if clock:
        return clock
    found = [
        TimeOfDayPhrase(
            bucket, m.group(0).strip(), m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end()
        )
        for bucket, pattern in _WORDS
        for m in pattern.finditer(text)
        if m.group(0).strip()
    ]
    return min(found, key=lambda p: p.start) if found else None
