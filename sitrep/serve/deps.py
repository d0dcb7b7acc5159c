"""Request dependencies: the store (opened per request: SQLite connections stay in their thread) and
the analyst behind a write (a valid token, or the write is refused)."""

from __future__ import annotations

from collections.abc import Iterator
from secrets import compare_digest
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request

from ..store import Store
from ..store import open_store as open_location

READ_ONLY = "this server is read-only: start `sitrep serve` with SITREP_TOKEN set to accept writes"


def settings_of(request: Request) -> Any:
    return request.app.state.settings


def open_store(request: Request) -> Iterator[Store]:
    """One connection per request; FastAPI opens, uses and closes it in different worker threads, one
    after another, never at once. The store is a SQLite file or a PostgreSQL URL (`store.open_store`)."""
    store = open_location(settings_of(request).db, create=False, any_thread=True)
    try:
        yield store
    finally:
        store.close()


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
