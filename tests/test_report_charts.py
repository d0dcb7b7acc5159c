"""The situation report's charts, read back with an HTML parser: each figure's <svg> is there, every
link leads to an anchor of the report, alerts and map dots lead to their incidents, and hostile text in
labels, outlets and governorates is escaped. Every event and count here is SYNTHETIC."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser

from sitrep.analyse.coverage import source_health
from sitrep.analyse.series import MonthlySeries, add_months
from sitrep.model import Event
from sitrep.report import render
from sitrep.report.charts import Interval, Mark, Series, series_chart
from sitrep.store.base import ArticleCount
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


def _events() -> list[Event]:
    """Diyala: two incidents a month for a year, then ten (150 killed) in its thirteenth; Basra: one a month."""
    events = []
    for i in range(15):
        month = add_months(FIRST, i)
        for k in range(10 if month == SURGE else 2):
            events.append(
                synthetic_event(
                    event_id=f"dy-{i}-{k}",
                    event_date=month + timedelta(days=k),
                    admin1="Diyala",
                    fatalities=15 if month == SURGE else 1,
                    latitude=33.75,
                    longitude=44.6,
                )
            )
        events.append(
            synthetic_event(
                event_id=f"bs-{i}",
                event_date=month + timedelta(days=20),
                admin1="Basra",
                latitude=None,
                longitude=None,
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
