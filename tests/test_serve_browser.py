"""The dashboard of `sitrep serve` in a real headless Chromium (Debian's, driven by Playwright), on a
store built from the SYNTHETIC demo corpus: filters, map and table agreeing, drill-down, exports,
corrections with and without the token, and an article full of XSS payloads staying inert.

Skipped locally, with the reason, without chromium or Playwright; with CI=true that is a failure.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import chromium_page
from tests.serve_support import AUTH, TOKEN, app, client, demo_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = {
    "id": "synthetic-hostile",
    "title": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1"> SYNTHETIC',
    "outlet": '<img src=x onerror="alert(1)">',
    "url": "javascript:window.__pwned = 1",
    "published": "2021-03-25",
    "text": (
        "Gunmen killed two shepherds near Haditha, Anbar, on Tuesday <script>window.__pwned = 1</script>, police said. "
        '<img src=x onerror="alert(document.domain)"> The attackers fled. '
        '<a href="javascript:window.__pwned = 1">javascript:alert(1)</a> Nobody claimed the killing.'
    ),
}
# Elements the dashboard never builds from data: any of them in the page is a payload that got through.
INJECTED = (
    "img, iframe, object, embed, details, svg svg, [onload], [onerror], [onclick], [ontoggle], "
    "a[href^='javascript' i], script:not([src='/static/app.js'])"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = demo_store(tmp_path_factory.mktemp("serve-browser") / "demo.db")
    posted = client(db).post("/articles", json=[HOSTILE], headers=AUTH)
    assert posted.status_code == 200 and posted.json()["events"], posted.text
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


class Page:
    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.dialogs: list[str] = []

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base}/{query}")
        self.page.wait_for_selector("body[data-loaded=yes]")

    def table_ids(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.eventId)")
        )

    def map_ids(self) -> list[str]:
        return list(self.page.eval_on_selector_all("#map circle", "cs => cs.map(c => c.dataset.eventId)"))

    def api(self, path: str) -> Any:
        return self.page.request.get(self.base + path)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Page]:
    seen = Page(None, server)
    with chromium_page(seen.dialogs, accept_downloads=True) as page:
        seen.page = page
        yield seen


def test_the_dashboard_shows_every_event_in_table_and_map(browser: Browser) -> None:
    browser.open()
    events = browser.api("/events?limit=1000").json()["events"]
    assert sorted(browser.table_ids()) == sorted(e["event_id"] for e in events)
    assert sorted(browser.map_ids()) == sorted(e["event_id"] for e in events if e["latitude"] is not None)
    assert browser.page.locator("#map path.gov").count() == 18
    assert browser.page.locator("#series rect.bar").count() >= 3
    hollow = browser.page.eval_on_selector_all("#map circle.hollow", "cs => cs.map(c => c.dataset.eventId)")
    assert sorted(hollow) == sorted(e["event_id"] for e in events if e["geo_precision"] == 3)
    assert browser.page.locator("#claims li[data-kind]").count() >= 1


def test_districts_are_drawn_and_shaded_by_their_events(browser: Browser) -> None:
    browser.open()
    assert browser.page.locator("#map path.district").count() == 101
    assert browser.page.locator("#map path.district.outline").count() == 101  # governorates shaded first
    browser.page.select_option("#areas", "district")
    browser.page.wait_for_function(
        "() => document.querySelectorAll('#map path.district.shaded').length === 101"
    )
    assert browser.page.locator("#map path.gov.outline").count() == 18
    events = browser.api("/events?limit=1000").json()["events"]
    per_district: dict[str, int] = {}
    for e in events:
        if e["admin2"]:
            per_district[e["admin2"]] = per_district.get(e["admin2"], 0) + 1
    drawn = browser.page.eval_on_selector_all(
        "#map path.district",
        "ps => ps.map(p => [p.dataset.admin2, Number(p.dataset.events), p.getAttribute('fill')])",
    )
    assert {name: n for name, n, _ in drawn if n} == per_district and per_district
    empty = {fill for name, n, fill in drawn if name not in per_district}
    shaded = {fill for name, n, fill in drawn if name in per_district}
    assert len(empty) == 1 and not shaded & empty
    browser.page.select_option("#areas", "governorate")
    browser.page.wait_for_function("() => document.querySelectorAll('#map path.gov.shaded').length === 18")


def test_filtering_by_governorate_and_type_keeps_table_and_map_in_step(browser: Browser) -> None:
    browser.open()
    browser.page.select_option("#filters select[name=admin1]", "Al Anbar")
    browser.page.wait_for_url("**admin1=Al+Anbar**")
    browser.page.wait_for_selector("body[data-loaded=yes]")
    browser.page.select_option("#filters select[name=event_type]", "Explosions/Remote violence")
    browser.page.wait_for_url("**event_type=Explosions**")
    browser.page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 1")
    expected = browser.api("/events?admin1=Al+Anbar&event_type=Explosions/Remote+violence").json()["events"]
    assert len(expected) == 1
    assert browser.table_ids() == [expected[0]["event_id"]]
    assert browser.map_ids() == [expected[0]["event_id"]]
    cells = browser.page.locator("#events tbody tr td").all_inner_texts()
    assert "Al Anbar" in cells and "Explosions/Remote violence" in cells
    # the view is in the URL: opening it afresh shows the same
    url = browser.page.url
    browser.page.goto("about:blank")
    browser.page.goto(url)
    browser.page.wait_for_selector("body[data-loaded=yes]")
    assert browser.table_ids() == [expected[0]["event_id"]]
    assert browser.page.input_value("#filters select[name=admin1]") == "Al Anbar"


def test_opening_an_event_shows_its_sentences_with_the_field_words_marked(browser: Browser) -> None:
    browser.open("?admin2=Khanaqin")
    event = browser.api("/events?admin2=Khanaqin").json()["events"][0]
    browser.page.click(f"#events tbody tr[data-event-id='{event['event_id']}']")
    browser.page.wait_for_selector("#detail-panel:not([hidden]) .sentence")
    text = browser.page.inner_text("#reports")
    for e in event["evidence"]:
        assert e["text"] in text
    marks = browser.page.eval_on_selector_all("#reports mark", "ms => ms.map(m => [m.textContent, m.title])")
    assert ["Two", "fatalities"] in marks
    assert f"event={event['event_id']}" in browser.page.url


def test_export_links_give_the_filtered_events_as_csv_and_geojson(browser: Browser) -> None:
    browser.open("?admin1=Al+Anbar")
    ids = sorted(browser.table_ids())
    with browser.page.expect_download() as csv_download:
        browser.page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8"))))
    assert sorted(r["event_id"] for r in rows) == ids
    assert all(r["admin1"] == "Al Anbar" for r in rows)
    with browser.page.expect_download() as geo_download:
        browser.page.click("#export-geojson")
    data = json.loads(Path(geo_download.value.path()).read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in data["features"]) == ids


def _open_khanaqin(browser: Page) -> str:
    browser.open("?admin2=Khanaqin")
    event_id = browser.table_ids()[0]
    browser.page.click(f"#events tbody tr[data-event-id='{event_id}']")
    browser.page.wait_for_selector("#detail-panel:not([hidden]) .sentence")
    return event_id


def test_a_correction_without_the_token_is_refused(browser: Browser) -> None:
    event_id = _open_khanaqin(browser)
    before = browser.page.inner_text("dd[data-field=fatalities]")
    browser.page.fill("#correct input[name=token]", "")
    browser.page.fill("#correct input[name=fatalities]", "11")
    browser.page.click("#correct button[type=submit]")
    browser.page.wait_for_selector("#correct-result.error")
    assert "refused (401)" in browser.page.inner_text("#correct-result")
    assert browser.page.inner_text("dd[data-field=fatalities]") == before
    assert browser.api(f"/events/{event_id}/history").json()["history"] == []


def test_a_correction_with_the_token_changes_the_event_and_shows_in_its_history(browser: Browser) -> None:
    event_id = _open_khanaqin(browser)
    browser.page.fill("#correct input[name=token]", TOKEN)
    browser.page.fill("#correct input[name=analyst]", "browser-tester")
    browser.page.fill("#correct input[name=fatalities]", "5")
    browser.page.click("#correct button[type=submit]")
    browser.page.wait_for_function("() => document.getElementById('correct-result').textContent === 'saved'")
    assert browser.page.inner_text("dd[data-field=fatalities]") == "5"
    history = browser.page.inner_text("#history")
    assert "browser-tester" in history and "fatalities: 2 → 5" in history
    assert browser.api(f"/events/{event_id}").json()["event"]["fatalities"] == 5
    row = browser.page.locator(f"#events tbody tr[data-event-id='{event_id}'] td").all_inner_texts()
    assert "5" in row


def test_an_article_full_of_payloads_stays_inert(browser: Browser) -> None:
    browser.dialogs.clear()
    hostile = [
        e
        for e in browser.api("/events?limit=1000").json()["events"]
        if "synthetic-hostile" in e["article_ids"]
    ]
    assert hostile, "the hostile article gave an event"
    browser.open(f"?event={hostile[0]['event_id']}")
    browser.page.wait_for_selector("#detail-panel:not([hidden]) .sentence")
    state = browser.page.evaluate(
        f"""() => ({{
            pwned: typeof window.__pwned,
            injected: document.querySelectorAll({INJECTED!r}).length,
            scripts: document.scripts.length,
            reports: document.getElementById('reports').innerText,
        }})"""
    )
    assert state["pwned"] == "undefined"
    assert state["injected"] == 0
    assert state["scripts"] == 1
    assert "<script>window.__pwned = 1</script>" in state["reports"]  # shown as text
    assert "no web address" in state["reports"]  # the javascript: URL is not a link
    assert browser.page.locator("#reports a").count() == 0
    for selector in ("#events tbody tr", "#map circle"):
        browser.page.locator(selector).first.hover()
    assert browser.dialogs == []
    assert browser.page.evaluate("typeof window.__pwned") == "undefined"


def test_merge_and_split_from_the_drill_down(browser: Browser) -> None:
    """Last: it changes the Anbar events the tests above look at."""
    keep, gone = browser.api("/events?admin1=Al+Anbar").json()["events"][:2]
    browser.open(f"?event={keep['event_id']}")
    browser.page.wait_for_selector("#detail-panel:not([hidden]) .sentence")
    browser.page.fill("#correct input[name=token]", TOKEN)
    browser.page.fill("#merge input[name=other]", gone["event_id"])
    browser.page.click("#merge button[type=submit]")
    browser.page.wait_for_function("() => document.getElementById('correct-result').textContent === 'merged'")
    assert gone["event_id"] not in browser.table_ids()
    assert "merge" in browser.page.inner_text("#history")
    assert browser.page.locator("#reports button.split").count() >= 2
    browser.page.locator("#reports button.split").last.click()
    browser.page.wait_for_function(
        "() => document.getElementById('correct-result').textContent.startsWith('split out into')"
    )
    new_id = browser.page.inner_text("#correct-result").removeprefix("split out into ")
    assert new_id in browser.table_ids() and keep["event_id"] in browser.table_ids()
    assert browser.api(f"/events/{new_id}").json()["history"][0]["action"] == "split"


def test_governorates_shade_by_events_or_killed(browser: Browser) -> None:
    browser.open()
    fills = "() => [...document.querySelectorAll('#map path.gov')].map(p => p.getAttribute('fill')).join()"
    by_events = browser.page.evaluate(fills)
    browser.page.select_option("#shade", "fatalities")
    assert browser.page.evaluate(fills) != by_events


Browser = Page


def test_the_drill_down_shows_the_time_of_day(browser: Browser) -> None:
    event_id = _open_khanaqin(browser)
    told = browser.api(f"/events/{event_id}").json()["event"]["time_of_day"]
    assert told == "night"  # the demo's Jalawla attack "on Monday night"
    assert browser.page.inner_text("dd[data-field=time_of_day]") == told
