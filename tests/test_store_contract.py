"""What every `Store` backend must do. Each backend is a fixture parameter — SQLite on disk, SQLite in
memory, PostgreSQL — and passes the same tests: round-trips (hypothesis), transactions, absorbing
events, coded datasets, errors. Pipeline-level contracts (incremental linking, concurrent writers,
re-runs, interrupted units) are in test_store_runs.py. Every record here is SYNTHETIC."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import QueryError, StoreError
from sitrep.model import IMPORTER_VERSION, Article, Claim, Event, Evidence, Link, Source
from sitrep.store import EventFilter, SQLiteStore, Store, open_store
from sitrep.store.base import ArticleCount, Correction, Period, SeriesBy, cursor_of
from sitrep.store.migrations import MIGRATIONS
from sitrep.store.postgres_migrations import POSTGRES_MIGRATIONS
from sitrep.store.sql_search import NO_ACTOR, period_start
from tests.factories import synthetic_event

BACKENDS = ["sqlite-file", "sqlite-memory", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgres":
        location = request.getfixturevalue("postgres_url")
    else:
        location = str(tmp_path / "s.db") if request.param == "sqlite-file" else "sqlite://"
    backend = open_store(location)
    yield backend
    backend.close()


def _coded(event_id: str, **fields: object) -> Event:
    base = synthetic_event(
        event_id=event_id, dataset="ucdp", sources=(), evidence=(), extractor_version=IMPORTER_VERSION
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def test_coded_events_round_trip(store: Store) -> None:
    events = [
        _coded("ucdp:1", warnings=("deaths out of order: x",), fatalities_low=1, fatalities_high=3),
        _coded("ucdp:2", event_date=None, admin1=None, admin1_code=None, latitude=None, longitude=None),
        _coded("ucdp:3", time_of_day="night"),
    ]
    write = store.put_dataset_events(events)
    assert (write.added, write.changed, write.unchanged) == (3, 0, 0)
    stored = store.events(EventFilter(dataset="ucdp"))
    assert sorted(stored, key=lambda e: e.event_id) == events


def test_coded_events_are_not_extracted_events(store: Store) -> None:
    store.put_dataset_events([_coded("ucdp:1")])
    assert store.events() == []
    assert store.event("ucdp:1") is None
    with pytest.raises(ValueError, match="extracted event"):
        store.put_dataset_events([synthetic_event()])


def test_storing_the_same_events_again_changes_nothing(store: Store) -> None:
    store.put_dataset_events([_coded("ucdp:1"), _coded("ucdp:2")])
    again = store.put_dataset_events([_coded("ucdp:1"), _coded("ucdp:2", fatalities=9)])
    assert (again.added, again.changed, again.unchanged) == (0, 1, 1)
    assert store.events(EventFilter(dataset="ucdp"))[1].fatalities == 9


def test_coded_events_filtered_like_extracted_ones(store: Store) -> None:
    store.put_dataset_events(
        [
            _coded("ucdp:1", event_date=date(2016, 1, 5)),
            _coded("ucdp:2", event_date=date(2016, 2, 5), admin1="Kirkuk", admin1_code="IQ-KI"),
            _coded("gtd:3", dataset="gtd", event_date=date(2016, 2, 6)),
        ]
    )
    ucdp = EventFilter(dataset="ucdp")
    assert [e.event_id for e in store.events(replace(ucdp, since=date(2016, 2, 1)))] == ["ucdp:2"]
    assert [e.event_id for e in store.events(replace(ucdp, admin1="IQ-KI"))] == ["ucdp:2"]
    assert [e.event_id for e in store.events(EventFilter(dataset="gtd"))] == ["gtd:3"]
    counts = {d.dataset: (d.events, d.first, d.last) for d in store.datasets()}
    assert counts == {
        "gtd": (1, date(2016, 2, 6), date(2016, 2, 6)),
        "ucdp": (2, date(2016, 1, 5), date(2016, 2, 5)),
    }
    assert store.status().datasets == tuple(store.datasets())


def test_a_schema_3_database_migrates_and_keeps_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO articles (id, content_hash, title, text, signature, ingested_at) VALUES ('a', 'h', 't', 'x', x'00', 'now')"
    )
    db.execute(
        "INSERT INTO events (event_id, article_id, event_type, sub_event_type, fatalities, injured, warnings,"
        " extractor_version) VALUES ('e1', 'a', 'Battles', 'Armed clash', 2, 0, '[]', 'v')"
    )
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS) == 7
    (event,) = store.events()
    assert event.event_id == "e1" and event.dataset == "sitrep" and event.fatalities == 2
    # migration 6 counted the events already stored
    assert [(r.group, r.events, r.fatalities) for r in store.event_series(EventFilter(), None, "type")] == [
        ("Battles", 1, 2)
    ]
    assert store.put_dataset_events([_coded("ucdp:1")]).added == 1
    store.close()


_ids = itertools.count()
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
MAYBE_TEXT = st.none() | TEXT
DAYS = st.dates(date(1990, 1, 1), date(2030, 12, 31))
COUNTS = st.integers(0, 10**12)
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _article(article_id: str, published: date | None = None, **fields: object) -> Article:
    values: dict[str, object] = {"title": "Synthetic", "text": f"SYNTHETIC text of {article_id}."}
    values.update(fields)
    return Article(article_id, published=published, content_hash=f"hash-{article_id}", **values)  # type: ignore[arg-type]


@PROPERTY
@given(
    title=TEXT, text=TEXT, published=st.none() | DAYS, outlet=MAYBE_TEXT, url=MAYBE_TEXT, dateline=MAYBE_TEXT
)
def test_articles_round_trip(
    store: Store,
    title: str,
    text: str,
    published: date | None,
    outlet: str | None,
    url: str | None,
    dateline: str | None,
) -> None:
    article_id = f"a{next(_ids)}"
    article = _article(
        article_id, published, title=title, text=text, outlet=outlet, url=url, dateline=dateline, source="f:1"
    )
    store.add_article(article, bytes(range(256)) * 2, None)
    assert store.get_article(article_id) == article
    assert store.content_hash_of(article_id) == article.content_hash and store.has_content(
        article.content_hash
    )
    assert store.article_text(article_id) == text


@st.composite
def _events(draw: st.DrawFn) -> tuple[list[Article], Event]:
    n = next(_ids)
    articles = [
        _article(f"e{n}-{i}", draw(st.none() | DAYS), outlet=draw(MAYBE_TEXT), url=draw(MAYBE_TEXT))
        for i in range(draw(st.integers(1, 3)))
    ]
    evidence = sorted(
        draw(
            st.lists(
                st.builds(
                    Evidence, st.sampled_from([a.id for a in articles]), st.integers(0, 10**6), COUNTS, TEXT
                ),
                min_size=1,
                max_size=4,
                unique_by=lambda e: e.start,
            )
        ),
        key=lambda e: e.start,
    )
    links = tuple(
        Link(
            a.id,
            0,
            None if i == 0 else articles[0].id,
            None if i == 0 else 0,
            draw(st.floats(0, 10)),
            tuple(draw(st.lists(TEXT, max_size=3))),
        )
        for i, a in enumerate(articles)
    )
    event = synthetic_event(
        event_id=f"ev-{n}",
        event_date=draw(st.none() | DAYS),
        date_precision=draw(st.sampled_from([None, "day", "week", "month", "year"])),
        time_of_day=draw(st.sampled_from([None, "morning", "afternoon", "evening", "night"])),
        actor1=draw(MAYBE_TEXT),
        admin1=draw(MAYBE_TEXT),
        location=draw(MAYBE_TEXT),
        latitude=draw(st.none() | st.floats(-90, 90)),
        longitude=draw(st.none() | st.floats(-180, 180)),
        fatalities=draw(COUNTS),
        fatalities_low=draw(st.none() | COUNTS),
        injured=draw(COUNTS),
        warnings=tuple(draw(st.lists(TEXT, max_size=3))),
        sources=tuple(Source(a.id, a.outlet, a.url, a.published) for a in articles),
        evidence=tuple(evidence),
        links=links,
    )
    return articles, event


@PROPERTY
@given(drawn=_events())
def test_extracted_events_round_trip(store: Store, drawn: tuple[list[Article], Event]) -> None:
    articles, event = drawn
    for a in articles:
        store.add_article(a, b"", None)
    store.replace_events([event], {})
    assert store.event(event.event_id) == event
    assert event in store.events()
    store.replace_events([event], {})  # storing it again replaces it
    assert [e.event_id for e in store.events()].count(event.event_id) == 1


@PROPERTY
@given(kind=TEXT, text=TEXT, numbers=st.lists(COUNTS, max_size=4), period=MAYBE_TEXT)
def test_claims_round_trip(
    store: Store, kind: str, text: str, numbers: list[int], period: str | None
) -> None:
    article_id = f"c{next(_ids)}"
    store.add_article(_article(article_id), b"", None)
    claims = [
        Claim(article_id, i, kind, text, tuple(numbers), period, Evidence(article_id, i, i + 5, text))
        for i in range(2)
    ]
    store.put_claims(article_id, claims)
    assert [c for c in store.claims() if c.article_id == article_id] == claims
    assert store.claims(latest=1) == claims[-1:]


def test_articles_and_claims_come_a_page_at_a_time(store: Store) -> None:
    days = [date(2021, 1, d) for d in (3, 1, 2)]
    for i, day in enumerate(days):
        store.add_article(_article(f"p-{i}", day), b"", None)
        store.put_claims(
            f"p-{i}",
            [
                Claim(f"p-{i}", k, kind, "t", (), None, Evidence(f"p-{i}", 0, 1, "t"))
                for k, kind in enumerate("ab")
            ],
        )
    assert store.article_count() == 3
    assert [s.article.id for s in store.articles()] == ["p-1", "p-2", "p-0"]  # by publication date
    assert [s.article.id for s in store.articles(limit=2, offset=1)] == ["p-2", "p-0"]
    assert store.claim_count() == 6 and store.claim_count(kind="a") == 3
    assert store.claim_count(kind="b", article_id="p-2") == 1
    assert [(c.article_id, c.kind) for c in store.claims(kind="b", limit=2)] == [("p-0", "b"), ("p-1", "b")]
    assert [c.index for c in store.claims(article_id="p-1")] == [0, 1]


def test_a_transaction_is_stored_whole_or_not_at_all(store: Store) -> None:
    article = _article("x-1")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article, b"\x00" * 512, None)
        raise RuntimeError("interrupted")
    assert not store.has_content(article.content_hash)
    with store.transaction():
        store.add_article(article, b"\x00" * 512, None)
    assert store.has_content(article.content_hash)


def test_a_record_the_store_refuses_leaves_it_usable(store: Store) -> None:
    store.add_article(_article("x-1"), b"", None)
    with pytest.raises(Exception) as refused, store.transaction():
        store.replace_events(
            [synthetic_event(event_id="too-big", injured=2**70, sources=(Source("x-1", None, None, None),))],
            {},
        )
    assert not isinstance(refused.value, StoreError)  # the record's fault, not the database's: set it aside
    assert store.event("too-big") is None
    store.replace_events([synthetic_event(event_id="fine", sources=(Source("x-1", None, None, None),))], {})
    assert store.event("fine") is not None


def test_an_event_absorbs_another_and_keeps_its_id(store: Store) -> None:
    from sitrep.model import Mention

    for a in ("r-1", "r-2", "r-3"):
        store.add_article(_article(a, date(2021, 3, 2)), b"", None)

    def mention(article_id: str) -> Mention:
        return Mention(
            article_id,
            0,
            date(2021, 3, 2),
            "day",
            "Battles",
            "Armed clash",
            None,
            None,
            None,
            1,
            None,
            None,
            0,
            (Evidence(article_id, 0, 9, "SYNTHETIC."),),
        )

    def event(event_id: str, *articles: str) -> Event:
        return synthetic_event(
            event_id=event_id,
            sources=tuple(Source(a, None, None, date(2021, 3, 2)) for a in articles),
            evidence=tuple(Evidence(a, 0, 9, "SYNTHETIC.") for a in articles),
        )

    store.replace_events([event("ev-a", "r-1"), event("ev-b", "r-2")], {})
    store.put_mentions([mention("r-1"), mention("r-2")], {("r-1", 0): "ev-a", ("r-2", 0): "ev-b"})
    # r-3 ties both together: ev-a absorbs ev-b, and every report of ev-b moves to ev-a.
    store.replace_events([event("ev-a", "r-1", "r-2", "r-3")], {"ev-b": "ev-a"})
    store.put_mentions([mention("r-3")], {("r-3", 0): "ev-a", ("r-2", 0): "ev-a"})
    assert [e.event_id for e in store.events()] == ["ev-a"] and store.event("ev-b") is None
    assert store.event("ev-a") == event("ev-a", "r-1", "r-2", "r-3")
    stored = store.stored_mentions(date(2021, 3, 1), date(2021, 3, 3))
    assert sorted((m.mention.article_id, m.event_id) for m in stored) == [
        ("r-1", "ev-a"),
        ("r-2", "ev-a"),
        ("r-3", "ev-a"),
    ]
    assert stored[0].mention == mention(stored[0].mention.article_id)


def test_article_counts_per_day_by_outlet_and_by_governorate(store: Store) -> None:
    march = date(2021, 3, 1)
    for article_id, day, outlet, status in (
        ("w-1", march, "Wire", "done"),
        ("w-2", march, "Wire", "done"),
        ("s-1", date(2021, 3, 2), "Wire", "skipped"),  # skipped by the relevance filter: still coverage
        ("r-1", date(2021, 3, 8), "Radio", "done"),
        ("n-1", date(2021, 3, 8), None, "done"),
        ("u-1", None, "Wire", "done"),
        ("copy-1", date(2021, 3, 9), "Radio", "done"),
    ):
        store.add_article(_article(article_id, day, outlet=outlet), b"", None, status=status)

    def event(event_id: str, admin1: str | None, *articles: str) -> Event:
        return synthetic_event(
            event_id=event_id,
            admin1=admin1,
            sources=tuple(Source(a, None, None, march) for a in articles),
            evidence=tuple(Evidence(a, 0, 9, "SYNTHETIC.") for a in articles),
        )

    store.replace_events(
        [
            event("ev-a", "Al Anbar", "w-1", "w-2", "copy-1"),
            event("ev-b", "Diyala", "w-1"),
            event("ev-c", None, "r-1"),
            event(
                "ev-d", "Al Anbar", "w-1"
            ),  # a second event of the same article and governorate: one article
        ],
        {},
    )

    def counts(found: list[ArticleCount]) -> list[tuple[date | None, str | None, int]]:
        return sorted(((c.day, c.key, c.articles) for c in found), key=lambda c: (str(c[0]), str(c[1])))

    assert counts(store.article_counts("outlet")) == [
        (march, "Wire", 2),
        (date(2021, 3, 2), "Wire", 1),
        (date(2021, 3, 8), None, 1),
        (date(2021, 3, 8), "Radio", 1),
        (date(2021, 3, 9), "Radio", 1),
        (None, "Wire", 1),
    ]
    assert counts(store.article_counts("admin1")) == [
        (march, "Al Anbar", 2),
        (march, "Diyala", 1),
        (date(2021, 3, 9), "Al Anbar", 1),
    ]
    assert counts(store.article_counts("outlet", date(2021, 3, 2), date(2021, 3, 8))) == [
        (date(2021, 3, 2), "Wire", 1),
        (date(2021, 3, 8), None, 1),
        (date(2021, 3, 8), "Radio", 1),
    ]
    assert store.article_counts("admin1", until=date(2021, 2, 28)) == []


def test_statuses_failures_and_unfinished_articles(store: Store) -> None:
    from sitrep.model import Problem

    store.add_article(_article("p-1"), b"", None, status="pending")
    store.add_article(_article("f-1"), b"", None, status="failed")
    store.add_article(_article("d-1"), b"", None)
    store.add_article(_article("copy-1"), b"", "d-1")
    store.add_failure(Problem("feed.jsonl:3", "unreadable", "ingest"))
    store.add_failure(Problem("feed.jsonl:3", "unreadable", "ingest"))
    status = store.status()
    assert (status.articles_done, status.articles_pending, status.articles_failed, status.copies) == (
        2,
        1,
        1,
        1,
    )
    assert status.failures == 1 and status.latest_failures[0].record == "feed.jsonl:3"
    assert [a.id for a in store.unfinished()] == ["p-1"]
    assert [a.id for a in store.unfinished(include_failed=True)] == ["f-1", "p-1"]
    store.set_status("p-1", "done")
    assert [a.id for a in store.unfinished()] == []
    assert {s.article.id: s.canonical_id for s in store.articles()}["copy-1"] == "d-1"


def test_copies_are_found_by_shared_bands(store: Store) -> None:
    signature = bytes(range(256)) * 2
    store.add_article(_article("orig", date(2021, 3, 1)), signature, None)
    from sitrep.dedup import bands

    found = store.copy_candidates(bands(signature)[:3])
    assert found == [("orig", date(2021, 3, 1))]
    assert store.copy_candidates([b"no such band"]) == []


def test_store_locations() -> None:
    from sitrep.store.location import printable, scheme_of, sqlite_path

    assert sqlite_path("sqlite:///rel.db") == "rel.db" and sqlite_path("sqlite:////abs/x.db") == "/abs/x.db"
    assert sqlite_path("sqlite://") == ":memory:" and sqlite_path("plain.db") == "plain.db"
    assert scheme_of("postgres://u@h/d") == "postgresql" and scheme_of(Path("postgresql:/x")) == "sqlite"
    assert (
        printable("postgresql://bob:s3cret@db.example:5432/sitrep")
        == "postgresql://bob:***@db.example:5432/sitrep"
    )
    with pytest.raises(StoreError, match="unknown store mysql://"):
        open_store("mysql://u@h/d")


def test_an_unreachable_server_is_a_clear_store_error_without_the_password() -> None:
    with pytest.raises(StoreError) as e:
        open_store("postgresql://bob:s3cret@127.0.0.1:1/sitrep?connect_timeout=3")
    assert "cannot connect to the PostgreSQL database sitrep on 127.0.0.1:1 as bob" in str(e.value)
    assert "s3cret" not in str(e.value)


@pytest.mark.postgres
def test_postgres_reading_never_creates_tables_and_a_held_lock_is_clear(postgres_url: str) -> None:
    with pytest.raises(StoreError, match="no sitrep tables"):
        open_store(postgres_url, create=False)
    first, second = open_store(postgres_url, timeout=0.2), open_store(postgres_url, create=False, timeout=0.2)
    with first.transaction():
        assert second.status().articles_done == 0  # readers never wait for a writer
        with pytest.raises(StoreError, match="locked by another writer"), second.transaction():
            pass
    with second.transaction():
        pass
    first.close()
    second.close()


@pytest.mark.postgres
def test_both_dialects_have_the_same_migrations_and_columns(postgres_url: str, tmp_path: Path) -> None:
    """A migration added to one dialect must be added to the other under the same number."""
    assert len(POSTGRES_MIGRATIONS) == len(MIGRATIONS)
    lite = SQLiteStore(tmp_path / "s.db")
    # Ordinary tables only: SQLite's full-text index is FTS5 virtual tables (and their shadow tables),
    # PostgreSQL's is GIN indexes on the same columns.
    tables = [
        r["name"]
        for r in lite.db.execute("PRAGMA main.table_list")
        if r["type"] == "table" and not r["name"].startswith("sqlite_")
    ]
    sqlite_columns = {t: [r["name"] for r in lite.db.execute(f"PRAGMA table_info({t})")] for t in tables}
    lite.close()
    pg = open_store(postgres_url)
    assert pg.schema_version == len(POSTGRES_MIGRATIONS)  # type: ignore[attr-defined]
    rows = pg._run(  # type: ignore[attr-defined]
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
        " AND table_name != 'sitrep_schema' AND column_name != 'seq' ORDER BY table_name, ordinal_position"
    )
    pg.close()
    postgres_columns: dict[str, list[str]] = {}
    for r in rows:
        postgres_columns.setdefault(r["table_name"], []).append(r["column_name"])
    assert postgres_columns == sqlite_columns


# Searching extracted events (what `sitrep serve` asks of every backend). SYNTHETIC events.
def _extracted(store: Store) -> list[Event]:
    article = Article("art-1", "SYNTHETIC", "SYNTHETIC text", date(2021, 3, 1), content_hash="h-art-1")
    store.add_article(article, b"", None)
    events = [
        synthetic_event(
            event_id="ev-a",
            actor1="Islamic State",
            admin2="Ramadi",
            evidence=(Evidence("art-1", 0, 40, "SYNTHETIC: gunmen attacked an army post."),),
        ),
        synthetic_event(
            event_id="ev-b",
            event_date=date(2021, 3, 9),
            event_type="Explosions/Remote violence",
            sub_event_type="Suicide bomb",
            admin1="Baghdad",
            admin1_code="IQ-BG",
            location="Sadr City",
            latitude=33.39,
            longitude=44.46,
            fatalities=12,
            evidence=(Evidence("art-1", 41, 80, "SYNTHETIC: a bomber struck a market."),),
        ),
        synthetic_event(
            event_id="ev-c",
            event_date=date(2021, 4, 2),
            date_precision="month",
            actor2="Popular Mobilization Forces",
            geo_precision=3,
            fatalities=3,
        ),
        synthetic_event(event_id="ev-d", event_date=None, date_precision=None, latitude=None, longitude=None),
    ]
    store.replace_events(events, {})
    return events


def _selected(store: Store, **filters: Any) -> list[str]:
    return [e.event_id for e in store.events(EventFilter(**filters))]


def test_every_event_filter_selects_what_it_names(store: Store) -> None:
    _extracted(store)
    assert _selected(store) == ["ev-d", "ev-a", "ev-b", "ev-c"]
    assert _selected(store, admin1="baghdad") == _selected(store, admin1="IQ-BG") == ["ev-b"]
    assert _selected(store, admin2="RAMADI") == ["ev-a"]
    assert _selected(store, event_type="explosions/remote violence") == ["ev-b"]
    assert _selected(store, sub_event_type="Armed clash") == ["ev-d", "ev-a", "ev-c"]
    assert _selected(store, actor="mobilization") == ["ev-c"]
    assert _selected(store, actor="islamic") == ["ev-a"]
    assert _selected(store, min_fatalities=3) == ["ev-b", "ev-c"]
    assert _selected(store, bbox=(44.0, 33.0, 45.0, 34.0)) == ["ev-b"]
    assert _selected(store, text="army post") == ["ev-a"]
    assert _selected(store, text="army po") == ["ev-a"]
    assert _selected(store, text="sadr") == ["ev-b"]
    assert _selected(store, since=date(2021, 3, 5), min_fatalities=1) == ["ev-b", "ev-c"]


def test_cursors_page_through_undated_and_dated_events(store: Store) -> None:
    _extracted(store)
    every = store.events()
    seen: list[str] = []
    after = None
    while page := store.events(EventFilter(after=after, limit=1)):
        seen.append(page[0].event_id)
        after = cursor_of(page[0])
    assert seen == [e.event_id for e in every]


def test_bad_filters_are_query_errors(store: Store) -> None:
    for flt in (
        EventFilter(since=date(2021, 5, 1), until=date(2021, 4, 1)),
        EventFilter(bbox=(50.0, 30.0, 40.0, 35.0)),
        EventFilter(min_fatalities=-1),
        EventFilter(after="no-cursor"),
        EventFilter(text="!!!"),
    ):
        with pytest.raises(QueryError):
            store.events(flt)


def test_free_text_follows_rewritten_and_dropped_events(store: Store) -> None:
    events = _extracted(store)
    rewritten = replace(
        events[0], location="Haditha", evidence=(Evidence("art-1", 0, 20, "SYNTHETIC: a raid."),)
    )
    store.replace_events([rewritten], {"ev-b": "ev-a"})
    assert _selected(store, text="army post") == []
    assert _selected(store, text="raid") == _selected(store, text="haditha") == ["ev-a"]
    assert _selected(store, text="market") == _selected(store, text="sadr") == []


def test_series_count_events_per_period_and_group(store: Store) -> None:
    _extracted(store)
    weekly = store.event_series(EventFilter(), "week", "type")
    assert [(r.period, r.group, r.events, r.fatalities) for r in weekly] == [
        (date(2021, 3, 1), "Battles", 1, 1),
        (date(2021, 3, 8), "Explosions/Remote violence", 1, 12),
    ]  # ev-c is dated only to a month, ev-d not at all
    monthly = store.event_series(EventFilter(), "month", "admin1")
    assert [(r.period, r.group, r.events) for r in monthly] == [
        (date(2021, 3, 1), "Al Anbar", 1),
        (date(2021, 3, 1), "Baghdad", 1),
        (date(2021, 4, 1), "Al Anbar", 1),
    ]
    totals = store.event_series(EventFilter(), None, "actor")
    assert [(r.period, r.group, r.events) for r in totals] == [
        (None, "(no actor named)", 3),
        (None, "Islamic State", 1),
    ]


def test_points_are_located_events_deadliest_first(store: Store) -> None:
    _extracted(store)
    points = store.event_points(EventFilter(), 10)
    assert [p.event_id for p in points] == ["ev-b", "ev-c", "ev-a"]
    assert [p.event_id for p in store.event_points(EventFilter(admin1="Al Anbar"), 1)] == ["ev-c"]


def _set(event_id: str, field: str, old: object, new: object) -> Correction:
    return Correction(
        event_id, "set", field, json.dumps(old), json.dumps(new), "tester", "2021-05-01T00:00:00+00:00"
    )


def test_corrections_apply_are_kept_and_survive_a_rewrite(store: Store) -> None:
    events = _extracted(store)
    store.add_corrections([_set("ev-a", "fatalities", 1, 6), _set("ev-a", "event_type", "Battles", "Riots")])
    assert (store.event("ev-a").fatalities, store.event("ev-a").event_type) == (6, "Riots")  # type: ignore[union-attr]
    store.replace_events([events[0]], {})
    assert (store.event("ev-a").fatalities, store.event("ev-a").event_type) == (6, "Riots")  # type: ignore[union-attr]
    assert [(c.field, c.old, c.new) for c in store.corrections("ev-a")] == [
        ("fatalities", "1", "6"),
        ("event_type", '"Battles"', '"Riots"'),
    ]
    store.replace_events([replace(events[1], event_id="ev-z")], {"ev-a": "ev-z"})
    assert store.event("ev-z").fatalities == 6  # type: ignore[union-attr]  # merged by a run: they follow


def test_merging_events_moves_their_evidence(store: Store) -> None:
    _extracted(store)
    store.merge_events("ev-a", "ev-b", Correction("ev-a", "merge", None, None, '"ev-b"', "tester", "now"))
    assert store.event("ev-b") is None
    merged = store.event("ev-a")
    assert merged is not None and len(merged.evidence) == 2
    assert _selected(store, text="market") == ["ev-a"]
    assert [c.action for c in store.corrections("ev-a")] == ["merge"]


# The time series reads counts the store keeps per week and month: after every kind of write they must
# agree with a count over the events themselves. SYNTHETIC events.
SERIES_FILTERS = (
    EventFilter(),
    EventFilter(since=date(2021, 3, 3), until=date(2021, 4, 20)),  # ragged weeks and months at both ends
    EventFilter(since=date(2021, 3, 1), until=date(2021, 3, 31)),  # whole months, ragged weeks
    EventFilter(since=date(2021, 3, 9)),
    EventFilter(until=date(2021, 3, 9)),
    EventFilter(since=date(2021, 3, 9), until=date(2021, 3, 10)),  # inside one week
    EventFilter(admin1="baghdad"),
    EventFilter(admin1="IQ-AN", event_type="Battles"),
    EventFilter(admin2="ramadi"),
    EventFilter(actor="islamic"),
    EventFilter(sub_event_type="Armed clash", since=date(2021, 3, 2)),
    EventFilter(min_fatalities=2),  # read from the events: the counts keep no single event's toll
)
FITS = {"week": (None, "day", "week"), "month": (None, "day", "week", "month")}


def _counted_over_events(store: Store, flt: EventFilter, period: Period | None, by: SeriesBy) -> set[Any]:
    out: dict[tuple[Any, Any], list[int]] = {}
    for e in store.events(flt):
        group = {"admin1": e.admin1, "admin2": e.admin2, "type": e.event_type, "actor": e.actor1 or NO_ACTOR}[
            by
        ]
        if group is None and by in ("admin1", "admin2"):
            continue
        if period is not None and (e.event_date is None or e.date_precision not in FITS[period]):
            continue
        key = (period_start(e.event_date, period) if period and e.event_date else None, group)
        total = out.setdefault(key, [0, 0])
        total[0] += 1
        total[1] += e.fatalities
    return {(p, g, n, dead) for (p, g), (n, dead) in out.items()}


def _series_agree(store: Store) -> None:
    for flt in SERIES_FILTERS:
        for period in ("week", "month", None):
            for by in ("admin1", "admin2", "type", "actor"):
                rows = store.event_series(flt, period, by)
                got = {(r.period, r.group, r.events, r.fatalities) for r in rows}
                assert got == _counted_over_events(store, flt, period, by), (flt, period, by)
                # one row per period and group, by period, then most events, then group; as columns alike
                assert len(got) == len(rows) and rows == sorted(
                    rows, key=lambda r: (r.period or date.min, -r.events, r.group)
                ), (flt, period, by)
                assert store.event_series_columns(flt, period, by).rows() == rows, (flt, period, by)


def _more_extracted(store: Store) -> list[Event]:
    events = _extracted(store)
    more = [
        synthetic_event(
            event_id=f"ev-{i}",
            event_date=date(2021, 3, 1 + i),
            date_precision="week" if i % 4 == 0 else "day",
            event_type="Battles" if i % 3 else "Riots",
            sub_event_type="Armed clash" if i % 3 else "Violent demonstration",
            admin1="Baghdad" if i % 2 else "Al Anbar",
            admin1_code="IQ-BG" if i % 2 else "IQ-AN",
            admin2=None if i % 2 else "Ramadi",
            actor1="Islamic State" if i % 5 == 0 else None,
            fatalities=i % 4,
        )
        for i in range(1, 28)
    ]
    store.replace_events(more, {})
    return events + more


def test_the_series_agrees_with_the_events_after_every_kind_of_write(store: Store) -> None:
    events = _more_extracted(store)
    _series_agree(store)
    # a run rewrites events and one absorbs others (ev-b and ev-2 into ev-a)
    moved = replace(
        events[0], event_date=date(2021, 4, 12), fatalities=7, admin1="Kirkuk", admin1_code="IQ-KI"
    )
    store.replace_events([moved, replace(events[6], fatalities=9)], {"ev-b": "ev-a", "ev-2": "ev-a"})
    _series_agree(store)
    # an analyst corrects date, type, place, actor and toll
    store.add_corrections(
        [
            _set("ev-c", "event_date", "2021-04-02", "2021-03-20"),
            _set("ev-c", "date_precision", "month", "day"),
            _set("ev-5", "event_type", "Battles", "Protests"),
            _set("ev-7", "admin1", "Baghdad", "Ninewa"),
            _set("ev-7", "admin1_code", "IQ-BG", "IQ-NI"),
            _set("ev-9", "actor1", None, "Islamic State"),
            _set("ev-11", "fatalities", 3, 40),
        ]
    )
    _series_agree(store)
    # a run rewrites corrected events (the corrections are applied again) and merges one of them
    store.replace_events([events[2]], {"ev-11": "ev-c"})
    _series_agree(store)
    # an analyst merges two events
    store.merge_events("ev-5", "ev-6", Correction("ev-5", "merge", None, None, '"ev-6"', "tester", "now"))
    _series_agree(store)


def test_the_series_reads_the_kept_counts(store: Store) -> None:
    """The counts are what a series reads: doubling them doubles the series (within whole weeks)."""
    _more_extracted(store)
    before = store.event_series(EventFilter(admin1="Baghdad"), "week", "type")
    store._run("UPDATE event_counts SET events = events * 2")  # type: ignore[attr-defined]
    after = store.event_series(EventFilter(admin1="Baghdad"), "week", "type")
    assert [r.events * 2 for r in before] == [r.events for r in after] and before
