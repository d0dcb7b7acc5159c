"""Where a store is: a file path or sqlite:/// URL (SQLite), or a postgresql:// URL (PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import StoreError
from .base import Store
from .sqlite import LOCK_TIMEOUT, SQLiteStore

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
POSTGRES_SCHEMES = ("postgresql", "postgres")


def scheme_of(location: str | Path) -> str:
    """'postgresql' or 'sqlite' (a bare path is SQLite); any other URL scheme is refused."""
    if isinstance(location, Path):
        return "sqlite"
    match = _SCHEME.match(location)
    if not match:
        return "sqlite"
    scheme = match.group(1).lower()
    if scheme in POSTGRES_SCHEMES:
        return "postgresql"
    if scheme == "sqlite":
        return "sqlite"
    raise StoreError(
        f"unknown store {scheme}://: give a file path, sqlite:///FILE or postgresql://USER@HOST:PORT/DATABASE"
    )


def sqlite_path(location: str | Path) -> str:
    """The file a SQLite location names: sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory)."""
    text = str(location)
    if isinstance(location, Path) or not text.lower().startswith("sqlite://"):
        return text
    rest = text[len("sqlite://") :]
    if rest in ("", "/", "/:memory:"):
        return ":memory:"
    if not rest.startswith("/"):
        raise StoreError(f"{text} names no file: write sqlite:///relative.db or sqlite:////absolute/path.db")
    return rest[1:]


def printable(location: str | Path) -> str:
    """The location fit to print: a URL's password replaced by ***."""
    if scheme_of(location) == "postgresql":
        from .postgres import redacted

        return redacted(str(location))
    return str(location)


def open_store(
    location: str | Path, create: bool = True, timeout: float = LOCK_TIMEOUT, any_thread: bool = False
) -> Store:
    """Open (creating and migrating when `create`) the store a path or URL names. With `create` false
    a missing database is a `StoreError`, never a new empty one. `any_thread`: the store is used by one
    thread at a time, not always the one that opened it (a PostgreSQL connection always may be)."""
    if scheme_of(location) == "postgresql":
        from .postgres import PostgresStore  # psycopg loads only for a PostgreSQL store

        return PostgresStore(str(location), create=create, timeout=timeout)
    return SQLiteStore(sqlite_path(location), create=create, timeout=timeout, any_thread=any_thread)
