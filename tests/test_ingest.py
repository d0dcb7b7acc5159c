from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sitrep.ingest import parse_jsonl, parse_text, read_paths
from sitrep.ingest.boilerplate import clean_lines, is_chrome
from sitrep.model import Article, Problem

from .conftest import FIXTURES

BOILERPLATE = [
    "Your email address has been registered",
    "Your email address will not be published.",
    "Leave a Reply",
    "Back to top button",
    "Related Articles",
    "44 Sample Road, Testville, Nowhere",
    "Our other projects",
    "A file picture of an army checkpoint.",
]


def test_txt_header_date_and_title() -> None:
    article = parse_text((FIXTURES / "story.txt").read_text(), "story.txt")
    assert article.published == date(2019, 6, 12)
    assert article.title == "Bomb kills three at checkpoint near Baiji (SYNTHETIC test article)"
    assert article.text.startswith("A car bomb exploded")


def test_txt_dateline_and_boilerplate_removed() -> None:
    article = parse_text((FIXTURES / "story_syndicated.txt").read_text(), "copy.txt")
    assert article.published == date(2019, 6, 12)
    assert article.dateline == "Salahuddin"
    assert article.title == "Checkpoint blast: three soldiers die near Baiji (SYNTHETIC test article)"
    lines = article.text.split("\n\n")
    for junk in BOILERPLATE:
        assert junk not in lines, junk
    assert "Example Gazette" not in article.text
    assert lines[0].startswith("A car bomb exploded")


def test_title_ending_in_colon_joins_next_line() -> None:
    article = parse_text("Premature:\nThe story goes on\n\nBody text here.", "t.txt")
    assert article.title == "Premature: The story goes on"


def test_html_main_text_and_date() -> None:
    [article] = list(read_paths([FIXTURES / "report.html"]))
    assert isinstance(article, Article)
    assert article.published == date(2020, 9, 3)
    assert "Gunmen opened fire" in article.text
    for junk in ("Sign up", "newsletter", "Copyright", "Privacy", "Sport", "file photo"):
        assert junk not in article.text, junk


def test_jsonl_records() -> None:
    items = list(read_paths([FIXTURES / "feed.jsonl"]))
    assert [a.id for a in items if isinstance(a, Article)] == ["t-001", "t-002"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.published == date(2020, 11, 2)
    assert first.outlet == "Test Wire (synthetic)"


def test_directory_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.txt").write_text((FIXTURES / "story.txt").read_text())
    (tmp_path / "a" / "feed.jsonl").write_text((FIXTURES / "feed.jsonl").read_text())
    (tmp_path / "notes.md").write_text("ignored: not an article format")
    items = list(read_paths([tmp_path]))
    assert len(items) == 3
    assert all(isinstance(i, Article) for i in items)


def test_same_content_same_id() -> None:
    raw = (FIXTURES / "story.txt").read_text()
    assert parse_text(raw, "a.txt").id == parse_text(raw, "elsewhere/b.txt").id


def test_chrome_lines() -> None:
    for line in BOILERPLATE[:7]:
        assert is_chrome(line) or line in ("A file picture of an army checkpoint.",), line
    assert not is_chrome("Two soldiers were killed and one other was wounded in the attack.")


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=30))
def test_clean_lines_never_invents_text(lines: list[str]) -> None:
    kept = clean_lines(lines)
    assert all(k in {ln.strip() for ln in lines} for k in kept)
    assert all(k for k in kept)


@given(st.dictionaries(st.sampled_from(["id", "title", "text", "published", "outlet"]), st.text(max_size=30)))
def test_jsonl_never_raises(record: dict[str, str]) -> None:
    for item in parse_jsonl(json.dumps(record), "f.jsonl"):
        assert isinstance(item, Article | Problem)
