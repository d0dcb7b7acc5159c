"""The contract every extractor registered in `EXTRACTORS` keeps. Articles are SYNTHETIC."""

from __future__ import annotations

import pytest

from sitrep.errors import SettingError
from sitrep.extract import EXTRACTORS, extractor_for
from sitrep.ingest import parse_record
from sitrep.model import Article

ARTICLES = [
    parse_record(
        {
            "id": f"x-{i}",
            "title": f"Synthetic report {i}",
            "text": text,
            "published": "2021-03-15",
        },
        f"x-{i}",
    )
    for i, text in enumerate(
        [
            "A roadside bomb killed two soldiers near Ramadi on Monday, police said.\n\nNo group claimed it.",
            "The weather in Baghdad was mild on Sunday.",
            'Gunmen shot dead a shepherd near Tikrit on Saturday.\n\n"We will avenge him," his tribe said.',
        ]
    )
]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_one_extraction_per_article_in_order_with_exact_evidence(name: str) -> None:
    extractor = extractor_for(name)
    found = list(extractor.extract(ARTICLES))
    assert [e.article_id for e in found] == [a.id for a in ARTICLES]
    by_id: dict[str, Article] = {a.id: a for a in ARTICLES}
    for extraction in found:
        text = by_id[extraction.article_id].text
        for m in extraction.mentions:
            assert m.article_id == extraction.article_id and m.extractor_version == extractor.version
            assert [m.index for m in extraction.mentions] == list(range(len(extraction.mentions)))
            for ev in m.evidence:
                assert text[ev.start : ev.end] == ev.text
        for c in extraction.claims:
            assert c.extractor_version == extractor.version
            assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    assert found[0].mentions and not found[1].mentions


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_no_articles_no_extractions(name: str) -> None:
    assert list(extractor_for(name).extract([])) == []


def test_an_unknown_extractor_is_a_setting_error() -> None:
    with pytest.raises(SettingError, match="SITREP_EXTRACTOR"):
        extractor_for("oracle")
