"""Source health on SYNTHETIC daily article counts written for these tests: weekly series by outlet
and governorate, and the coverage-drop rule firing when it should and not when it should not."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.analyse.coverage import (
    NO_OUTLET,
    RULE,
    DropRule,
    WeeklyCoverage,
    coverage_drops,
    source_health,
    weeks_between,
)
from sitrep.cli import app
from sitrep.model import Article, Evidence, Source
from sitrep.store import SQLiteStore
from sitrep.store.base import ArticleCount
from tests.factories import synthetic_event

MONDAY = date(2021, 1, 4)
WEEKS = weeks_between(MONDAY, MONDAY + timedelta(weeks=11))


def _weekly(key: str, per_week: list[int]) -> list[ArticleCount]:
    """`per_week[i]` articles on the Sunday of week i (so the data reaches the end of its last week)."""
    return [ArticleCount(MONDAY + timedelta(weeks=i, days=6), key, n) for i, n in enumerate(per_week) if n]


def _drops(per_week: list[int], rule: DropRule = RULE) -> list[int]:
    series = WeeklyCoverage("Wire", tuple(per_week))
    return [WEEKS.index(d.week) for d in coverage_drops("outlet", series, WEEKS[: len(per_week)], rule)]


def test_weeks_run_monday_to_monday() -> None:
    assert weeks_between(date(2021, 1, 6), date(2021, 1, 18)) == [
        date(2021, 1, 4),
        date(2021, 1, 11),
        date(2021, 1, 18),
    ]


def test_a_week_under_half_its_eight_week_average_is_a_drop() -> None:
    assert _drops([10] * 8 + [4]) == [8]  # 4 < 0.5 * 10
    assert _drops([10] * 8 + [5]) == []  # exactly half is not under half
    assert _drops([10] * 8 + [0, 0]) == [8, 9]  # silence stays a drop while the average holds


def test_the_baseline_is_the_eight_weeks_just_before() -> None:
    # average over weeks 0..7 is (4*10 + 4*2) / 8 = 6: 2 is not under 3 at week 8 but 1 is
    assert _drops([10, 10, 10, 10, 2, 2, 2, 2, 1]) == [8]
    # week 8's window holds the busy first week (average 16.5), week 9's no longer does (average 6)
    assert _drops([90, 6, 6, 6, 6, 6, 6, 6, 6, 4]) == [8]


def test_a_rarely_covered_key_does_not_alarm() -> None:
    assert _drops([4] * 8 + [0]) == []  # average 4 is under the minimum of 5 a week
    assert _drops([5] * 8 + [0]) == [8]
    assert _drops([4] * 8 + [0], DropRule(min_average=1.0)) == [8]


def test_the_first_weeks_are_not_judged() -> None:
    assert _drops([40, 40, 0, 0, 0, 0, 0]) == []  # fewer than eight weeks of baseline


def test_counts_by_outlet_per_week_with_zeros() -> None:
    counts = [
        ArticleCount(date(2021, 1, 4), "Wire", 2),  # Monday
        ArticleCount(date(2021, 1, 10), "Wire", 1),  # Sunday: the same week
        ArticleCount(date(2021, 1, 11), "Radio", 5),
        ArticleCount(date(2021, 1, 25), "Wire", 4),
        ArticleCount(date(2021, 1, 26), None, 1),
        ArticleCount(None, "Wire", 7),
    ]
    health = source_health(counts, "outlet")
    assert health.weeks == (date(2021, 1, 4), date(2021, 1, 11), date(2021, 1, 18), date(2021, 1, 25))
    assert [(s.key, s.articles) for s in health.series] == [
        ("Wire", (3, 0, 0, 4)),
        ("Radio", (0, 5, 0, 0)),
        (NO_OUTLET, (0, 0, 0, 1)),
    ]
    assert health.undated == 7 and health.last_day == date(2021, 1, 26)
    assert health.drops == ()


def test_drops_by_governorate_say_no_reports_is_not_no_violence() -> None:
    counts = _weekly("Diyala", [10] * 8 + [2, 10, 10, 10]) + _weekly("Basra", [1] * 12)
    health = source_health(counts, "admin1")
    assert [(d.key, d.week, d.articles, d.average) for d in health.drops] == [("Diyala", WEEKS[8], 2, 10.0)]
    message = health.drops[0].message
    assert message.startswith("Governorate Diyala: 2 articles in the week of 2021-03-01")
    assert "No reports is not no violence" in message
    assert not health.drops[0].partial


def test_a_drop_in_an_unfinished_last_week_says_so() -> None:
    counts = [ArticleCount(MONDAY + timedelta(weeks=i), "Wire", 10) for i in range(8)]
    counts.append(ArticleCount(MONDAY + timedelta(weeks=8, days=1), "Wire", 3))  # data ends on a Tuesday
    (drop,) = source_health(counts, "outlet").drops
    assert drop.partial and "may not be complete" in drop.message


def test_no_articles_no_weeks() -> None:
    health = source_health([ArticleCount(None, "Wire", 3)], "outlet")
    assert (health.weeks, health.series, health.drops, health.undated) == ((), (), (), 3)


@pytest.mark.parametrize("ratio", [0.25, 0.75])
def test_the_ratio_is_the_rule(ratio: float) -> None:
    assert _drops([8] * 8 + [4], DropRule(ratio=ratio)) == ([8] if ratio == 0.75 else [])


def _store_with_a_quiet_week(path: Path) -> None:
    """'Wire' sends ten articles a week for ten weeks, then one; each article reports an event in Diyala."""
    store = SQLiteStore(path)
    events = []
    for w in range(11):
        for k in range(1 if w == 10 else 10):
            day = MONDAY + timedelta(weeks=w, days=6)
            article = Article(
                f"w{w}-{k}", "SYNTHETIC", "SYNTHETIC text.", day, "Wire", content_hash=f"h{w}-{k}"
            )
            store.add_article(article, b"", None)
            events.append(
                synthetic_event(
                    event_id=f"ev-{w}-{k}",
                    event_date=day,
                    admin1="Diyala",
                    sources=(Source(article.id, "Wire", None, day),),
                    evidence=(Evidence(article.id, 0, 9, "SYNTHETIC."),),
                )
            )
    store.replace_events(events, {})
    store.close()


def test_coverage_command_lists_weeks_and_drops(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _store_with_a_quiet_week(db)
    runner = CliRunner()
    by_outlet = runner.invoke(app, ["coverage", "--db", str(db)])
    assert by_outlet.exit_code == 0, by_outlet.output
    assert "101 articles in 11 weeks" in by_outlet.output
    assert "coverage drop: Outlet Wire: 1 article in the week of 2021-03-15" in by_outlet.output
    assert "No reports is not no violence" in by_outlet.output
    by_place = runner.invoke(app, ["coverage", "--db", str(db), "--by", "admin1", "--until", "2021-03-14"])
    assert by_place.exit_code == 0 and "100 articles in 10 weeks" in by_place.output
    assert "coverage drop" not in by_place.output
    wrong = runner.invoke(app, ["coverage", "--db", str(db), "--by", "week"])
    assert wrong.exit_code == 2 and "--by is outlet or admin1" in wrong.output


def test_report_command_writes_the_charts_of_the_store(tmp_path: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "r.html"
    _store_with_a_quiet_week(db)
    result = CliRunner().invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    for label in ("Incidents and fatalities per month", "Fatalities forecast", "Articles per week by outlet"):
        assert f'aria-label="{label}' in html
    assert "Governorate Diyala: 1 article in the week of 2021-03-15" in html
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(out)])
    assert missing.exit_code == 2
