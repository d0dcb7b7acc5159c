"""SQLite store: one file, schema versioned by migrations recorded in PRAGMA user_version.

Writes happen in explicit transactions (`transaction()`): a unit of work — an article and everything
derived from it — is committed whole or not at all. SQLite's own errors become `StoreError`s that say
what happened to which file; errors caused by one record's data pass through for the caller to set
that record aside.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..dedup import bands as signature_bands
from ..errors import StoreError
from ..model import EVENT_FIELDS, EXTRACTED, Article, Claim, Event, Evidence, Link, Mention, Problem, Source
from .base import (
    DatasetCount,
    DatasetWrite,
    EventFilter,
    StoredArticle,
    StoredFailure,
    StoredMention,
    StoreStatus,
)
from .codec import link_from_row, link_to_row, mention_from_json, mention_to_json
from .migrations import MIGRATIONS
from .sqlite_corrections import CorrectionsMixin
from .sqlite_errors import _mapped, store_error
from .sqlite_search import SearchMixin, event_where

_EVENT_COLUMNS = (*EVENT_FIELDS, "warnings", "extractor_version", "article_id")
_DATASET_COLUMNS = (*EVENT_FIELDS, "dataset", "warnings", "extractor_version")
LOCK_TIMEOUT = 30.0  # seconds a write waits for another process's lock before giving up


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _statements(script: str) -> Iterator[str]:
    """A migration script's statements, one at a time (executescript would commit on its own)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dataset_event(r: sqlite3.Row) -> Event:
    """An imported event: its dataset's fields, no articles, evidence or links."""
    kw = {c: r[c] for c in _DATASET_COLUMNS if c not in ("warnings", "event_date")}
    return Event(
        **kw,
        event_date=_day(r["event_date"]),
        warnings=tuple(json.loads(r["warnings"])),
        sources=(),
        evidence=(),
    )


