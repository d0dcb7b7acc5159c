"""Extraction over several processes (`sitrep.extract.pool`): the same results as one process, in the
same order, and a worker that dies costs only the article it died on. Articles are SYNTHETIC."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep import pipeline
from sitrep.config import Config
from sitrep.extract.pool import ExtractorPool, available_cores
from sitrep.model import Article, Extraction, Problem
from sitrep.store import SQLiteStore
from tests.synthetic import write_corpus


class DyingExtractor:
    """Finds nothing, and kills its process on an article whose text says POISON (as a crash in native
    code or the out-of-memory killer would)."""

    name = "dying"
    version = "test"

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for a in articles:
            if "POISON" in a.text:
                os._exit(1)
            yield Extraction(f"{a.id}@{os.getpid()}", (), ())


def _articles(*texts: str) -> list[Article]:
    return [Article(f"p-{i}", "Synthetic", t, None) for i, t in enumerate(texts)]


def test_results_come_back_in_order_from_two_processes() -> None:
    articles = _articles(*(f"Synthetic text {i}." for i in range(7)))
    with ExtractorPool(DyingExtractor, 2) as pool:
        ids = [x.article_id for x in pool.extract(articles)]
    assert [i.split("@")[0] for i in ids] == [a.id for a in articles]


def test_a_worker_that_dies_sets_aside_only_its_article() -> None:
    articles = _articles("Synthetic one.", "Synthetic POISON two.", "Synthetic three.", "Synthetic four.")
    with ExtractorPool(DyingExtractor, 2) as pool:
        results = list(pipeline.extract_each(articles, pool))
        after = [x.article_id.split("@")[0] for x in pool.extract(articles[2:])]
    assert [type(r).__name__ for r in results] == ["Extraction", "Problem", "Extraction", "Extraction"]
    problem = results[1]
    assert isinstance(problem, Problem) and problem.stage == "extract"
    assert "BrokenProcessPool" in problem.reason
    assert after == ["p-2", "p-3"]  # the pool started again


def test_available_cores_is_at_least_one() -> None:
    assert available_cores() >= 1


def _contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    out = {
        "articles": sorted(con.execute("SELECT id, status FROM articles").fetchall()),
        "events": sorted(con.execute("SELECT * FROM events").fetchall(), key=repr),
        "mentions": sorted(con.execute("SELECT * FROM mentions").fetchall(), key=repr),
        "claims": sorted(con.execute("SELECT * FROM claims").fetchall(), key=repr),
    }
    con.close()
    return out


@pytest.mark.slow
def test_two_workers_store_what_one_process_stores(tmp_path: Path, cfg: Config) -> None:
    corpus = write_corpus(tmp_path / "synthetic.jsonl", 12, words=150, seed=3)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db, workers in ((one, 1), (two, 2)):
        store = SQLiteStore(db)
        result = pipeline.run([corpus], store, cfg, batch_size=5, workers=workers)
        assert result.problems == [] and result.articles_new == 12
        store.close()
    first, second = _contents(one), _contents(two)
    assert first["events"], "the synthetic corpus gives events"
    for table in ("articles", "mentions", "claims"):
        assert first[table] == second[table], table
    assert len(first["events"]) == len(second["events"])
