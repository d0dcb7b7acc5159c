"""The situation report's figures: the trend with surge alerts marked, the forecast with its interval,
and source health. Each position links to the report's rows of that month's events (`month_anchor`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from ..analyse.coverage import NOT_NO_VIOLENCE, WHAT, SourceHealth
from ..analyse.forecasts import SHIPPED_WHY, Forecast, shipped_forecasts
from ..analyse.series import MonthlySeries
from ..analyse.surges import REPORT_RULES, SurgeAlert
from .charts import Interval, Mark, Series, series_chart

FORECAST_LEVEL = 0.8  # the predictive interval drawn: from the 10th to the 90th percentile
FORECAST_HISTORY = 12  # months of history drawn before the forecast
FORECAST_TABLE = 8  # governorates in the forecast table: those with most fatalities in the last year
DROPS_LISTED = 20  # the latest coverage drops listed in the report (`sitrep coverage` lists all)
HEALTH_LINES = 5  # outlets or governorates drawn, most articles first


def month_anchor(month: date | None) -> str:
    return f"events-{month:%Y-%m}" if month else "events-undated"


def _empty(what: str) -> str:
    return f'<p class="empty">{escape(what)}</p>'


def trend_figure(total: MonthlySeries | None, alerts: Sequence[SurgeAlert]) -> str:
    if total is None:
        return _empty("No dated incident with a governorate: no trend to draw.")
    index = {m: i for i, m in enumerate(total.months)}
    flagged: dict[date, list[SurgeAlert]] = {}
    for a in alerts:
        flagged.setdefault(a.month, []).append(a)
    marks = [
        Mark(index[m], "Surge alerts: " + "; ".join(a.message for a in found), f"#{month_anchor(m)}")
        for m, found in flagged.items()
        if m in index
    ]
    chart = series_chart(
        "Incidents and fatalities per month, surge alerts marked",
        [f"{m:%Y-%m}" for m in total.months],
        [
            Series("incidents", tuple(float(v) for v in total.events), "#b33"),
            Series("killed", tuple(float(v) for v in total.fatalities), "#333", "line", "right"),
        ],
        [f"#{month_anchor(m)}" for m in total.months],
        marks,
        caption=f"Alerts, judged per governorate from the months before only: {REPORT_RULES}. "
        "Each month links to its incidents below.",
    )
    items = "".join(f'<li><a href="#{month_anchor(a.month)}">{escape(a.message)}</a></li>' for a in alerts)
    listed = f'<ul class="alerts">{items}</ul>' if alerts else "<p>No governorate-month alerted.</p>"
    return chart + listed


def _interval_text(f: Forecast) -> str:
    tail = (1 - FORECAST_LEVEL) / 2
    return f"{f.quantile(0.5)} ({f.quantile(tail)}–{f.quantile(1 - tail)})"


def forecast_figure(series: Sequence[MonthlySeries], total: MonthlySeries | None) -> str:
    if total is None:
        return _empty("No monthly series: nothing to forecast from.")
    made = shipped_forecasts("all governorates", total.fatalities, total.months)
    months = total.months[-FORECAST_HISTORY:]
    shown = len(months)
    tail = (1 - FORECAST_LEVEL) / 2
    history = tuple(float(v) for v in total.fatalities[-FORECAST_HISTORY:])
    chart = series_chart(
        f"Fatalities forecast for the next {len(made)} months, with the {FORECAST_LEVEL:.0%} interval",
        [f"{m:%Y-%m}" for m in months] + [f"{f.target:%Y-%m}" for f in made],
        [
            Series("killed", history + (None,) * len(made), "#333", "line"),
            Series(
                "forecast median",
                (None,) * shown + tuple(float(f.quantile(0.5)) for f in made),
                "#2c7fb8",
                "line",
            ),
        ],
        [f"#{month_anchor(m)}" for m in months],
        intervals=[
            Interval(
                shown + i, f.quantile(tail), f.quantile(1 - tail), f"{f.target:%Y-%m}: {_interval_text(f)}"
            )
            for i, f in enumerate(made)
        ],
        caption=_forecast_caption(total),
    )
    year = {s.admin1: sum(s.fatalities[-12:]) for s in series}
    rows = []
    for s in sorted(series, key=lambda s: (-year[s.admin1], s.admin1))[:FORECAST_TABLE]:
        cells = "".join(
            f'<td class="num">{_interval_text(f)}</td>'
            for f in shipped_forecasts(s.admin1, s.fatalities, s.months)
        )
        rows.append(f'<tr><td>{escape(s.admin1)}</td><td class="num">{year[s.admin1]}</td>{cells}</tr>')
    heads = "".join(f"<th>{f.target:%Y-%m}</th>" for f in made)
    table = (
        f'<table class="forecast"><thead><tr><th>Governorate</th><th>Killed, last 12 months</th>{heads}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p>Median ({FORECAST_LEVEL:.0%} interval) of fatalities per month, tail {tail:.0%} each side.</p>"
    )
    return chart + table


def _forecast_caption(total: MonthlySeries) -> str:
    seen = min(12, len(total.months))
    short = f" Only {seen} month{'' if seen == 1 else 's'} of history to draw from." if seen < 12 else ""
    return (
        f"From the months up to {total.months[-1]:%Y-%m} (the last month with incidents; a month still "
        f"under way counts as it stands). The forecast is {SHIPPED_WHY}.{short}"
    )


def health_figure(health: SourceHealth) -> str:
    what = WHAT[health.by].lower()
    if not health.weeks:
        return _empty(f"No dated articles: no coverage by {what} to draw.")
    index = {w: i for i, w in enumerate(health.weeks)}
    drops_at: dict[date, list[str]] = {}
    for d in health.drops:
        drops_at.setdefault(d.week, []).append(f"{d.key}: {d.articles} (average {d.average:.1f})")
    colours = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e")
    chart = series_chart(
        f"Articles per week by {what}",
        [f"{w:%m-%d}" if w.year == health.weeks[-1].year else f"{w:%Y-%m-%d}" for w in health.weeks],
        [
            Series(s.key, tuple(float(v) for v in s.articles), colours[i % len(colours)], "line")
            for i, s in enumerate(health.series[:HEALTH_LINES])
        ],
        [f"#{month_anchor(w.replace(day=1))}" for w in health.weeks],
        [
            Mark(index[w], "Coverage drop: " + "; ".join(found), f"#drops-{health.by}")
            for w, found in drops_at.items()
        ],
        caption=f"Weeks from Monday; the {min(HEALTH_LINES, len(health.series))} {what}s with most articles "
        f"drawn, of {len(health.series)}. Each week links to the incidents of its month.",
    )
    return chart + _drop_list(health)


def _drop_list(health: SourceHealth) -> str:
    latest = health.drops[-DROPS_LISTED:]
    more = len(health.drops) - len(latest)
    items = "".join(f'<li class="warn">{escape(d.message)}</li>' for d in reversed(latest))
    note = f"<p>{more} earlier drops not listed (<code>sitrep coverage</code> lists all).</p>" if more else ""
    if not health.drops:
        return f'<p id="drops-{health.by}">No coverage drop by {WHAT[health.by].lower()}. {escape(NOT_NO_VIOLENCE)}</p>'
    return f'<ul id="drops-{health.by}" class="drops">{items}</ul>{note}'
