"""sitrep's own synthetic gold set, scored in CI against stored minimums that may only go up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.evaluation import SCORED_FIELDS, load_gold, score
from sitrep.pipeline import extract_events

GOLD = Path(__file__).parent / "gold"


def test_gold_set_is_large_enough_and_synthetic() -> None:
    gold = load_gold(GOLD / "articles.jsonl")
    assert len(gold) >= 30
    assert all("SYNTHETIC" in g.article.title for g in gold)
    assert sum(len(g.incidents) > 1 for g in gold) >= 2  # multi-incident articles
    assert sum(not g.incidents for g in gold) >= 5  # background-only articles


@pytest.mark.slow
def test_scores_at_least_the_stored_minimums(cfg: Config) -> None:
    gold = load_gold(GOLD / "articles.jsonl")
    extracted = extract_events([g.article for g in gold], cfg)
    events, claims = extracted.events, extracted.claims
    result = score(gold, events, claims).as_dict()
    minimums = json.loads((GOLD / "minimums.json").read_text())
    assert set(minimums) == set(result)
    below = {k: (result[k], v) for k, v in minimums.items() if result[k] < v}
    assert not below, f"below the stored minimums (got, minimum): {below}"


def test_scored_fields_are_event_fields() -> None:
    from sitrep.model import EVENT_FIELDS

    assert set(SCORED_FIELDS) <= set(EVENT_FIELDS)
