"""Analyst corrections in SQLite: kept in their own table, applied to the event, and applied again
whenever a run rewrites the event, so re-extraction never undoes them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date

from ..model import Source
from .base import Correction, StoredMention
from .codec import link_from_row, mention_from_json
from .sqlite_errors import _mapped

# The event columns an analyst may set; anything else is refused before it reaches SQL.
CORRECTABLE = (
    "event_date",
    "date_precision",
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


def _correction(r: sqlite3.Row) -> Correction:
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


class CorrectionsMixin:
    db: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _set(self, event_id: str, field: str | None, value: str | None) -> None:
        if field not in CORRECTABLE:
            raise ValueError(f"{field!r} is not a field an analyst can correct")
        self.db.execute(
            f"UPDATE events SET {field} = ? WHERE event_id = ?",
            (json.loads(value) if value is not None else None, event_id),
        )

    @_mapped
    def add_corrections(self, corrections: Sequence[Correction]) -> None:
        """Keep each correction and apply the field changes ("set") to their events, in one transaction."""
        with self.transaction():
            for c in corrections:
                if c.action == "set":
                    self._set(c.event_id, c.field, c.new)
                self.db.execute(
                    "INSERT INTO corrections (event_id, action, field, old_value, new_value, analyst, made_at, note)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (c.event_id, c.action, c.field, c.old, c.new, c.analyst, c.made_at, c.note),
                )

    def reapply_corrections(self, event_id: str) -> None:
        """Set the event's corrected fields again, oldest correction first (after a run rewrote it)."""
        for r in self.db.execute(
            "SELECT field, new_value FROM corrections WHERE event_id = ? AND action = 'set' ORDER BY id",
            (event_id,),
        ).fetchall():
            self._set(event_id, r["field"], r["new_value"])

    @_mapped
    def corrections(self, event_id: str) -> list[Correction]:
        """The event's history of corrections, oldest first."""
        rows = self.db.execute("SELECT * FROM corrections WHERE event_id = ? ORDER BY id", (event_id,))
        return [_correction(r) for r in rows]

    @_mapped
    def merge_events(self, keep: str, gone: str, correction: Correction) -> None:
        """Move every report, source, sentence and link of event `gone` into `keep`, then drop `gone`."""
        with self.transaction():
            self.db.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", (keep, gone))
            for table, columns in (
                ("event_sources", "article_id"),
                ("evidence", "article_id, start, end, text"),
                ("event_links", "article_id, idx, other_article_id, other_idx, score, reasons"),
            ):
                self.db.execute(
                    f"INSERT OR IGNORE INTO {table} (event_id, {columns}) SELECT ?, {columns} FROM {table}"
                    " WHERE event_id = ?",
                    (keep, gone),
                )
            self.db.execute("DELETE FROM events WHERE event_id = ?", (gone,))
            self.add_corrections([correction])
            self.reapply_corrections(keep)

    @_mapped
    def event_mentions(self, event_id: str) -> list[StoredMention]:
        """The reports behind one event, earliest published first, each with its link and sources."""
        rows = self.db.execute(
            "SELECT m.*, a.published, l.other_article_id, l.other_idx, l.score, l.reasons FROM mentions m"
            " JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN event_links l ON l.event_id = m.event_id AND l.article_id = m.article_id AND l.idx = m.idx"
            " WHERE m.event_id = ? ORDER BY a.published, m.article_id, m.idx",
            (event_id,),
        ).fetchall()
        return [
            StoredMention(
                mention_from_json(r["payload"]),
                r["event_id"],
                link_from_row(r) if r["reasons"] is not None else None,
                date.fromisoformat(r["published"]) if r["published"] else None,
                tuple(self._sources_of(r["article_id"])),
            )
            for r in rows
        ]

    def _sources_of(self, article_id: str) -> Iterator[Source]:
        for s in self.db.execute(
            "SELECT id, outlet, url, published FROM articles WHERE id = ? OR canonical_id = ?"
            " ORDER BY canonical_id IS NOT NULL, id",
            (article_id, article_id),
        ):
            yield Source(
                s["id"], s["outlet"], s["url"], date.fromisoformat(s["published"]) if s["published"] else None
            )
