"""Errors as sentences: each failure is one line on stderr and an exit code, never a traceback.
No spaCy model is loaded; the one database with an event in it is filled directly (SYNTHETIC)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sitrep import cli, pipeline
from sitrep.cli import app
from sitrep.config import Config
from sitrep.errors import SettingError
from sitrep.model import Article, Event
from sitrep.store import SQLiteStore

from .factories import synthetic_event

runner = CliRunner()


def _one_line_error(result: Result, code: int, *words: str) -> str:
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    message = result.stderr.strip()
    assert "\n" not in message, message
    assert "Traceback" not in result.output
    for w in words:
        assert w in message, (w, message)
    return message


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("SITREP_MAX_FILE_MB", "ten", "a number of megabytes above 0"),
        ("SITREP_MAX_FILE_MB", "-1", "a number of megabytes above 0"),
        ("SITREP_DUP_CONTAINMENT", "2", "a number above 0 and at most 1"),
        ("SITREP_DUP_CONTAINMENT", "nan", "a number above 0 and at most 1"),
    ],
)
def test_bad_setting_is_a_sentence(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingError, match=variable):
        Config.from_env()
    result = runner.invoke(app, ["events"])
    _one_line_error(result, 2, variable, repr(value), expected)


def test_help_works_whatever_the_settings() -> None:
    env = {**os.environ, "SITREP_MAX_FILE_MB": "ten", "SITREP_DUP_CONTAINMENT": "lots"}
    code = "from sitrep.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, "--help"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "events" in done.stdout and "Traceback" not in done.stderr


def test_report_in_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["run", "--demo", "--db", str(db), "--report", "/nonexistent/dir/r.html"])
    _one_line_error(result, 2, "cannot write the report to /nonexistent/dir/r.html", "does not exist")
    assert not db.exists()


def test_report_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--demo", "--db", str(tmp_path / "s.db"), "--report", str(tmp_path)])
    _one_line_error(result, 2, "is a directory")


def _event() -> Event:
    return synthetic_event(event_id="ev-kept")


def test_report_failing_after_the_run_keeps_the_stored_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report can only fail once the events are committed: they stay, and the error says so."""
    report = tmp_path / "r.html"

    def fake_run(paths: object, store: SQLiteStore, *args: object, **kwargs: object) -> pipeline.RunResult:
        store.add_article(Article("art-1", "SYNTHETIC", "SYNTHETIC.", None, content_hash="h1"), b"", None)
        store.replace_events([_event()], {})
        report.mkdir()  # the path turns unwritable while the run works
        return pipeline.RunResult()

    monkeypatch.setattr(pipeline, "run", fake_run)
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["run", "--demo", "--db", str(db), "--report", str(report)])
    _one_line_error(result, 2, f"cannot write the report to {report}", f"stored in {db}")
    store = SQLiteStore(db, create=False)
    assert [e.event_id for e in store.events()] == ["ev-kept"]
    store.close()


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["events", "--explain", "ev-1"],
        ["articles"],
        ["places", "--unresolved"],
        ["map", "-o", "{tmp}/m.html"],
    ],
)
def test_reading_commands_never_create_a_database(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "missing.db"
    result = runner.invoke(app, [*(a.format(tmp=tmp_path) for a in args), "--db", str(db)])
    _one_line_error(result, 2, f"no sitrep database at {db}")
    assert not db.exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("SYNTHETIC: not a database\n" * 100)
    result = runner.invoke(app, ["events", "--db", str(db)])
    _one_line_error(result, 2, str(db))
    assert db.read_text().startswith("SYNTHETIC")


def test_markup_in_a_path_prints_literally(tmp_path: Path) -> None:
    db = tmp_path / "[red]x[/red][/oops].db"
    result = runner.invoke(app, ["articles", "--db", str(db)])
    _one_line_error(result, 2, "[red]x[/red][/oops].db")


def test_geonames_without_a_country(tmp_path: Path) -> None:
    result = runner.invoke(app, ["gazetteer", "build", str(tmp_path), "--geonames", "foo"])
    _one_line_error(result, 2, "--geonames", "'foo' is not PATH:COUNTRY_NAME")


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [("--geonames", "{tmp}/IR.txt:Iran", "GeoNames dump"), ("--places", "{tmp}/mine.tsv", "places file")],
)
def test_gazetteer_input_missing(tmp_path: Path, option: str, value: str, words: str) -> None:
    out_dir = tmp_path / "out"
    args = [
        "gazetteer",
        "build",
        str(tmp_path),
        "--out-dir",
        str(out_dir),
        option,
        value.format(tmp=tmp_path),
    ]
    result = runner.invoke(app, args)
    _one_line_error(result, 2, words, "not found")
    assert not out_dir.exists()


def test_map_into_a_missing_folder(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    result = runner.invoke(app, ["map", "--db", str(db), "-o", str(tmp_path / "no" / "m.html")])
    _one_line_error(result, 2, "cannot write the map", "does not exist")


def test_extract_into_a_missing_folder(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("")
    result = runner.invoke(app, ["extract", str(source), "-o", str(tmp_path / "no" / "e.jsonl")])
    _one_line_error(result, 2, "cannot write the events", "does not exist")


def _boom(*_: object) -> object:
    raise RuntimeError("boom [red]\x1b[2J")


def test_unexpected_error_is_one_line_and_exit_70(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    monkeypatch.setattr(cli, "unresolved_places", _boom)
    result = runner.invoke(app, ["places", "--unresolved", "--db", str(db)])
    message = _one_line_error(result, 70, "internal error: RuntimeError: boom [red]\\x1b[2J", "please report")
    assert "\x1b" not in message


def test_unexpected_error_with_debug_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    monkeypatch.setattr(cli, "unresolved_places", _boom)
    monkeypatch.setenv("SITREP_DEBUG", "1")
    result = runner.invoke(app, ["places", "--unresolved", "--db", str(db)])
    assert isinstance(result.exception, RuntimeError)


def test_interrupt_is_one_line_and_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()

    def interrupted(*_: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "unresolved_places", interrupted)
    result = runner.invoke(app, ["places", "--unresolved", "--db", str(db)])
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted; everything committed so far is kept, re-run to finish"


def test_usage_error_is_one_line(tmp_path: Path) -> None:
    args = ["events", "--db", str(tmp_path / "x.db"), "--since", "yesterday"]
    result = runner.invoke(app, args, prog_name="sitrep")
    _one_line_error(result, 2, "dates are YYYY-MM-DD", "sitrep events --help")
