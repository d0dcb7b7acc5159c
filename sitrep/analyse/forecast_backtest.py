"""Rolling-origin backtest of fatality forecasts per governorate: one protocol, fixed here.

At each origin (each month from 2014-12 to 2018-09) every method sees the governorate's monthly
fatalities in the last `fit_months` (36) months up to and including the origin (or all there are: the
series starts 2013-01), and forecasts 1, 2 and 3 months ahead. Scores are mean CRPS over governorates and
origins, with 95% intervals from a bootstrap over origins (all governorates of an origin drawn
together, since they share the war's ups and downs). The model has skill over a baseline only where the
interval of the mean CRPS difference (model - baseline) lies wholly below zero. Forecasts from
neighbouring origins overlap in what they see, so these intervals are if anything too narrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .forecasts import METHODS, crps, forecasts
from .series import MonthlySeries


@dataclass(frozen=True)
class ForecastProtocol:
    first_origin: date = date(2014, 12, 1)
    last_origin: date = date(2018, 9, 1)
    horizons: tuple[int, ...] = (1, 2, 3)
    fit_months: int = 36
    samples: int = 1000
    seed: int = 15
    bootstrap: int = 2000
    level: float = 0.95


PROTOCOL = ForecastProtocol()
COMPARISONS = (("nb-model", "conflictology"), ("nb-model", "no-change"), ("conflictology", "no-change"))


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float


@dataclass(frozen=True)
class CrpsScore:
    method: str
    horizon: int
    crps: Interval
    forecasts: int


@dataclass(frozen=True)
class Skill:
    """One method's mean CRPS minus another's: negative is better; skill only if the interval is below 0."""

    method: str
    baseline: str
    horizon: int
    difference: Interval

    @property
    def skilful(self) -> bool:
        return self.difference.high < 0

    @property
    def verdict(self) -> str:
        if self.skilful:
            return "skill"
        return "worse" if self.difference.low > 0 else "no skill shown (interval spans 0)"


@dataclass(frozen=True)
class ForecastBacktest:
    scores: tuple[CrpsScore, ...]
    skill: tuple[Skill, ...]
    origins: int
    governorates: int


def _bootstrap(by_origin: dict[date, list[float]], protocol: ForecastProtocol) -> Interval:
    import numpy as np

    origins = sorted(by_origin)
    sums = np.array([sum(by_origin[o]) for o in origins])
    counts = np.array([len(by_origin[o]) for o in origins])
    rng = np.random.default_rng(protocol.seed)
    draws = rng.integers(0, len(origins), size=(protocol.bootstrap, len(origins)))
    means = sums[draws].sum(axis=1) / counts[draws].sum(axis=1)
    tail = (1 - protocol.level) / 2
    return Interval(
        float(sums.sum() / counts.sum()), float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))
    )


def run(series: Sequence[MonthlySeries], protocol: ForecastProtocol = PROTOCOL) -> ForecastBacktest:
    # (method, horizon) -> origin -> CRPS of each governorate's forecast
    scored: dict[tuple[str, int], dict[date, list[float]]] = {}
    for s in series:
        for i, origin in enumerate(s.months):
            if not protocol.first_origin <= origin <= protocol.last_origin:
                continue
            start = max(0, i + 1 - protocol.fit_months)
            made = forecasts(
                s.admin1,
                s.fatalities[start : i + 1],
                s.months[start : i + 1],
                protocol.horizons,
                protocol.samples,
                protocol.seed,
            )
            for f in made:
                target = s.months.index(f.target)
                scored.setdefault((f.method, f.horizon), {}).setdefault(origin, []).append(
                    crps(f.samples, s.fatalities[target])
                )
    origins = len({o for per in scored.values() for o in per})
    scores = tuple(
        CrpsScore(m, h, _bootstrap(scored[(m, h)], protocol), sum(len(v) for v in scored[(m, h)].values()))
        for h in protocol.horizons
        for m in METHODS
    )
    skill = []
    for h in protocol.horizons:
        for method, baseline in COMPARISONS:
            ours, theirs = scored[(method, h)], scored[(baseline, h)]
            diff = {o: [a - b for a, b in zip(ours[o], theirs[o], strict=True)] for o in ours}
            skill.append(Skill(method, baseline, h, _bootstrap(diff, protocol)))
    return ForecastBacktest(scores, tuple(skill), origins, len(series))
