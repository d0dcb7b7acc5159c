"""`extract_events` on SYNTHETIC records: the same text under another id is another report, not dropped."""

from __future__ import annotations

from sitrep.config import Config
from sitrep.ingest import parse_record
from sitrep.pipeline import extract_events

TEXT = "Gunmen shot dead a shop owner in Baquba, Diyala, on Sunday, police said. (SYNTHETIC)"


def test_same_text_under_another_id_keeps_its_id() -> None:
    records = [
        parse_record({"id": id_, "text": TEXT, "published": "2021-02-09"}, id_)
        for id_ in ("syn-1", "syn-2", "syn-1")  # the third is the first record again: one article
    ]
    extracted = extract_events(records, Config.from_env(), link_reports=False)
    ids = sorted(i for e in extracted.events for i in e.article_ids)
    assert ids == ["syn-1", "syn-2"]
