"""Import a coded dataset's file into the store: its events are stored apart from extracted ones."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Dataset
from ..store import DatasetWrite, Store
from . import CodedFile, read_coded


@dataclass(frozen=True)
class ImportResult:
    file: CodedFile
    write: DatasetWrite
    warnings: tuple[
        tuple[str, int], ...
    ]  # warnings on kept events (the text before any ':'), most common first


def import_dataset(dataset: Dataset, path: Path, store: Store) -> ImportResult:
    """Read `path` as `dataset` and store its events in one transaction; refused rows are in `file.problems`."""
    coded = read_coded(dataset, path)
    write = store.put_dataset_events(coded.events)
    kinds = Counter(w.split(":")[0] for e in coded.events for w in e.warnings)
    return ImportResult(coded, write, tuple(kinds.most_common()))
