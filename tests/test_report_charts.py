"""The situation report's charts, read back with an HTML parser: each figure's <svg> is there, every
link leads to an anchor of the report, alerts and map dots lead to their incidents, and hostile text in
labels, outlets and governorates is escaped, and the day-against-night bars count each time of day.
Every event and count here is SYNTHETIC."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from sitrep.analyse.coverage import source_health
from sitrep.analyse.daynight import day_and_night, times_of_day_of_rows
from sitrep.analyse.series import MonthlySeries, add_months
from sitrep.model import Article, Event
from sitrep.report import render
from sitrep.report.build import day_and_night_stored
from sitrep.report.charts import Interval, Mark, Series, series_chart
from sitrep.store import open_store
from sitrep.store.base import ArticleCount, SeriesRow
from tests.factories import synthetic_event

HOSTILE = '<script>alert(1)</script>"><svg onload=alert(2)>'
FIRST = date(2020, 1, 1)
SURGE = add_months(FIRST, 12)  # Diyala's thirteenth month: ten incidents after two a month


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> list[Node]:
        found = [c for c in self.children if c.tag == tag]
        return found + [n for c in self.children for n in c.find(tag)]

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


class Tree(HTMLParser):
    """The document as a tree, and every id it holds."""

    VOID = frozenset({"meta", "br", "link", "img", "input", "hr"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.root = Node("#document", {}, None)
        self.at = self.root
        self.ids: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(node)
        if "id" in node.attrs:
            self.ids.append(node.attrs["id"])
        if tag not in self.VOID:
            self.at = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.at = node.parent

    def handle_data(self, data: str) -> None:
        self.at.text += data

    def svg(self, label_start: str) -> Node:
        (found,) = [s for s in self.root.find("svg") if s.attrs.get("aria-label", "").startswith(label_start)]
        return found

    def element(self, element_id: str) -> Node:
        (found,) = [n for n in self._all(self.root) if n.attrs.get("id") == element_id]
        return found

    def _all(self, node: Node) -> list[Node]:
        return [node] + [n for c in node.children for n in self._all(c)]


def _diyala_time(surge: bool, k: int) -> str | None:
    """Each month's first incident at night; in the surge three in the evening, one in the afternoon."""
    if k == 0:
        return "night"
    if surge and k <= 3:
        return "evening"
    return "afternoon" if surge and k == 4 else None


def _events() -> list[Event]:
    """Diyala: two incidents a month for a year, then ten (150 killed) in its thirteenth; Basra: one a
    month, in the morning every other month. Most give no time of day (`_diyala_time`)."""
    events = []
    for i in range(15):
        month = add_months(FIRST, i)
        for k in range(10 if month == SURGE else 2):
            events.append(
                synthetic_event(
                    event_id=f"dy-{i}-{k}",
                    event_date=month + timedelta(days=k),
                    admin1="Diyala",
                    admin1_code="IQ-DI",
                    fatalities=15 if month == SURGE else 1,
                    latitude=33.75,
                    longitude=44.6,
                    time_of_day=_diyala_time(month == SURGE, k),
                )
            )
        events.append(
            synthetic_event(
                event_id=f"bs-{i}",
                event_date=month + timedelta(days=20),
                admin1="Basra",
                admin1_code="IQ-BA",
                latitude=None,
                longitude=None,
                time_of_day="morning" if i % 2 == 0 else None,
            )
        )
    return sorted(events, key=lambda e: (e.event_date or FIRST, e.event_id))


def _health() -> list[ArticleCount]:
    """Ten articles a week from 'Wire' for ten weeks, then one; the outlet's name is hostile in one copy."""
    monday = date(2021, 1, 4)
    return [
        ArticleCount(monday + timedelta(weeks=w, days=6), outlet, 1 if w == 10 else 10)
        for w in range(11)
        for outlet in ("Wire", HOSTILE)
    ]


def _report() -> tuple[str, Tree]:
    health = [source_health(_health(), "outlet"), source_health(_health(), "admin1")]
    html = render(_events(), [], date(2021, 4, 1), health=health)
    return html, Tree(html)


def test_each_figure_is_an_svg_in_the_report() -> None:
    _, tree = _report()
    for label in (
        "Incidents and fatalities per month",
        "Map of events",
        "Incidents and fatalities by time of day",
        "Fatalities forecast for the next 3 months",
        "Articles per week by outlet",
        "Articles per week by governorate",
    ):
        assert tree.svg(label).find("rect") or tree.svg(label).find("circle"), label


def test_every_link_leads_to_an_anchor_of_the_report() -> None:
    _, tree = _report()
    hrefs = [a.attrs["href"] for a in tree.root.find("a")]
    assert len(hrefs) > 50
    assert [h for h in hrefs if not h.startswith("#") or h[1:] not in tree.ids] == []
    assert len(tree.ids) == len(set(tree.ids))


