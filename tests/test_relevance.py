"""The relevance filter in front of extraction: what it lets through, what it skips and why, and how
skipped articles are stored and extracted later. Every article here is SYNTHETIC, written for sitrep."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep import pipeline
from sitrep.config import Config
from sitrep.extract.relevance import relevance
from sitrep.model import Article
from sitrep.store import SQLiteStore


def _article(text: str, title: str = "Synthetic report") -> Article:
    return Article("r-1", title, text, None)


def test_violence_in_a_named_iraqi_place_passes() -> None:
    verdict = relevance(_article("A roadside bomb killed two soldiers near Ramadi on Monday, police said."))
    assert verdict.relevant
    assert (verdict.focus, verdict.violence) == (1, 2)


def test_a_governorate_or_the_country_in_the_title_is_enough() -> None:
    assert relevance(_article("Gunmen shot dead a shepherd on Sunday.", "Attack in Salah al-Din")).relevant
    assert relevance(_article("Three rockets struck a base on Tuesday.", "Iraqi army base hit")).relevant


def test_news_without_iraq_is_skipped_with_the_reason() -> None:
    verdict = relevance(_article("A gunman killed three people at a shopping mall in Ohio on Friday."))
    assert not verdict.relevant
    assert verdict.reason == "not relevant: names no place or force in Iraq"


def test_iraq_without_violence_is_skipped_with_the_reason() -> None:
    verdict = relevance(_article("Iraq's parliament passed the budget on Sunday after weeks of talks."))
    assert not verdict.relevant
    assert verdict.reason == "not relevant: names Iraq 1x but no word of violence"


def test_place_names_are_matched_as_written_not_as_common_words() -> None:
    assert not relevance(_article("The bombing cut a kut in the hill and the hillah was shelled.")).relevant
    assert relevance(_article("The bombing hit Kut.")).relevant


ROWS = [
    ("r-1", "2021-03-01", "A roadside bomb killed two soldiers near Ramadi on Monday, police said."),
    ("r-2", "2021-03-02", "The city council of Springfield approved a new library budget on Tuesday."),
    ("r-3", "2021-03-03", "A suicide bomber killed five people at a market in Baqubah on Wednesday."),
    ("r-4", "2021-03-04", "Gunmen killed four villagers in Baqubah on Thursday, police said. " * 1),
]


def _feed(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": "Synthetic", "text": t, "published": d}) + "\n" for i, d, t in rows
        )
    )
    return path


def test_a_run_stores_skipped_articles_with_the_reason_and_extracts_them_on_retry(
    tmp_path: Path, cfg: Config
) -> None:
    rows = [*ROWS[:3], ("r-4", "2021-03-04", "Baqubah farmers sold a record wheat harvest on Thursday.")]
    feed = _feed(tmp_path / "feed.jsonl", rows)
    store = SQLiteStore(cfg.db)
    first = pipeline.run([feed], store, cfg)
    assert (first.articles_new, first.articles_skipped, first.problems) == (4, 2, [])
    status = store.status()
    assert (status.articles_done, status.articles_skipped, status.failures) == (2, 2, 0)
    skips = {f.article_id: f for f in status.latest_failures}
    assert set(skips) == {"r-2", "r-4"}
    assert skips["r-2"].stage == "relevance"
    assert skips["r-2"].reason == "not relevant: names no place or force in Iraq"
    assert skips["r-4"].reason == "not relevant: names Iraq 1x but no word of violence"
    events = len(store.events())

    again = pipeline.run([feed], store, cfg)
    assert (again.articles_new, again.articles_unchanged, again.articles_skipped) == (0, 4, 0)

    retried = pipeline.run([], store, cfg, retry_skipped=True)
    assert (retried.articles_finished, retried.articles_skipped) == (2, 0)
    status = store.status()
    assert (status.articles_done, status.articles_skipped) == (4, 0)
    assert len(store.events()) == events  # the two had no incident to give
    assert pipeline.run([], store, cfg, retry_skipped=True).articles_finished == 0
    store.close()


def test_without_the_filter_every_new_article_is_extracted(tmp_path: Path, cfg: Config) -> None:
    feed = _feed(tmp_path / "feed.jsonl", ROWS[:2])
    store = SQLiteStore(cfg.db)
    result = pipeline.run([feed], store, cfg, relevance_filter=False)
    assert (result.articles_new, result.articles_skipped) == (2, 0)
    assert store.status().articles_done == 2
    store.close()


def test_a_district_seat_the_gazetteer_knows_is_enough() -> None:
    text = "Correction: the roadside bomb near Tarmiyah on Wednesday killed two soldiers, not five."
    assert relevance(_article(text)).relevant
    assert not relevance(
        _article("A roadside bomb near Springfield killed two people on Wednesday.")
    ).relevant
