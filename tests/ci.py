"""Tests that need an outside program (Chromium, a PostgreSQL server) skip locally when it is missing and
fail in CI (CI=true), where `.ci/run` provides it."""

from __future__ import annotations

import os

import pytest


def unavailable(reason: str, tests: str) -> None:
    """Skip the test for `reason`, or fail it under CI, which must run `tests` ("the browser tests")."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}; CI must run {tests} (see .ci/run)")
    pytest.skip(reason)
