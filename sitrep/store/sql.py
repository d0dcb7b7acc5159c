"""The `Store` methods both SQL backends share: the same SQL, written once.

Statements use `?` placeholders and SQL that SQLite and PostgreSQL read alike (`INSERT ... ON
CONFLICT`, `CAST(? AS TEXT)`, a quoted `"end"`). A backend (`sqlite.py`, `postgres.py`) supplies the
connection: how a statement runs (`_run`, `_run_many`), what a transaction is, the column that keeps
insertion order (`_ORDER`), and which of its driver's errors are the database's fault (`_database_error`,
turned into `StoreError`) rather than one record's (passed through for the caller to set it aside).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from functools import wraps
from typing import Any, ClassVar, Concatenate, ParamSpec, TypeVar

from ..dedup import bands as signature_bands
from ..errors import StoreError
from ..model import EVENT_FIELDS, EXTRACTED, Article, Claim, Event, Evidence, Mention, Problem, Source
from .base import (
    ArticleCount,
    Correction,
    CoverageBy,
    DatasetCount,
    DatasetWrite,
    EventFilter,
    EventPoint,
    Period,
    SeriesBy,
    SeriesColumns,
    SeriesRow,
    StoredArticle,
    StoredFailure,
    StoredMention,
    StoreStatus,
)
from .codec import link_from_row, link_to_row, mention_from_json, mention_to_json
from .sql_corrections import INSERT_CORRECTION, MOVED, correction_of, correction_row, set_field
from .sql_counts import CountsKeeper
from .sql_coverage import article_count_of, article_counts_sql
from .sql_search import (
    EVENT_ORDER,
    LATEST_ORDER,
    POINT_COLUMNS,
    POINT_ORDER,
    event_where,
    point_of,
)

EVENT_COLUMNS = (*EVENT_FIELDS, "warnings", "extractor_version", "article_id")
DATASET_COLUMNS = (*EVENT_FIELDS, "dataset", "warnings", "extractor_version")
LOCK_TIMEOUT = 30.0  # seconds a write waits for another writer's lock before giving up
_CHUNK = 500  # ids per `IN (...)` list, below SQLite's and PostgreSQL's parameter limits

Row = Mapping[str, Any]
P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="SQLStore")


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def mapped(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Turn the driver's errors about the database itself into `StoreError`s; errors one record's
    data causes (a number too large, a constraint) pass through."""

    @wraps(method)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except StoreError:
            raise
        except Exception as e:
            error = self._database_error(e)
            if error is None:
                raise
            raise error from e

    return wrapper


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _dataset_event(r: Row) -> Event:
    """An imported event: its dataset's fields, no articles, evidence or links."""
    kw = {c: r[c] for c in DATASET_COLUMNS if c not in ("warnings", "event_date")}
    return Event(
        **kw,
        event_date=day(r["event_date"]),
        warnings=tuple(json.loads(r["warnings"])),
        sources=(),
        evidence=(),
    )


def _row_hash(values: Mapping[str, Any]) -> str:
    """What an imported row holds. A column added since (`time_of_day`, migration 6) counts only when
    set, so rows imported before it was added hash the same and importing them again changes nothing."""
    held = [values[c] for c in DATASET_COLUMNS if c != "time_of_day" or values[c] is not None]
    return hashlib.sha1(json.dumps(held, ensure_ascii=False).encode()).hexdigest()


def _article(row: Row) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        published=day(row["published"]),
        outlet=row["outlet"],
        url=row["url"],
        source=row["source"],
        content_hash=row["content_hash"],
        dateline=row["dateline"],
    )


def _stored_mentions(rows: Sequence[Row], sources: Mapping[str, Sequence[Source]]) -> list[StoredMention]:
    return [
        StoredMention(
            mention_from_json(r["payload"]),
            r["event_id"],
            link_from_row(r) if r["reasons"] is not None else None,
            day(r["published"]),
            tuple(sources.get(r["article_id"], ())),
        )
        for r in rows
    ]


