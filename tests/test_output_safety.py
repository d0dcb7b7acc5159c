"""Nothing injected: stored text is printed literally (no Rich markup, no terminal control sequence)
and exported CSV cannot run as a spreadsheet formula. All data here is SYNTHETIC and hostile on
purpose; no spaCy model is loaded (the store is filled directly)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep import cli, export
from sitrep.cli import app
from sitrep.model import UNRESOLVED_PLACE, Article, Claim, Event, Evidence, Link, Source
from sitrep.report.terminal import line, text, visible
from sitrep.store import SQLiteStore

runner = CliRunner()

MARKUP = "[/x] [link=http://evil.example]click[/link] [bold red]restyled[/bold red] [/oops]"
CONTROL = "\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \x9b2J \x07bell"
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", " =1")


def _event(event_id: str, words: str, *, article_id: str = "art-1") -> Event:
    return Event(
        event_id=event_id,
        event_date=date(2021, 3, 2),
        date_precision="day",
        event_type=f"Battles {words}",
        sub_event_type=f"Armed clash {words}",
        actor1=f"Gunmen {words}",
        actor2=f"Police {words}",
        country=f"Iraq {words}",
        admin1=f"Al Anbar {words}",
        admin1_code="IQ-AN",
        admin2=f"Ramadi district {words}",
        location=f"Ramadi {words}",
        latitude=33.42,
        longitude=43.30,
        geo_precision=1,
        fatalities=2,
        fatalities_low=1,
        fatalities_high=3,
        injured=4,
        sources=(
            Source(article_id, f"Outlet {words}", f"https://example.invalid/{words}", date(2021, 3, 2)),
        ),
        evidence=(Evidence(article_id, 0, 40, f"SYNTHETIC sentence {words}"),),
        warnings=(f"{UNRESOLVED_PLACE}{words}",),
        links=(Link(article_id, 0, None, None, 0.0, ()),),
    )


def _linked_event(event_id: str, words: str) -> Event:
    """Two reports, the second linked to the first with reasons that hold `words`."""
    one = _event(event_id, words, article_id="art-1")
    two = _event(event_id, words, article_id="art-2")
    link = Link("art-2", 0, "art-1", 0, 3.5, (f"same place {words}", f"shared words {words}"))
    return replace(
        one, sources=one.sources + two.sources, evidence=one.evidence + two.evidence, links=(*one.links, link)
    )


def _store(path: Path, words: str) -> Path:
    """A database whose every text field holds `words` (SYNTHETIC articles, events and claims)."""
    store = SQLiteStore(path)
    for article_id in ("art-1", "art-2"):
        article = Article(
            id=article_id,
            title=f"SYNTHETIC title {words}",
            text=f"SYNTHETIC text {words}",
            published=date(2021, 3, 2),
            outlet=f"Outlet {words}",
            url=f"https://example.invalid/{words}",
            source=f"feed {words}.jsonl:1",
            content_hash=f"hash-{article_id}",
        )
        store.add_article(article, b"", None)
    store.replace_events([_linked_event("ev-1", words)], {})
    store.put_claims(
        "art-1",
        [
            Claim(
                "art-1",
                0,
                "statistic",
                f"SYNTHETIC claim {words}",
                (5,),
                "2020",
                Evidence("art-1", 0, 9, "x"),
            )
        ],
    )
    store.close()
    return path


READING = [["articles"], ["events"], ["events", "--explain", "ev-1"], ["places", "--unresolved"]]


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tables wide enough that no cell is folded, so payloads can be found whole in the output."""
    monkeypatch.setattr(cli.out, "width", 3000)
    yield


@pytest.mark.parametrize("args", READING)
def test_markup_in_stored_text_is_printed_literally(tmp_path: Path, args: list[str]) -> None:
    db = _store(tmp_path / "s.db", MARKUP)
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    for token in (
        "[/x]",
        "[link=http://evil.example]click[/link]",
        "[bold red]restyled[/bold red]",
        "[/oops]",
    ):
        assert token in result.output, (token, result.output)


@pytest.mark.parametrize("args", READING)
def test_control_characters_in_stored_text_are_escaped(tmp_path: Path, args: list[str]) -> None:
    db = _store(tmp_path / "s.db", CONTROL)
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    # the payload's own sequences never reach the terminal (Rich's styling, if any, is not these)
    for raw in ("\x1b[31mred", "\x1b]8;;", "\x07", "\x9b"):
        assert raw not in result.output, (raw, result.output)
    assert "\\x1b[31mred\\x1b[0m" in result.output
    assert "\\x1b]8;;http://evil.example\\x07link" in result.output


def test_markup_in_a_skipped_input_is_printed_literally(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "title": "T [/x]", "text": "SYNTHETIC.", "published": "[/oops]"}) + "\n"
    )
    (folder / "evil\x1b[31m[red]name\x9b.txt").write_text("")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "'[/oops]'" in result.output
    assert "evil\\x1b[31m[red]name\\x9b.txt: empty file" in result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output


def test_terminal_helpers() -> None:
    assert visible("a\x1bb\x00c\x7fd\x85e\u202ef") == "a\\x1bb\\x00c\\x7fd\\x85e\\u202ef"
    assert visible("one\ntwo\tthree") == "one\\x0atwo\\x09three"
    assert visible("one\ntwo\tthree", keep_lines=True) == "one\ntwo\tthree"
    assert text("[bold]x[/bold]").plain == "[bold]x[/bold]"
    assert line("skipped ", "[red]a\nb").plain == "skipped [red]a\\x0ab"


def _csv_rows(events: list[Event]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export.to_csv(events), newline="")))


@pytest.mark.parametrize("payload", FORMULAS)
def test_csv_cells_never_start_with_a_formula(payload: str) -> None:
    rows = _csv_rows([_event(payload, payload, article_id=payload)])
    assert rows
    for row in rows:
        for column, cell in row.items():
            assert cell[:1] not in export.FORMULA_START, (column, cell)
            assert cell.lstrip()[:1] not in export.FORMULA_START, (column, cell)
    assert rows[0]["event_id"] == "'" + payload  # neutralised, not lost: the quote is the only change


def test_csv_cell_with_a_carriage_return_stays_one_cell() -> None:
    rows = _csv_rows([_event("ev-1", "a\rb\nc")])
    assert len(rows) == 1 and rows[0]["location"] == "Ramadi a\rb\nc"


def test_csv_numbers_stay_numbers() -> None:
    row = _csv_rows([_event("ev-1", "plain")])[0]
    assert (row["latitude"], row["fatalities"], row["location"]) == ("33.42", "2", "Ramadi plain")


def test_events_csv_command_neutralises_every_text_field(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", "x")
    store = SQLiteStore(db)
    hostile = _event("=cmd|' /C calc'!A0", "x")
    fields = ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "location")
    store.replace_events([replace(hostile, **dict.fromkeys(fields, "=1+1"))], {})
    store.close()
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 3
    for row in rows:
        for cell in row:
            assert cell[:1] not in export.FORMULA_START, cell
    assert "'=1+1" in rows[1] + rows[2]


def test_jsonl_escapes_c1_controls_and_keeps_the_text() -> None:
    record = {"title": "a\x9bb\u202ec\x1bd"}
    out = export.to_jsonl([record])
    assert "\x9b" not in out and "\u202e" not in out and "\x1b" not in out
    assert json.loads(out) == record
