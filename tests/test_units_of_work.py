"""Units of work: an article is stored with everything derived from it, or not at all; a record that
fails at any stage is set aside with its reason and the rest of the run goes on. Articles are SYNTHETIC."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sitrep import pipeline
from sitrep.config import Config
from sitrep.errors import SitrepError, StoreError
from sitrep.extract import EXTRACTORS, RuleExtractor
from sitrep.model import Article, Extraction, Problem
from sitrep.store import SQLiteStore
from sitrep.store.migrations import MIGRATIONS

SYNTHETIC = [
    ("u-1", "2021-03-01", "A roadside bomb killed two soldiers near Ramadi on Monday, police said."),
    ("u-2", "2021-03-02", "Gunmen shot dead a shepherd in a village near Tikrit on Sunday, officials said."),
    ("u-3", "2021-03-03", "Three rockets struck a military base in Kirkuk on Tuesday, wounding one guard."),
    ("u-4", "2021-03-04", "A suicide bomber killed five people at a market in Baqubah on Wednesday."),
]


def _feed(path: Path, rows: list[tuple[str, str, str]] = SYNTHETIC) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": f"Synthetic report {i}", "text": t, "published": d}) + "\n"
            for i, d, t in rows
        )
    )
    return path


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    tables = ("articles", "events", "event_sources", "evidence", "claims", "mentions", "event_links")
    out = {}
    for t in tables:
        cols = "id, content_hash, status" if t == "articles" else "*"
        out[t] = sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr)
    con.close()
    return out


def test_reading_never_creates_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no sitrep database"):
        SQLiteStore(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()


def test_a_foreign_file_is_a_clear_store_error(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"this is not SQLite, just text " * 100)
    with pytest.raises(StoreError, match="not a sitrep database"):
        SQLiteStore(foreign, create=False)
    truncated = tmp_path / "cut.db"
    good = SQLiteStore(tmp_path / "good.db")
    good.close()
    truncated.write_bytes((tmp_path / "good.db").read_bytes()[:50])
    with pytest.raises(StoreError):
        SQLiteStore(truncated)


def test_a_locked_database_is_a_clear_store_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    writer = SQLiteStore(db, timeout=0.2)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="locked by another process"), writer.transaction():
        pass
    with pytest.raises(StoreError, match="locked by another process"):
        SQLiteStore(db, create=False, timeout=0.2)  # even reading waits for an exclusive lock
    holder.execute("ROLLBACK")
    holder.close()
    with writer.transaction():
        pass
    writer.close()


@pytest.mark.slow
def test_the_run_is_stored_in_batches_and_a_rerun_changes_nothing(tmp_path: Path, cfg: Config) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    store = SQLiteStore(cfg.db)
    result = pipeline.run([feed], store, cfg, batch_size=2)
    assert result.articles_new == 4 and not result.problems
    assert store.status().articles_done == 4 and store.status().articles_pending == 0
    before = _dump(cfg.db)
    again = pipeline.run([feed], store, cfg, batch_size=2)
    assert again.articles_unchanged == 4 and again.articles_new == 0
    assert _dump(cfg.db) == before
    store.close()


@pytest.mark.slow
def test_one_article_the_extractor_fails_on_is_set_aside(
    tmp_path: Path, cfg: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(RuleExtractor):
        """The rule extractor, failing on one article as an extractor with a bug would."""

        def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
            batch = list(articles)
            if any(a.id == "u-2" for a in batch):
                raise ValueError("synthetic extractor failure")
            return super().extract(batch)

    monkeypatch.setitem(EXTRACTORS, "broken", Broken)
    fixed = cfg
    cfg = replace(cfg, extractor="broken")
    store = SQLiteStore(cfg.db)
    result = pipeline.run([_feed(tmp_path / "feed.jsonl")], store, cfg)
    [problem] = result.problems
    assert problem.stage == "extract" and "synthetic extractor failure" in problem.reason
    assert problem.where.endswith("feed.jsonl:2")
    assert {e.article_ids[0] for e in store.events()} == {"u-1", "u-3", "u-4"}
    status = store.status()
    assert (status.articles_done, status.articles_failed) == (3, 1)
    assert status.latest_failures[0].article_id == "u-2"
    # Fixed extractor: --retry-failed finishes it; a plain rerun leaves it alone.
    assert pipeline.run([], store, fixed).articles_finished == 0
    retried = pipeline.run([], store, fixed, retry_failed=True)
    assert retried.articles_finished == 1
    assert {e.article_ids[0] for e in store.events()} == {"u-1", "u-2", "u-3", "u-4"}
    store.close()


@pytest.mark.slow
def test_one_record_that_breaks_the_store_is_set_aside(
    tmp_path: Path, cfg: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.extract_each

    def huge_toll(articles: list[Article], extractor: Any) -> Any:
        for item in real(articles, extractor):
            if isinstance(item, Extraction) and item.article_id == "u-3":
                item = replace(item, mentions=tuple(replace(m, injured=2**70) for m in item.mentions))
            yield item

    monkeypatch.setattr(pipeline, "extract_each", huge_toll)
    store = SQLiteStore(cfg.db)
    result = pipeline.run([_feed(tmp_path / "feed.jsonl")], store, cfg)
    [problem] = result.problems
    assert problem.stage == "store" and "u-3" not in {e.article_ids[0] for e in store.events()}
    assert {e.article_ids[0] for e in store.events()} == {"u-1", "u-2", "u-4"}
    assert store.status().articles_failed == 1
    store.close()


@pytest.mark.slow
def test_duplicate_ids_are_named_never_overwritten(tmp_path: Path, cfg: Config) -> None:
    rows = [*SYNTHETIC[:2], ("u-1", "2021-03-05", "Clashes near Hit killed four fighters on Thursday.")]
    store = SQLiteStore(cfg.db)
    first = pipeline.run([_feed(tmp_path / "a.jsonl", rows)], store, cfg)
    [dup] = first.problems
    assert "duplicate article id 'u-1'" in dup.reason and dup.where.endswith("a.jsonl:3")
    assert first.articles_new == 2
    stored = store.get_article("u-1")
    assert stored is not None and "Ramadi" in stored.text
    later = pipeline.run(
        [_feed(tmp_path / "b.jsonl", [("u-2", "2021-03-06", "Rockets hit Balad.")])], store, cfg
    )
    [dup] = later.problems
    assert "store holds another article with this id" in dup.reason
    same = pipeline.run([_feed(tmp_path / "c.jsonl", SYNTHETIC[:1])], store, cfg)
    assert not same.problems and same.articles_unchanged == 1  # same id, same text: nothing to do
    store.close()


@pytest.mark.slow
def test_a_missing_model_stops_the_run_before_storing_and_loses_nothing(tmp_path: Path, cfg: Config) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    store = SQLiteStore(cfg.db)
    with pytest.raises(SitrepError, match="not installed"):
        pipeline.run([feed], store, replace(cfg, spacy_model="no_such_model_xx"))
    assert store.status().articles_done == 0 and store.status().articles_failed == 0
    assert pipeline.run([feed], store, cfg).articles_new == 4
    store.close()


@pytest.mark.slow
def test_articles_an_older_sitrep_left_without_results_are_finished(tmp_path: Path, cfg: Config) -> None:
    """Schema 2 stored articles before their events; a run killed in between left them pending."""
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for number, script in enumerate(MIGRATIONS[:2], 1):
        con.executescript(script)
        con.execute(f"PRAGMA user_version = {number}")
    from sitrep.ingest import read_paths

    [article] = [
        a for a in read_paths([_feed(tmp_path / "f.jsonl", SYNTHETIC[:1])]) if isinstance(a, Article)
    ]
    con.execute(
        "INSERT INTO articles (id, content_hash, title, text, published, source, signature, ingested_at)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (
            article.id,
            article.content_hash,
            article.title,
            article.text,
            "2021-03-01",
            "f.jsonl:1",
            b"",
            "now",
        ),
    )
    con.commit()
    con.close()
    store = SQLiteStore(db)
    assert store.status().articles_pending == 1
    result = pipeline.run([], store, cfg)
    assert result.articles_finished == 1 and store.status().articles_pending == 0
    assert [e.article_ids for e in store.events()] == [("u-1",)]
    store.close()


@pytest.mark.slow
def test_progress_is_logged_when_output_is_piped(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    feed = _feed(tmp_path / "feed.jsonl")
    result = CliRunner().invoke(
        app, ["run", str(feed), "--db", str(tmp_path / "s.db"), "--report", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 0, result.output
    assert "progress: 4 articles, " in result.output and "articles/s" in result.output


@pytest.mark.slow
def test_extract_gives_unique_event_ids_and_names_duplicate_ids(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app

    rows = [
        *SYNTHETIC,
        ("u-1", "2021-03-05", "Clashes near Hit killed four fighters on Thursday."),
        SYNTHETIC[1],
    ]
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["extract", str(_feed(tmp_path / "in.jsonl", rows)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "duplicate article id 'u-1'" in result.output and "in.jsonl:5" in result.output
    ids = [json.loads(line)["event_id"] for line in out.read_text().splitlines()]
    assert ids and len(ids) == len(set(ids))
    assert not any("Hit" in json.dumps(json.loads(line)) for line in out.read_text().splitlines())


def test_a_read_only_database_is_a_clear_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.store import sqlite as sqlite_store

    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    monkeypatch.setattr(sqlite_store, "_writable", lambda _p: False)  # root can write any file: pretend
    store = SQLiteStore(db, create=False)
    assert store.status().articles_done == 0  # reading works
    with pytest.raises(StoreError, match="read-only"):
        store.add_failure(Problem("x.jsonl:1", "synthetic"))
    store.close()
