"""Human-coded datasets (UCDP GED, ACLED, GTD): CSV rows -> events of their own dataset.

A row that cannot be an event is a `Problem` naming its row number and the reason; the others are read.
Each event's id is its dataset's own row id ("ucdp:176092"), so reading a file twice gives the same events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Dataset, Event, Problem
from . import acled, gtd, ucdp
from .rows import Row, RowError, header_of, read_rows

_READERS: dict[Dataset, tuple[tuple[str, ...], Callable[[Row], Event]]] = {
    "ucdp": (ucdp.COLUMNS, ucdp.ucdp_event),
    "acled": (acled.COLUMNS, acled.acled_event),
    "gtd": (gtd.COLUMNS, gtd.gtd_event),
}


@dataclass(frozen=True)
class CodedFile:
    """A coded dataset's file as read: its events, and the rows refused with why."""

    dataset: Dataset
    path: Path
    rows: int
    events: tuple[Event, ...]
    problems: tuple[Problem, ...]


def dataset_of(path: Path) -> Dataset:
    """Which coded dataset a CSV file is, from its header."""
    columns = set(header_of(path))
    for dataset, (required, _) in _READERS.items():
        if columns.issuperset(required):
            return dataset
    raise InputError(
        str(path), "not a UCDP GED, ACLED or GTD CSV (its header has none's columns): say which with --as"
    )


def read_coded(dataset: Dataset, path: Path) -> CodedFile:
    if dataset not in _READERS:
        raise ValueError(f"no reader for dataset {dataset!r}: one of {', '.join(_READERS)}")
    columns, to_event = _READERS[dataset]
    events: list[Event] = []
    problems: list[Problem] = []
    first_row: dict[str, int] = {}
    rows = 0
    for row in read_rows(path, columns):
        rows += 1
        where = f"{path} row {row.number}"
        if row.malformed:
            problems.append(Problem(where, row.malformed))
            continue
        try:
            event = to_event(row.values)
        except RowError as e:
            problems.append(Problem(where, str(e)))
            continue
        if event.event_id in first_row:
            problems.append(Problem(where, f"id {event.event_id} is already row {first_row[event.event_id]}"))
            continue
        first_row[event.event_id] = row.number
        events.append(event)
    return CodedFile(dataset, path, rows, tuple(events), tuple(problems))


__all__ = ["CodedFile", "dataset_of", "read_coded"]
