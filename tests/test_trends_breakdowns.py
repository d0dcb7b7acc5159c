"""Trends per district, PRIO-GRID cell and time of day, on SYNTHETIC events (tests/factories.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.analyse.series import NO_DISTRICT, trends
from sitrep.cli import app
from sitrep.geo.priogrid import NO_CELL, cell_of, priogrid_gid
from sitrep.model import Article, Event
from sitrep.store import EventFilter, SQLiteStore, Store, open_store
from sitrep.store.sqlite import _with_floor
from tests.factories import synthetic_event


def test_priogrid_cells_count_from_the_south_west_corner() -> None:
    assert priogrid_gid(-89.9, -179.9) == 1  # the first cell
    assert priogrid_gid(-89.9, -179.4) == 2  # eastward along the row
    assert priogrid_gid(-89.4, -179.9) == 721  # then the next row north
    assert priogrid_gid(89.9, 179.9) == 360 * 720  # the last, in the north-east corner
    assert priogrid_gid(90, 180) == 360 * 720  # the pole and the antimeridian stay on the grid
    # Baghdad, 33.31N 44.36E: row floor(123.31 / 0.5) = 246, column floor(224.36 / 0.5) = 448
    assert priogrid_gid(33.31, 44.36) == 246 * 720 + 448 + 1 == 177569
    # a point on a cell's edge is in the cell to its north and east
    assert priogrid_gid(33.5, 44.5) == 247 * 720 + 449 + 1
    # published by ViEWS' PRIO-GRID utilities: (10.51N, 2.29E) is cell 145085
    assert priogrid_gid(10.51, 2.29) == 145085
    with pytest.raises(ValueError, match="latitude"):
        priogrid_gid(91, 0)


def test_only_events_placed_to_a_town_or_near_one_have_a_cell() -> None:
    assert cell_of(33.31, 44.36, 1) == cell_of(33.31, 44.36, 2) == 177569
    assert cell_of(33.31, 44.36, 3) is None  # a governorate's centre
    assert cell_of(None, 44.36, 1) is None


def _events() -> list[Event]:
    return [
        synthetic_event(event_id="a", admin2="Ramadi", time_of_day="night", fatalities=2),
        synthetic_event(event_id="b", admin2="Ramadi", time_of_day="morning", event_date=date(2021, 3, 3)),
        synthetic_event(event_id="c", admin2=None, latitude=34.45, longitude=41.95, location="Al Qaim"),
        synthetic_event(event_id="d", geo_precision=3, latitude=33.0, longitude=42.0, time_of_day="night"),
        synthetic_event(
            event_id="e",
            admin1="Baghdad",
            admin1_code="IQ-BG",
            admin2="Baghdad",
            latitude=33.31,
            longitude=44.36,
            fatalities=5,
        ),
        synthetic_event(event_id="f", event_date=None, time_of_day="night"),
    ]


def _rows(breakdown: str) -> set[tuple[str, str, int, int]]:
    result = trends(_events(), "month", breakdown)  # type: ignore[arg-type]
    assert result.left_out == 1  # the undated event, whatever the breakdown
    return {(r.admin1, r.group, r.events, r.fatalities) for r in result.rows}


def test_trends_by_district_keep_events_with_no_district_in_their_own_group() -> None:
    assert _rows("admin2") == {
        ("Al Anbar", "Ramadi", 2, 3),
        ("Al Anbar", NO_DISTRICT, 2, 2),
        ("Baghdad", "Baghdad", 1, 5),
    }


def test_trends_by_priogrid_cell() -> None:
    ramadi = str(priogrid_gid(33.42, 43.30))
    qaim = str(priogrid_gid(34.45, 41.95))
    assert _rows("priogrid") == {
        ("Al Anbar", ramadi, 2, 3),
        ("Al Anbar", qaim, 1, 1),
        ("Al Anbar", NO_CELL, 1, 1),  # placed only to the governorate
        ("Baghdad", "177569", 1, 5),
    }


def test_trends_by_time_of_day_count_events_without_one_as_unknown() -> None:
    assert _rows("time_of_day") == {
        ("Al Anbar", "night", 2, 3),
        ("Al Anbar", "morning", 1, 1),
        ("Al Anbar", "unknown", 1, 1),
        ("Baghdad", "unknown", 1, 5),
    }


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    location = request.getfixturevalue("postgres_url") if request.param == "postgres" else "sqlite://"
    backend = open_store(location)
    yield backend
    backend.close()


def test_the_store_counts_per_cell_as_the_analysis_does(store: Store) -> None:
    store.add_article(Article("art-1", "SYNTHETIC", "SYNTHETIC", None, content_hash="h"), b"", None)
    events = [e for e in _events() if e.event_id != "f"]
    edge = synthetic_event(event_id="g", latitude=33.5, longitude=44.5, fatalities=0)  # on a cell's corner
    south_west = synthetic_event(event_id="h", latitude=-90.0, longitude=-180.0, fatalities=0)
    store.replace_events([*events, edge, south_west], {})
    by_cell = {r.group: r.events for r in store.event_series(EventFilter(), None, "priogrid")}
    from_python = trends([*events, edge, south_west], "month", "priogrid")
    expected: dict[str, int] = {}
    for r in from_python.rows:
        expected[r.group] = expected.get(r.group, 0) + r.events
    assert by_cell == expected
    assert by_cell["1"] == 1 and by_cell[str(247 * 720 + 449 + 1)] == 1 and by_cell[NO_CELL] == 1


class _NoMath:
    """A connection whose SQLite was built without its math functions."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")
        self.added: list[str] = []

    def execute(self, sql: str) -> None:
        if "floor(" in sql and not self.added:
            raise sqlite3.OperationalError("no such function: floor")
        self.db.execute(sql)

    def create_function(self, name: str, n: int, fn: object, deterministic: bool = False) -> None:
        self.added.append(name)
        self.db.create_function(name, n, fn, deterministic=deterministic)  # type: ignore[arg-type]


def test_sqlite_without_math_functions_gets_floor_from_python() -> None:
    conn = _NoMath()
    _with_floor(conn)  # type: ignore[arg-type]
    assert conn.added == ["floor"]
    assert conn.db.execute("SELECT floor(2.5), floor(0.0)").fetchone() == (2, 0)


def test_trends_command_breaks_down_by_the_new_groups(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = SQLiteStore(db)
    store.add_article(Article("art-1", "SYNTHETIC", "SYNTHETIC", None, content_hash="h"), b"", None)
    store.replace_events([e for e in _events() if e.event_id != "f"], {})
    store.close()
    runner = CliRunner()
    night = runner.invoke(app, ["trends", "--db", str(db), "--by", "time_of_day"])
    assert night.exit_code == 0, night.output
    assert "time_of_day" in night.output and "night" in night.output and "unknown" in night.output
    cells = runner.invoke(app, ["trends", "--db", str(db), "--by", "priogrid"])
    assert cells.exit_code == 0 and "177569" in cells.output
    districts = runner.invoke(app, ["trends", "--db", str(db), "--by", "admin2"])
    assert districts.exit_code == 0 and NO_DISTRICT in districts.output
    assert runner.invoke(app, ["trends", "--db", str(db), "--by", "village"]).exit_code == 2
