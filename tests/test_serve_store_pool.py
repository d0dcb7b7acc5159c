"""`sitrep serve` lends each request a store from a pool of open ones (`serve.deps.StorePool`):
kept between requests, handed back only after a request that went through, closed at shutdown.
The stores are empty SQLite files made here."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitrep.errors import StoreError
from sitrep.serve import deps
from sitrep.serve.deps import StorePool
from sitrep.store import SQLiteStore, Store
from tests.serve_support import app


def _closed(store: Any) -> bool:
    try:
        store.db.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Store]:
    """Every store the server opens, in order."""
    stores: list[Store] = []
    real = deps.open_location

    def counting(*args: Any, **kwargs: Any) -> Store:
        stores.append(real(*args, **kwargs))
        return stores[-1]

    monkeypatch.setattr(deps, "open_location", counting)
    return stores


@pytest.fixture
def db(tmp_path: Path) -> Path:
    SQLiteStore(tmp_path / "empty.db").close()
    return tmp_path / "empty.db"


def test_requests_one_after_another_share_one_open_store_closed_at_shutdown(
    db: Path, opened: list[Store]
) -> None:
    with TestClient(app(db, token=None)) as api:
        for path in ("/events", "/series", "/map", "/events", "/series?period=month&by=admin1"):
            assert api.get(path).status_code == 200, path
        assert len(opened) == 1 and not _closed(opened[0])
    assert _closed(opened[0])


def test_a_store_whose_request_failed_is_closed_and_the_next_request_opens_another(
    db: Path, opened: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost(*_: Any) -> Any:
        raise StoreError("SYNTHETIC: lost the connection")

    with TestClient(app(db, token=None)) as api:
        assert api.get("/series").status_code == 200
        monkeypatch.setattr(opened[0], "event_series_columns", lost)
        answer = api.get("/series")
        assert answer.status_code == 503 and "SYNTHETIC" in answer.json()["detail"]
        assert _closed(opened[0])
        assert api.get("/series").status_code == 200
        assert len(opened) == 2 and not _closed(opened[1])


def test_the_pool_keeps_a_few_idle_stores_and_closes_the_rest(db: Path) -> None:
    pool = StorePool(db, keep=2)
    lent = [pool.take() for _ in range(3)]  # three requests at once: three stores
    assert len({id(s) for s in lent}) == 3
    for store in lent:
        pool.give_back(store)
    assert [_closed(s) for s in lent] == [False, False, True]
    again = [pool.take(), pool.take()]
    assert {id(s) for s in again} == {id(lent[0]), id(lent[1])}
    for store in again:
        pool.give_back(store)
    pool.close()
    assert all(_closed(s) for s in lent)
