"""Is this month unusual for this place? Two published alert rules and a count model.

- ACLED's Conflict Change Map: a "large increase" is more than 25% above the average of the past year;
  places with two events or fewer on average and five or fewer now are left out (low baseline).
- HDX Signals (armed conflict): monthly fatalities at a level not seen in the past one (or three) years,
  and at least 100.
- A negative binomial model with season and trend (`count_model`): the probability that a month with
  this place's usual level, season and trend would have been lower than what happened.

Each function sees only the months before the one it judges (`history`) and that month (`now`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .count_model import fit_predict
from .series import MonthlySeries


@dataclass(frozen=True)
class SurgeCheck:
    method: str
    flagged: bool
    now: int
    baseline: float  # what `now` was compared against: an average, a past maximum, a model's mean
    probability: float | None = None  # the count model's probability that the month is unusual


def acled_change(
    history: Sequence[int],
    now: int,
    ratio: float = 1.25,
    window: int = 12,
    low_average: float = 2.0,
    low_now: int = 5,
) -> SurgeCheck:
    recent = history[-window:]
    average = sum(recent) / len(recent) if recent else 0.0
    low_baseline = average <= low_average and now <= low_now
    flagged = bool(recent) and now > ratio * average and not low_baseline
    return SurgeCheck(f"acled-{round((ratio - 1) * 100)}%", flagged, now, average)


def hdx_high(history: Sequence[int], now: int, years: int = 1, minimum: int = 100) -> SurgeCheck:
    recent = history[-12 * years :]
    highest = max(recent) if recent else 0
    flagged = bool(recent) and now > highest and now >= minimum
    return SurgeCheck(f"hdx-{years}y", flagged, now, float(highest))


def model_unusual(
    history: Sequence[int], months: Sequence[date], now: int, month: date, level: float = 0.95
) -> SurgeCheck:
    """Flag when the model gives at least `level` probability that a usual month would have been lower."""
    (predicted,) = fit_predict(history, months, [month])
    probability = predicted.cdf(now - 1)
    return SurgeCheck(f"nb-model-{level:g}", probability >= level, now, predicted.mean, probability)


# The rules the situation report marks: both published, both cheap. The count model is left out
# there (a regression per governorate-month); `benchmarks/surge_backtest.py` scores all three.
REPORT_RULES = (
    "ACLED's change rule on events (more than 25% above the past year's average, not on a low baseline)"
    " and HDX's one-year high of fatalities (at least 100)"
)


@dataclass(frozen=True)
class SurgeAlert:
    """A governorate-month one of the report's rules flags, judged from the months before it only."""

    admin1: str
    month: date
    check: SurgeCheck
    measure: str  # "events" or "fatalities"

    @property
    def message(self) -> str:
        return (
            f"{self.admin1} {self.month:%Y-%m}: {self.check.now} {self.measure} against "
            f"{self.check.baseline:.1f} ({self.check.method})"
        )


def surge_alerts(series: Sequence[MonthlySeries]) -> list[SurgeAlert]:
    """Every month of every governorate's series that ACLED's change rule (on events) or HDX's
    one-year high (on fatalities) flags, by month then governorate."""
    alerts = []
    for s in series:
        for i in range(1, len(s.months)):
            events = acled_change(s.events[:i], s.events[i])
            deaths = hdx_high(s.fatalities[:i], s.fatalities[i])
            alerts += [
                SurgeAlert(s.admin1, s.months[i], check, measure)
                for check, measure in ((events, "events"), (deaths, "fatalities"))
                if check.flagged
            ]
    return sorted(alerts, key=lambda a: (a.month, a.admin1, a.check.method))