class SQLiteStore(SearchMixin, CorrectionsMixin):
    def __init__(
        self,
        path: Path | str = ":memory:",
        create: bool = True,
        timeout: float = LOCK_TIMEOUT,
        any_thread: bool = False,  # used by one thread at a time, not always the one that opened it
    ) -> None:
        self.path = str(path)
        self.timeout = timeout
        memory = self.path == ":memory:"
        if not create and not memory and not Path(path).is_file():
            raise StoreError(f"no sitrep database at {path}: `sitrep run` creates one (or pass --db FILE)")
        try:
            if create or memory:
                self.db = sqlite3.connect(
                    self.path, timeout=timeout, isolation_level=None, check_same_thread=not any_thread
                )
            else:
                mode = "rw" if _writable(Path(path)) else "ro"
                uri = f"{Path(path).resolve().as_uri()}?mode={mode}"
                self.db = sqlite3.connect(
                    uri, timeout=timeout, isolation_level=None, uri=True, check_same_thread=not any_thread
                )
        except sqlite3.Error as e:
            raise store_error(e, self.path, timeout) from e
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.Error as e:
            self.db.close()
            raise store_error(e, self.path, timeout) from e
        except StoreError:
            self.db.close()
            raise

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
            with self.transaction():
                if self.schema_version >= number:
                    continue  # another process opening the same file migrated it while this one waited
                for statement in _statements(script):
                    self.db.execute(statement)
                if number == 3:
                    self._backfill_bands()
                self.db.execute(f"PRAGMA user_version = {number}")

    def _backfill_bands(self) -> None:
        rows = self.db.execute("SELECT id, signature FROM articles WHERE canonical_id IS NULL").fetchall()
        self.db.executemany(
            "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)",
            [(b, r["id"]) for r in rows for b in signature_bands(bytes(r["signature"]))],
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work: committed whole when the block ends, rolled back whole if it raises.

        Takes the write lock at the start (BEGIN IMMEDIATE), so what the block reads is what it
        writes over, even with other processes writing to the same file. Nested blocks join the
        outer one.
        """
        if self.db.in_transaction:
            yield
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise store_error(e, self.path, self.timeout) from e
        try:
            yield
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise store_error(e, self.path, self.timeout) from e

    # articles
    @_mapped
    def has_content(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    @_mapped
    def add_article(
        self, article: Article, signature: bytes, canonical_id: str | None, status: str = "done"
    ) -> None:
        """Store an article (a syndicated copy names its `canonical_id`); its LSH bands are indexed."""
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO articles (id, content_hash, title, text, published, outlet, url, source,"
                " dateline, canonical_id, signature, ingested_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    _now(),
                    status,
                ),
            )
            if canonical_id is None:
                self.db.executemany(
                    "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)",
                    [(b, article.id) for b in signature_bands(signature)],
                )
            if article.source:
                self.db.execute("DELETE FROM failures WHERE record = ?", (article.source,))

    @_mapped
    def content_hash_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    @_mapped
    def copy_candidates(self, bands: Sequence[bytes]) -> list[tuple[str, date | None]]:
        """Canonical articles sharing an LSH band with a signature: (id, publication date)."""
        if not bands:
            return []
        rows = self.db.execute(
            "SELECT DISTINCT a.id, a.published FROM article_bands b JOIN articles a ON a.id = b.article_id"
            f" WHERE b.band IN ({','.join('?' * len(bands))}) AND a.canonical_id IS NULL",
            list(bands),
        ).fetchall()
        return [(str(r[0]), _day(r[1])) for r in rows]

    @_mapped
    def set_status(self, article_id: str, status: str) -> None:
        with self.transaction():
            self.db.execute("UPDATE articles SET status = ? WHERE id = ?", (status, article_id))

    @_mapped
    def add_failure(self, problem: Problem, article_id: str | None = None) -> None:
        """Keep a record that could not be read, extracted, linked or stored, with the reason."""
        now = _now()
        with self.transaction():
            self.db.execute(
                "INSERT INTO failures (record, stage, reason, article_id, first_seen, last_seen)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT (record, stage, reason) DO UPDATE SET last_seen = excluded.last_seen",
                (problem.where, problem.stage, problem.reason, article_id, now, now),
            )

    @_mapped
    def unfinished(self, include_failed: bool = False) -> Iterator[Article]:
        """Articles stored without their results (pending; and failed ones, to retry them), by id."""
        statuses = ("pending", "failed") if include_failed else ("pending",)
        last = ""
        while True:
            rows = self.db.execute(
                f"SELECT * FROM articles WHERE status IN ({','.join('?' * len(statuses))}) AND id > ?"
                " ORDER BY id LIMIT 100",
                (*statuses, last),
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1]["id"]

    @_mapped
    def status(self, failures: int = 50) -> StoreStatus:
        """How many articles are done, pending and failed; events, claims; the latest failures."""
        by_status = dict(self.db.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
        latest = [
            StoredFailure(r["record"], r["stage"], r["reason"], r["article_id"], r["last_seen"])
            for r in self.db.execute(
                "SELECT * FROM failures ORDER BY last_seen DESC, record LIMIT ?", (failures,)
            )
        ]
        return StoreStatus(
            articles_done=int(by_status.get("done", 0)),
            articles_pending=int(by_status.get("pending", 0)),
            articles_failed=int(by_status.get("failed", 0)),
            copies=int(
                self.db.execute("SELECT count(*) FROM articles WHERE canonical_id IS NOT NULL").fetchone()[0]
            ),
            events=int(self.db.execute("SELECT count(*) FROM events").fetchone()[0]),
            claims=int(self.db.execute("SELECT count(*) FROM claims").fetchone()[0]),
            failures=int(self.db.execute("SELECT count(*) FROM failures").fetchone()[0]),
            latest_failures=tuple(latest),
            datasets=tuple(self.datasets()),
        )

    @_mapped
    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

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

    @_mapped
    def articles(self) -> list[StoredArticle]:
        rows = self.db.execute("SELECT * FROM articles ORDER BY published, id").fetchall()
        return [StoredArticle(self._article(r), r["canonical_id"]) for r in rows]

    @_mapped
    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    # reports, events and claims
    @_mapped
    def add_source(self, canonical_id: str, article: Article) -> None:
        """A syndicated copy becomes one more source of every event its canonical article reported."""
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO event_sources (event_id, article_id) SELECT DISTINCT event_id, ?"
                " FROM mentions WHERE article_id = ?",
                (article.id, canonical_id),
            )

    @_mapped
    def put_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        with self.transaction():
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

    @_mapped
    def put_mentions(self, mentions: Sequence[Mention], event_of: Mapping[tuple[str, int], str]) -> None:
        """Store new reports, and move reports whose event merged into another (`event_of`)."""
        with self.transaction():
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

    @_mapped
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

    @_mapped
    def replace_events(self, events: Sequence[Event], replaced: Mapping[str, str]) -> None:
        """Write new and changed events; drop those merged into another (`replaced`: old id -> new id)."""
        with self.transaction():
            for old, new in replaced.items():
                self.db.execute("DELETE FROM events WHERE event_id = ?", (old,))
                self.db.execute("UPDATE corrections SET event_id = ? WHERE event_id = ?", (new, old))
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
                self.reapply_corrections(ev.event_id)

    @_mapped
    def event(self, event_id: str) -> Event | None:
        row = self.db.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return self._event(row) if row else None

    @_mapped
    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Extracted events (`flt.dataset` "sitrep", the default) or one imported dataset's, oldest first."""
        flt = flt or EventFilter()
        extracted = flt.dataset == EXTRACTED
        where, args = event_where(flt)
        table = "events" if extracted else "dataset_events"
        sql = f"SELECT * FROM {table}" + (f" WHERE {' AND '.join(where)}" if where else "")
        if flt.latest:
            sql = f"SELECT * FROM ({sql} ORDER BY event_date DESC, event_id DESC LIMIT {int(flt.latest)})"
        sql += " ORDER BY event_date, event_id" + (f" LIMIT {int(flt.limit)}" if flt.limit else "")
        rows = self.db.execute(sql, args).fetchall()
        return self._events(rows) if extracted else [_dataset_event(r) for r in rows]

    @_mapped
    def put_dataset_events(self, events: Sequence[Event]) -> DatasetWrite:
        """Store events of a coded dataset, keyed by their event_id: new ones are added, changed ones
        replaced, and ones stored exactly as they are left alone (so importing a file again changes nothing)."""
        added = changed = unchanged = 0
        with self.transaction():
            for ev in events:
                if ev.dataset == EXTRACTED:
                    raise ValueError(f"{ev.event_id} is an extracted event, not one of a coded dataset")
                values: dict[str, Any] = {c: getattr(ev, c) for c in _DATASET_COLUMNS}
                values.update(event_date=_iso(ev.event_date), warnings=json.dumps(list(ev.warnings)))
                row_hash = hashlib.sha1(
                    json.dumps([values[c] for c in _DATASET_COLUMNS], ensure_ascii=False).encode()
                ).hexdigest()
                old = self.db.execute(
                    "SELECT row_hash FROM dataset_events WHERE event_id = ?", (ev.event_id,)
                ).fetchone()
                if old is not None and old[0] == row_hash:
                    unchanged += 1
                    continue
                if old is None:
                    added += 1
                else:
                    changed += 1
                columns = (*_DATASET_COLUMNS, "row_hash", "imported_at")
                self.db.execute(
                    f"INSERT OR REPLACE INTO dataset_events ({', '.join(columns)})"
                    f" VALUES ({', '.join('?' * len(columns))})",
                    [*(values[c] for c in _DATASET_COLUMNS), row_hash, _now()],
                )
        return DatasetWrite(added, changed, unchanged)

    @_mapped
    def datasets(self) -> list[DatasetCount]:
        rows = self.db.execute(
            "SELECT dataset, count(*), min(event_date), max(event_date) FROM dataset_events"
            " GROUP BY dataset ORDER BY dataset"
        ).fetchall()
        return [DatasetCount(str(r[0]), int(r[1]), _day(r[2]), _day(r[3])) for r in rows]

    def _event(self, r: sqlite3.Row) -> Event:
        return self._events([r])[0]

    def _events(self, rows: Sequence[sqlite3.Row]) -> list[Event]:
        """Events with their sources, sentences and links: three queries per 500 events, not per event."""
        sources: dict[str, list[Source]] = {}
        evidence: dict[str, list[Evidence]] = {}
        links: dict[str, list[Link]] = {}
        for lo in range(0, len(rows), 500):
            ids = [r["event_id"] for r in rows[lo : lo + 500]]
            marks = ",".join("?" * len(ids))
            for s in self.db.execute(
                "SELECT es.event_id, a.id, a.outlet, a.url, a.published FROM event_sources es"
                f" JOIN articles a ON a.id = es.article_id WHERE es.event_id IN ({marks})"
                " ORDER BY es.event_id, a.canonical_id IS NOT NULL, a.id",
                ids,
            ):
                sources.setdefault(s[0], []).append(
                    Source(s["id"], s["outlet"], s["url"], _day(s["published"]))
                )
            for e in self.db.execute(
                f"SELECT * FROM evidence WHERE event_id IN ({marks}) ORDER BY event_id, start, rowid", ids
            ):
                evidence.setdefault(e["event_id"], []).append(
                    Evidence(e["article_id"], e["start"], e["end"], e["text"])
                )
            for x in self.db.execute(
                f"SELECT * FROM event_links WHERE event_id IN ({marks}) ORDER BY rowid", ids
            ):
                links.setdefault(x["event_id"], []).append(link_from_row(x))
        return [
            Event(
                **{c: r[c] for c in _EVENT_COLUMNS if c not in ("article_id", "warnings", "event_date")},
                event_date=_day(r["event_date"]),
                warnings=tuple(json.loads(r["warnings"])),
                sources=tuple(sources.get(r["event_id"], ())),
                evidence=tuple(evidence.get(r["event_id"], ())),
                links=tuple(links.get(r["event_id"], ())),
            )
            for r in rows
        ]

    @_mapped
    def claims(self, latest: int | None = None) -> list[Claim]:
        """Stored claims by article; with `latest`, only the N stored last."""
        sql = "SELECT * FROM claims"
        if latest:
            sql = f"SELECT * FROM (SELECT rowid AS r, * FROM claims ORDER BY rowid DESC LIMIT {int(latest)})"
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
            for r in self.db.execute(sql + " ORDER BY article_id, idx")
        ]

    def close(self) -> None:
        self.db.close()
