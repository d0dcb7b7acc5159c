"""The HTML situation report and map in a real headless Chromium: SYNTHETIC events whose every text
field is an XSS payload render as text, and no script runs.

Needs Debian's chromium (/usr/bin/chromium, or SITREP_CHROMIUM) and Playwright for Python (the dev
extra), driven with that binary: `playwright install` is never run. Outside CI the test is skipped,
with the reason, when either is missing; with CI=true it fails instead (`.ci/run` installs both).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from sitrep.analyse.coverage import source_health
from sitrep.geo.boundaries import governorate_shapes
from sitrep.model import UNRESOLVED_PLACE, Claim, Event, Evidence, Link, Source
from sitrep.report import map_page, render
from sitrep.store.base import ArticleCount
from tests.browser_support import chromium_page

pytestmark = pytest.mark.browser

PAYLOADS = (
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    '"><svg onload="window.__pwned = 1">',
    "'><svg/onload=alert(1)>",
    "</title><script>document.title = 'PWNED'</script>",
    "javascript:window.__pwned = 1",
    '<a href="javascript:window.__pwned = 1">click</a>',
    '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
    "</style><script>window.__pwned = 1</script>",
    '</textarea><details open ontoggle="window.__pwned = 1">',
)
# Elements and attributes the report never writes itself: any of them is a payload that got through.
# (The report writes links, but only to its own anchors: `outside_links` counts any other.)
INJECTED = "script, img, iframe, details, object, embed, form, [onload], [onerror], [ontoggle], [onclick]"


@dataclass
class Browser:
    page: Any
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def state(self) -> dict[str, Any]:
        return dict(
            self.page.evaluate(
                f"""() => ({{
                    pwned: typeof window.__pwned,
                    title: document.title,
                    injected: document.querySelectorAll({INJECTED!r}).length,
                    text: document.body.innerText,
                    links: document.querySelectorAll('a').length,
                    outside_links: [...document.querySelectorAll('a')].filter(a => {{
                        const href = a.getAttribute('href') || '';
                        return !href.startsWith('#') || !document.getElementById(href.slice(1));
                    }}).length,
                    charts_drawn: [...document.querySelectorAll('figure svg')].filter(svg => {{
                        const box = svg.getBoundingClientRect();
                        return box.width > 100 && box.height > 50 && svg.querySelector('rect, circle, polyline');
                    }}).length,
                }})"""
            )
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    seen = Browser(None)
    with chromium_page(seen.dialogs) as page:
        seen.page = page
        yield seen


def _hostile_event(n: int) -> Event:
    def p(k: int) -> str:
        return PAYLOADS[(n + k) % len(PAYLOADS)]

    article = f"art-{n} {p(0)}"
    return Event(
        event_id=f"ev-{n} {p(1)}",
        event_date=date(2021, 3, 1 + n),
        date_precision="day",
        event_type="Battles" if n % 2 else p(2),
        sub_event_type=p(3),
        actor1=p(4),
        actor2=p(5),
        country=p(6),
        admin1=p(7),
        admin1_code="IQ-AN",
        admin2=p(8),
        location=p(9),
        latitude=33.0 + n / 10,
        longitude=43.0,
        geo_precision=1 + n % 3,
        fatalities=n,
        fatalities_low=None,
        fatalities_high=None,
        injured=0,
        sources=(Source(article, p(1), p(5), date(2021, 3, 1)),),
        evidence=(Evidence(article, 0, 10, f"SYNTHETIC evidence {p(2)}"),),
        warnings=(f"{UNRESOLVED_PLACE}{p(3)}", p(4)),
        links=(Link(article, 0, None, None, 0.0, (p(6),)),),
    )


EVENTS = [_hostile_event(n) for n in range(len(PAYLOADS))]
CLAIMS = [
    Claim(f"art {p}", i, p, f"SYNTHETIC claim {p}", (i,), p, Evidence(f"art {p}", 0, 5, p))
    for i, p in enumerate(PAYLOADS)
]


def _assert_inert(browser: Browser, page: Path, expected_title: str) -> None:
    browser.dialogs.clear()
    browser.open(page)
    state = browser.state()
    assert state["pwned"] == "undefined"
    assert browser.dialogs == []
    assert state["title"] == expected_title
    assert state["injected"] == 0
    assert state["outside_links"] == 0  # every link is to an anchor of the page itself
    text = " ".join(state["text"].split())
    assert [p for p in PAYLOADS if " ".join(p.split()) not in text] == []  # every payload shown as text


def _without_csp(html: str) -> str:
    """The same page without its Content-Security-Policy: the escaping alone must hold."""
    stripped = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", html)
    assert stripped != html
    return stripped


# SYNTHETIC weekly article counts whose outlets and governorates are the payloads; the last week drops
HEALTH = [
    source_health(
        [
            ArticleCount(date(2021, 1, 4) + timedelta(weeks=w), p, 1 if w == 9 else 10)
            for w in range(10)
            for p in PAYLOADS
        ],
        by,
    )
    for by in ("outlet", "admin1")
]


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_report_shows_payloads_as_text_and_runs_nothing(browser: Browser, tmp_path: Path, csp: bool) -> None:
    html = render(EVENTS, CLAIMS, date(2021, 4, 1), health=HEALTH)
    page = tmp_path / "report.html"
    page.write_text(html if csp else _without_csp(html), encoding="utf-8")
    _assert_inert(browser, page, "sitrep situation report")


def test_report_charts_are_drawn_and_link_inside_the_page(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(EVENTS, CLAIMS, date(2021, 4, 1), health=HEALTH), encoding="utf-8")
    browser.open(page)
    state = browser.state()
    # the map, trend, day and night, forecast, two source-health charts and two bar charts, each drawn
    assert state["charts_drawn"] == 8
    assert state["links"] > len(EVENTS) and state["outside_links"] == 0
    browser.page.click("figure.map a >> nth=0")  # a dot of the map leads to its incident's row
    assert browser.page.evaluate("() => location.hash").startswith("#event-")
    assert browser.page.evaluate("() => document.querySelector(':target').tagName") == "TR"


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-only"])
def test_map_page_with_hostile_title_runs_nothing(browser: Browser, tmp_path: Path, csp: bool) -> None:
    title = "".join(PAYLOADS)
    html = map_page(EVENTS, governorate_shapes(), title)
    page = tmp_path / "map.html"
    page.write_text(html if csp else _without_csp(html), encoding="utf-8")
    browser.dialogs.clear()
    browser.open(page)
    state = browser.state()
    assert state["pwned"] == "undefined" and browser.dialogs == []
    assert state["title"] == " ".join(title.split())
    assert state["injected"] == 0
    assert " ".join(title.split()) in " ".join(state["text"].split())


def test_the_harness_sees_a_script_that_runs(browser: Browser, tmp_path: Path) -> None:
    """Control: the same checks catch a payload written raw, so the tests above can fail."""
    page = tmp_path / "raw.html"
    page.write_text(f"<!doctype html><title>t</title><body>{''.join(PAYLOADS)}</body>", encoding="utf-8")
    browser.dialogs.clear()
    browser.open(page)
    state = browser.state()
    assert state["pwned"] == "number"
    assert state["injected"] > 0
