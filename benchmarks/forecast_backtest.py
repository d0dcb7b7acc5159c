"""Fatality forecasts per governorate backtested on UCDP GED Iraq: CRPS of the count model and of the
conflictology and no-change baselines at horizons 1-3, and whether the model has skill over each.

.venv/bin/python benchmarks/forecast_backtest.py ../shared/data/gold/ucdp_ged_iraq.csv

The protocol (origins, horizons, what each method sees, the bootstrap) is fixed in
sitrep/analyse/forecast_backtest.py. Series: UCDP best estimates of deaths per governorate and month,
2013-01 to 2018-12; events dated only to a year, or with no governorate, are left out.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from sitrep.analyse import forecast_backtest
from sitrep.analyse.series import monthly_series
from sitrep.coded import read_coded

FIRST, LAST = date(2013, 1, 1), date(2018, 12, 1)


def main(path: Path) -> None:
    coded = read_coded("ucdp", path)
    window = [e for e in coded.events if e.event_date and FIRST <= e.event_date <= date(2018, 12, 31)]
    series = monthly_series(window, FIRST, LAST)
    p = forecast_backtest.PROTOCOL
    result = forecast_backtest.run(series)
    print(
        f"UCDP GED Iraq: {result.governorates} governorates x {result.origins} origins "
        f"({p.first_origin:%Y-%m}..{p.last_origin:%Y-%m}); {p.level:.0%} intervals, "
        f"bootstrap over origins ({p.bootstrap} draws)"
    )
    print("\n| method | horizon | mean CRPS | interval | forecasts |")
    print("|---|---:|---:|---|---:|")
    for s in result.scores:
        print(
            f"| {s.method} | {s.horizon} | {s.crps.mean:.1f} | {s.crps.low:.1f} .. {s.crps.high:.1f} | {s.forecasts} |"
        )
    print("\n| method minus baseline | horizon | mean CRPS difference | interval | verdict |")
    print("|---|---:|---:|---|---|")
    for k in result.skill:
        d = k.difference
        print(
            f"| {k.method} - {k.baseline} | {k.horizon} | {d.mean:+.1f} | {d.low:+.1f} .. {d.high:+.1f} | {k.verdict} |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ucdp", type=Path, help="UCDP GED CSV (e.g. ../shared/data/gold/ucdp_ged_iraq.csv)")
    main(parser.parse_args().ucdp)
