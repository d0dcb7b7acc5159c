"""Time-of-day phrases, on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract.time_of_day import bucket_of_hour, time_of_day


@pytest.mark.parametrize(
    ("sentence", "bucket", "phrase"),
    [
        ("The road becomes a death trap at dusk.", "evening", "at dusk"),
        ("Gunmen attacked a checkpoint overnight.", "night", "overnight"),
        ("A bomb exploded at 9 p.m. near the market.", "evening", "at 9 p.m."),
        ("A bomb exploded at 11pm near the market.", "night", "at 11pm"),
        ("Police said the attack came in the morning.", "morning", "in the morning"),
        ("The convoy was hit at 10:15 a.m. on the highway.", "morning", "at 10:15 a.m."),
        ("Rockets struck the base at 14:40 local time.", "afternoon", "at 14:40"),
        ("Mortars fell on Tuesday night at 8 p.m.", "evening", "at 8 p.m."),
        ("Shots were heard around 3 o'clock in the morning.", "night", "around 3 o'clock in the morning"),
        ("Shots were heard around 7 o'clock in the evening.", "evening", "around 7 o'clock in the evening"),
        ("Militants attacked the village before dawn.", "night", "before dawn"),
        ("The raid began at dawn.", "morning", "at dawn"),
        ("A drone struck on Friday afternoon.", "afternoon", "Friday afternoon"),
        ("Clashes broke out at noon.", "afternoon", "at noon"),
        ("Two were killed late at night.", "night", "late at night"),
    ],
)
def test_phrases(sentence: str, bucket: str, phrase: str) -> None:
    found = time_of_day(sentence)
    assert found is not None and (found.bucket, found.phrase) == (bucket, phrase)
    assert sentence[found.start : found.end] == found.phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "The nightclub was closed.",
        "He died at 45.",
        "The attack at 9 killed three.",
        "A knight of the order spoke.",
        "Three soldiers were killed on Tuesday.",
        "At 25, he joined the police.",
    ],
)
def test_no_time_of_day(sentence: str) -> None:
    assert time_of_day(sentence) is None


def test_hours() -> None:
    assert [bucket_of_hour(h) for h in (0, 4, 5, 11, 12, 16, 17, 21, 22, 23)] == [
        "night",
        "night",
        "morning",
        "morning",
        "afternoon",
        "afternoon",
        "evening",
        "evening",
        "night",
        "night",
    ]
    with pytest.raises(ValueError):
        bucket_of_hour(24)