def test_each_month_of_the_trend_links_to_its_incidents() -> None:
    _, tree = _report()
    trend = tree.svg("Incidents and fatalities per month")
    months = [a.attrs["href"] for a in trend.find("a") if not a.find("path")]
    assert months == [f"#events-{add_months(FIRST, i):%Y-%m}" for i in range(15)]
    header = tree.element(f"events-{SURGE:%Y-%m}")
    assert header.tag == "tr" and "11 incidents" in header.all_text()  # ten in Diyala, one in Basra
    rows = [r for r in tree.root.find("tr") if r.attrs.get("id", "").startswith("event-")]
    assert sum(1 for r in rows if r.find("td")[0].text.startswith(f"{SURGE:%Y-%m}")) == 11


def test_surge_alerts_are_marked_and_link_to_that_month() -> None:
    _, tree = _report()
    trend = tree.svg("Incidents and fatalities per month")
    marks = [a for a in trend.find("a") if a.find("path")]
    assert [a.attrs["href"] for a in marks] == [f"#events-{SURGE:%Y-%m}"]
    told = marks[0].all_text()
    assert "Diyala 2021-01: 10 events" in told and "Diyala 2021-01: 150 fatalities" in told
    assert "Basra" not in told


def test_map_dots_link_to_their_rows() -> None:
    _, tree = _report()
    dots = tree.svg("Map of events").find("a")
    assert len(dots) == 2 * 14 + 10  # Diyala's located incidents; Basra's have no coordinates
    for a in dots:
        (circle,) = a.find("circle")
        row = tree.element(a.attrs["href"][1:])
        assert row.tag == "tr" and circle.attrs["data-event-id"]


def test_the_forecast_shows_its_interval_and_says_it_is_a_baseline() -> None:
    html, tree = _report()
    forecast = tree.svg("Fatalities forecast")
    assert len([g for g in forecast.find("g") if g.attrs.get("class") == "interval"]) == 3
    assert "conflictology baseline" in html and "not the count model" in html
    # the last twelve months, all governorates: eleven of 3 killed and January's 151
    told = [t.text for g in forecast.find("g") if g.attrs.get("class") == "interval" for t in g.find("title")]
    assert told == ["2021-04: 3 (3–3)", "2021-05: 3 (3–3)", "2021-06: 3 (3–3)"]


def test_source_health_drops_are_marked_and_say_no_reports_is_not_no_violence() -> None:
    _, tree = _report()
    chart = tree.svg("Articles per week by outlet")
    marks = [a for a in chart.find("a") if a.find("path")]
    assert [a.attrs["href"] for a in marks] == ["#drops-outlet"]
    drops = tree.element("drops-outlet").all_text()
    assert "Outlet Wire: 1 article in the week of 2021-03-15" in drops
    assert "No reports is not no violence" in drops


def test_hostile_outlets_and_labels_are_escaped() -> None:
    html, tree = _report()
    assert "<script" not in html and "onload=" not in html.replace("onload=alert(2)&gt;", "")
    assert HOSTILE in tree.element("drops-outlet").all_text()  # shown as text
    chart = series_chart(
        HOSTILE,
        [HOSTILE, "b"],
        [Series(HOSTILE, (1.0, None), '"><script>')],
        [f"#{HOSTILE}", None],
        [Mark(0, HOSTILE, HOSTILE)],
        [Interval(1, 0.0, 2.0, HOSTILE)],
        HOSTILE,
    )
    assert "<script" not in chart and "<svg onload" not in chart
    assert Tree(chart).root.all_text().count(HOSTILE) >= 5


def test_months_linked_but_not_in_the_table_still_have_their_anchor() -> None:
    old = MonthlySeries("Diyala", (date(2019, 1, 1), date(2019, 2, 1)), (3, 0), (1, 0))
    html = render([synthetic_event()], [], monthly=[old])
    tree = Tree(html)
    for month in ("2019-01", "2019-02"):
        assert "none of the incidents shown here" in tree.element(f"events-{month}").all_text()
    assert [h for h in (a.attrs["href"] for a in tree.root.find("a")) if h[1:] not in tree.ids] == []


def test_a_report_with_no_events_says_so_instead_of_drawing() -> None:
    html = render([], [])
    assert "no trend to draw" in html and "nothing to forecast" in html


DAY_NIGHT = "Incidents and fatalities by time of day"


