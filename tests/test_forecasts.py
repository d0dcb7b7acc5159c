"""Forecasts and CRPS on values and series written for these tests."""

from __future__ import annotations

import math
from datetime import date

import pytest

from sitrep.analyse import forecast_backtest
from sitrep.analyse.forecasts import (
    SHIPPED,
    SHIPPED_WHY,
    Forecast,
    conflictology,
    crps,
    forecasts,
    no_change,
    shipped_forecasts,
)
from sitrep.analyse.series import MonthlySeries, add_months


def test_crps_against_known_values() -> None:
    assert crps([5], 3) == pytest.approx(2.0)  # a point forecast: the absolute error
    # ensemble {0, 1}, observed 0: E|X - y| - E|X - X'| / 2 = 0.5 - 0.25
    assert crps([0, 1], 0) == pytest.approx(0.25)
    # ensemble {0, 10}, observed 5: 5 - 10 / 4
    assert crps([0, 10], 5) == pytest.approx(2.5)


def test_baselines() -> None:
    history = list(range(20))
    assert conflictology(history) == tuple(range(8, 20))
    assert no_change(history) == (19,)


def test_forecasts_for_each_method_and_horizon() -> None:
    months = [add_months(date(2015, 1, 1), i) for i in range(24)]
    made = forecasts("Testland", [10] * 24, months, (1, 3), samples=200, seed=1)
    assert {(f.method, f.horizon) for f in made} == {
        (m, h) for m in ("nb-model", "conflictology", "no-change") for h in (1, 3)
    }
    model = next(f for f in made if f.method == "nb-model" and f.horizon == 3)
    assert model.target == date(2017, 3, 1) and len(model.samples) == 200
    assert 8 < sum(model.samples) / 200 < 12


def test_backtest_scores_and_skill_on_a_seasonal_series() -> None:
    months = tuple(add_months(date(2013, 1, 1), i) for i in range(48))
    # a strong smooth yearly season (6 to 66 a month): the count model knows June from January; no-change cannot
    seasonal = tuple(round(20 * math.exp(1.2 * math.cos(2 * math.pi * (m.month - 1) / 12))) for m in months)
    series = [MonthlySeries("Testland", months, seasonal, seasonal)]
    protocol = forecast_backtest.ForecastProtocol(
        first_origin=date(2014, 12, 1), last_origin=date(2016, 9, 1), samples=300, bootstrap=300
    )
    result = forecast_backtest.run(series, protocol)
    assert result.origins == 22 and result.governorates == 1
    mean = {(s.method, s.horizon): s.crps.mean for s in result.scores}
    assert mean[("nb-model", 1)] < mean[("no-change", 1)]
    for s in result.scores:
        assert s.crps.low <= s.crps.mean <= s.crps.high and s.forecasts == 22
    skill = {(k.method, k.baseline, k.horizon): k for k in result.skill}
    assert skill[("nb-model", "no-change", 1)].skilful
    assert skill[("nb-model", "no-change", 1)].verdict == "skill"


def test_quantiles_of_a_forecast_by_nearest_rank() -> None:
    f = forecast_of(tuple(range(1, 11)))  # 1..10
    assert (f.quantile(0.1), f.quantile(0.5), f.quantile(0.9), f.quantile(1.0)) == (1, 5, 9, 10)
    assert forecast_of((7,)).quantile(0.1) == 7


def forecast_of(samples: tuple[int, ...]) -> Forecast:
    return Forecast("conflictology", "Testland", date(2021, 1, 1), 1, samples)


def test_the_shipped_forecast_is_the_chosen_method_for_each_horizon() -> None:
    months = [add_months(date(2015, 1, 1), i) for i in range(24)]
    history = list(range(24))
    made = shipped_forecasts("Testland", history, months)
    assert SHIPPED == "conflictology"  # what the backtest chose; this test follows it if it changes
    assert [(f.method, f.horizon, f.target) for f in made] == [
        ("conflictology", h, add_months(date(2016, 12, 1), h)) for h in (1, 2, 3)
    ]
    assert all(f.samples == tuple(range(12, 24)) for f in made)
    assert "conflictology baseline" in SHIPPED_WHY and "no skill" in SHIPPED_WHY
