"""SQLite store: one file, schema versioned by migrations recorded in PRAGMA user_version.

Writes happen in explicit transactions (`transaction()`): a unit of work — an article and everything
derived from it — is committed whole or not at all. SQLite's own errors become `StoreError`s that say
what happened to which file; errors caused by one record's data pass through for the caller to set
that record aside.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..dedup import bands as signature_bands
from ..errors import StoreError
from .migrations import COUNTS_MIGRATION, MIGRATIONS
from .sql import LOCK_TIMEOUT, Row, SQLStore
from .sqlite_search import fts_match

__all__ = ["LOCK_TIMEOUT", "SQLiteStore", "store_error"]


def _with_floor(db: sqlite3.Connection) -> None:
    """SQLite has floor() only when built with its math functions (3.35 and later, with
    SQLITE_ENABLE_MATH_FUNCTIONS); the series by PRIO-GRID cell needs it, so Python's stands in."""
    try:
        db.execute("SELECT floor(0.5)")
    except sqlite3.OperationalError:
        db.create_function("floor", 1, math.floor, deterministic=True)


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


def store_error(e: sqlite3.Error, path: str, timeout: float) -> StoreError:
    """One sentence for what SQLite reported, naming the file and what to do."""
    msg = str(e).lower()
    kept = "what was committed before is kept; re-run to finish"
    if "locked" in msg or "busy" in msg:
        text = f"the database {path} is locked by another process (waited {timeout:g} s); {kept}"
    elif "full" in msg:
        text = f"the disk holding {path} is full; {kept} once there is space"
    elif "readonly" in msg or "read-only" in msg:
        text = f"cannot write to {path}: the database (or its folder) is read-only"
    elif "not a database" in msg or "malformed" in msg or "encrypted" in msg:
        text = f"{path} is not a sitrep database, or it is damaged ({e})"
    elif "unable to open" in msg:
        text = f"cannot open the database {path} (missing folder or no permission)"
    elif "i/o" in msg:
        text = f"disk I/O error on {path}; {kept}"
    else:
        text = f"database error on {path}: {e}"
    return StoreError(text)


def _record_error(e: Exception) -> bool:
    """Errors one record's data causes (a number too large, a constraint): not the database's fault."""
    return isinstance(
        e, sqlite3.IntegrityError | sqlite3.InterfaceError | sqlite3.DataError
    ) or not isinstance(e, sqlite3.Error)


class SQLiteStore(SQLStore):
    _ORDER = "rowid"

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
        _with_floor(self.db)
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
                if number == COUNTS_MIGRATION:
                    self._count_all()
                self.db.execute(f"PRAGMA user_version = {number}")

    def _backfill_bands(self) -> None:
        rows = self.db.execute("SELECT id, signature FROM articles WHERE canonical_id IS NULL").fetchall()
        self.db.executemany(
            "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?, ?)",
            [(b, r["id"]) for r in rows for b in signature_bands(bytes(r["signature"]))],
        )

    def _run(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        return self.db.execute(sql, args).fetchall()

    def _run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)

    def _run_tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.db.cursor()
        cur.row_factory = None
        rows: list[tuple[Any, ...]] = cur.execute(sql, args).fetchall()
        return rows

    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        return fts_match(words)

    def _database_error(self, e: Exception) -> StoreError | None:
        if isinstance(e, sqlite3.Error) and not _record_error(e):
            return store_error(e, self.path, self.timeout)
        return None

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

    def close(self) -> None:
        self.db.close()
