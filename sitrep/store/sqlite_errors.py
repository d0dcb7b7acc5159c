"""SQLite's errors as sitrep's: what happened to which file, and what to do."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from ..errors import StoreError

P = ParamSpec("P")
R = TypeVar("R")


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


def _mapped(method: Callable[P, R]) -> Callable[P, R]:
    """Turn SQLite's errors about the database itself into `StoreError`s."""

    @wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as e:
            if _record_error(e):
                raise
            store = args[0]
            raise store_error(e, getattr(store, "path", "?"), getattr(store, "timeout", 0.0)) from e

    return wrapper
