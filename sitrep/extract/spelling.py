"""Misspellings common in news headlines, read as the words they mean: "convoy targetted", "millitary
convoy", "attaked". The text is read with them put right; evidence keeps the words as written."""

from __future__ import annotations

import re

# Each: a misspelling (a doubled or dropped letter in a word of violence) -> the word meant.
_MISSPELT: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(target)t(ed|ing)\b", re.I), r"\1\2"),  # targetted, targetting
    (re.compile(r"\b(mil)l(itary|itias?|itants?)\b", re.I), r"\1\2"),  # millitary, millitia
    (re.compile(r"\b(at)(?:ac|ta)(ked|k|ks|king)\b", re.I), r"\1tac\2"),  # attaked, atacked
    (re.compile(r"\b(ki)(led)\b", re.I), r"\1l\2"),  # kiled
)


def standard_spelling(text: str) -> str:
    """`text` with the misspellings of `_MISSPELT` put right (its length may change)."""
    for pattern, meant in _MISSPELT:
        text = pattern.sub(meant, text)
    return text
