"""What every `Store` backend must do with imported (coded) events. Each backend is a fixture
parameter: SQLite on disk and in memory today; a PostgreSQL backend joins the list and passes the same tests."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import QueryError
from sitrep.model import IMPORTER_VERSION, Article, Event, Evidence
from sitrep.store import EventFilter, SQLiteStore, Store
from sitrep.store.base import Correction, cursor_of
from sitrep.store.migrations import MIGRATIONS
from tests.factories import synthetic_event


@pytest.fixture(params=["sqlite-file", "sqlite-memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    backend = SQLiteStore(tmp_path / "s.db" if request.param == "sqlite-file" else ":memory:")
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
    ]
    write = store.put_dataset_events(events)
    assert (write.added, write.changed, write.unchanged) == (2, 0, 0)
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
    assert store.schema_version == len(MIGRATIONS) == 5
    (event,) = store.events()
    assert event.event_id == "e1" and event.dataset == "sitrep" and event.fatalities == 2
    assert store.put_dataset_events([_coded("ucdp:1")]).added == 1
    store.close()


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


def _ids(store: Store, **filters: Any) -> list[str]:
    return [e.event_id for e in store.events(EventFilter(**filters))]


def test_every_event_filter_selects_what_it_names(store: Store) -> None:
    _extracted(store)
    assert _ids(store) == ["ev-d", "ev-a", "ev-b", "ev-c"]
    assert _ids(store, admin1="baghdad") == _ids(store, admin1="IQ-BG") == ["ev-b"]
    assert _ids(store, admin2="RAMADI") == ["ev-a"]
    assert _ids(store, event_type="explosions/remote violence") == ["ev-b"]
    assert _ids(store, sub_event_type="Armed clash") == ["ev-d", "ev-a", "ev-c"]
    assert _ids(store, actor="mobilization") == ["ev-c"]
    assert _ids(store, actor="islamic") == ["ev-a"]
    assert _ids(store, min_fatalities=3) == ["ev-b", "ev-c"]
    assert _ids(store, bbox=(44.0, 33.0, 45.0, 34.0)) == ["ev-b"]
    assert _ids(store, text="army post") == ["ev-a"]
    assert _ids(store, text="army po") == ["ev-a"]
    assert _ids(store, text="sadr") == ["ev-b"]
    assert _ids(store, since=date(2021, 3, 5), min_fatalities=1) == ["ev-b", "ev-c"]


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
    assert _ids(store, text="army post") == []
    assert _ids(store, text="raid") == _ids(store, text="haditha") == ["ev-a"]
    assert _ids(store, text="market") == _ids(store, text="sadr") == []


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
    assert _ids(store, text="market") == ["ev-a"]
    assert [c.action for c in store.corrections("ev-a")] == ["merge"]
