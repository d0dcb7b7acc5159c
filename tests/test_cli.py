from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import SETTINGS

from .conftest import FIXTURES

runner = CliRunner()
ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_run_demo_then_query(tmp_path: Path) -> None:
    db, report = tmp_path / "d.db", tmp_path / "r.html"
    result = runner.invoke(app, ["run", "--demo", "--db", str(db), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "incidents new or changed this run" in result.output
    assert "1 syndicated copies" in result.output
    html = report.read_text()
    assert "<svg" in html and "Incidents per governorate" in html and "Source sentences" in html
    csv_out = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--admin1", "Anbar"])
    assert csv_out.exit_code == 0
    lines = csv_out.output.strip().splitlines()
    assert lines[0].startswith("event_id,event_date") and len(lines) >= 2
    assert all("Al Anbar" in line for line in lines[1:])
    listed = runner.invoke(app, ["articles", "--db", str(db), "--format", "json"])
    copies = [json.loads(line) for line in listed.output.splitlines() if json.loads(line)["copy_of"]]
    assert len(copies) == 1
    again = runner.invoke(app, ["run", "--demo", "--db", str(db), "--report", str(report)])
    assert "0 new" in again.output
    status = runner.invoke(app, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "0 pending, 0 failed" in status.output and "records set aside: 0" in status.output


@pytest.mark.slow
def test_status_lists_records_set_aside(tmp_path: Path) -> None:
    db, report = tmp_path / "d.db", tmp_path / "r.html"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        (FIXTURES / "feed.jsonl").read_text() + '{"id": "bad", "text": "x", "published": "9999-01-01"}\n'
    )
    result = runner.invoke(app, ["run", str(feed), "--db", str(db), "--report", str(report)])
    assert result.exit_code == 0, result.output
    status = runner.invoke(app, ["status", "--db", str(db)])
    assert "records set aside: 1" in status.output
    assert f"{feed}:" in status.output.replace("\n", "") or "feed.jsonl" in status.output
    assert "9999" in status.output
    assert runner.invoke(app, ["status", "--db", str(tmp_path / "typo.db")]).exit_code == 2
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.slow
def test_extract_contract(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", str(FIXTURES / "feed.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["article_ids"][0] for r in records} == {"t-001", "t-002"}
    for r in records:
        for key in (
            "event_id",
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "admin1",
            "admin1_code",
            "latitude",
            "longitude",
            "fatalities",
            "injured",
            "evidence",
        ):
            assert key in r


def test_strict_exits_nonzero_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = runner.invoke(
        app,
        ["run", str(bad), "--db", str(tmp_path / "x.db"), "--report", str(tmp_path / "r.html"), "--strict"],
    )
    assert result.exit_code == 1
    assert "empty file" in result.output


def test_bad_date_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.db"), "--since", "yesterday"])
    assert result.exit_code == 2


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    for s in SETTINGS:
        assert f"SITREP_{s.name.upper()}" in readme, s.name


def test_readme_documents_every_command_and_option() -> None:
    readme = (ROOT / "README.md").read_text()
    root = typer.main.get_command(app)
    commands = getattr(root, "commands", {})
    assert commands
    for name, command in commands.items():
        assert f"sitrep {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"sitrep {name} {opt}"
