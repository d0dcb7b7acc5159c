"""A negative binomial count model with season and trend, fitted to one place's monthly history.

statsmodels and scipy are imported inside the functions that need them, so `sitrep --help` stays fast.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

MIN_MEAN = 0.05  # a place with no history still gets a (small) expected count
MIN_ALPHA = 0.01  # dispersion floor: at least a little more spread than a Poisson
MAX_ALPHA = (
    20.0  # dispersion ceiling: beyond it numpy's sampler fails and the distribution is all zeros and outliers
)


@dataclass(frozen=True)
class NegativeBinomial:
    """A predictive distribution for a count: mean and dispersion (variance = mean + alpha * mean**2)."""

    mean: float
    alpha: float
    fitted: bool  # False: the regression failed and history's mean and variance were used

    def _scipy_params(self) -> tuple[float, float]:
        n = 1.0 / self.alpha
        return n, n / (n + self.mean)

    def cdf(self, k: int) -> float:
        if k < 0:
            return 0.0
        from scipy.stats import nbinom

        n, p = self._scipy_params()
        return float(nbinom.cdf(k, n, p))

    def sample(self, size: int, seed: int) -> list[int]:
        import numpy as np

        n, p = self._scipy_params()
        return [int(x) for x in np.random.default_rng(seed).negative_binomial(n, p, size=size)]


def _design(months: Sequence[date], origin: date) -> Any:
    import numpy as np

    t = np.array([(m.year - origin.year) * 12 + m.month - origin.month for m in months], dtype=float) / 12.0
    angle = np.array([2 * math.pi * (m.month - 1) / 12 for m in months])
    return np.column_stack([np.ones(len(months)), t, np.sin(angle), np.cos(angle)])


def _moments(history: Sequence[int]) -> NegativeBinomial:
    recent = list(history[-12:]) or [0]
    mean = max(sum(recent) / len(recent), MIN_MEAN)
    var = sum((x - mean) ** 2 for x in recent) / max(len(recent) - 1, 1)
    return NegativeBinomial(mean, min(max((var - mean) / mean**2, MIN_ALPHA), MAX_ALPHA), fitted=False)


def fit_predict(
    history: Sequence[int], months: Sequence[date], targets: Sequence[date]
) -> list[NegativeBinomial]:
    """Fit log(mean) = level + trend + yearly season to `history` (one count per month in `months`) and
    give the predictive distribution of each target month. With too little history, or when the fit fails
    or extrapolates beyond ten times the largest count seen, the last year's mean and variance are used."""
    if len(history) != len(months):
        raise ValueError("one count per month")
    fallback = _moments(history)
    if len(history) < 12 or sum(1 for x in history if x > 0) < 3:
        return [fallback for _ in targets]
    import numpy as np
    from statsmodels.discrete.discrete_model import NegativeBinomial as NegativeBinomialModel

    origin = months[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = NegativeBinomialModel(np.asarray(history, dtype=float), _design(months, origin)).fit(
                disp=0, maxiter=200
            )
        except (ValueError, np.linalg.LinAlgError):
            return [fallback for _ in targets]
    params = np.asarray(result.params, dtype=float)
    if not np.all(np.isfinite(params)) or not result.mle_retvals.get("converged", False):
        return [fallback for _ in targets]
    alpha = min(max(float(params[-1]), MIN_ALPHA), MAX_ALPHA)
    means = np.exp(_design(targets, origin) @ params[:-1])
    ceiling = 10.0 * max(max(history), 1)
    return [
        NegativeBinomial(max(float(m), MIN_MEAN), alpha, fitted=True) if m <= ceiling else fallback
        for m in means
    ]
