"""`sitrep import`: SYNTHETIC coded-dataset files (tests/coded_csv.py) in, events of their own dataset out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.coded import read_coded
from sitrep.coded.load import import_dataset
from sitrep.errors import InputError
from sitrep.store import EventFilter, SQLiteStore
from tests.coded_csv import (
    ACLED_HEADER,
    GTD_HEADER,
    GTD_SUBSET_HEADER,
    UCDP_HEADER,
    acled_row,
    gtd_row,
    gtd_subset_row,
    ucdp_row,
    write_csv,
)

runner = CliRunner()


def test_ucdp_row_becomes_an_event_of_its_own_dataset(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ged.csv", UCDP_HEADER, [ucdp_row()])
    (event,) = read_coded("ucdp", path).events
    assert event.event_id == "ucdp:900001"
    assert event.dataset == "ucdp"
    assert (event.admin1, event.admin1_code) == ("Ninewa", "IQ-NI")
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (3, 3, 5)
    assert event.event_date == date(2016, 5, 2) and event.date_precision == "day"
    assert event.event_type == "Battles" and event.geo_precision == 1
    assert event.sources == () and event.evidence == ()


def test_bad_rows_are_named_with_their_row_number_and_skipped(tmp_path: Path) -> None:
    rows = [
        ucdp_row(id="1"),
        ucdp_row(id="2", date_start="2016-13-40"),
        ucdp_row(id="3", best="many"),
        ucdp_row(id="4", type_of_violence="9"),
        ucdp_row(id=""),
        ucdp_row(id="1"),
        ucdp_row(id="7", latitude="361"),
        ucdp_row(id="8", best="-2"),
        ucdp_row(id="9"),
    ]
    path = write_csv(tmp_path / "ged.csv", UCDP_HEADER, rows)
    coded = read_coded("ucdp", path)
    assert [e.event_id for e in coded.events] == ["ucdp:1", "ucdp:9"]
    assert coded.rows == 9
    reasons = {p.where.rsplit(" ", 1)[1]: p.reason for p in coded.problems}
    assert set(reasons) == {"2", "3", "4", "5", "6", "7", "8"}
    assert "date_start" in reasons["2"]
    assert "best 'many' is not a number" in reasons["3"]
    assert "type_of_violence" in reasons["4"]
    assert reasons["5"] == "no id"
    assert reasons["6"] == "id ucdp:1 is already row 1"
    assert "latitude" in reasons["7"]
    assert "not a count" in reasons["8"]


def test_a_short_row_is_refused_and_a_missing_column_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    write_csv(path, UCDP_HEADER, [ucdp_row(id="1")])
    with path.open("a", encoding="utf-8") as f:
        f.write("2,2016,2016-01-01\n")
    coded = read_coded("ucdp", path)
    assert len(coded.events) == 1
    assert coded.problems[0].where.endswith("row 2") and "fields" in coded.problems[0].reason
    with pytest.raises(InputError, match="no column best"):
        read_coded("ucdp", write_csv(tmp_path / "x.csv", [c for c in UCDP_HEADER if c != "best"], []))


def test_ucdp_range_out_of_order_keeps_best_and_warns(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ged.csv", UCDP_HEADER, [ucdp_row(low="7", best="7", high="6")])
    (event,) = read_coded("ucdp", path).events
    assert event.fatalities == 7 and event.fatalities_low is None and event.fatalities_high is None
    assert event.warnings[0].startswith("deaths out of order")


def test_gtd_rows_full_and_subset(tmp_path: Path) -> None:
    full = write_csv(
        tmp_path / "gtd.csv",
        GTD_HEADER,
        [
            gtd_row(),
            gtd_row(eventid="209901010002", iday="0", nkill="", provstate="Unknown"),
            gtd_row(eventid="209901010003", attacktype1_txt="Armed Assault", targtype1_txt="Police"),
            gtd_row(eventid="209901010004", attacktype1_txt="Telepathy"),
        ],
    )
    coded = read_coded("gtd", full)
    first, month_only, assault = coded.events
    assert first.event_id == "gtd:209901010001" and first.event_type == "Explosions/Remote violence"
    assert (first.fatalities, first.injured, first.admin1) == (2, 4, "Salah al-Din")
    assert month_only.date_precision == "month" and month_only.event_date == date(2021, 2, 1)
    assert month_only.fatalities == 0 and any("not coded" in w for w in month_only.warnings)
    assert month_only.admin1 is None
    assert assault.event_type == "Battles"
    assert "attacktype1_txt" in coded.problems[0].reason

    subset = write_csv(
        tmp_path / "sub.csv", GTD_SUBSET_HEADER, [gtd_subset_row(), gtd_subset_row(city="Other")]
    )
    a, b = read_coded("gtd", subset).events
    assert a.event_id.startswith("gtd:row-") and a.event_id != b.event_id
    assert read_coded("gtd", subset).events[0].event_id == a.event_id


def test_acled_rows(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [acled_row(), acled_row(event_id_cnty="IRQ99002", event_date="16 March 2021", event_type="Feud")],
    )
    coded = read_coded("acled", path)
    (event,) = coded.events
    assert event.event_id == "acled:IRQ99001" and event.admin1_code == "IQ-DI" and event.fatalities == 1
    assert "event_type 'Feud'" in coded.problems[0].reason


def test_reimport_changes_nothing_and_imported_events_stay_apart(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ged.csv", UCDP_HEADER, [ucdp_row(id="1"), ucdp_row(id="2", best="4", high="4")]
    )
    store = SQLiteStore(tmp_path / "s.db")
    first = import_dataset("ucdp", path, store)
    again = import_dataset("ucdp", path, store)
    assert (first.write.added, first.write.unchanged) == (2, 0)
    assert (again.write.added, again.write.changed, again.write.unchanged) == (0, 0, 2)
    assert store.events() == []  # extracted events only, by default
    assert [e.event_id for e in store.events(EventFilter(dataset="ucdp"))] == ["ucdp:1", "ucdp:2"]
    assert store.events(EventFilter(dataset="gtd")) == []
    write_csv(path, UCDP_HEADER, [ucdp_row(id="1"), ucdp_row(id="2", best="5", high="5")])
    changed = import_dataset("ucdp", path, store)
    assert (changed.write.added, changed.write.changed, changed.write.unchanged) == (0, 1, 1)
    store.close()


def test_import_command(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ged.csv", UCDP_HEADER, [ucdp_row(id="1"), ucdp_row(id="2", best="x")])
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["import", "ucdp", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 rows: 1 events (1 new, 0 changed, 0 unchanged), 1 rows refused" in result.output
    assert "row 2: best 'x' is not a number" in result.output
    again = runner.invoke(app, ["import", "ucdp", str(path), "--db", db])
    assert "(0 new, 0 changed, 1 unchanged)" in again.output
    assert runner.invoke(app, ["import", "wiki", str(path), "--db", db]).exit_code == 2
    assert runner.invoke(app, ["import", "ucdp", str(tmp_path / "none.csv"), "--db", db]).exit_code == 2
