"""The FastAPI app: JSON API, exports, writes behind a token, and the dashboard's static files.

Every response carries a strict Content-Security-Policy (scripts and styles only from this server,
nothing inline, no framing), so text that slipped past the dashboard's escaping still could not run.
Errors are clear 4xx answers naming the parameter and the reason; nothing of sitrep's own reaches the
client as a 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Config
from ..errors import InputError, NotFoundError, QueryError, SitrepError, StoreError
from .deps import StorePool
from .read_routes import router as read_router
from .write_routes import router as write_router

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class ServeSettings:
    """What the server serves: which store, the write token (None: read-only), pipeline settings."""

    db: Path | str  # a SQLite file, or a sqlite:// or postgresql:// URL
    token: str | None
    cfg: Config


_SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """The security headers on every HTTP response. A plain ASGI middleware: Starlette's
    `BaseHTTPMiddleware` passes each response body through a task and a stream, which costs
    milliseconds on a large JSON answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def bad_query(_: Request, e: QueryError) -> JSONResponse:
        return _error(400, str(e))

    @app.exception_handler(InputError)
    async def bad_input(_: Request, e: InputError) -> JSONResponse:
        return _error(400, str(e))

    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, e: NotFoundError) -> JSONResponse:
        return _error(404, str(e))

    @app.exception_handler(StoreError)
    async def store_down(_: Request, e: StoreError) -> JSONResponse:
        return _error(503, str(e))

    @app.exception_handler(SitrepError)
    async def sitrep_error(_: Request, e: SitrepError) -> JSONResponse:
        return _error(400, str(e))


def _pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")


def create_app(settings: ServeSettings) -> FastAPI:
    """The app over one store. Without a token every write is refused (403): a read-only server."""
    from swagger_ui_bundle import swagger_ui_path

    stores = StorePool(settings.db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="sitrep",
        summary="Events of political violence extracted from news reports: search, drill down, correct, export.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.add_middleware(SecurityHeaders)
    _handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)
    _pages(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")
    return app
