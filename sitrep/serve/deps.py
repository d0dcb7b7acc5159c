"""Request dependencies: the store (lent from the app's pool of open stores) and the analyst behind
a write (a valid token, or the write is refused)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from secrets import compare_digest
from threading import Lock
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request

from ..store import Store
from ..store import open_store as open_location

READ_ONLY = "this server is read-only: start `sitrep serve` with SITREP_TOKEN set to accept writes"


def settings_of(request: Request) -> Any:
    return request.app.state.settings


class StorePool:
    """Open stores kept between requests, each lent to one request at a time. A SQLite connection
    keeps its page cache (the pages a request read are there for the next, which on a million events
    saves milliseconds a request), a PostgreSQL one its session. A store is handed back only after a
    request that went through; one whose request failed (a store error among others) is closed, so
    the next request opens a fresh one. At most `keep` idle stores are kept; more are closed."""

    def __init__(self, location: Path | str, keep: int = 4) -> None:
        self.location = location
        self.keep = keep
        self._idle: list[Store] = []
        self._lock = Lock()

    def take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_location(self.location, create=False, any_thread=True)

    def give_back(self, store: Store) -> None:
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def open_store(request: Request) -> Iterator[Store]:
    """A store for one request, from the app's pool; FastAPI takes, uses and hands it back in
    different worker threads, one after another, never at once (SQLite connections are opened to
    allow that). The store is a SQLite file or a PostgreSQL URL (`store.open_store`)."""
    pool: StorePool = request.app.state.stores
    store = pool.take()
    try:
        yield store
    except BaseException:
        store.close()
        raise
    pool.give_back(store)


def analyst(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer SITREP_TOKEN")] = None,
    x_analyst: Annotated[str | None, Header(description="Who makes the change (kept in history).")] = None,
) -> str:
    """The analyst's name for a write with a valid token; 403 on a read-only server, 401 without it."""
    token = settings_of(request).token
    if not token:
        raise HTTPException(403, READ_ONLY)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401,
            "a valid token is needed: send 'Authorization: Bearer <SITREP_TOKEN>'",
            {"WWW-Authenticate": "Bearer"},
        )
    name = (x_analyst or "").strip()[:80]
    return name or "analyst"


StoreDep = Annotated[Store, Depends(open_store)]
AnalystDep = Annotated[str, Depends(analyst)]
