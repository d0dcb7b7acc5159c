"""Alert rules and the surge backtest on series written for these tests."""

from __future__ import annotations

from datetime import date

from sitrep.analyse import surge_backtest
from sitrep.analyse.count_model import NegativeBinomial, fit_predict
from sitrep.analyse.series import MonthlySeries, add_months
from sitrep.analyse.surges import acled_change, hdx_high, model_unusual, surge_alerts

MONTHS = [add_months(date(2014, 1, 1), i) for i in range(36)]


def test_acled_rule_flags_more_than_25_percent_above_the_past_year() -> None:
    year = [8, 12] * 6  # average 10
    assert not acled_change(year, 12).flagged  # 20% above
    assert acled_change(year, 13).flagged  # 30% above
    assert acled_change(year, 13).baseline == 10
    assert not acled_change(
        [10] * 24 + [0] * 12, 1
    ).flagged  # only the last 12 months count: average 0, 1 is low
    assert not acled_change([1] * 12, 5).flagged  # low baseline: average <= 2 and now <= 5
    assert acled_change([1] * 12, 6).flagged
    assert not acled_change([], 50).flagged  # no history, no change


def test_hdx_rule_flags_a_one_or_three_year_high_of_at_least_100() -> None:
    history = [300] + [50] * 12 + [120] * 11
    assert hdx_high(history, 121).flagged  # above the past year's highest, 120
    assert not hdx_high(history, 120).flagged
    assert not hdx_high(history, 121, years=3).flagged  # 300 within three years
    assert not hdx_high([10] * 12, 90).flagged  # a high, but under 100
    assert hdx_high([10] * 12, 90, minimum=0).flagged


def test_count_model_sees_season_and_trend() -> None:
    seasonal = [40 if m.month in (6, 7) else 5 for m in MONTHS]
    (june, january) = fit_predict(seasonal, MONTHS, [date(2017, 6, 1), date(2017, 1, 1)])
    assert june.fitted and june.mean > 20 > 8 > january.mean
    rising = [2 * i + 1 for i in range(36)]
    (next_month,) = fit_predict(rising, MONTHS, [date(2017, 1, 1)])
    assert next_month.mean > 60  # the trend goes on; the last year's mean would say about 60
    quiet = [0] * 35 + [1]
    (model,) = fit_predict(quiet, MONTHS, [date(2017, 1, 1)])
    assert not model.fitted  # too little to fit: last year's mean and variance


def test_model_flags_a_month_far_above_its_usual_level() -> None:
    history = [10, 12, 9, 11, 13, 8, 10, 12, 9, 11, 10, 12] * 2
    usual = model_unusual(history, MONTHS[:24], 12, MONTHS[24])
    surge = model_unusual(history, MONTHS[:24], 40, MONTHS[24])
    assert not usual.flagged and usual.probability is not None and usual.probability < 0.9
    assert surge.flagged and surge.probability is not None and surge.probability > 0.999


def test_negative_binomial_cdf_and_samples() -> None:
    d = NegativeBinomial(mean=4.0, alpha=0.5, fitted=True)
    assert 0 < d.cdf(0) < d.cdf(4) < d.cdf(40) <= 1 and d.cdf(-1) == 0
    samples = d.sample(20000, seed=1)
    assert abs(sum(samples) / len(samples) - 4.0) < 0.15
    assert d.sample(5, seed=2) == d.sample(5, seed=2)


def test_backtest_counts_hits_against_the_stated_surge_definition() -> None:
    months = tuple(add_months(date(2013, 1, 1), i) for i in range(36))
    quiet = [10] * 36
    spiky = [10] * 36
    spiky[20] = 40  # 2014-09: a surge (>= 2 x 10 and >= 10 above)
    spiky[34] = 14  # 2015-11: 40% up, an ACLED alert but not a surge
    series = [
        MonthlySeries("Quiet", months, tuple(quiet), tuple(quiet)),
        MonthlySeries("Spiky", months, tuple(spiky), tuple(spiky)),
    ]
    protocol = surge_backtest.SurgeProtocol(first=date(2014, 1, 1), last=date(2015, 12, 1))
    scores = {(s.method, s.lead): s for s in surge_backtest.run(series, (0, 1), protocol)}
    acled = scores[("acled-25% (events)", 0)]
    assert (acled.alerts, acled.hits, acled.surges) == (2, 1, 1)
    assert acled.precision == 0.5 and acled.recall == 1.0 and acled.alerts_per_year == 1.0
    warning = scores[("acled-25% (events)", 1)]
    assert warning.hits == 0 and warning.surges == 1
    assert scores[("hdx-1y (fatalities >= 100)", 0)].alerts == 0  # never 100 dead


def test_report_alerts_per_governorate_from_the_months_before_only() -> None:
    months = tuple(MONTHS[:14])
    quiet = MonthlySeries("Quietland", months, (2,) * 14, (1,) * 14)
    # events: 10 against a year of 2 (ACLED fires); fatalities: 150, above the year's highest and 100 (HDX fires)
    rising = MonthlySeries("Risingland", months, (2,) * 12 + (10, 2), (1,) * 12 + (150, 1))
    alerts = surge_alerts([quiet, rising])
    assert [(a.admin1, a.month, a.measure, a.check.method) for a in alerts] == [
        ("Risingland", MONTHS[12], "events", "acled-25%"),
        ("Risingland", MONTHS[12], "fatalities", "hdx-1y"),
    ]
    assert alerts[0].message == "Risingland 2015-01: 10 events against 2.0 (acled-25%)"
    # the month after (2 events, 1 killed) is back to normal: no alert; a flat year raises none
    assert surge_alerts([MonthlySeries("x", months[:12], (2,) * 12, (1,) * 12)]) == []
