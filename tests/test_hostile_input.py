"""Hostile input: each bad record fails alone, with its file (and line) and a reason; never a traceback.

Every article, line and file here is SYNTHETIC, written for these tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sitrep.extract import extract
from sitrep.extract.counts import MAX_COUNT, count_casualties
from sitrep.extract.dates import find_date
from sitrep.extract.nlp import chunks, load, parse
from sitrep.ingest import read_paths
from sitrep.model import Article, Extraction, Problem

PUBLISHED = date(2018, 1, 10)  # a Wednesday
GOOD = "Gunmen killed two farmers in a village near Mosul on Monday, police said."


def _record(id: str, **fields: Any) -> str:
    return json.dumps(
        {"id": id, "title": "Synthetic report", "text": GOOD, "published": "2018-01-10", **fields}
    )


def _jsonl(tmp_path: Path, bad: str) -> tuple[Path, list[Article], dict[str, str]]:
    """A file of one good line, the bad line, another good line; what `read_paths` makes of it."""
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join([_record("good-1"), bad, _record("good-2")]) + "\n")
    items = list(read_paths([f]))
    assert all(isinstance(i, Article | Problem) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    problems = {p.where: p.reason for p in items if isinstance(p, Problem)}
    return f, articles, problems


def _bad_line(tmp_path: Path, bad: str) -> str:
    """The reason the second line was refused; the good lines around it are read."""
    f, articles, problems = _jsonl(tmp_path, bad)
    assert [a.id for a in articles] == ["good-1", "good-2"]
    assert list(problems) == [f"{f}:2"]
    return problems[f"{f}:2"]


# --- JSON Lines -------------------------------------------------------------------------------------


def test_jsonl_nested_too_deeply(tmp_path: Path) -> None:
    assert "nested too deeply" in _bad_line(tmp_path, "[" * 100_000)


def test_jsonl_nested_too_deeply_inside_a_record(tmp_path: Path) -> None:
    bad = '{"id": "deep", "text": "x", "extra": ' + "[" * 50_000 + "]" * 50_000 + "}"
    assert "nested too deeply" in _bad_line(tmp_path, bad)


def test_jsonl_number_too_long(tmp_path: Path) -> None:
    reason = _bad_line(tmp_path, '{"id": "n", "text": "x", "count": ' + "9" * 5000 + "}")
    assert "number too long" in reason and "digits" in reason


@pytest.mark.parametrize("field", ["id", "title", "text", "outlet", "url", "published"])
def test_jsonl_lone_surrogate_in_any_field(tmp_path: Path, field: str) -> None:
    record = json.loads(_record("s"))
    record[field] = "abc \ud800 def"
    line = json.dumps(record)  # json.dumps escapes the surrogate as \ud800, as a broken exporter would
    assert "\\ud800" in line
    reason = _bad_line(tmp_path, line)
    assert reason == f"{field!r} is not valid Unicode: lone surrogate U+D800 at character 4"


def test_jsonl_field_that_is_not_text(tmp_path: Path) -> None:
    assert (
        _bad_line(tmp_path, _record("x", outlet={"name": "Wire"})) == "'outlet' must be text, got a JSON dict"
    )


@pytest.mark.parametrize("published", ["9999-01-01", "0001-01-01", "1899-12-31"])
def test_jsonl_publication_date_out_of_range(tmp_path: Path, published: str) -> None:
    reason = _bad_line(tmp_path, _record("d", published=published))
    assert f"publication date {published} is out of range" in reason


def test_jsonl_publication_date_window_edges(tmp_path: Path) -> None:
    soon = (date.today() + timedelta(days=1)).isoformat()
    late = (date.today() + timedelta(days=30)).isoformat()
    f, articles, problems = _jsonl(
        tmp_path, _record("soon", published=soon) + "\n" + _record("late", published=late)
    )
    assert [a.id for a in articles] == ["good-1", "soon", "good-2"]
    assert list(problems) == [f"{f}:3"] and f"publication date {late} is out of range" in problems[f"{f}:3"]


def test_jsonl_publication_date_1900_is_allowed(tmp_path: Path) -> None:
    _, articles, problems = _jsonl(tmp_path, _record("old", published="1900-01-01"))
    assert not problems and [a.published for a in articles][1] == date(1900, 1, 1)


# --- plain text and HTML ------------------------------------------------------------------------------


def _read_dir(folder: Path) -> tuple[dict[str, Article], dict[str, str]]:
    items = list(read_paths([folder]))
    assert all(isinstance(i, Article | Problem) for i in items)
    articles = {Path(i.source or "").name: i for i in items if isinstance(i, Article)}
    problems = {p.where: p.reason for p in items if isinstance(p, Problem)}
    return articles, problems


@pytest.mark.parametrize(
    ("head", "value"),
    [
        ("date 9999-01-01 Gunmen attack farmers", "9999-01-01"),  # a header
        ("01.01.0001 | Nineveh\nGunmen attack farmers", "0001-01-01"),  # a dateline
    ],
)
def test_text_publication_date_out_of_range(tmp_path: Path, head: str, value: str) -> None:
    (tmp_path / "good.txt").write_text(f"date 2018-01-10\nGunmen attack farmers\n\n{GOOD}\n")
    bad = tmp_path / "bad.txt"
    bad.write_text(f"{head}\n\n{GOOD}\n")
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"] and articles["good.txt"].published == PUBLISHED
    assert list(problems) == [str(bad)] and f"publication date {value} is out of range" in problems[str(bad)]


def test_html_publication_date_out_of_range_not_taken(tmp_path: Path) -> None:
    body = (
        f"<p>{GOOD}</p><p>No group claimed responsibility for the attack on the village, officials said.</p>"
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>Gunmen attack farmers</title><meta property="article:published_time" '
        f'content="9999-01-01"></head><body><article><h1>Gunmen attack farmers</h1>{body}</article></body></html>'
    )
    articles, problems = _read_dir(tmp_path)
    assert not problems and articles["page.html"].published is None  # htmldate refuses it; no date kept


# --- encodings --------------------------------------------------------------------------------------


TEXT = f"Gunmen attack farmers\n\n{GOOD}\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_read(tmp_path: Path, codec: str) -> None:
    f = tmp_path / "wide.txt"
    f.write_bytes(TEXT.encode(codec))
    [article] = read_paths([f])
    assert isinstance(article, Article) and article.title == "Gunmen attack farmers" and article.text == GOOD


def test_binary_still_refused(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "marked.txt").write_bytes(b"\xff\xfe" + bytes(range(256)) * 8)  # a UTF-16 mark, then binary
    (tmp_path / "odd.txt").write_bytes("Gunmen attack".encode("utf-16-le") + b"\x00")  # odd length
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"]
    assert set(problems) == {str(tmp_path / n) for n in ("image.txt", "marked.txt", "odd.txt")}
    assert "binary" in problems[str(tmp_path / "image.txt")]
    assert "binary" in problems[str(tmp_path / "odd.txt")]
    assert "UTF-16" in problems[str(tmp_path / "marked.txt")]


# --- directories --------------------------------------------------------------------------------------


def test_broken_symbolic_link_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    link = tmp_path / "sub" / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"]
    assert problems == {str(link): f"broken symbolic link -> {tmp_path / 'deleted.txt'}"}
    # named directly, too
    assert list(read_paths([link])) == [
        Problem(str(link), f"broken symbolic link -> {tmp_path / 'deleted.txt'}")
    ]


def test_symbolic_link_loop_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"] and problems[str(loop)].startswith(
        f"broken symbolic link -> {loop}"
    )


def test_unreadable_directory_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reading: make the directory unreadable by hand.
    (tmp_path / "good.txt").write_text(TEXT)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(TEXT)
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Iterator[os.DirEntry[str]]:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"]
    assert problems == {str(locked): "cannot read directory: Permission denied"}


def test_pipe_not_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait for a writer forever
    articles, problems = _read_dir(tmp_path)
    assert list(articles) == ["good.txt"]
    assert problems == {str(tmp_path / "pipe.txt"): "not a regular file (a device, pipe or socket)"}


def test_control_characters_in_file_name(tmp_path: Path) -> None:
    f = tmp_path / "bell\x07\x1b[31mred.txt"
    f.write_text(TEXT)
    [article] = read_paths([tmp_path])
    assert isinstance(article, Article) and article.source == str(f)  # showing it safely is the display's job


def test_file_name_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # Latin-1 bytes in a file name
    with open(raw, "w") as out:
        out.write(TEXT)
    [article] = read_paths([tmp_path])
    assert isinstance(article, Article) and article.source == f"{tmp_path}/caf\\xe9.txt"
    assert article.source.encode("utf-8")


# --- extraction: counts and dates without spaCy --------------------------------------------------


@pytest.mark.parametrize("number", ["99999999999999999999", "9" * 5000, "150,000", "100001"])
def test_count_out_of_range_ignored(number: str) -> None:
    c = count_casualties(f"Gunmen killed {number} people and wounded three others in Mosul.")
    assert c.killed is None and c.wounded is not None and c.wounded.best == 3
    [warning] = c.warnings
    assert warning.startswith("count ") and warning.endswith(f"out of range (over {MAX_COUNT:,}), ignored")


def test_count_at_the_bound_kept() -> None:
    c = count_casualties("The bombing killed 100,000 people.")
    assert c.killed is not None and c.killed.best == MAX_COUNT and not c.warnings


def test_sum_of_counts_past_the_bound_ignored() -> None:
    c = count_casualties("The attacks killed 60,000 civilians and 60,000 soldiers.")
    assert c.killed is None and c.warnings == (f"count 120000 out of range (over {MAX_COUNT:,}), ignored",)


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), None])
@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb went off yesterday.",
        "A bomb went off last week.",
        "A bomb went off last month.",
        "A bomb went off last year.",
        "A bomb went off on Monday.",
        "A bomb went off on December 30.",
        "A bomb went off in January.",
        "A bomb went off in the first quarter of 0000.",
        "A bomb went off in January 0000.",
        "A bomb went off on 0000-01-01.",
    ],
)
def test_date_arithmetic_at_the_ends_of_the_calendar(sentence: str, published: date | None) -> None:
    found = find_date(sentence, published)  # no OverflowError, no ValueError
    assert found is None or date.min <= found.value <= date.max


# --- extraction with spaCy -------------------------------------------------------------------------


def _extract(texts: dict[str, str], published: date = PUBLISHED) -> dict[str, Extraction]:
    articles = [Article(id=k, title="", text=v, published=published) for k, v in texts.items()]
    return {e.article_id: e for e in extract(articles)}


@pytest.mark.slow
def test_extract_count_out_of_range() -> None:
    found = _extract(
        {
            "huge": "Gunmen killed 99999999999999999999 people in a village near Mosul on Monday, police said.",
            "long": f"Gunmen killed {'9' * 5000} people in a village near Mosul on Monday, police said.",
            "good": GOOD,
        }
    )
    for key in ("huge", "long"):
        [m] = found[key].mentions
        assert m.fatalities == 0 and m.fatalities_low is None and m.fatalities_high is None
        assert any(
            w.startswith("count 9999") and w.endswith("out of range (over 100,000), ignored")
            for w in m.warnings
        )
    [good] = found["good"].mentions
    assert good.fatalities == 2 and good.event_date == date(2018, 1, 8)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("when", "value"),
    [
        ("on January 5, 9999", "9999-01-05"),
        ("on 0001-01-05", "0001-01-05"),
        ("on March 3, 2019", "2019-03-03"),
    ],
)
def test_extract_event_date_out_of_range(when: str, value: str) -> None:
    found = _extract(
        {"bad": f"A roadside bomb killed three soldiers near Tikrit {when}, officials said.", "good": GOOD}
    )
    [m] = found["bad"].mentions
    assert m.event_date == PUBLISHED and m.fatalities == 3  # the publication date, as when no date is given
    assert any(w.startswith(f"date {when.removeprefix('on ')!r} ({value}) out of range") for w in m.warnings)
    assert found["good"].mentions[0].event_date == date(2018, 1, 8)


def test_chunks_join_back_exactly() -> None:
    texts = [
        "para one.\n\npara two is longer.\n\n" * 50,
        "line\n" * 300,
        "Sentence one. Sentence two. " * 100,
        "x" * 2345,  # no place to cut: cut hard
        "",
    ]
    for text in texts:
        pieces = chunks(text, 100)
        assert "".join(pieces) == text and all(len(p) <= 100 for p in pieces)
    assert chunks("a.\n\nb", 100) == ["a.\n\nb"]
    assert all(p.endswith("\n\n") for p in chunks("para one.\n\npara two is longer.\n\n" * 50, 100))


@pytest.mark.slow
def test_long_article_parsed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # A million characters take spaCy minutes; lower the limit instead and feed a text ten times over it.
    monkeypatch.setattr(load(), "max_length", 4_000)
    paragraph = "A roadside bomb killed three soldiers near Tikrit on Monday, officials said.\n\nNo group claimed it.\n\n"
    text = paragraph * (40_000 // len(paragraph)) + "x" * 5_000  # and one word longer than a piece
    docs = list(parse(["short text.", text, GOOD]))
    assert [d.text for d in docs] == ["short text.", text, GOOD]
    [e] = extract([Article(id="long", title="", text=text, published=PUBLISHED)])
    # The same report told 400 times is one incident with every telling as evidence, across all pieces.
    assert sum(len(m.evidence) for m in e.mentions) > 300
    assert max(ev.start for m in e.mentions for ev in m.evidence) > 30_000
    for m in e.mentions:
        assert m.fatalities == 3 and m.event_date == date(2018, 1, 8)
        for ev in m.evidence:
            assert text[ev.start : ev.end] == ev.text
