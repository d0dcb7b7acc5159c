"""What every `Store` backend must do with imported (coded) events. Each backend is a fixture
parameter: SQLite on disk and in memory today; a PostgreSQL backend joins the list and passes the same tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import IMPORTER_VERSION, Event
from sitrep.store import EventFilter, SQLiteStore, Store
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
    assert store.schema_version == len(MIGRATIONS) == 4
    (event,) = store.events()
    assert event.event_id == "e1" and event.dataset == "sitrep" and event.fatalities == 2
    assert store.put_dataset_events([_coded("ucdp:1")]).added == 1
    store.close()
