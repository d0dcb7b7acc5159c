"""Backtest of surge alerts on monthly series: one protocol for every method, fixed here.

Surge (the truth): a governorate-month whose fatalities are at least twice the mean of its previous twelve
months and at least 10 above it. Every method judges each month from 2014-01 to 2018-12 seeing only the
months before it (from the series' start) and the month itself; an alert is scored against the truth of
the same month (lead 0: detection) or of the next one (lead 1: warning).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .series import MonthlySeries
from .surges import SurgeCheck, acled_change, hdx_high, model_unusual


@dataclass(frozen=True)
class SurgeProtocol:
    first: date = date(2014, 1, 1)
    last: date = date(2018, 12, 1)
    surge_ratio: float = 2.0
    surge_margin: int = 10
    baseline_months: int = 12


PROTOCOL = SurgeProtocol()

# method name -> (series field it reads, check of one month)
Check = Callable[[Sequence[int], Sequence[date], int, date], SurgeCheck]
METHODS: dict[str, tuple[str, Check]] = {
    "acled-25% (events)": ("events", lambda h, _m, now, _d: acled_change(h, now)),
    "acled-25% (fatalities)": ("fatalities", lambda h, _m, now, _d: acled_change(h, now)),
    "hdx-1y (fatalities >= 100)": ("fatalities", lambda h, _m, now, _d: hdx_high(h, now, 1)),
    "hdx-3y (fatalities >= 100)": ("fatalities", lambda h, _m, now, _d: hdx_high(h, now, 3)),
    "hdx-1y (no minimum)": ("fatalities", lambda h, _m, now, _d: hdx_high(h, now, 1, minimum=0)),
    "nb-model p>=0.95": ("fatalities", lambda h, m, now, d: model_unusual(h, m, now, d, 0.95)),
    "nb-model p>=0.99": ("fatalities", lambda h, m, now, d: model_unusual(h, m, now, d, 0.99)),
}


def is_surge(history: Sequence[int], now: int, protocol: SurgeProtocol = PROTOCOL) -> bool:
    recent = history[-protocol.baseline_months :]
    if len(recent) < protocol.baseline_months:
        return False
    mean = sum(recent) / len(recent)
    return now >= protocol.surge_ratio * mean and now - mean >= protocol.surge_margin


@dataclass(frozen=True)
class SurgeScore:
    method: str
    lead: int
    alerts: int
    hits: int  # alerts followed (lead 1) or accompanied (lead 0) by a surge
    surges: int
    years: float

    @property
    def precision(self) -> float | None:
        return self.hits / self.alerts if self.alerts else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.surges if self.surges else None

    @property
    def alerts_per_year(self) -> float:
        return self.alerts / self.years


def _judged(s: MonthlySeries, protocol: SurgeProtocol) -> list[int]:
    return [i for i, m in enumerate(s.months) if protocol.first <= m <= protocol.last]


def run(
    series: Sequence[MonthlySeries], leads: Sequence[int] = (0, 1), protocol: SurgeProtocol = PROTOCOL
) -> list[SurgeScore]:
    truth: dict[tuple[str, int], bool] = {}
    for s in series:
        for i in range(len(s.months)):
            truth[(s.admin1, i)] = is_surge(s.fatalities[:i], s.fatalities[i], protocol)
    years = len({m for s in series for i in _judged(s, protocol) for m in [s.months[i]]}) / 12
    scores = []
    for name, (field, check) in METHODS.items():
        alerts: dict[tuple[str, int], bool] = {}
        for s in series:
            values = getattr(s, field)
            for i in _judged(s, protocol):
                alerts[(s.admin1, i)] = check(values[:i], s.months[:i], values[i], s.months[i]).flagged
        for lead in leads:
            pairs = [
                (alerts[(a, i)], truth[(a, i + lead)])
                for (a, i) in alerts
                if (a, i + lead) in truth and (a, i + lead) in alerts
            ]
            scores.append(
                SurgeScore(
                    name,
                    lead,
                    alerts=sum(a for a, _ in pairs),
                    hits=sum(a and t for a, t in pairs),
                    surges=sum(t for _, t in pairs),
                    years=years,
                )
            )
    return scores
