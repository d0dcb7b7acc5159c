"""Bad input: a clear message naming the file (and line) and the reason; the rest of the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.config import Config
from sitrep.ingest import read_paths
from sitrep.model import Article, Problem
from sitrep.store import SQLiteStore

from .conftest import FIXTURES


def _problems(path: Path, max_mb: float = 1.0) -> list[Problem]:
    return [p for p in read_paths([path], max_mb) if isinstance(p, Problem)]


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [p] = _problems(f)
    assert p.where == str(f) and "binary" in p.reason


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("  \n")
    [p] = _problems(f)
    assert p.where == str(f) and "empty" in p.reason


def test_invalid_utf8(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Title\n\nGunmen attacked a café in Mosul.".encode("latin-1"))
    [p] = _problems(f)
    assert "not valid UTF-8" in p.reason and "offset" in p.reason


def test_truncated_html(tmp_path: Path) -> None:
    f = tmp_path / "cut.html"
    f.write_text("<html><head><title>Cut off</title></head><body><nav><a href='/'>Home</a")
    [p] = _problems(f)
    assert p.where == str(f) and "no main text" in p.reason


def test_truncated_html_with_text_keeps_what_is_there(tmp_path: Path) -> None:
    full = (FIXTURES / "report.html").read_text()
    f = tmp_path / "half.html"
    f.write_text(full[: full.index("<figure>")])
    items = list(read_paths([f]))
    assert isinstance(items[0], Article) and "Gunmen opened fire" in items[0].text


def test_malformed_jsonl_lines(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    good = (FIXTURES / "feed.jsonl").read_text().splitlines()
    f.write_text(
        "\n".join(
            [good[0], "{not json", "[1, 2]", '{"id": "x"}', '{"text": "a", "published": "soon"}', good[1]]
        )
    )
    items = list(read_paths([f]))
    assert [i.id for i in items if isinstance(i, Article)] == ["t-001", "t-002"]
    problems = {p.where: p.reason for p in items if isinstance(p, Problem)}
    assert set(problems) == {f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:5"}
    assert "not valid JSON" in problems[f"{f}:2"]
    assert "JSON object" in problems[f"{f}:3"]
    assert "no 'text'" in problems[f"{f}:4"]
    assert "not a date" in problems[f"{f}:5"]


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    [p] = _problems(f, max_mb=10)
    assert "50.0 MB" in p.reason and "10 MB limit" in p.reason


def test_missing_path_and_unknown_type(tmp_path: Path) -> None:
    (tmp_path / "data.pdf").write_bytes(b"%PDF-1.4")
    assert "no such file" in _problems(tmp_path / "nope.txt")[0].reason
    assert "unknown file type" in _problems(tmp_path / "data.pdf")[0].reason


@pytest.mark.slow
def test_bad_files_do_not_stop_the_run_or_lose_stored_events(tmp_path: Path, cfg: Config) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "story.txt").write_text((FIXTURES / "story.txt").read_text())
    (inputs / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    (inputs / "feed.jsonl").write_text((FIXTURES / "feed.jsonl").read_text() + "\n{broken\n")
    store = SQLiteStore(cfg.db)
    first = pipeline.run([inputs], store, cfg)
    assert len(first.problems) == 2
    assert first.articles_new == 3
    before = store.events()
    assert before
    (inputs / "story.txt").write_bytes(b"")  # the same file, now broken
    second = pipeline.run([inputs], store, cfg)
    assert any("empty" in p.reason for p in second.problems)
    assert store.events() == before
    store.close()
