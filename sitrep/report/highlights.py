"""Which words of a report's sentences gave which field: spans to highlight in a drill-down.

The extractor keeps each field's sentence (`Mention.field_evidence`), not its words; the words are
found again in that sentence from the value the field took: the place names, the actors' own words
(`Actor.alias`), the counts as digits or number words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..extract.number_words import NUMBER_WORDS
from ..model import Evidence, Mention


@dataclass(frozen=True)
class FieldSpan:
    """Characters `start`..`end` of one evidence sentence (offsets within the sentence) gave `field`."""

    field: str
    start: int
    end: int


def _count_words(n: int) -> list[str]:
    if n <= 0:
        return []
    return [str(n)] + [w for w, v in NUMBER_WORDS.items() if v == n and len(w) > 2]


def _words_of(mention: Mention) -> Iterator[tuple[str, str]]:
    place = mention.place
    for name in (*mention.place_names, place.name if place and place.geo_precision < 3 else ""):
        yield "location", name
    if place and place.admin1:
        yield "admin1", place.admin1
    for field, actor in (("actor1", mention.actor1), ("actor2", mention.actor2)):
        if actor:
            yield field, actor.alias
    for field, n in (("fatalities", mention.fatalities), ("injured", mention.injured)):
        for word in _count_words(n):
            yield field, word


def field_spans(mention: Mention, sentence: Evidence) -> list[FieldSpan]:
    """The field words found in one of the mention's sentences, in reading order, not overlapping."""
    found: list[FieldSpan] = []
    for field, words in _words_of(mention):
        if not words or not words.strip():
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(words.strip())}(?!\w)", re.IGNORECASE)
        for m in pattern.finditer(sentence.text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(FieldSpan(field, m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)
