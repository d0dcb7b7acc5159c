"""Reading a coded dataset's CSV: rows numbered as a spreadsheet shows them, and the checks every reader shares."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..geo.admin1 import governorate_name, iso_code

Row = Mapping[str, str]


class RowError(ValueError):
    """One row cannot be an event; the message is the reason, written for the person who fixes the file."""


@dataclass(frozen=True)
class NumberedRow:
    number: int  # data row, counted from 1 after the header (a spreadsheet shows it on line number + 1)
    values: Row
    malformed: str | None = None  # why the row's shape is wrong (too many or too few fields)


def header_of(path: Path) -> list[str]:
    """The first line's column names."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return next(csv.reader(handle), [])
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    except (UnicodeDecodeError, csv.Error) as e:
        raise InputError(str(path), f"not a UTF-8 CSV file ({e})") from e


def read_rows(path: Path, required: tuple[str, ...]) -> Iterator[NumberedRow]:
    """The file's rows as header -> value; the whole file is refused when it is unreadable or lacks a column."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
            missing = [c for c in required if c not in header]
            if missing:
                raise InputError(str(path), f"not this dataset's CSV: no column {', '.join(missing)}")
            for number, row in enumerate(reader, start=1):
                if None in row or any(v is None for v in row.values()):
                    fields = len(row) - 1 + len(row.get(None) or [])
                    yield NumberedRow(number, {}, f"{fields} fields where the header has {len(header)}")
                    continue
                yield NumberedRow(number, row)
        except UnicodeDecodeError as e:
            raise InputError(str(path), f"not UTF-8 text ({e.reason} at byte {e.start})") from e
        except csv.Error as e:
            raise InputError(str(path), f"not valid CSV at line {reader.line_num}: {e}") from e


def text(row: Row, field: str) -> str | None:
    value = row.get(field, "").strip()
    return value or None


def count(row: Row, field: str, default: int | None = None) -> int | None:
    """A non-negative whole number ("3", "3.0"); empty gives `default`."""
    raw = row.get(field, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise RowError(f"{field} {raw!r} is not a number") from None
    if value != int(value) or value < 0:
        raise RowError(f"{field} {raw!r} is not a count (a whole number, 0 or more)")
    if value > 1_000_000:
        raise RowError(f"{field} {raw!r} is too large to be a count")
    return int(value)


def coordinate(row: Row, field: str, limit: float) -> float | None:
    raw = row.get(field, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise RowError(f"{field} {raw!r} is not a number") from None
    if not -limit <= value <= limit:
        raise RowError(f"{field} {raw!r} is outside -{limit:g}..{limit:g}")
    return value


def governorate(name: str | None) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(ACLED governorate name, ISO code, warnings) for a governorate as the dataset spells it."""
    if not name:
        return None, None, ()
    iso = iso_code(name)
    if iso is None:
        return None, None, (f"governorate not recognised: {name}",)
    return governorate_name(iso), iso, ()


def row_digest(row: Row) -> str:
    """A stable id for a row that has none of its own: a hash of its fields and values."""
    canonical = "\x1f".join(f"{k}\x1e{row[k]}" for k in sorted(row))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]
