"""SQLite's free-text search: FTS5 tables of the evidence sentences and location names (made and kept
in step by triggers in migration 5), matched as one phrase whose last word is a prefix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def fts_query(words: Sequence[str]) -> str:
    """Words as an FTS5 query: one phrase, the last word a prefix ("army po" finds "army post")."""
    return '"' + " ".join(words) + '"*'


def fts_match(words: Sequence[str]) -> tuple[str, list[Any]]:
    """The WHERE term (on `events`) of events whose sentences or location hold the words."""
    query = fts_query(words)
    return (
        "(event_id IN (SELECT event_id FROM evidence WHERE rowid IN"
        " (SELECT rowid FROM evidence_words WHERE evidence_words MATCH ?))"
        " OR rowid IN (SELECT rowid FROM location_words WHERE location_words MATCH ?))",
        [query, query],
    )