class SQLStore(CountsKeeper):
    """Everything a SQL store does that does not depend on its dialect."""

    _ORDER: ClassVar[str]  # a column that grows with each row inserted (rowid; an identity column)

    def _run(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def _run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _database_error(self, e: Exception) -> StoreError | None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """The dialect's full-text match of extracted events (a WHERE term on `events` and its args):
        the words as one phrase, the last a prefix, in the evidence sentences or the location name."""
        raise NotImplementedError

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Row | None:
        rows = self._run(sql, args)
        return rows[0] if rows else None

    def _count(self, sql: str, args: Sequence[Any] = ()) -> int:
        row = self._one(sql, args)
        return int(row["n"]) if row else 0

    # articles
    @mapped
    def has_content(self, content_hash: str) -> bool:
        return (
            self._one("SELECT 1 AS found FROM articles WHERE content_hash = ?", (content_hash,)) is not None
        )

    @mapped
    def add_article(
        self, article: Article, signature: bytes, canonical_id: str | None, status: str = "done"
    ) -> None:
        """Store an article (a syndicated copy names its `canonical_id`); its LSH bands are indexed."""
        with self.transaction():
            self._run(
                "INSERT INTO articles (id, content_hash, title, text, published, outlet, url, source,"
                " dateline, canonical_id, signature, ingested_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT DO NOTHING",
                (
                    article.id,
                    article.content_hash,
                    article.title,
                    article.text,
                    iso(article.published),
                    article.outlet,
                    article.url,
                    article.source,
                    article.dateline,
                    canonical_id,
                    signature,
                    now(),
                    status,
                ),
            )
            if canonical_id is None:
                self._run_many(
                    "INSERT INTO article_bands (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(b, article.id) for b in signature_bands(signature)],
                )
            if article.source:
                self._run("DELETE FROM failures WHERE record = ?", (article.source,))

    @mapped
    def content_hash_of(self, article_id: str) -> str | None:
        row = self._one("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
        return str(row["content_hash"]) if row else None

    @mapped
    def copy_candidates(self, bands: Sequence[bytes]) -> list[tuple[str, date | None]]:
        """Canonical articles sharing an LSH band with a signature: (id, publication date)."""
        if not bands:
            return []
        rows = self._run(
            "SELECT DISTINCT a.id, a.published FROM article_bands b JOIN articles a ON a.id = b.article_id"
            f" WHERE b.band IN ({_marks(len(bands))}) AND a.canonical_id IS NULL",
            list(bands),
        )
        return [(str(r["id"]), day(r["published"])) for r in rows]

    @mapped
    def set_status(self, article_id: str, status: str) -> None:
        with self.transaction():
            self._run("UPDATE articles SET status = ? WHERE id = ?", (status, article_id))

    @mapped
    def add_failure(self, problem: Problem, article_id: str | None = None) -> None:
        """Keep a record that could not be read, extracted, linked or stored, with the reason."""
        at = now()
        with self.transaction():
            self._run(
                "INSERT INTO failures (record, stage, reason, article_id, first_seen, last_seen)"
                " VALUES (?,?,?,?,?,?) ON CONFLICT (record, stage, reason) DO UPDATE SET last_seen = excluded.last_seen",
                (problem.where, problem.stage, problem.reason, article_id, at, at),
            )

    @mapped
    def unfinished(self, include_failed: bool = False, include_skipped: bool = False) -> Iterator[Article]:
        """Articles stored without their results (pending; failed and skipped ones, to retry them), by id."""
        statuses = ("pending",) + ("failed",) * include_failed + ("skipped",) * include_skipped
        last = ""
        while True:
            rows = self._run(
                f"SELECT * FROM articles WHERE status IN ({_marks(len(statuses))}) AND id > ?"
                " ORDER BY id LIMIT 100",
                (*statuses, last),
            )
            if not rows:
                return
            for r in rows:
                yield _article(r)
            last = rows[-1]["id"]

    @mapped
    def status(self, failures: int = 50) -> StoreStatus:
        """How many articles are done, pending, failed and skipped; events, claims; the latest failures
        (articles the relevance filter skipped are counted apart and listed after the others)."""
        by_status = {
            r["status"]: int(r["n"])
            for r in self._run("SELECT status, count(*) AS n FROM articles GROUP BY status")
        }
        latest = [
            StoredFailure(r["record"], r["stage"], r["reason"], r["article_id"], r["last_seen"])
            for r in self._run(
                "SELECT * FROM failures ORDER BY stage = 'relevance', last_seen DESC, record LIMIT ?",
                (failures,),
            )
        ]
        return StoreStatus(
            articles_done=by_status.get("done", 0),
            articles_pending=by_status.get("pending", 0),
            articles_failed=by_status.get("failed", 0),
            articles_skipped=by_status.get("skipped", 0),
            copies=self._count("SELECT count(*) AS n FROM articles WHERE canonical_id IS NOT NULL"),
            events=self._count("SELECT count(*) AS n FROM events"),
            claims=self._count("SELECT count(*) AS n FROM claims"),
            failures=self._count("SELECT count(*) AS n FROM failures WHERE stage != 'relevance'"),
            latest_failures=tuple(latest),
            datasets=tuple(self.datasets()),
        )

    @mapped
    def article_text(self, article_id: str) -> str | None:
        row = self._one("SELECT text FROM articles WHERE id = ?", (article_id,))
        return str(row["text"]) if row else None

    @mapped
    def articles(self, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        """Stored articles by publication date; a page of them with `limit` and `offset`."""
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self._run("SELECT * FROM articles ORDER BY published, id" + page)
        return [StoredArticle(_article(r), r["canonical_id"]) for r in rows]

    @mapped
    def article_count(self) -> int:
        return self._count("SELECT count(*) AS n FROM articles")

    @mapped
    def get_article(self, article_id: str) -> Article | None:
        row = self._one("SELECT * FROM articles WHERE id = ?", (article_id,))
        return _article(row) if row else None

    # reports, events and claims
    @mapped
    def add_source(self, canonical_id: str, article: Article) -> None:
        """A syndicated copy becomes one more source of every event its canonical article reported."""
        with self.transaction():
            self._run(
                "INSERT INTO event_sources (event_id, article_id) SELECT DISTINCT event_id, CAST(? AS TEXT)"
                " FROM mentions WHERE article_id = ? ON CONFLICT DO NOTHING",
                (article.id, canonical_id),
            )

    @mapped
    def put_claims(self, article_id: str, claims: Sequence[Claim]) -> None:
        with self.transaction():
            self._run("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self._run_many(
                'INSERT INTO claims (article_id, idx, kind, text, numbers, period, start, "end", extractor_version)'
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

    @mapped
    def put_mentions(self, mentions: Sequence[Mention], event_of: Mapping[tuple[str, int], str]) -> None:
        """Store new reports, and move reports whose event merged into another (`event_of`)."""
        with self.transaction():
            self._run_many(
                "INSERT INTO mentions (article_id, idx, event_id, event_date, payload) VALUES (?,?,?,?,?)"
                " ON CONFLICT (article_id, idx) DO UPDATE SET event_id = excluded.event_id,"
                " event_date = excluded.event_date, payload = excluded.payload",
                [
                    (
                        m.article_id,
                        m.index,
                        event_of[(m.article_id, m.index)],
                        iso(m.event_date),
                        mention_to_json(m),
                    )
                    for m in mentions
                ],
            )
            self._run_many(
                "UPDATE mentions SET event_id = ? WHERE article_id = ? AND idx = ?",
                [(ev, a, i) for (a, i), ev in event_of.items()],
            )

    @mapped
    def stored_mentions(self, since: date, until: date) -> list[StoredMention]:
        """Every report of every event that has a report dated between `since` and `until`."""
        window = (since.isoformat(), until.isoformat())
        rows = self._run(
            "SELECT m.*, a.published, l.other_article_id, l.other_idx, l.score, l.reasons FROM mentions m"
            " JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN event_links l ON l.event_id = m.event_id AND l.article_id = m.article_id AND l.idx = m.idx"
            " WHERE m.event_id IN (SELECT event_id FROM mentions WHERE event_date BETWEEN ? AND ?)"
            " ORDER BY m.event_id, a.published, m.article_id, m.idx",
            window,
        )
        # Each report's sources: its article and that article's syndicated copies, in one query.
        sources: dict[str, list[Source]] = {}
        for s in self._run(
            "SELECT id, outlet, url, published, COALESCE(canonical_id, id) AS origin FROM articles"
            " WHERE COALESCE(canonical_id, id) IN (SELECT article_id FROM mentions WHERE event_id IN"
            " (SELECT event_id FROM mentions WHERE event_date BETWEEN ? AND ?))"
            " ORDER BY origin, canonical_id IS NOT NULL, id",
            window,
        ):
            sources.setdefault(s["origin"], []).append(
                Source(s["id"], s["outlet"], s["url"], day(s["published"]))
            )
        return _stored_mentions(rows, sources)

    @mapped
    def event_mentions(self, event_id: str) -> list[StoredMention]:
        """The reports behind one event, earliest published first, each with its link and sources."""
        rows = self._run(
            "SELECT m.*, a.published, l.other_article_id, l.other_idx, l.score, l.reasons FROM mentions m"
            " JOIN articles a ON a.id = m.article_id"
            " LEFT JOIN event_links l ON l.event_id = m.event_id AND l.article_id = m.article_id AND l.idx = m.idx"
            " WHERE m.event_id = ? ORDER BY a.published NULLS FIRST, m.article_id, m.idx",
            (event_id,),
        )
        sources: dict[str, list[Source]] = {}
        for s in self._run(
            "SELECT id, outlet, url, published, COALESCE(canonical_id, id) AS origin FROM articles"
            " WHERE COALESCE(canonical_id, id) IN (SELECT article_id FROM mentions WHERE event_id = ?)"
            " ORDER BY origin, canonical_id IS NOT NULL, id",
            (event_id,),
        ):
            sources.setdefault(s["origin"], []).append(
                Source(s["id"], s["outlet"], s["url"], day(s["published"]))
            )
        return _stored_mentions(rows, sources)

    @mapped
    def replace_events(self, events: Sequence[Event], replaced: Mapping[str, str]) -> None:
        """Write new and changed events; drop those merged into another (`replaced`: old id -> new id),
        their corrections moving to the event they merged into. Analysts' corrections of the events
        written are applied again, so a re-run never undoes them."""
        with self.transaction(), self._counting([*replaced, *(e.event_id for e in events)]):
            self._run_many(
                "DELETE FROM events WHERE event_id = ?",
                [(i,) for i in [*replaced, *(e.event_id for e in events)]],
            )
            self._run_many(
                "UPDATE corrections SET event_id = ? WHERE event_id = ?",
                [(new, old) for old, new in replaced.items()],
            )
            rows = []
            for ev in events:
                values: dict[str, Any] = {c: getattr(ev, c, None) for c in EVENT_COLUMNS}
                values.update(
                    event_date=iso(ev.event_date),
                    warnings=json.dumps(list(ev.warnings)),
                    article_id=ev.sources[0].article_id if ev.sources else ev.evidence[0].article_id,
                )
                rows.append([values[c] for c in EVENT_COLUMNS])
            self._run_many(
                f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({_marks(len(EVENT_COLUMNS))})", rows
            )
            self._run_many(
                "INSERT INTO event_sources (event_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(ev.event_id, s.article_id) for ev in events for s in ev.sources],
            )
            self._run_many(
                'INSERT INTO evidence (event_id, article_id, start, "end", text) VALUES (?,?,?,?,?)',
                [(ev.event_id, e.article_id, e.start, e.end, e.text) for ev in events for e in ev.evidence],
            )
            self._run_many(
                "INSERT INTO event_links (event_id, article_id, idx, other_article_id, other_idx, score, reasons)"
                " VALUES (?,?,?,?,?,?,?)",
                [link_to_row(ev.event_id, link) for ev in events for link in ev.links],
            )
            self._reapply_corrections([ev.event_id for ev in events])

    @mapped
    def event(self, event_id: str) -> Event | None:
        return next(
            iter(self._events(self._run("SELECT * FROM events WHERE event_id = ?", (event_id,)))), None
        )

    @mapped
    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """Extracted events (`flt.dataset` "sitrep", the default) or one imported dataset's, oldest first."""
        flt = flt or EventFilter()
        extracted = flt.dataset == EXTRACTED
        where, args = event_where(flt, self._text_match)
        table = "events" if extracted else "dataset_events"
        sql = f"SELECT * FROM {table}" + (f" WHERE {' AND '.join(where)}" if where else "")
        if flt.latest:
            sql = f"SELECT * FROM ({sql} ORDER BY {LATEST_ORDER} LIMIT {int(flt.latest)}) AS latest"
        sql += f" ORDER BY {EVENT_ORDER}" + (f" LIMIT {int(flt.limit)}" if flt.limit else "")
        rows = self._run(sql, args)
        return self._events(rows) if extracted else [_dataset_event(r) for r in rows]

    def _filtered(self, flt: EventFilter, extra: list[str]) -> tuple[str, list[Any]]:
        where, args = event_where(flt, self._text_match)
        where += extra
        table = "events" if flt.dataset == EXTRACTED else "dataset_events"
        return f"FROM {table}" + (f" WHERE {' AND '.join(where)}" if where else ""), args

    def event_series(self, flt: EventFilter, period: Period | None, by: SeriesBy) -> list[SeriesRow]:
        """Events and fatalities per period and group, by period then most events first; with no
        `period`, totals per group. An event whose date is coarser than the period is left out, as is
        one with no governorate when grouping by governorate."""
        return self.event_series_columns(flt, period, by).rows()

    @mapped
    def event_series_columns(self, flt: EventFilter, period: Period | None, by: SeriesBy) -> SeriesColumns:
        """`event_series` as columns (a long series without an object per row)."""
        # kept counts of whole weeks or months where they answer (`sql_counts`), else the events grouped
        # by day in SQL (the indexes' order, no date arithmetic per row), summed into periods in Python
        return self._series_columns(flt, period, by)

    @mapped
    def event_points(self, flt: EventFilter, limit: int) -> list[EventPoint]:
        """Up to `limit` located events for a map, the deadliest (then latest) first."""
        source, args = self._filtered(flt, ["latitude IS NOT NULL", "longitude IS NOT NULL"])
        rows = self._run(
            f"SELECT {POINT_COLUMNS} {source} ORDER BY {POINT_ORDER} LIMIT ?", [*args, int(limit)]
        )
        return [point_of(r) for r in rows]

    @mapped
    def article_counts(
        self, by: CoverageBy, since: date | None = None, until: date | None = None
    ) -> list[ArticleCount]:
        """Articles per publication day and outlet, or per day and governorate of their events."""
        return article_count_of(self._run(*article_counts_sql(by, since, until)))

    # analysts' corrections
    @mapped
    def add_corrections(self, corrections: Sequence[Correction]) -> None:
        """Keep each correction and apply the field changes ("set") to their events, in one transaction."""
        with self.transaction(), self._counting([c.event_id for c in corrections if c.action == "set"]):
            for c in corrections:
                if c.action == "set":
                    self._run(*set_field(c.event_id, c.field, c.new))
                self._run(INSERT_CORRECTION, correction_row(c))

    def _reapply_corrections(self, event_ids: Sequence[str]) -> None:
        """Set the events' corrected fields again, oldest correction first (after a run rewrote them)."""
        found = self._children(
            "SELECT event_id, field, new_value FROM corrections WHERE action = 'set'"
            " AND event_id IN ({marks}) ORDER BY event_id, id",
            list(dict.fromkeys(event_ids)),
        )
        for event_id, rows in found.items():
            for r in rows:
                self._run(*set_field(event_id, r["field"], r["new_value"]))

    @mapped
    def corrections(self, event_id: str) -> list[Correction]:
        """The event's history of corrections, oldest first."""
        return [
            correction_of(r)
            for r in self._run("SELECT * FROM corrections WHERE event_id = ? ORDER BY id", (event_id,))
        ]

    @mapped
    def merge_events(self, keep: str, gone: str, correction: Correction) -> None:
        """Move every report, source, sentence and link of event `gone` into `keep`, then drop `gone`."""
        with self.transaction(), self._counting([keep, gone]):
            self._run("UPDATE mentions SET event_id = ? WHERE event_id = ?", (keep, gone))
            for table, columns, ordered in MOVED:
                order = f" ORDER BY {self._ORDER}" if ordered else ""
                self._run(
                    f"INSERT INTO {table} (event_id, {columns}) SELECT CAST(? AS TEXT), {columns} FROM {table}"
                    f" WHERE event_id = ?{order} ON CONFLICT DO NOTHING",
                    (keep, gone),
                )
            self._run("DELETE FROM events WHERE event_id = ?", (gone,))
            self.add_corrections([correction])
            self._reapply_corrections([keep])

    def _children(self, sql: str, ids: Sequence[str]) -> dict[str, list[Row]]:
        """Rows of a table keyed by event, for many events in a few queries (`sql` ends in `IN`)."""
        out: dict[str, list[Row]] = {}
        for chunk in _chunks(ids):
            for r in self._run(sql.format(marks=_marks(len(chunk))), chunk):
                out.setdefault(r["event_id"], []).append(r)
        return out

    def _events(self, rows: Sequence[Row]) -> list[Event]:
        """Extracted events from their rows, with their sources, evidence and links."""
        ids = list(dict.fromkeys(r["event_id"] for r in rows))
        sources = self._children(
            "SELECT es.event_id, a.id, a.outlet, a.url, a.published FROM event_sources es"
            " JOIN articles a ON a.id = es.article_id WHERE es.event_id IN ({marks})"
            " ORDER BY es.event_id, a.canonical_id IS NOT NULL, a.id",
            ids,
        )
        evidence = self._children(
            'SELECT event_id, article_id, start, "end", text FROM evidence WHERE event_id IN ({marks})'
            f" ORDER BY event_id, start, {self._ORDER}",
            ids,
        )
        links = self._children(
            f"SELECT * FROM event_links WHERE event_id IN ({{marks}}) ORDER BY event_id, {self._ORDER}", ids
        )
        return [
            Event(
                **{c: r[c] for c in EVENT_COLUMNS if c not in ("article_id", "warnings", "event_date")},
                event_date=day(r["event_date"]),
                warnings=tuple(json.loads(r["warnings"])),
                sources=tuple(
                    Source(s["id"], s["outlet"], s["url"], day(s["published"]))
                    for s in sources.get(r["event_id"], ())
                ),
                evidence=tuple(
                    Evidence(e["article_id"], e["start"], e["end"], e["text"])
                    for e in evidence.get(r["event_id"], ())
                ),
                links=tuple(link_from_row(x) for x in links.get(r["event_id"], ())),
            )
            for r in rows
        ]

    @mapped
    def put_dataset_events(self, events: Sequence[Event]) -> DatasetWrite:
        """Store events of a coded dataset, keyed by their event_id: new ones are added, changed ones
        replaced, and ones stored exactly as they are left alone (so importing a file again changes nothing)."""
        added = changed = unchanged = 0
        columns = (*DATASET_COLUMNS, "row_hash", "imported_at")
        upsert = (
            f"INSERT INTO dataset_events ({', '.join(columns)}) VALUES ({_marks(len(columns))})"
            " ON CONFLICT (event_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "event_id")
        )
        with self.transaction():
            for ev in events:
                if ev.dataset == EXTRACTED:
                    raise ValueError(f"{ev.event_id} is an extracted event, not one of a coded dataset")
                values: dict[str, Any] = {c: getattr(ev, c) for c in DATASET_COLUMNS}
                values.update(event_date=iso(ev.event_date), warnings=json.dumps(list(ev.warnings)))
                row_hash = _row_hash(values)
                old = self._one("SELECT row_hash FROM dataset_events WHERE event_id = ?", (ev.event_id,))
                if old is not None and old["row_hash"] == row_hash:
                    unchanged += 1
                    continue
                if old is None:
                    added += 1
                else:
                    changed += 1
                self._run(upsert, [*(values[c] for c in DATASET_COLUMNS), row_hash, now()])
        return DatasetWrite(added, changed, unchanged)

    @mapped
    def datasets(self) -> list[DatasetCount]:
        rows = self._run(
            "SELECT dataset, count(*) AS n, min(event_date) AS first, max(event_date) AS last FROM dataset_events"
            " GROUP BY dataset ORDER BY dataset"
        )
        return [DatasetCount(str(r["dataset"]), int(r["n"]), day(r["first"]), day(r["last"])) for r in rows]

    @staticmethod
    def _claims_where(kind: str | None, article_id: str | None) -> tuple[str, tuple[str, ...]]:
        tests = [
            (col, value) for col, value in (("kind", kind), ("article_id", article_id)) if value is not None
        ]
        where = " WHERE " + " AND ".join(f"{col} = ?" for col, _ in tests) if tests else ""
        return where, tuple(value for _, value in tests)

    @mapped
    def claims(
        self,
        latest: int | None = None,
        kind: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Stored claims by article, of one kind or article if given; with `latest`, only the N stored
        last; with `limit`, the first N."""
        where, params = self._claims_where(kind, article_id)
        sql = "SELECT * FROM claims" + where
        if latest:
            sql = f"SELECT * FROM ({sql} ORDER BY {self._ORDER} DESC LIMIT {int(latest)}) AS latest"
        page = "" if limit is None else f" LIMIT {int(limit)}"
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
            for r in self._run(sql + " ORDER BY article_id, idx" + page, params)
        ]

    @mapped
    def claim_count(self, kind: str | None = None, article_id: str | None = None) -> int:
        where, params = self._claims_where(kind, article_id)
        return self._count("SELECT count(*) AS n FROM claims" + where, params)