def test_day_and_night_bars_count_each_time_and_time_not_reported_with_its_share() -> None:
    _, tree = _report()
    bars = tree.svg(DAY_NIGHT).find("a")
    assert [a.attrs["href"] for a in bars] == [
        "#time-morning",
        "#time-afternoon",
        "#time-evening",
        "#time-night",
        "#time-unknown",
    ]
    told = [t.text for a in bars for t in a.find("title")]
    # Basra's eight mornings; the surge's afternoon (15 killed) and three evenings; Diyala's fifteen
    # nights (14 + 15 killed); the rest give no time: 14 + 5 in Diyala, 7 in Basra, of 53
    assert told == [
        "morning 15%: incidents: 8; killed: 8",
        "afternoon 2%: incidents: 1; killed: 15",
        "evening 6%: incidents: 3; killed: 45",
        "night 28%: incidents: 15; killed: 29",
        "not reported 49%: incidents: 26; killed: 96",
    ]
    caption = tree.svg(DAY_NIGHT).parent
    assert caption is not None
    assert "For 26 of 53 incidents (49%) no report gives a time of day" in caption.all_text()
    assert (
        "Of the 27 with a time, 18 (67%) were in the evening or at night, 9 in daylight" in caption.all_text()
    )


def _time_cell(tree: Tree, href: str) -> str:
    row = tree.element(href[1:])
    assert row.tag == "tr"
    return row.find("td")[1].text


def test_each_time_of_day_links_to_exactly_its_incidents_rows() -> None:
    _, tree = _report()
    for group, n in (("morning", 8), ("afternoon", 1), ("evening", 3), ("night", 15), ("unknown", 26)):
        listed = [a.attrs["href"] for a in tree.element(f"time-{group}").find("a")]
        assert len(listed) == len(set(listed)) == n, group
        assert {_time_cell(tree, h) for h in listed} == {"" if group == "unknown" else group}


def test_the_governorates_with_most_incidents_are_broken_down_and_linked() -> None:
    _, tree = _report()
    (table,) = [t for t in tree.root.find("table") if t.attrs.get("class") == "daynight"]
    rows = [[c.all_text() for c in r.find("td")] for r in table.find("tr") if r.find("td")]
    assert rows == [
        ["Diyala", "38", "0", "1 (3%)", "3 (8%)", "15 (39%)", "19 (50%)", "95% of 19"],
        ["Basra", "15", "8 (53%)", "0", "0", "0", "7 (47%)", "0% of 8"],
    ]
    evening = [a.attrs["href"] for a in table.find("a") if a.attrs["href"] == "#time-evening-g0"]
    assert len(evening) == 1
    diyala_evenings = [a.attrs["href"] for a in tree.element("time-evening-g0").find("a")]
    assert len(diyala_evenings) == 3 and {_time_cell(tree, h) for h in diyala_evenings} == {"evening"}
    assert len(table.find("a")) == 4 + 2  # a cell with no incident links nowhere
    assert "time-morning-g0" not in tree.ids


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_day_and_night_counted_by_the_store_as_from_the_events(
    backend: str, request: pytest.FixtureRequest
) -> None:
    events = _events()
    store = open_store(request.getfixturevalue("postgres_url") if backend == "postgres" else "sqlite://")
    try:
        store.add_article(Article("art-1", "SYNTHETIC", "SYNTHETIC", None, content_hash="h"), b"", None)
        store.replace_events(events, {})
        assert day_and_night_stored(store) == day_and_night(events)
    finally:
        store.close()


def test_times_counted_by_the_store_beyond_the_shown_incidents_still_have_their_anchors() -> None:
    stored = day_and_night(_events())
    html = render([synthetic_event(time_of_day="night")], [], times=stored)
    tree = Tree(html)
    assert "15 incidents, 29 killed" in tree.element("time-night").all_text()
    assert "none of the incidents shown here" in tree.element("time-night-g0").all_text()
    assert [h for h in (a.attrs["href"] for a in tree.root.find("a")) if h[1:] not in tree.ids] == []


def test_a_time_the_analysis_does_not_know_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"'dusk' .*not one of morning, afternoon, evening, night, unknown"):
        times_of_day_of_rows([SeriesRow(None, "dusk", 1, 0)], "Diyala")


def test_no_time_given_anywhere_is_said_not_drawn_as_a_split() -> None:
    html = render([synthetic_event(), synthetic_event(event_id="b")], [])
    assert "not reported 100%" in html and "nothing can be said of day against night" in html


def test_hostile_governorates_in_the_day_and_night_figure_are_escaped() -> None:
    html = render([synthetic_event(admin1=HOSTILE, time_of_day="night")], [])
    tree = Tree(html)
    assert "<script" not in html and "<svg onload" not in html
    assert HOSTILE in tree.element("time-night-g0").all_text()
    (table,) = [t for t in tree.root.find("table") if t.attrs.get("class") == "daynight"]
    assert HOSTILE in table.all_text()
