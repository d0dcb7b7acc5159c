"""Source health: articles per week by outlet or by governorate, and where coverage drops.

Fewer events in a place can mean less violence or fewer reports of it; these counts tell the two
apart. An article counts in the week (from Monday) it was published, by its outlet, or by each
governorate of the events it is a source of (`Store.article_counts`).

The drop rule (`DropRule`): a week is a drop for an outlet or governorate when its article count is
below `ratio` (half) of its own average over the `window` (eight) weeks before it, and that average is
at least `min_average` (five articles a week), so that a place or outlet that is rarely reported does
not alarm on a quiet week. The first `window` weeks of the data are never judged (no full baseline),
and a week with no articles before the key's first is a zero, so a new outlet alarms only once it has
a baseline. A drop in the last week the data reaches is marked `partial` when that week is not over
in the data (its last article is dated before the Sunday).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..store.base import ArticleCount, CoverageBy
from .series import period_start

NO_OUTLET = "(no outlet named)"
WHAT: dict[CoverageBy, str] = {"outlet": "Outlet", "admin1": "Governorate"}
NOT_NO_VIOLENCE = (
    "No reports is not no violence: fewer events here may mean fewer reports, not less violence."
)


@dataclass(frozen=True)
class DropRule:
    window: int = 8  # weeks of the baseline, just before the week judged
    ratio: float = 0.5  # a drop is a week below this fraction of the baseline's average
    min_average: float = 5.0  # articles a week: below this average the key is too rarely covered to judge


RULE = DropRule()


@dataclass(frozen=True)
class WeeklyCoverage:
    """One outlet's or governorate's articles in each week of the data (zeros included)."""

    key: str
    articles: tuple[int, ...]  # one per `SourceHealth.weeks`

    @property
    def total(self) -> int:
        return sum(self.articles)


@dataclass(frozen=True)
class CoverageDrop:
    by: CoverageBy
    key: str
    week: date  # its Monday
    articles: int
    average: float  # over the rule's window before the week
    rule: DropRule
    partial: bool = False  # the last week of the data, not over in it

    @property
    def message(self) -> str:
        unfinished = " (the data ends inside this week: it may not be complete)" if self.partial else ""
        return (
            f"{WHAT[self.by]} {self.key}: {self.articles} article{'' if self.articles == 1 else 's'} in the "
            f"week of {self.week.isoformat()}"
            f"{unfinished}, under {self.rule.ratio:.0%} of its average of {self.average:.1f} a week over "
            f"the {self.rule.window} weeks before. {NOT_NO_VIOLENCE}"
        )


@dataclass(frozen=True)
class SourceHealth:
    by: CoverageBy
    weeks: tuple[date, ...]  # every Monday from the first article's week to the last's
    series: tuple[WeeklyCoverage, ...]  # most articles first
    drops: tuple[CoverageDrop, ...]  # by week, then key
    undated: int  # articles with no publication date, in no week
    last_day: date | None  # the latest publication date seen


def weeks_between(first: date, last: date) -> list[date]:
    """Every Monday from `first`'s week to `last`'s."""
    out, week = [], period_start(first, "week")
    while week <= last:
        out.append(week)
        week += timedelta(days=7)
    return out


def coverage_drops(
    by: CoverageBy,
    series: WeeklyCoverage,
    weeks: Sequence[date],
    rule: DropRule = RULE,
    last_day: date | None = None,
) -> list[CoverageDrop]:
    """The weeks of `series` that the rule calls a drop (see the module's docstring)."""
    drops = []
    for i in range(rule.window, len(series.articles)):
        average = sum(series.articles[i - rule.window : i]) / rule.window
        now = series.articles[i]
        if average >= rule.min_average and now < rule.ratio * average:
            partial = last_day is not None and last_day < weeks[i] + timedelta(days=6)
            drops.append(CoverageDrop(by, series.key, weeks[i], now, average, rule, partial))
    return drops


def source_health(counts: Iterable[ArticleCount], by: CoverageBy, rule: DropRule = RULE) -> SourceHealth:
    """Weekly article counts per outlet or governorate from the store's daily counts, and their drops."""
    per_key: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    undated = 0
    days: list[date] = []
    for c in counts:
        if c.day is None:
            undated += c.articles
            continue
        days.append(c.day)
        per_key[c.key if c.key is not None else NO_OUTLET][period_start(c.day, "week")] += c.articles
    if not days:
        return SourceHealth(by, (), (), (), undated, None)
    first, last = min(days), max(days)
    weeks = weeks_between(first, last)
    series = sorted(
        (WeeklyCoverage(key, tuple(n.get(w, 0) for w in weeks)) for key, n in per_key.items()),
        key=lambda s: (-s.total, s.key),
    )
    drops = sorted(
        (d for s in series for d in coverage_drops(by, s, weeks, rule, last)),
        key=lambda d: (d.week, d.key),
    )
    return SourceHealth(by, tuple(weeks), tuple(series), tuple(drops), undated, last)
