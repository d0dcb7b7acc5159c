"""`sitrep serve` on a PostgreSQL store answers exactly as on SQLite: the SYNTHETIC demo corpus run
into both, then the same reads (filters, free text, pages, series, map, one event) and the same
writes (a correction, a merge, a split) asked of each, and their JSON compared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep import pipeline
from sitrep.cli import DEMO_DIR
from sitrep.serve.app import ServeSettings, create_app
from sitrep.store import open_store
from tests.serve_support import AUTH, TOKEN, config, demo_store

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

READS = [
    ("/events", {"limit": 1000}),
    ("/events", {"limit": 2}),
    ("/events", {"q": "army post"}),
    ("/events", {"q": "Rutba"}),
    ("/events", {"q": "army po"}),
    ("/events", {"actor": "islamic"}),
    ("/events", {"admin1": "anbar", "event_type": "explosions/remote violence"}),
    ("/events", {"admin2": "khanaqin", "min_fatalities": 1}),
    ("/events", {"bbox": "42,32,45,35", "since": "2021-03-01"}),
    ("/series", {"period": "week", "by": "type"}),
    ("/series", {"period": "month", "by": "admin1"}),
    ("/series", {"period": "total", "by": "actor"}),
    ("/map", {}),
]


def _client(db: Path | str, cfg_path: Path) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(create_app(ServeSettings(db, TOKEN, config(cfg_path))), raise_server_exceptions=False)


def _get(api: Any, path: str, params: dict[str, Any] | None = None) -> Any:
    r = api.get(path, params=params or {})
    assert r.status_code == 200, (path, params, r.text)
    return r.json()


def _post(api: Any, path: str, body: dict[str, Any]) -> Any:
    r = api.post(path, json=body, headers=AUTH)
    assert r.status_code == 200, (path, body, r.text)
    return r.json()


def _selects_something(answer: Any) -> bool:
    return any(isinstance(v, list) and v for v in answer.values())


def _without_times(value: Any) -> Any:
    """The answer with each correction's time left out (the two stores are written seconds apart)."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "made_at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def test_the_api_answers_alike_on_postgresql_and_sqlite(postgres_url: str, tmp_path: Path) -> None:
    lite = _client(demo_store(tmp_path / "demo.db"), tmp_path / "demo.db")
    store = open_store(postgres_url)
    try:
        assert not pipeline.run([DEMO_DIR], store, config(tmp_path / "pg.db")).problems
    finally:
        store.close()
    pg = _client(postgres_url, tmp_path / "pg.db")

    for path, params in READS:
        answer = _get(lite, path, params)
        assert _selects_something(answer), (path, params)  # a read that finds nothing compares nothing
        assert _get(pg, path, params) == answer, (path, params)
    first = _get(lite, "/events", {"limit": 2})
    assert first["next"] and _get(pg, "/events", {"limit": 2, "cursor": first["next"]}) == _get(
        lite, "/events", {"limit": 2, "cursor": first["next"]}
    )
    anbar_events = _get(lite, "/events", {"admin1": "Al Anbar"})["events"]
    anbar = [e["event_id"] for e in anbar_events]
    assert len(anbar) >= 2
    assert _get(pg, f"/events/{anbar[0]}") == _get(lite, f"/events/{anbar[0]}")

    writes: list[tuple[str, dict[str, Any]]] = [
        (
            f"/events/{anbar[0]}/corrections",
            {"changes": {"fatalities": 7, "admin1": "kirkuk"}, "note": "SYNTHETIC"},
        ),
        (f"/events/{anbar[0]}/merge", {"other": anbar[1]}),
    ]
    for path, body in writes:
        assert _without_times(_post(pg, path, body)) == _without_times(_post(lite, path, body)), path
    merged = _get(lite, f"/events/{anbar[0]}")
    report = next(
        x
        for x in merged["reports"]
        if x["article_id"] in anbar_events[1]["article_ids"] and x["index"] is not None
    )
    split = {"article_id": report["article_id"], "index": report["index"]}
    assert _without_times(_post(pg, f"/events/{anbar[0]}/split", split)) == _without_times(
        _post(lite, f"/events/{anbar[0]}/split", split)
    )
    for path, params in READS:
        assert _get(pg, path, params) == _get(lite, path, params), (path, params)
    assert _without_times(_get(pg, f"/events/{anbar[0]}/history")) == _without_times(
        _get(lite, f"/events/{anbar[0]}/history")
    )
