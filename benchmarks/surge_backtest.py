"""Surge alerts backtested on UCDP GED Iraq: precision, recall and alerts per year for each method.

.venv/bin/python benchmarks/surge_backtest.py ../shared/data/gold/ucdp_ged_iraq.csv

The protocol (surge definition, months judged, what each method sees) is fixed in
sitrep/analyse/surge_backtest.py. Series: UCDP events (best estimate of deaths) per governorate and month,
2013-01 to 2018-12; events dated only to a year, or with no governorate, are left out (counted below).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from sitrep.analyse import surge_backtest
from sitrep.analyse.series import monthly_series, placed
from sitrep.coded import read_coded

FIRST, LAST = date(2013, 1, 1), date(2018, 12, 1)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def main(path: Path) -> None:
    coded = read_coded("ucdp", path)
    window = [e for e in coded.events if e.event_date and FIRST <= e.event_date <= date(2018, 12, 31)]
    left_out = sum(not placed(e, "month") for e in window)
    series = monthly_series(window, FIRST, LAST)
    p = surge_backtest.PROTOCOL
    print(
        f"UCDP GED Iraq {FIRST:%Y-%m}..{LAST:%Y-%m}: {len(window)} events, {left_out} left out "
        f"(no governorate or dated only to a year); {len(series)} governorates"
    )
    print(
        f"surge: fatalities >= {p.surge_ratio:g} x mean of the previous {p.baseline_months} months and "
        f">= {p.surge_margin} above it; months judged {p.first:%Y-%m}..{p.last:%Y-%m}"
    )
    scores = surge_backtest.run(series)
    for lead in (0, 1):
        what = "the same month (detection)" if lead == 0 else "the next month (warning)"
        surges = scores[[s.lead for s in scores].index(lead)].surges
        print(f"\nlead {lead}: an alert is right when {what} is a surge; {surges} surges")
        print("| method | alerts | hits | precision | recall | alerts/year |")
        print("|---|---:|---:|---:|---:|---:|")
        for s in scores:
            if s.lead == lead:
                print(
                    f"| {s.method} | {s.alerts} | {s.hits} | {_fmt(s.precision)} | {_fmt(s.recall)} "
                    f"| {s.alerts_per_year:.1f} |"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ucdp", type=Path, help="UCDP GED CSV (e.g. ../shared/data/gold/ucdp_ged_iraq.csv)")
    main(parser.parse_args().ucdp)
