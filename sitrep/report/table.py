"""The report's table of incidents, grouped by month: each month's header row is the anchor the
charts link to (`figures.month_anchor`), each incident's row the anchor the map links to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from html import escape

from ..analyse.series import month_start
from ..model import Event
from .figures import month_anchor

COLUMNS = (
    "Date",
    "Time of day",
    "Type",
    "Actor 1",
    "Actor 2",
    "Location",
    "Killed",
    "Wounded",
    "Source sentences",
)


def event_anchor(index: int) -> str:
    return f"event-{index}"


def _cell(value: object) -> str:
    return f"<td>{escape('' if value is None else str(value))}</td>"


def _row(index: int, e: Event) -> str:
    evidence = "<br>".join(escape(x.text) for x in e.evidence)
    warn = "".join(f'<div class="warn">⚠ {escape(w)}</div>' for w in e.warnings)
    return (
        f'<tr id="{event_anchor(index)}">'
        + _cell(e.event_date)
        + _cell(e.time_of_day)
        + _cell(f"{e.event_type} / {e.sub_event_type}")
        + _cell(e.actor1)
        + _cell(e.actor2)
        + _cell(", ".join(x for x in (e.location, e.admin1) if x))
        + f'<td class="num">{e.fatalities}</td><td class="num">{e.injured}</td>'
        + f'<td class="ev">{evidence}{warn}<div>sources: {escape(", ".join(e.article_ids))}</div></td></tr>'
    )


def events_table(events: Sequence[Event], linked_months: Iterable[date]) -> str:
    """Rows of `events` (row i has the anchor `event_anchor(i)`) under a header row per month, and a
    header row for each month of `linked_months` too, saying when none of its incidents is shown."""
    groups: dict[date | None, list[str]] = {}
    for i, e in enumerate(events):
        groups.setdefault(month_start(e.event_date) if e.event_date else None, []).append(_row(i, e))
    for m in linked_months:
        groups.setdefault(month_start(m), [])
    body = []
    for month in sorted(groups, key=lambda m: (m is not None, m or date.min)):
        rows = groups[month]
        label = f"{month:%B %Y}" if month else "Undated"
        told = f"{len(rows)} incidents" if rows else "none of the incidents shown here"
        body.append(
            f'<tr class="month" id="{month_anchor(month)}"><th colspan="{len(COLUMNS)}">{label}: {told}</th></tr>'
        )
        body += rows
    heads = "".join(f"<th>{c}</th>" for c in COLUMNS)
    return f'<table class="events"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>'
