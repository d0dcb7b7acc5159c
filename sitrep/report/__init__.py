"""The situation report: one self-contained HTML file (no scripts, no external assets)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from ..analyse import Tally, by_governorate, by_month, by_type
from ..geo.boundaries import GovernorateShape, governorate_shapes
from ..model import Claim, Event
from .geomap import CSP_META, map_page, svg_map

__all__ = ["bar_chart", "map_page", "render", "svg_map"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;
text-align:left;vertical-align:top}th{background:#f6f6f6}.num{text-align:right}.ev{color:#555;font-size:.9em}
.charts{display:flex;gap:2rem;flex-wrap:wrap}.warn{color:#a60}
"""


def bar_chart(title: str, rows: Sequence[Tally]) -> str:
    """A horizontal bar chart as inline SVG: one bar per row, length by number of events."""
    width, bar_h, label_w = 420, 18, 150
    top = max((r.events for r in rows), default=1) or 1
    height = bar_h * len(rows) + 8
    bars = []
    for i, r in enumerate(rows):
        y = i * bar_h + 4
        w = max(1.0, (width - label_w - 60) * r.events / top)
        bars.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">{escape(r.key)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{bar_h - 5}" fill="#b33"><title>'
            f"{escape(r.key)}: {r.events} events, {r.fatalities} killed</title></rect>"
            f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="12">{r.events}</text>'
        )
    return (
        f'<figure><figcaption><b>{escape(title)}</b></figcaption><svg role="img" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg></figure>'
    )


def _cell(value: object) -> str:
    return f"<td>{escape('' if value is None else str(value))}</td>"


def render(
    events: Sequence[Event],
    claims: Sequence[Claim],
    generated: date | None = None,
    shapes: Sequence[GovernorateShape] | None = None,
    total: int | None = None,
) -> str:
    """The report of `events` (and `claims`); `total` is how many events the store holds, when the
    report shows only the most recent of them."""
    rows = []
    for e in events:
        evidence = "<br>".join(escape(x.text) for x in e.evidence)
        warn = "".join(f'<div class="warn">⚠ {escape(w)}</div>' for w in e.warnings)
        rows.append(
            "<tr>"
            + _cell(e.event_date)
            + _cell(f"{e.event_type} / {e.sub_event_type}")
            + _cell(e.actor1)
            + _cell(e.actor2)
            + _cell(", ".join(x for x in (e.location, e.admin1) if x))
            + f'<td class="num">{e.fatalities}</td><td class="num">{e.injured}</td>'
            + f'<td class="ev">{evidence}{warn}<div>sources: {escape(", ".join(e.article_ids))}</div></td></tr>'
        )
    claim_rows = "".join(
        f"<tr>{_cell(c.kind)}{_cell(', '.join(map(str, c.numbers)))}{_cell(c.period)}"
        f'<td class="ev">{escape(c.text)}</td></tr>'
        for c in claims
    )
    total_killed = sum(e.fatalities for e in events)
    drawn = svg_map(events, shapes if shapes is not None else governorate_shapes())
    stamp = f" — generated {generated.isoformat()}" if generated else ""
    partial = (
        f"<p><b>The {len(events)} most recent of {total} stored incidents</b> (SITREP_REPORT_EVENTS); "
        "<code>sitrep events</code> lists them all.</p>"
        if total is not None and total > len(events)
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">{CSP_META}<title>sitrep situation report</title><style>{_CSS}</style></head>
<body><h1>Situation report{stamp}</h1>
{partial}<p>{len(events)} incidents, {total_killed} reported killed, {sum(e.injured for e in events)} wounded;
{len(claims)} statistics and background claims kept apart.</p>
<h2>Map</h2>{drawn}
<div class="charts">{bar_chart("Incidents per governorate", by_governorate(events))}
{bar_chart("Incidents per month", by_month(events))}{bar_chart("Incidents per type", by_type(events))}</div>
<h2>Incidents</h2>
<table><thead><tr><th>Date</th><th>Type</th><th>Actor 1</th><th>Actor 2</th><th>Location</th>
<th>Killed</th><th>Wounded</th><th>Source sentences</th></tr></thead><tbody>{"".join(rows)}</tbody></table>
<h2>Statistics and background (not incidents)</h2>
<table><thead><tr><th>Kind</th><th>Numbers</th><th>Period</th><th>Sentence</th></tr></thead>
<tbody>{claim_rows}</tbody></table>
</body></html>
"""
