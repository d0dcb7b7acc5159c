"""Headless Chromium for the browser tests: Debian's chromium driven by Playwright (`playwright install` is
never run). Without chromium or Playwright the tests are skipped locally and fail in CI (CI=true)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.ci import unavailable


def chromium_path() -> str | None:
    wanted = os.environ.get("SITREP_CHROMIUM")
    return shutil.which(wanted) if wanted else shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def chromium_page(dialogs: list[str], **page_options: Any) -> Iterator[Any]:
    """A page in headless Chromium; every dialog a page opens is dismissed and its message kept in `dialogs`."""
    executable = chromium_path()
    if executable is None:
        unavailable("chromium not found (Debian: apt-get install chromium)", "the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright for Python not installed (pip install -e '.[dev]')", "the browser tests")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable)
        page = chromium.new_page(**page_options)

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        try:
            yield page
        finally:
            chromium.close()
