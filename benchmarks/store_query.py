"""Store benchmark, SQLite and PostgreSQL side by side in one run, on SYNTHETIC events.

1. Load N synthetic events (default 1,000,000; one source article, one evidence sentence and one link
   each) through `Store.replace_events`, in units of 10,000.
2. Filtered event query: the same Q random filters on both stores (a 30-day window and a governorate,
   half of them also an event type), each timed around `Store.events` (rows -> Event objects,
   sources, evidence and links included): p50, p95, max, events returned.
3. PostgreSQL only: W writer processes at once store articles with their claims, events and reports
   in units, as `sitrep run` does (`pipeline._store`: skip what another writer stored, then write);
   every writer also stores a shared set of articles, so they contend for the same records. Then the
   counts are checked: every article, event and report exactly once.

    eval "$(scripts/pg-test-server start)"
    .venv/bin/python benchmarks/store_query.py [--events 1000000] [--postgres URL] [--queries 200]

The PostgreSQL database given is emptied first (its public schema is dropped).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg

from sitrep.model import Article, Claim, Event, Evidence, Link, Mention, Source
from sitrep.store import EventFilter, Store, open_store

GOVERNORATES = [
    ("Al Anbar", "IQ-AN"), ("Baghdad", "IQ-BG"), ("Basrah", "IQ-BA"), ("Diyala", "IQ-DI"), ("Erbil", "IQ-AR"),
    ("Kirkuk", "IQ-KI"), ("Nineveh", "IQ-NI"), ("Salah al-Din", "IQ-SD"), ("Babil", "IQ-BB"), ("Karbala", "IQ-KA"),
    ("Wasit", "IQ-WA"), ("Maysan", "IQ-MA"), ("Dhi Qar", "IQ-DQ"), ("Muthanna", "IQ-MU"), ("Najaf", "IQ-NA"),
    ("Qadisiyah", "IQ-QA"), ("Duhok", "IQ-DA"), ("Sulaymaniyah", "IQ-SU"),
]  # fmt: skip
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
]
FIRST_DAY, DAYS = date(2014, 1, 1), 3652
ARTICLES = 2000
UNIT = 10_000


def _article(article_id: str, day: date | None = None) -> Article:
    return Article(
        article_id,
        f"SYNTHETIC report {article_id}",
        f"SYNTHETIC text of {article_id}.",
        day,
        outlet="Synthetic Wire",
        url=f"https://example.invalid/{article_id}",
        content_hash=f"hash-{article_id}",
    )


def _event(n: int, rng: random.Random, article_id: str | None = None) -> Event:
    admin1, code = rng.choice(GOVERNORATES)
    kind, sub = rng.choice(TYPES)
    source = article_id or f"a-{n % ARTICLES:04d}"
    return Event(
        event_id=f"ev-{n:07d}",
        event_date=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
        date_precision="day",
        event_type=kind,
        sub_event_type=sub,
        actor1="Synthetic actor",
        actor2=None,
        country="Iraq",
        admin1=admin1,
        admin1_code=code,
        admin2=None,
        location=f"Place {n % 500}",
        latitude=33.0 + rng.random(),
        longitude=44.0 + rng.random(),
        geo_precision=1,
        fatalities=rng.randrange(10),
        fatalities_low=None,
        fatalities_high=None,
        injured=rng.randrange(5),
        sources=(Source(source, "Synthetic Wire", f"https://example.invalid/{source}", FIRST_DAY),),
        evidence=(Evidence(source, 0, 40, f"SYNTHETIC sentence of event {n}."),),
        links=(Link(source, n, None, None, 0.0, ("first report",)),),
    )


def load(store: Store, events: int) -> float:
    """Store the synthetic events; seconds taken."""
    started = time.perf_counter()
    with store.transaction():
        for i in range(ARTICLES):
            store.add_article(_article(f"a-{i:04d}", FIRST_DAY), b"", None)
    rng = random.Random(7)
    for start in range(0, events, UNIT):
        store.replace_events([_event(n, rng) for n in range(start, min(events, start + UNIT))], {})
        print(f"  {min(events, start + UNIT):,} events stored", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return time.perf_counter() - started


def filters(count: int) -> list[EventFilter]:
    rng = random.Random(11)
    out = []
    for i in range(count):
        since = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 30))
        admin1, code = rng.choice(GOVERNORATES)
        kind = rng.choice(TYPES)[0] if i % 2 else None
        out.append(EventFilter(since, since + timedelta(days=29), admin1 if i % 4 < 2 else code, kind))
    return out


def query(store: Store, flts: list[EventFilter]) -> tuple[list[float], list[int]]:
    seconds, found = [], []
    for flt in flts:
        started = time.perf_counter()
        found.append(len(store.events(flt)))
        seconds.append(time.perf_counter() - started)
    return seconds, found


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _writer(url: str, writer: int, articles: int, shared: int, batch: int, ready: Any) -> None:
    """One ingest process: units of `batch` articles, each unit in one transaction, as `sitrep run`."""
    store = open_store(url)
    ready.wait()  # all writers start together, once connected
    rng = random.Random(writer)
    own = [(f"w{writer}-{i:05d}", 1_000_000 + writer * articles + i) for i in range(articles)]
    common = [(f"shared-{i:05d}", 2_000_000 + i) for i in range(shared)]
    work = own + common
    rng.shuffle(work)
    for start in range(0, len(work), batch):
        with store.transaction():
            mentions, event_of, events = [], {}, []
            for article_id, n in work[start : start + batch]:
                article = _article(article_id, FIRST_DAY)
                if store.has_content(article.content_hash):
                    continue  # another writer stored it first
                store.add_article(article, b"", None)
                evidence = Evidence(article_id, 0, 20, "SYNTHETIC sentence.")
                store.put_claims(
                    article_id, [Claim(article_id, 0, "statistic", "SYNTHETIC.", (3,), None, evidence)]
                )
                event = _event(n, rng, article_id)
                events.append(event)
                mention = Mention(
                    article_id, 0, event.event_date, "day", event.event_type, event.sub_event_type,
                    None, None, None, event.fatalities, None, None, event.injured, (evidence,),
                )  # fmt: skip
                mentions.append(mention)
                event_of[(article_id, 0)] = event.event_id
            store.replace_events(events, {})
            store.put_mentions(mentions, event_of)
    store.close()


def concurrent_ingest(url: str, writers: int, articles: int, shared: int, batch: int) -> None:
    _reset(url)
    open_store(url).close()  # migrated once, before the writers start
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(writers + 1)
    procs = [
        context.Process(target=_writer, args=(url, w, articles, shared, batch, ready)) for w in range(writers)
    ]
    for p in procs:
        p.start()
    ready.wait()
    started = time.perf_counter()
    for p in procs:
        p.join()
    seconds = time.perf_counter() - started
    if any(p.exitcode != 0 for p in procs):
        sys.exit(f"a writer failed: exit codes {[p.exitcode for p in procs]}")
    want = writers * articles + shared
    with psycopg.connect(url) as db:
        got = {
            t: db.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {t}").fetchone()
            for t, key in (
                ("articles", "id"),
                ("events", "event_id"),
                ("mentions", "article_id"),
                ("claims", "article_id"),
                ("evidence", "event_id"),
            )
        }
    print(
        f"\nPostgreSQL ingest, {writers} writers at once, units of {batch}: {want:,} articles"
        f" ({articles:,} each + {shared:,} every writer offers) in {seconds:.1f} s = {want / seconds:,.0f} articles/s"
    )
    lost = False
    for table, (rows, distinct) in got.items():
        ok = rows == distinct == want
        lost |= not ok
        print(
            f"  {table:<9} {rows:>9,} rows, {distinct:>9,} distinct, expected {want:,}: {'ok' if ok else 'WRONG'}"
        )
    print("  nothing lost, nothing duplicated" if not lost else "  COUNTS DO NOT MATCH")


def _reset(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute("CREATE SCHEMA public")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("SITREP_TEST_POSTGRES_URL"))
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--writer-articles", type=int, default=1000)
    parser.add_argument("--shared-articles", type=int, default=500)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    if not args.postgres:
        sys.exit(
            'give --postgres URL or set SITREP_TEST_POSTGRES_URL (eval "$(scripts/pg-test-server start)")'
        )
    flts = filters(args.queries)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        _reset(args.postgres)
        for name, location in (("SQLite", str(Path(tmp) / "bench.db")), ("PostgreSQL", args.postgres)):
            store = open_store(location)
            print(f"{name}: loading {args.events:,} synthetic events", file=sys.stderr)
            seconds = load(store, args.events)
            query(store, flts[:10])  # warm the caches
            results[name] = (seconds, *query(store, flts))  # evidence is indexed by event since migration 5
            store.close()
    print(f"\nfiltered event query over {args.events:,} synthetic events, {args.queries} queries"
          " (30-day window + governorate, half also a type)")  # fmt: skip
    print(
        f"{'store':<40} {'load s':>8} {'events/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'mean found':>10}"
    )
    for name, (seconds, times, found) in results.items():
        print(
            f"{name:<40} {seconds:>8.1f} {args.events / seconds:>9,.0f} {1000 * statistics.median(times):>8.1f}"
            f" {1000 * _p(times, 0.95):>8.1f} {1000 * max(times):>8.1f} {statistics.mean(found):>10.1f}"
        )
    concurrent_ingest(args.postgres, args.writers, args.writer_articles, args.shared_articles, args.batch)


if __name__ == "__main__":
    main()
