"""Start the server: check the store, build the app, run uvicorn (what `sitrep serve` calls)."""

from __future__ import annotations

import os
from pathlib import Path

from ..config import Config
from ..errors import SettingError
from ..store import open_store

TOKEN_ENV = "SITREP_TOKEN"
MIN_TOKEN = 16


def token_from_env() -> str | None:
    """The write token from SITREP_TOKEN; unset or empty means a read-only server."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token and len(token) < MIN_TOKEN:
        raise SettingError(TOKEN_ENV, "(hidden)", f"a token of at least {MIN_TOKEN} characters")
    return token or None


def serve(db: Path | str, host: str, port: int, cfg: Config, token: str | None) -> None:
    """Serve the store at http://host:port/ until interrupted. A read-only server needs an existing
    store; with a token, a missing store is created (articles can be submitted to it)."""
    import uvicorn

    from .app import ServeSettings, create_app

    open_store(db, create=token is not None).close()  # a clear error now, and the schema migrated
    uvicorn.run(create_app(ServeSettings(db, token, cfg)), host=host, port=port, log_level="info")
