from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.config import Config
from sitrep.dedup import CopyFinder, containment, shingles, signature
from sitrep.ingest import parse_text
from sitrep.store import EventFilter, SQLiteStore
from sitrep.store.migrations import MIGRATIONS

from .conftest import FIXTURES


def _articles() -> tuple[str, str]:
    return (FIXTURES / "story.txt").read_text(), (FIXTURES / "story_syndicated.txt").read_text()


def test_copy_found_where_jaccard_is_low() -> None:
    original, copy = (parse_text(t, n) for t, n in zip(_articles(), ("a.txt", "b.txt"), strict=True))
    a, b = shingles(original.text), shingles(copy.text)
    assert len(a & b) / len(a | b) < 0.8  # a plain Jaccard rule at 0.8 would miss it
    assert containment(a, b) >= 0.9
    finder = CopyFinder(lambda _: None)
    finder.remember(copy.id, signature(b), copy.text)
    assert finder.copy_of(original.id, original.text, signature(a)) == copy.id


def test_different_stories_are_not_copies() -> None:
    one = parse_text(_articles()[0], "a.txt")
    other = parse_text(
        "Other story (SYNTHETIC)\n\nRockets hit a base in Anbar on Friday. Nobody was hurt.", "c.txt"
    )
    finder = CopyFinder(lambda _: None)
    finder.remember(one.id, signature(shingles(one.text)), one.text)
    assert finder.copy_of(other.id, other.text, signature(shingles(other.text))) is None


def test_migrations_recorded(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    again = SQLiteStore(tmp_path / "s.db")
    assert again.schema_version == len(MIGRATIONS)
    again.close()


def test_newer_schema_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    sqlite3.connect(db).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(Exception, match="newer than this sitrep"):
        SQLiteStore(db)


def _dump(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    rows = []
    for table in ("articles", "events", "event_sources", "evidence", "claims"):
        cols = "*" if table != "articles" else "id, content_hash, title, text, canonical_id"
        rows += [(table, *r) for r in con.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2")]
    con.close()
    return rows


@pytest.mark.slow
def test_syndicated_copies_extracted_once_and_reingest_changes_nothing(tmp_path: Path, cfg: Config) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in zip(("a.txt", "b.txt"), _articles(), strict=True):
        (folder / name).write_text(text)
    store = SQLiteStore(cfg.db)
    result = pipeline.run([folder], store, cfg)
    assert sum(len(c) for c in result.copies.values()) == 1
    stored = {s.article.id: s.canonical_id for s in store.articles()}
    assert sorted(v is None for v in stored.values()) == [False, True]
    events = store.events()
    assert len(events) == 1
    assert set(events[0].article_ids) == set(stored)
    before = _dump(cfg.db)
    again = pipeline.run([folder], store, cfg)
    assert again.articles_new == 0 and again.articles_unchanged == 2
    assert _dump(cfg.db) == before
    store.close()


@pytest.mark.slow
def test_copy_arriving_in_a_later_run_joins_the_stored_event(tmp_path: Path, cfg: Config) -> None:
    original, copy = _articles()
    (tmp_path / "a.txt").write_text(copy)
    (tmp_path / "b.txt").write_text(original)
    store = SQLiteStore(cfg.db)
    pipeline.run([tmp_path / "a.txt"], store, cfg)
    second = pipeline.run([tmp_path / "b.txt"], store, cfg)
    assert not second.event_ids
    [event] = store.events()
    assert len(event.article_ids) == 2
    store.close()


@pytest.mark.slow
def test_event_filters(tmp_path: Path, cfg: Config) -> None:
    store = SQLiteStore(cfg.db)
    pipeline.run([FIXTURES], store, cfg)
    every = store.events()
    assert {e.admin1_code for e in every} >= {"IQ-SD", "IQ-KI"}
    kirkuk = store.events(EventFilter(admin1="Kirkuk"))
    assert kirkuk and all(e.admin1_code == "IQ-KI" for e in kirkuk)
    assert store.events(EventFilter(admin1="IQ-KI")) == kirkuk
    protests = store.events(EventFilter(event_type="Protests"))
    assert [(e.admin1_code, e.actor1) for e in protests] == [("IQ-BA", "Protesters (Iraq)")]

    late = store.events(EventFilter(since=date(2020, 11, 1)))
    assert late and all(e.event_date and e.event_date >= date(2020, 11, 1) for e in late)
    store.close()


def test_short_formulaic_reports_are_not_copies() -> None:
    one = "An explosive device detonated targeting a convoy near Musayyib, Babil. There were no casualties."
    two = "An explosive device detonated targeting a convoy near Yusufiyah, Babil. There were no casualties."
    finder = CopyFinder(lambda _: None)
    finder.remember("one", signature(shingles(one)), one)
    assert finder.copy_of("two", two, signature(shingles(two))) is None


def test_copies_must_be_published_close_together() -> None:
    text = parse_text(_articles()[0], "a.txt").text
    sig = signature(shingles(text))
    finder = CopyFinder(lambda _: None)
    finder.remember("june", sig, text, date(2019, 6, 12))
    assert finder.copy_of("next-day", text, sig, date(2019, 6, 13)) == "june"
    assert finder.copy_of("next-year", text, sig, date(2020, 6, 12)) is None


def test_a_schema_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.close()
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.stored_mentions(date(2020, 1, 1), date(2030, 1, 1)) == []
    store.close()
