"""Reading the same page again in one process gives the same article (a long-lived `sitrep serve`
reads uploads for days): trafilatura's cross-document deduplication must not leak between pages."""

from __future__ import annotations

from sitrep.cli import DEMO_DIR
from sitrep.ingest.html import parse_html


def test_the_same_html_read_again_and_again_is_the_same_article() -> None:
    raw = (DEMO_DIR / "2021-03-anbar-report.html").read_text(encoding="utf-8")  # SYNTHETIC demo page
    articles = [parse_html(raw, "demo.html") for _ in range(6)]
    assert len({a.text for a in articles}) == 1
    assert len({a.content_hash for a in articles}) == 1
