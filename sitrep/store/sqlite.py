"""SQLite store: one file, schema versioned by migrations recorded in PRAGMA user_version."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..geo.admin1 import iso_code
from ..model import EVENT_FIELDS, Article, Claim, Event, Evidence, Mention, Source
from .base import EventFilter, StoredArticle, StoredMention
from .codec import link_from_row, link_to_row, mention_from_json, mention_to_json
from .migrations import MIGRATIONS

_EVENT_COLUMNS = (*EVENT_FIELDS, "warnings", "extractor_version", "article_id")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class SQLiteStore:
    def __init__(self, path: Path | str = ":memory:") -> None:
        try:
            self.db = sqlite3.connect(str(path))
        except sqlite3.Error as e:
            raise StoreError(f"cannot open SQLite database {path}: {e}") from e
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.migrate()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"database schema {version} is newer than this sitrep ({len(MIGRATIONS)}): upgrade sitrep"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db:
                self.db.executescript(script)
                self.db.execute(f"PRAGMA user_version = {number}")

    # articles
    def has_content(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def add_article(self, article: Article, signature: bytes, canonical_id: str | None) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, title, text, published, outlet, url, source,"
                " dateline, canonical_id, signature, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    article.content_hash,
                    article.title,
                    article.text,
                    _iso(article.published),
                    article.outlet,
                    article.url,
                    article.source,
                    article.dateline,
                    canonical_id,
                    signature,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )

    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def signatures(self) -> Iterator[tuple[str, bytes, date | None]]:
        sql = "SELECT id, signature, published FROM articles WHERE canonical_id IS NULL ORDER BY id"
        for row in self.db.execute(sql):
            yield str(row[0]), bytes(row[1]), _day(row[2])

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            title=row["title"],
            text=row["text"],
            published=_day(row["published"]),
            outlet=row["outlet"],
            url=row["url"],
            source=row["source"],
            content_hash=row["content_hash"],
            dateline=row["dateline"],
        )

    def articles(self) -> list[StoredArticle]:
        rows = self.db.execute("SELECT * FROM articles ORDER BY published, id").fetchall()
        return [StoredArticle(self._article(r), r["canonical_id"]) for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    # reports, events and claims
    def add_source(self, canonical_id: str, article: Article) -> None:
        """A syndicated copy becomes one more source of every event its canonical article reported."""
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO event_sources (event_id, article_id) SELECT DISTINCT event_id, ?"
                " FROM mentions WHERE article_id = ?",
                (article.id, canonical_id),
            )

    def put_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        with self.db:
            self.db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self.db.executemany(
                "INSERT INTO claims (article_id, idx, kind, text, numbers, period, start, end, extractor_version)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (
                        c.article_id,
                        c.index,
                        c.kind,
                        c.text,
                        json.dumps(list(c.numbers)),
                        c.period,
                        c.evidence.start,
                        c.evidence.end,
                        c.extractor_version,
                    )
                    for c in claims
                ],
            )

    def put_mentions(self, mentions: Sequence[Mention], event_of: Mapping[tuple[str, int], str]) -> None:
        """Store new reports, and move reports whose event merged into another (`event_of`)."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO mentions (article_id, idx, event_id, event_date, payload) VALUES (?,?,?,?,?)",
                [
                    (
                        m.article_id,
                        m.index,
                        event_of[(m.article_id, m.index)],
                        _iso(m.event_date),
                        mention_to_json(m),
                    )
                    for m in mentions
                ],
            )
            self.db.executemany(
                "UPDATE mentions SET event_id = ? WHERE article_id = ? AND idx = ?",
                [(ev, a, i) for (a, i), ev in event_of.items()],
            )

    def stored_mentions(self, since: date, until: date) -> list[StoredMention]:
        """Every report of every event that has a report dated between `since` and `until`."""
        rows = self.db.execute(
            "SELECT m.*, a.published, l.other_article_id, l.other_idx, l.score, l.reasons FROM mentions m"
            " JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN event_links l ON l.event_id = m.event_id AND l.article_id = m.article_id AND l.idx = m.idx"
            " WHERE m.event_id IN (SELECT event_id FROM mentions WHERE event_date BETWEEN ? AND ?)"
            " ORDER BY m.event_id, a.published, m.article_id, m.idx",
            (since.isoformat(), until.isoformat()),
        ).fetchall()
        # Each report's sources: its article and that article's syndicated copies, in one query.
        sources: dict[str, list[Source]] = {}
        for s in self.db.execute(
            "SELECT id, outlet, url, published, COALESCE(canonical_id, id) AS origin FROM articles"
            " WHERE COALESCE(canonical_id, id) IN (SELECT article_id FROM mentions WHERE event_id IN"
            " (SELECT event_id FROM mentions WHERE event_date BETWEEN ? AND ?))"
            " ORDER BY origin, canonical_id IS NOT NULL, id",
            (since.isoformat(), until.isoformat()),
        ):
            sources.setdefault(s["origin"], []).append(
                Source(s["id"], s["outlet"], s["url"], _day(s["published"]))
            )
        return [
            StoredMention(
                mention_from_json(r["payload"]),
                r["event_id"],
                link_from_row(r) if r["reasons"] is not None else None,
                _day(r["published"]),
                tuple(sources.get(r["article_id"], ())),
            )
            for r in rows
        ]

    def replace_events(self, events: Sequence[Event], replaced: Mapping[str, str]) -> None:
        """Write new and changed events; drop those merged into another (`replaced`: old id -> new id)."""
        with self.db:
            for old in replaced:
                self.db.execute("DELETE FROM events WHERE event_id = ?", (old,))
            for ev in events:
                self.db.execute("DELETE FROM events WHERE event_id = ?", (ev.event_id,))
                values: dict[str, Any] = {c: getattr(ev, c, None) for c in _EVENT_COLUMNS}
                values.update(
                    event_date=_iso(ev.event_date),
                    warnings=json.dumps(list(ev.warnings)),
                    article_id=ev.sources[0].article_id if ev.sources else ev.evidence[0].article_id,
                )
                self.db.execute(
                    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(values))})",
                    [values[c] for c in _EVENT_COLUMNS],
                )
                self.db.executemany(
                    "INSERT OR IGNORE INTO event_sources (event_id, article_id) VALUES (?, ?)",
                    [(ev.event_id, s.article_id) for s in ev.sources],
                )
                self.db.executemany(
                    "INSERT INTO evidence (event_id, article_id, start, end, text) VALUES (?,?,?,?,?)",
                    [(ev.event_id, e.article_id, e.start, e.end, e.text) for e in ev.evidence],
                )
                self.db.executemany(
                    "INSERT INTO event_links (event_id, article_id, idx, other_article_id, other_idx, score, reasons)"
                    " VALUES (?,?,?,?,?,?,?)",
                    [link_to_row(ev.event_id, link) for link in ev.links],
                )

    def event(self, event_id: str) -> Event | None:
        row = self.db.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return self._event(row) if row else None

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        flt = flt or EventFilter()
        where, args = [], []
        if flt.since:
            where.append("event_date >= ?")
            args.append(flt.since.isoformat())
        if flt.until:
            where.append("event_date <= ?")
            args.append(flt.until.isoformat())
        if flt.admin1:
            where.append("(lower(admin1) = lower(?) OR admin1_code = ?)")
            args += [flt.admin1, iso_code(flt.admin1) or flt.admin1]
        if flt.event_type:
            where.append("lower(event_type) = lower(?)")
            args.append(flt.event_type)
        sql = "SELECT * FROM events" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY event_date, event_id" + (f" LIMIT {int(flt.limit)}" if flt.limit else "")
        return [self._event(r) for r in self.db.execute(sql, args).fetchall()]

    def _event(self, r: sqlite3.Row) -> Event:
        sources = tuple(
            Source(s["id"], s["outlet"], s["url"], _day(s["published"]))
            for s in self.db.execute(
                "SELECT a.id, a.outlet, a.url, a.published FROM event_sources es JOIN articles a ON a.id = es.article_id"
                " WHERE es.event_id = ? ORDER BY a.canonical_id IS NOT NULL, a.id",
                (r["event_id"],),
            )
        )
        evidence = tuple(
            Evidence(e["article_id"], e["start"], e["end"], e["text"])
            for e in self.db.execute(
                "SELECT * FROM evidence WHERE event_id = ? ORDER BY start", (r["event_id"],)
            )
        )
        links = tuple(
            link_from_row(x)
            for x in self.db.execute(
                "SELECT * FROM event_links WHERE event_id = ? ORDER BY rowid", (r["event_id"],)
            )
        )
        kw = {c: r[c] for c in _EVENT_COLUMNS if c not in ("article_id", "warnings", "event_date")}
        return Event(
            **kw,
            event_date=_day(r["event_date"]),
            warnings=tuple(json.loads(r["warnings"])),
            sources=sources,
            evidence=evidence,
            links=links,
        )

    def claims(self) -> list[Claim]:
        return [
            Claim(
                r["article_id"],
                r["idx"],
                r["kind"],
                r["text"],
                tuple(json.loads(r["numbers"])),
                r["period"],
                Evidence(r["article_id"], r["start"], r["end"], r["text"]),
                r["extractor_version"],
            )
            for r in self.db.execute("SELECT * FROM claims ORDER BY article_id, idx")
        ]

    def close(self) -> None:
        self.db.close()
