"""PostgreSQL store: one server shared by a team's analysts and ingest workers.

The same SQL as SQLite (`sql.py`); what differs is here: the connection (psycopg 3, autocommit
outside explicit transactions), placeholders, migrations (`postgres_migrations.py`, the version kept
in `sitrep_schema`), and errors. A unit of work takes a transaction-level advisory lock that every
sitrep writer shares, as SQLite's `BEGIN IMMEDIATE` takes the file's write lock: units from several
processes are stored one after another, so what a unit reads to link against is what it writes over.
Readers never wait for it. The server's errors about the database become `StoreError`s naming the
server without its password; errors one record's data causes (a number out of range, a NUL character,
which PostgreSQL's text cannot hold) pass through for the caller to set that record aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row, tuple_row

from ..errors import StoreError
from .postgres_migrations import COUNTS_MIGRATION, POSTGRES_MIGRATIONS
from .sql import LOCK_TIMEOUT, Row, SQLStore

WRITE_LOCK = 0x5157_5245  # the advisory lock key every sitrep writer takes for a unit of work
CONNECT_TIMEOUT = 10  # seconds, unless the URL sets connect_timeout
_KEPT = "what was committed before is kept; re-run to finish"


def redacted(url: str) -> str:
    """The URL with any password replaced by ***, fit to print."""
    url = re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


def server_name(url: str) -> str:
    """'database D on HOST:PORT as USER', from the URL (the password left out)."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.Error:
        return redacted(url)
    host = params.get("host") or "localhost"
    port = params.get("port") or "5432"
    user = f" as {params['user']}" if params.get("user") else ""
    return f"database {params.get('dbname') or '(default)'} on {host}:{port}{user}"


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s`."""
    return sql.replace("%", "%%").replace("?", "%s")


def tsquery(words: Sequence[str]) -> str:
    """Words as a tsquery: a phrase (`<->`), the last word a prefix; each word quoted as a lexeme."""
    quoted = ["'" + w.replace("'", "''").replace("\\", "\\\\") + "'" for w in words]
    return " <-> ".join(quoted) + ":*"


def _first_line(e: BaseException, password: str | None) -> str:
    text = (str(e).strip().splitlines() or [type(e).__name__])[0]
    return text.replace(password, "***") if password else text


class PostgresStore(SQLStore):
    _ORDER = "seq"

    def __init__(self, url: str, create: bool = True, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = redacted(url)
        self.server = server_name(url)
        self.timeout = timeout
        try:
            params = conninfo_to_dict(url)
        except psycopg.Error as e:
            raise StoreError(
                f"{self.path} is not a PostgreSQL URL ({_first_line(e, None)}): give postgresql://USER@HOST:PORT/DATABASE"
            ) from e
        password = params.get("password")
        self._password = str(password) if password else None
        extra: dict[str, Any] = {} if "connect_timeout" in params else {"connect_timeout": CONNECT_TIMEOUT}
        try:
            self.db = psycopg.connect(
                url, autocommit=True, row_factory=dict_row, application_name="sitrep", **extra
            )
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to the PostgreSQL {self.server}: {_first_line(e, self._password)}"
                " (is the server running, and the URL right?)"
            ) from e
        try:
            self.db.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            self._open(create)
        except BaseException as e:
            self.db.close()
            if isinstance(e, psycopg.Error):
                raise self._error(e) from e
            raise

    def _open(self, create: bool) -> None:
        exists = self._one("SELECT to_regclass('sitrep_schema') IS NOT NULL AS found")
        if not (exists and exists["found"]):
            if not create:
                raise StoreError(
                    f"no sitrep tables in the PostgreSQL {self.server}: `sitrep run --db URL` creates them"
                )
            with self.transaction():
                self._run("CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER NOT NULL)")
                self._run("INSERT INTO sitrep_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM sitrep_schema)")
        self.migrate()

    @property
    def schema_version(self) -> int:
        row = self._one("SELECT version FROM sitrep_schema")
        return int(row["version"]) if row else 0

    def migrate(self) -> None:
        version = self.schema_version
        if version > len(POSTGRES_MIGRATIONS):
            raise StoreError(
                f"the PostgreSQL {self.server} holds schema {version}, newer than this sitrep"
                f" ({len(POSTGRES_MIGRATIONS)}): upgrade sitrep"
            )
        for number, script in enumerate(POSTGRES_MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                if self.schema_version >= number:
                    continue  # another process migrated it while this one waited for the lock
                self._run(script)
                if number == COUNTS_MIGRATION:
                    self._count_all()
                self._run("UPDATE sitrep_schema SET version = ?", (number,))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work: committed whole when the block ends, rolled back whole if it raises.
        Takes sitrep's write lock first; nested blocks join the outer one."""
        if self.db.info.transaction_status != TransactionStatus.IDLE:
            yield
            return
        try:
            self.db.execute("BEGIN")
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except psycopg.Error as e:
            self._rollback()
            raise self._error(e) from e
        try:
            yield
        except BaseException:
            self._rollback()
            raise
        try:
            self.db.execute("COMMIT")
        except psycopg.Error as e:
            self._rollback()
            raise self._error(e) from e

    def _rollback(self) -> None:
        if self.db.info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
            try:
                self.db.execute("ROLLBACK")
            except psycopg.Error:
                self.db.close()  # the server rolls back what a closed connection left open

    def _run(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        # Without arguments a statement goes as it is (a migration script holds several).
        cur = self.db.execute(_placeholders(sql), args) if args else self.db.execute(sql)
        return list(cur.fetchall()) if cur.description else []

    def _run_tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.db.cursor(row_factory=tuple_row) as cur:
            cur.execute(_placeholders(sql), args)
            return cur.fetchall()

    def _run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = list(rows)
        if batch:
            with self.db.cursor() as cur:
                cur.executemany(_placeholders(sql), batch)

    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """PostgreSQL's own full text search (the GIN indexes of migration 5): the words as a phrase,
        the last a prefix, in the 'simple' configuration (no stemming, as SQLite's FTS5)."""
        query = tsquery(words)
        return (
            "(event_id IN (SELECT event_id FROM evidence"
            " WHERE to_tsvector('simple', text) @@ to_tsquery('simple', CAST(? AS TEXT)))"
            " OR to_tsvector('simple', COALESCE(location, '')) @@ to_tsquery('simple', CAST(? AS TEXT)))",
            [query, query],
        )

    def _database_error(self, e: Exception) -> StoreError | None:
        if not isinstance(e, psycopg.Error) or isinstance(e, psycopg.IntegrityError | psycopg.DataError):
            return None
        return self._error(e)

    def _error(self, e: psycopg.Error) -> StoreError:
        """One sentence for what the server reported, naming it (never its password) and what to do."""
        reason = _first_line(e, self._password)
        if isinstance(e, pg_errors.LockNotAvailable):
            text = f"the PostgreSQL {self.server} is locked by another writer (waited {self.timeout:g} s); {_KEPT}"
        elif isinstance(e, pg_errors.DiskFull):
            text = f"the disk of the PostgreSQL {self.server} is full; {_KEPT} once there is space"
        elif isinstance(e, pg_errors.InsufficientPrivilege | pg_errors.ReadOnlySqlTransaction):
            text = f"cannot write to the PostgreSQL {self.server}: {reason}"
        elif isinstance(e, psycopg.OperationalError):
            text = f"lost the connection to the PostgreSQL {self.server} ({reason}); {_KEPT}"
        else:
            text = f"database error on the PostgreSQL {self.server}: {reason}"
        return StoreError(text)

    def close(self) -> None:
        self.db.close()
