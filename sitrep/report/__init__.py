"""The situation report: one self-contained HTML file (no scripts, no external assets).

Its figures answer the founding questions — is violence rising (the trend, surge alerts marked), where
(the map), at what time of day (day against night), what next (the forecast with its interval), and can
the counts be trusted (source health) — and each links to the incidents behind it in the report's table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from ..analyse import by_governorate, by_type
from ..analyse.coverage import NOT_NO_VIOLENCE, RULE, SourceHealth
from ..analyse.daynight import DayAndNight, day_and_night
from ..analyse.series import MonthlySeries, monthly_series, placed, total_series
from ..analyse.surges import surge_alerts
from ..geo.boundaries import GovernorateShape, governorate_shapes
from ..model import Claim, Event
from .charts import bar_chart, series_chart
from .daynight import day_night_figure
from .figures import forecast_figure, health_figure, trend_figure
from .geomap import CSP_META, map_page, svg_map
from .table import event_anchor, events_table

__all__ = ["bar_chart", "map_page", "render", "series_chart", "svg_map"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;
text-align:left;vertical-align:top}th{background:#f6f6f6}.num{text-align:right}.ev{color:#555;font-size:.9em}
.charts{display:flex;gap:2rem;flex-wrap:wrap}.warn{color:#a60}tr.month th{background:#eaeaea}
figure{margin:1rem 0}:target{outline:2px solid #d0021b}
"""


def _monthly_of(events: Sequence[Event]) -> tuple[MonthlySeries, ...]:
    days = [e.event_date for e in events if e.event_date is not None and placed(e, "month")]
    return monthly_series(events, min(days), max(days)) if days else ()


def _health_section(health: Sequence[SourceHealth]) -> str:
    rule = (
        f"A week is a coverage drop for an outlet or governorate when its articles fall below "
        f"{RULE.ratio:.0%} of its own average over the {RULE.window} weeks before, an average of at "
        f"least {RULE.min_average:g} articles a week (rarer ones are not judged)."
    )
    if not health:
        return f"<p>{escape(NOT_NO_VIOLENCE)} Source health is drawn from the stored articles (<code>sitrep report</code>).</p>"
    return f"<p>{escape(rule)} {escape(NOT_NO_VIOLENCE)}</p>" + "".join(health_figure(h) for h in health)


def _claims_table(claims: Sequence[Claim]) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.kind)}</td><td>{escape(', '.join(map(str, c.numbers)))}</td>"
        f'<td>{escape(c.period or "")}</td><td class="ev">{escape(c.text)}</td></tr>'
        for c in claims
    )
    return (
        "<table><thead><tr><th>Kind</th><th>Numbers</th><th>Period</th><th>Sentence</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def render(
    events: Sequence[Event],
    claims: Sequence[Claim],
    generated: date | None = None,
    shapes: Sequence[GovernorateShape] | None = None,
    total: int | None = None,
    monthly: Sequence[MonthlySeries] | None = None,
    health: Sequence[SourceHealth] = (),
    times: DayAndNight | None = None,
) -> str:
    """The report of `events` (and `claims`); `total` is how many events the store holds, when the
    report shows only the most recent of them. `monthly` (per governorate) feeds the trend, alerts and
    forecast and `times` the day against night (default: counted from `events`); `health` the
    source-health figures."""
    series = tuple(monthly) if monthly is not None else _monthly_of(events)
    national = total_series(series)
    hrefs = {e.event_id: f"#{event_anchor(i)}" for i, e in enumerate(events)}
    drawn = svg_map(events, shapes if shapes is not None else governorate_shapes(), hrefs)
    linked = set(national.months if national else ()) | {w.replace(day=1) for h in health for w in h.weeks}
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
{partial}<p>{len(events)} incidents, {sum(e.fatalities for e in events)} reported killed, {sum(e.injured for e in events)} wounded;
{len(claims)} statistics and background claims kept apart.</p>
<h2>Trend</h2>{trend_figure(national, surge_alerts(series))}
<h2>Map</h2>{drawn}
<h2>Day and night</h2>{day_night_figure(times if times is not None else day_and_night(events), events)}
<h2>Forecast</h2>{forecast_figure(series, national)}
<h2>Source health</h2>{_health_section(health)}
<div class="charts">{bar_chart("Incidents per governorate", by_governorate(events))}
{bar_chart("Incidents per type", by_type(events))}</div>
<h2>Incidents</h2>
{events_table(events, sorted(linked))}
<h2>Statistics and background (not incidents)</h2>
{_claims_table(claims)}
</body></html>
"""
