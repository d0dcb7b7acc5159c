"""Time of day as an event field, end to end: extracted from an incident's own sentences with the words
that said so, merged across reports, stored (SQLite and PostgreSQL), migrated into an older database,
corrected, filtered and counted. Articles and events are SYNTHETIC."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Config
from sitrep.corrections import correct_event as correct
from sitrep.errors import QueryError
from sitrep.export import to_csv
from sitrep.ingest import parse_record
from sitrep.link.merge import merge
from sitrep.link.report import Report
from sitrep.model import Article, Evidence, Mention, Place, Source
from sitrep.pipeline import extract_events
from sitrep.serve.views import event_detail
from sitrep.store import EventFilter, SQLiteStore, Store, open_store
from sitrep.store.codec import mention_from_json, mention_to_json
from sitrep.store.migrations import MIGRATIONS
from tests.factories import synthetic_event
from tests.serve_support import client


def _article(article_id: str, text: str) -> Article:
    return parse_record(
        {"id": article_id, "title": "Synthetic report", "text": text, "published": "2021-03-17"}, article_id
    )


@pytest.mark.slow
def test_a_killing_at_dusk_is_an_evening_event_with_the_words_that_said_so() -> None:
    text = "Gunmen killed three people at dusk on Monday in Ramadi, police said."
    article = _article("syn-dusk", text)
    (event,) = extract_events([article], Config.from_env()).events
    assert (event.time_of_day, event.fatalities, event.event_date) == ("evening", 3, date(2021, 3, 15))
    assert "time_of_day" in to_csv([event]).splitlines()[0].split(",")


@pytest.mark.slow
def test_the_time_comes_from_the_act_the_date_or_a_clock_time_never_from_background_words() -> None:
    articles = [
        _article(
            "syn-clock",
            "A roadside bomb killed two soldiers near Tikrit on Sunday.\n\n"
            "The blast went off at 9 p.m., officials said.",
        ),
        _article(
            "syn-buried",
            "A roadside bomb struck a convoy near Kirkuk on Sunday, killing one soldier.\n\n"
            "An officer said the device had been buried under the asphalt overnight.",
        ),
        _article("syn-none", "A roadside bomb killed two soldiers near Basra on Sunday."),
    ]
    from sitrep.extract import extract

    found = {x.article_id: x.mentions[0] for x in extract(articles)}
    clock = found["syn-clock"]
    assert clock.time_of_day == "evening" and clock.time_of_day_phrase is not None
    phrase = clock.time_of_day_phrase
    assert articles[0].text[phrase.start : phrase.end] == phrase.text == "at 9 p.m."
    assert ("time_of_day", 1) in clock.field_evidence  # the second sentence gave it
    assert found["syn-buried"].time_of_day is None
    assert found["syn-none"].time_of_day is None and found["syn-none"].time_of_day_phrase is None


_PLACE = Place("Baqubah", "Iraq", "Diyala", "IQ-DI", None, 33.75, 44.64, 1, "PPLA", "p:baqubah", 51)


def _report(article_id: str, time_of_day: str | None = None, words: str | None = None) -> Report:
    m = Mention(
        article_id=article_id,
        index=0,
        event_date=date(2023, 5, 8),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1=None,
        actor2=None,
        place=_PLACE,
        fatalities=2,
        fatalities_low=2,
        fatalities_high=2,
        injured=0,
        evidence=(Evidence(article_id, 0, 20, "SYNTHETIC: a bomb hit a market."),),
        time_of_day=time_of_day,
        time_of_day_phrase=Evidence(article_id, 5, 5 + len(words), words) if words else None,
    )
    return Report(m, m.event_date, (), frozenset())


def test_a_merged_event_takes_the_time_reports_give_a_clock_time_first() -> None:
    assert merge([_report("a"), _report("b", "night", "overnight")], []).time_of_day == "night"
    assert merge([_report("a"), _report("b")], []).time_of_day is None
    disagree = [_report("a", "night", "overnight"), _report("b", "evening", "at 9 p.m."), _report("c")]
    assert merge(disagree, []).time_of_day == "evening"  # the clock time, though reported later
    words_only = [_report("a", "morning", "at dawn"), _report("b", "night", "before dawn")]
    assert merge(words_only, []).time_of_day == "morning"  # the first report's


def test_a_report_keeps_its_time_in_the_store_and_older_reports_read_as_none() -> None:
    m = _report("a", "evening", "at dusk").mention
    assert mention_from_json(mention_to_json(m)) == m
    stored_before = json.loads(mention_to_json(m))
    del stored_before["time_of_day"], stored_before["time_of_day_phrase"]
    old = mention_from_json(json.dumps(stored_before))
    assert old.time_of_day is None and old.time_of_day_phrase is None


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Any:
    location = request.getfixturevalue("postgres_url") if request.param == "postgres" else "sqlite://"
    backend = open_store(location)
    yield backend
    backend.close()


def _stored(store: Store) -> None:
    store.add_article(Article("art-1", "SYNTHETIC", "SYNTHETIC text", None, content_hash="h-1"), b"", None)
    store.replace_events(
        [
            synthetic_event(event_id="ev-night", time_of_day="night", fatalities=4),
            synthetic_event(event_id="ev-day", time_of_day="morning", event_date=date(2021, 3, 3)),
            synthetic_event(event_id="ev-unknown", event_date=date(2021, 3, 4)),
        ],
        {},
    )


def test_time_of_day_round_trips_filters_and_groups_the_series(store: Store) -> None:
    _stored(store)
    assert store.event("ev-night").time_of_day == "night"  # type: ignore[union-attr]
    assert store.event("ev-unknown").time_of_day is None  # type: ignore[union-attr]
    assert [e.event_id for e in store.events(EventFilter(time_of_day="night"))] == ["ev-night"]
    with pytest.raises(QueryError, match="time_of_day"):
        store.events(EventFilter(time_of_day="dusk"))
    totals = store.event_series(EventFilter(), None, "time_of_day")
    assert {(r.group, r.events, r.fatalities) for r in totals} == {
        ("night", 1, 4),
        ("morning", 1, 1),
        ("unknown", 1, 1),
    }


def test_an_analyst_can_correct_the_time_of_day(store: Store) -> None:
    _stored(store)
    correct(store, "ev-unknown", {"time_of_day": "evening"}, "tester")
    assert store.event("ev-unknown").time_of_day == "evening"  # type: ignore[union-attr]
    correct(store, "ev-night", {"time_of_day": None}, "tester")
    assert store.event("ev-night").time_of_day is None  # type: ignore[union-attr]
    with pytest.raises(QueryError, match="time_of_day"):
        correct(store, "ev-day", {"time_of_day": "teatime"}, "tester")


def test_imported_rows_hash_as_before_the_column_so_reimporting_changes_nothing(store: Store) -> None:
    coded = replace(synthetic_event(event_id="ucdp:1", sources=(), evidence=()), dataset="ucdp")
    assert store.put_dataset_events([coded]).added == 1
    assert store.put_dataset_events([coded]).unchanged == 1
    assert store.put_dataset_events([replace(coded, time_of_day="night")]).changed == 1
    (back,) = store.events(EventFilter(dataset="ucdp"))
    assert back.time_of_day == "night"


def test_a_database_from_before_the_column_migrates_with_null_times(tmp_path: Path) -> None:
    path = tmp_path / "schema5.db"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:5]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 5")
    db.execute(
        "INSERT INTO articles (id, content_hash, title, text, signature, ingested_at)"
        " VALUES ('a', 'h', 't', 'x', x'00', 'now')"
    )
    db.execute(
        "INSERT INTO events (event_id, article_id, event_date, event_type, sub_event_type, fatalities,"
        " injured, warnings, extractor_version) VALUES ('e1', 'a', '2021-03-01', 'Battles', 'Armed clash',"
        " 2, 0, '[]', 'v')"
    )
    db.commit()
    db.close()
    store = SQLiteStore(path)
    try:
        assert store.schema_version == len(MIGRATIONS) == 7
        (event,) = store.events()
        assert event.event_id == "e1" and event.time_of_day is None
        assert [(r.group, r.events) for r in store.event_series(EventFilter(), None, "time_of_day")] == [
            ("unknown", 1)
        ]
        rewritten = replace(event, time_of_day="afternoon", evidence=(Evidence("a", 0, 1, "x"),))
        store.replace_events([rewritten], {})
        assert store.event("e1").time_of_day == "afternoon"  # type: ignore[union-attr]
    finally:
        store.close()


def test_the_api_gives_filters_and_counts_the_time_of_day(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = SQLiteStore(db)
    _stored(store)
    store.close()
    api = client(db)
    r = api.get("/events", params={"time_of_day": "night"})
    assert r.status_code == 200, r.text
    assert [(e["event_id"], e["time_of_day"]) for e in r.json()["events"]] == [("ev-night", "night")]
    bad = api.get("/events", params={"time_of_day": "dusk"})
    assert bad.status_code == 400 and "time_of_day" in bad.text
    series = api.get("/series", params={"period": "total", "by": "time_of_day"})
    assert series.status_code == 200, series.text
    assert {r["group"] for r in series.json()["rows"]} == {"night", "morning", "unknown"}


def test_the_drill_down_marks_the_words_that_gave_the_time(tmp_path: Path) -> None:
    store = SQLiteStore()
    text = "SYNTHETIC: Gunmen killed three people at dusk on Monday."
    store.add_article(Article("art-1", "SYNTHETIC", text, date(2021, 3, 17), content_hash="h"), b"", None)
    at = text.index("at dusk")
    mention = replace(
        _report("art-1", "evening").mention,
        evidence=(Evidence("art-1", 0, len(text), text),),
        time_of_day_phrase=Evidence("art-1", at, at + len("at dusk"), "at dusk"),
        field_evidence=(("time_of_day", 0),),
    )
    source = Source("art-1", "Synthetic Wire", None, date(2021, 3, 17))
    event = merge([Report(mention, date(2021, 3, 17), (source,), frozenset())], [])
    store.put_mentions([mention], {("art-1", 0): event.event_id})
    store.replace_events([event], {})
    (report,) = event_detail(store, event.event_id)["reports"]
    (sentence,) = report["sentences"]
    assert {"field": "time_of_day", "start": at, "end": at + 7} in sentence["fields"]
    assert "time_of_day" in sentence["gave"]
    store.close()
