"""sitrep's events beside a coded dataset's, on SYNTHETIC events and CSV rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.analyse.compare import compare
from sitrep.cli import app
from sitrep.coded import dataset_of
from sitrep.errors import InputError
from sitrep.model import Article
from sitrep.store import SQLiteStore
from tests.coded_csv import GTD_HEADER, GTD_SUBSET_HEADER, UCDP_HEADER, gtd_row, write_csv
from tests.factories import synthetic_event


def test_counts_matches_and_one_side_only() -> None:
    ours = [
        synthetic_event(event_id="a", event_date=date(2021, 1, 5), fatalities=2),
        synthetic_event(event_id="b", event_date=date(2021, 1, 20), fatalities=1),
        synthetic_event(event_id="c", event_date=date(2021, 2, 3), admin1="Kirkuk", fatalities=0),
        synthetic_event(event_id="d", event_date=date(2020, 6, 1)),  # before the other side's months
    ]
    theirs = [
        replace(e, dataset="gtd")
        for e in (
            synthetic_event(event_id="x", event_date=date(2021, 1, 6), fatalities=3),  # a, a day apart
            synthetic_event(event_id="y", event_date=date(2021, 1, 25), fatalities=1),  # too far from b
            synthetic_event(event_id="z", event_date=date(2021, 2, 10), admin1="Diyala", fatalities=4),
        )
    ]
    result = compare(ours, theirs)
    assert (result.first, result.last) == (date(2021, 1, 1), date(2021, 2, 1))
    assert [
        (c.admin1, c.month.month, c.ours_events, c.theirs_events, c.ours_fatalities, c.theirs_fatalities)
        for c in result.cells
    ] == [
        ("Al Anbar", 1, 2, 2, 3, 4),
        ("Diyala", 2, 0, 1, 0, 4),
        ("Kirkuk", 2, 1, 0, 0, 0),
    ]
    assert (result.ours_events, result.theirs_events, result.matched) == (3, 3, 1)
    assert (result.only_ours, result.only_theirs) == (2, 2)
    assert (result.cells_only_ours, result.cells_only_theirs) == (1, 1)
    assert result.left_out == 1
    assert result.events_correlation == pytest.approx(0.5)


def test_nothing_shared() -> None:
    result = compare([synthetic_event(event_date=date(2020, 1, 1))], [])
    assert result.first is None and result.cells == ()


def test_dataset_told_by_the_header(tmp_path: Path) -> None:
    assert dataset_of(write_csv(tmp_path / "u.csv", UCDP_HEADER, [])) == "ucdp"
    assert dataset_of(write_csv(tmp_path / "g.csv", GTD_HEADER, [])) == "gtd"
    assert dataset_of(write_csv(tmp_path / "s.csv", GTD_SUBSET_HEADER, [])) == "gtd"
    with pytest.raises(InputError, match="--as"):
        dataset_of(write_csv(tmp_path / "x.csv", ["a", "b"], []))


def test_compare_command(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = SQLiteStore(db)
    store.add_article(
        Article("art-1", "SYNTHETIC", "SYNTHETIC.", None, content_hash="h1"), b"\x00" * 512, None
    )
    store.replace_events(
        [synthetic_event(event_id="a", event_date=date(2021, 2, 14), admin1="Salah al-Din")], {}
    )
    store.close()
    csv = write_csv(tmp_path / "gtd.csv", GTD_HEADER, [gtd_row(), gtd_row(eventid="2", iday="20")])
    result = CliRunner().invoke(app, ["compare", "--with", str(csv), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "sitrep vs gtd, 2021-02..2021-02" in result.output
    assert "events: sitrep 1, gtd 2; matched one to one (same governorate, within a day): 1" in result.output
    wrong = CliRunner().invoke(app, ["compare", "--with", str(csv), "--as", "ucdp", "--db", str(db)])
    assert wrong.exit_code == 2 and "no column" in wrong.output
