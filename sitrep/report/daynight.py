"""The day-against-night figure: incidents and fatalities per time of day, "time not reported" drawn as
its own bar with its share, and a table for the governorates with most incidents.

Each bar links to a list of its incidents (`time_anchor`), each governorate's cell to its part of that
list; the list's entries link to the incidents' rows of the report's table (`table.event_anchor`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..analyse.daynight import TIME_GROUPS, DayAndNight, TimesOfDay, time_group
from ..extract.time_of_day import DAYLIGHT, TIMES_OF_DAY, UNKNOWN_TIME
from ..model import Event
from .charts import Series, series_chart
from .table import event_anchor

NOT_REPORTED = "not reported"


def time_anchor(group: str, governorate: int | None = None) -> str:
    """The list of a time of day's incidents, or its part for the `governorate`-th one broken down."""
    return f"time-{group}" if governorate is None else f"time-{group}-g{governorate}"


def _label(group: str) -> str:
    return NOT_REPORTED if group == UNKNOWN_TIME else group


def _caption(overall: TimesOfDay) -> str:
    unknown = overall.total - overall.timed
    told = (
        f"For {unknown} of {overall.total} incidents ({overall.share(UNKNOWN_TIME):.0%}) no report gives a time "
        "of day: they are their own bar, not spread over the others."
    )
    if not overall.timed:
        return told + " No report gives a time, so nothing can be said of day against night."
    dark = overall.after_dark
    return (
        f"{told} Of the {overall.timed} with a time, {dark} ({dark / overall.timed:.0%}) were in the evening "
        f"or at night, {overall.timed - dark} in daylight ({', '.join(t for t in TIMES_OF_DAY if t in DAYLIGHT)}). "
        "Each bar links to its incidents below."
    )


def _governorate_table(times: Sequence[TimesOfDay]) -> str:
    rows = []
    for i, t in enumerate(times):
        cells = "".join(
            f'<td class="num"><a href="#{time_anchor(g, i)}">{n} ({t.share(g):.0%})</a></td>'
            if n
            else '<td class="num">0</td>'
            for g, n in zip(TIME_GROUPS, t.events, strict=True)
        )
        dark = f"{t.after_dark / t.timed:.0%} of {t.timed}" if t.timed else "no time given"
        rows.append(
            f'<tr><td>{escape(t.place)}</td><td class="num">{t.total}</td>{cells}<td class="num">{dark}</td></tr>'
        )
    heads = "".join(f"<th>{escape(_label(g).capitalize())}</th>" for g in TIME_GROUPS)
    return (
        f'<table class="daynight"><thead><tr><th>Governorate</th><th>Incidents</th>{heads}'
        f"<th>Evening or night, of those with a time</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _links(found: Sequence[tuple[int, Event]], with_place: bool) -> str:
    if not found:
        return "none of the incidents shown here"
    return ", ".join(
        f'<a href="#{event_anchor(i)}">{escape(str(e.event_date or "undated"))}'
        + (f" {escape(e.admin1 or '(no governorate)')}" if with_place else "")
        + "</a>"
        for i, e in found
    )


def _incident_lists(times: DayAndNight, events: Sequence[Event]) -> str:
    """Per time of day: its count, then the incidents of the report's table, by governorate broken down
    (those with incidents at that time: the table links only to them), then elsewhere."""
    places = [t.place for t in times.governorates]
    items = []
    for g, n, dead in zip(TIME_GROUPS, times.overall.events, times.overall.fatalities, strict=True):
        shown = [(i, e) for i, e in enumerate(events) if time_group(e) == g]
        parts = []
        for k, t in enumerate(times.governorates):
            mine = [(i, e) for i, e in shown if e.admin1 == t.place]
            if mine or t.events[TIME_GROUPS.index(g)]:
                parts.append(f'<li id="{time_anchor(g, k)}">{escape(t.place)}: {_links(mine, False)}</li>')
        elsewhere = [(i, e) for i, e in shown if e.admin1 not in places]
        if elsewhere:
            parts.append(f"<li>{'elsewhere' if places else 'all'}: {_links(elsewhere, True)}</li>")
        items.append(
            f'<li id="{time_anchor(g)}"><b>{escape(_label(g).capitalize())}</b>: {n} incident{"" if n == 1 else "s"}, {dead} killed '
            f"({times.overall.share(g):.0%} of incidents); {len(shown)} in the table below"
            + (f"<ul>{''.join(parts)}</ul>" if parts else "")
            + "</li>"
        )
    return f'<ul class="times">{"".join(items)}</ul>'


def day_night_figure(times: DayAndNight, events: Sequence[Event]) -> str:
    """The figure of `times` (counted over what the store holds), its bars linked to lists of `events`
    (the report's table, row i anchored at `event_anchor(i)`)."""
    overall = times.overall
    if not overall.total:
        return '<p class="empty">No incidents: no time of day to draw.</p>'
    chart = series_chart(
        "Incidents and fatalities by time of day, time not reported as its own bar",
        [f"{_label(g)} {overall.share(g):.0%}" for g in TIME_GROUPS],
        [
            Series("incidents", tuple(float(n) for n in overall.events), "#b33"),
            Series("killed", tuple(float(n) for n in overall.fatalities), "#333", "bar", "right"),
        ],
        [f"#{time_anchor(g)}" for g in TIME_GROUPS],
        caption=_caption(overall),
    )
    table = _governorate_table(times.governorates) if times.governorates else ""
    return chart + table + _incident_lists(times, events)
