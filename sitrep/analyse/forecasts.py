"""Fatalities one to three months ahead as predictive distributions (ensembles of counts), scored by CRPS.

- conflictology: the place's own last twelve months, each equally likely (ViEWS' baseline);
- no change: the last month again, with certainty;
- nb-model: the negative binomial count model with season and trend (`count_model`), sampled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .count_model import fit_predict
from .series import add_months

METHODS = ("nb-model", "conflictology", "no-change")
# What sitrep ships: the count model showed no skill over conflictology on UCDP GED Iraq 2014-2018 (its
# trend extrapolates the rises and falls of 2014-2017 too far; benchmarks/forecast_backtest.py), so the
# best baseline is the forecast until a model beats it with an interval that excludes zero.
SHIPPED = "conflictology"
SHIPPED_WHY = (
    "the conflictology baseline (the place's own last twelve months, each equally likely), not the count"
    " model: the model showed no skill over it in the backtest on UCDP GED Iraq (benchmarks/forecast_backtest.py)"
)


@dataclass(frozen=True)
class Forecast:
    method: str
    admin1: str
    origin: date  # the last month the forecaster saw
    horizon: int  # months ahead
    samples: tuple[int, ...]  # the predictive distribution, as equally likely counts

    @property
    def target(self) -> date:
        return add_months(self.origin, self.horizon)

    def quantile(self, q: float) -> int:
        """The smallest sample with at least a share `q` of the samples at or below it."""
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def conflictology(history: Sequence[int]) -> tuple[int, ...]:
    return tuple(history[-12:])


def no_change(history: Sequence[int]) -> tuple[int, ...]:
    return (history[-1],)


def nb_model(
    history: Sequence[int], months: Sequence[date], horizons: Sequence[int], samples: int, seed: int
) -> dict[int, tuple[int, ...]]:
    """Samples of the count model's predictive distribution for each horizon after the last month."""
    targets = [add_months(months[-1], h) for h in horizons]
    predicted = fit_predict(history, months, targets)
    return {h: tuple(p.sample(samples, seed + h)) for h, p in zip(horizons, predicted, strict=True)}


def forecasts(
    admin1: str,
    history: Sequence[int],
    months: Sequence[date],
    horizons: Sequence[int] = (1, 2, 3),
    samples: int = 1000,
    seed: int = 0,
) -> list[Forecast]:
    """Every method's forecast for each horizon, from the history up to and including `months[-1]`."""
    origin = months[-1]
    model = nb_model(history, months, horizons, samples, seed)
    out = []
    for h in horizons:
        out.append(Forecast("nb-model", admin1, origin, h, model[h]))
        out.append(Forecast("conflictology", admin1, origin, h, conflictology(history)))
        out.append(Forecast("no-change", admin1, origin, h, no_change(history)))
    return out


def shipped_forecasts(
    admin1: str, history: Sequence[int], months: Sequence[date], horizons: Sequence[int] = (1, 2, 3)
) -> list[Forecast]:
    """The forecast sitrep ships (`SHIPPED`) for each horizon, from the history up to `months[-1]`;
    the count model is fitted only if it is the one shipped."""
    if SHIPPED == "nb-model":
        model = nb_model(history, months, horizons, 1000, 0)
        return [Forecast(SHIPPED, admin1, months[-1], h, model[h]) for h in horizons]
    baseline = conflictology if SHIPPED == "conflictology" else no_change
    return [Forecast(SHIPPED, admin1, months[-1], h, baseline(history)) for h in horizons]


def crps(samples: Sequence[int], observed: int) -> float:
    """Continuous ranked probability score of an ensemble against what happened (lower is better)."""
    import properscoring

    return float(properscoring.crps_ensemble(observed, list(samples)))
