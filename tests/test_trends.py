"""Trends on SYNTHETIC events (tests/factories.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.analyse.series import (
    ALL,
    MonthlySeries,
    add_months,
    monthly_series,
    monthly_series_of_rows,
    months_between,
    total_series,
    trends,
)
from sitrep.cli import app
from sitrep.coded.load import import_dataset
from sitrep.store import SQLiteStore
from sitrep.store.base import SeriesRow
from tests.coded_csv import UCDP_HEADER, ucdp_row, write_csv
from tests.factories import synthetic_event


def test_month_arithmetic() -> None:
    assert add_months(date(2016, 11, 1), 3) == date(2017, 2, 1)
    assert add_months(date(2016, 1, 1), -1) == date(2015, 12, 1)
    assert months_between(date(2016, 11, 20), date(2017, 1, 2)) == [
        date(2016, 11, 1),
        date(2016, 12, 1),
        date(2017, 1, 1),
    ]


def test_counts_per_month_and_week_by_type_and_actor() -> None:
    events = [
        synthetic_event(event_id="a", event_date=date(2021, 3, 1), fatalities=2, actor1="Group A"),
        synthetic_event(event_id="b", event_date=date(2021, 3, 9), fatalities=1, event_type="Protests"),
        synthetic_event(event_id="c", event_date=date(2021, 3, 9), date_precision="month", fatalities=5),
        synthetic_event(event_id="d", event_date=date(2021, 4, 2), admin1="Kirkuk", admin1_code="IQ-KI"),
        synthetic_event(event_id="e", event_date=None),
        synthetic_event(event_id="f", event_date=date(2021, 5, 2), date_precision="year"),
        synthetic_event(event_id="g", event_date=date(2021, 5, 2), admin1=None, admin1_code=None),
    ]
    monthly = trends(events, "month")
    assert [(r.period, r.admin1, r.group, r.events, r.fatalities) for r in monthly.rows] == [
        (date(2021, 3, 1), "Al Anbar", ALL, 3, 8),
        (date(2021, 4, 1), "Kirkuk", ALL, 1, 1),
    ]
    assert monthly.left_out == 3
    weekly = trends(events, "week", "type")
    assert [(r.period, r.group, r.events) for r in weekly.rows] == [
        (date(2021, 3, 1), "Battles", 1),
        (date(2021, 3, 8), "Protests", 1),
        (date(2021, 3, 29), "Battles", 1),
    ]
    assert weekly.left_out == 4  # the month-precision event too
    by_actor = trends(events, "month", "actor")
    assert {r.group for r in by_actor.rows} == {"Group A", "(no actor named)"}


def test_monthly_series_fills_empty_months_with_zeros() -> None:
    events = [
        synthetic_event(event_id="a", event_date=date(2021, 1, 5), fatalities=3),
        synthetic_event(event_id="b", event_date=date(2021, 3, 5), fatalities=1),
        synthetic_event(event_id="c", event_date=date(2022, 3, 5), fatalities=1),
    ]
    (anbar, kirkuk) = monthly_series(events, date(2021, 1, 1), date(2021, 4, 1), admin1s=["Kirkuk"])
    assert anbar.admin1 == "Al Anbar" and anbar.events == (1, 0, 1, 0) and anbar.fatalities == (3, 0, 1, 0)
    assert kirkuk.events == (0, 0, 0, 0)


def test_trends_command_reads_an_imported_dataset(tmp_path: Path) -> None:
    csv = write_csv(
        tmp_path / "ged.csv",
        UCDP_HEADER,
        [ucdp_row(id="1"), ucdp_row(id="2", date_start="2016-05-20", best="4", high="4")],
    )
    db = tmp_path / "s.db"
    store = SQLiteStore(db)
    import_dataset("ucdp", csv, store)
    store.close()
    result = CliRunner().invoke(app, ["trends", "--db", str(db), "--dataset", "ucdp"])
    assert result.exit_code == 0, result.output
    assert "2016-05" in result.output and "Ninewa" in result.output
    assert "│ 2      │ 7" in result.output
    assert "2 events; 0 left out" in result.output
    empty = CliRunner().invoke(app, ["trends", "--db", str(db)])
    assert "0 events" in empty.output
    assert CliRunner().invoke(app, ["trends", "--db", str(db), "--period", "day"]).exit_code == 2


def test_monthly_series_from_the_stores_rows_and_their_total() -> None:
    rows = [
        SeriesRow(date(2021, 1, 1), "Diyala", 2, 3),
        SeriesRow(date(2021, 3, 1), "Diyala", 1, 0),
        SeriesRow(date(2021, 3, 1), "Basra", 4, 5),
        SeriesRow(None, "Basra", 9, 9),  # a total over the whole range: not a month
    ]
    basra, diyala = monthly_series_of_rows(rows)
    months = (date(2021, 1, 1), date(2021, 2, 1), date(2021, 3, 1))
    assert diyala == MonthlySeries("Diyala", months, (2, 0, 1), (3, 0, 0))
    assert basra == MonthlySeries("Basra", months, (0, 0, 4), (0, 0, 5))
    assert total_series([basra, diyala]) == MonthlySeries("all governorates", months, (2, 0, 5), (3, 0, 5))
    assert monthly_series_of_rows([]) == () and total_series([]) is None
    with pytest.raises(ValueError, match="different months"):
        total_series([basra, MonthlySeries("x", months[:2], (0, 0), (0, 0))])
