"""Grouping reports into incidents: candidate pairs by blocking, then constrained transitive merging.

Blocking (`block.candidate_pairs`) keeps this far from all-pairs: reports are compared only within the
same kind of event, the same governorate, reach of each other's day and near each other's place.

Merging takes candidate pairs best first (single link) but joins two groups only if no report of one
is vetoed against any report of the other, and their reports agree on average: a chain A-B-C cannot
join A and C when A and C are clearly different incidents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .block import VAGUE_WINDOW, candidate_pairs
from .compare import Comparison, compare, word_weights
from .report import ARMED_VICTIMS, Report
from .vetoes import days_apart

LINK_THRESHOLD = 2.0  # a pair scoring this much is one incident
# A report left on its own joins an event it scores this much with, if that event is the only one:
# a headline ("3 policemen killed in Iraq") carries too little to pass the threshold with any one report,
# but when exactly one event of its day fits and none of its reports rules it out, it is that event.
ATTACH_THRESHOLD = 1.0
_GROUP_AGREEMENT = 0.5  # mean score across two groups before they may merge, as a share of the threshold
# A report fitting several events joins the best only when it scores this much more than the next.
_CLEAR_MARGIN = 0.5
_WEAKEST_PAIR = 0.5  # no pair across two merging groups may score below this
SEARCH_DAYS = VAGUE_WINDOW  # the widest window any report is compared across


def _disagree(a: Report, b: Report) -> bool:
    """The two reports give different tolls or name different victims. Different forces named in
    headlines that give the same toll do not count: headlines confuse forces ("3 PMF killed" / "three
    Iraqi troops killed")."""
    ma, mb = a.mention, b.mention
    killed = bool(ma.fatalities and mb.fatalities and ma.fatalities != mb.fatalities)
    wounded = bool(ma.injured and mb.injured and ma.injured != mb.injured)
    same_toll = bool(ma.fatalities and ma.fatalities == mb.fatalities) or bool(
        ma.injured and ma.injured == mb.injured
    )
    forces = (a.victims | b.victims) <= ARMED_VICTIMS and not (a.full_account and b.full_account)
    other_victims = bool(a.victims and b.victims and not a.victims & b.victims and not (forces and same_toll))
    return killed or wounded or other_victims


@dataclass
class Group:
    """Reports of one incident, as a tree of the links that joined them (root: the earliest report)."""

    members: list[int]
    parent: dict[int, tuple[int, Comparison] | None]  # spanning tree: member -> (linked to, why)
    root: int  # the earliest report: its mention names the event


def _reroot(g: Group, at: int) -> None:
    """Make `at` the tree's root by reversing the path from it to the old root."""
    path = [at]
    while (up := g.parent[path[-1]]) is not None:
        path.append(up[0])
    for child, parent in zip(reversed(path[:-1]), reversed(path[1:]), strict=True):
        link = g.parent[child]
        assert link is not None
        g.parent[parent] = (child, link[1])
    g.parent[at] = None
    g.root = at


class Linker:
    """Groups reports. Scores are computed without reasons and only the scores merging re-checks are kept;
    the reasons are written for the links that join the groups."""

    def __init__(self, reports: Sequence[Report], threshold: float = LINK_THRESHOLD) -> None:
        self.reports = reports
        self.threshold = threshold
        self.weights = word_weights(reports)
        self._scores: dict[tuple[int, int], float] = {}  # pairs merging has checked: score, -inf if vetoed
        # Stored reports left alone, with the other stored reports blocking pairs them with: pairs that are
        # not scored again, but asked when one of them may be a new report's only fit.
        self.stored_partners: dict[int, list[int]] = defaultdict(list)

    def comparison(self, i: int, j: int) -> Comparison:
        """The comparison of two reports, with its reasons."""
        return compare(self.reports[i], self.reports[j], self.weights)

    def score(self, i: int, j: int) -> float:
        pair = (min(i, j), max(i, j))
        if pair not in self._scores:
            c = compare(self.reports[pair[0]], self.reports[pair[1]], self.weights, explain=False)
            self._scores[pair] = c.score
        return self._scores[pair]

    def order_key(self, i: int) -> tuple[int, str, int]:
        r = self.reports[i]
        return (r.published.toordinal() if r.published else 0, r.mention.article_id, r.mention.index)

    def _may_merge(self, a: Group, b: Group) -> bool:
        if len(a.members) == 1 or len(b.members) == 1:
            return all(self.score(x, y) >= _WEAKEST_PAIR for x in a.members for y in b.members)
        scores = []
        for x in a.members:
            for y in b.members:
                s = self.score(x, y)
                if s < _WEAKEST_PAIR:  # vetoed (-inf) or weak: different incidents, clearly or on balance
                    return False
                scores.append(s)
        return sum(scores) / len(scores) >= _GROUP_AGREEMENT * self.threshold

    def groups(
        self, pairs: Iterable[tuple[int, int]] | None = None, initial: Sequence[Group] = ()
    ) -> list[Group]:
        """Groups of all reports; `initial` groups (events already stored) may grow or merge, never split."""
        scored, fits = [], defaultdict(list)
        for i, j in pairs if pairs is not None else candidate_pairs(self.reports):
            c = compare(self.reports[i], self.reports[j], self.weights, explain=False)
            if not c.vetoed and c.score >= ATTACH_THRESHOLD:
                self._scores[(i, j)] = c.score
                fits[i].append(j)
                fits[j].append(i)
                if c.score >= self.threshold:
                    scored.append((c.score, i, j))
        group_of = {m: g for g in initial for m in g.members}
        for i in range(len(self.reports)):
            group_of.setdefault(i, Group([i], {i: None}, i))
        for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            self._join(group_of, i, j)
        self._attach_loose(group_of, fits)
        unique = {id(g): g for g in group_of.values()}
        return sorted(unique.values(), key=lambda g: self.order_key(g.root))

    def _join(self, group_of: dict[int, Group], i: int, j: int) -> None:
        """Join the groups of reports i and j through the link i-j, if no pair across them forbids it."""
        a, b = group_of[i], group_of[j]
        if a is b or not self._may_merge(a, b):
            return
        if self.order_key(b.root) < self.order_key(a.root):
            a, b, i, j = b, a, j, i
        _reroot(b, j)
        b.parent[j] = (i, self.comparison(i, j))
        a.members += b.members
        a.parent.update(b.parent)
        for m in b.members:
            group_of[m] = a

    def _attach_loose(self, group_of: dict[int, Group], fits: dict[int, list[int]]) -> None:
        """Reports still alone join the event that fits them clearly best: the only one, or one that scores
        `_CLEAR_MARGIN` more than the next (cluster level: the best report of that event speaks for it, and
        none of its reports may rule the report out)."""
        for i in sorted(fits, key=self.order_key):
            if len(group_of[i].members) > 1:
                continue
            group = self._clear_fit(group_of, {j: self.score(i, j) for j in fits[i]})
            if group is None:
                continue  # none, or several events it could belong to: stay apart
            best = max((j for j in fits[i] if group_of[j] is group), key=lambda j: self.score(i, j))
            if len(group.members) == 1 and not self._pair_alone(group_of, fits, i, best):
                continue
            self._join(group_of, best, i)

    def _clear_fit(self, group_of: dict[int, Group], scores: dict[int, float]) -> Group | None:
        """The group of the reports scored that fits clearly best, or None."""
        best: dict[int, tuple[float, Group]] = {}
        for j, s in scores.items():
            g = group_of[j]
            if id(g) not in best or s > best[id(g)][0]:
                best[id(g)] = (s, g)
        ranked = sorted(best.values(), key=lambda sg: -sg[0])
        if not ranked or (len(ranked) > 1 and ranked[0][0] - ranked[1][0] < _CLEAR_MARGIN):
            return None
        return ranked[0][1]

    def _pair_alone(self, group_of: dict[int, Group], fits: dict[int, list[int]], i: int, j: int) -> bool:
        """Two reports left alone may join each other when each is the other's clear best fit (a report that
        fits several equally is no evidence for any one of them) and they give no different toll or victims
        (they score below the threshold: what they say must agree): on the same day, or a day or more apart
        when one is a headline (a headline published the day after tells of the day before; two full
        accounts of different days, each with nothing closer, are still two incidents)."""
        a, b = self.reports[i], self.reports[j]
        if (
            self._fit_of(group_of, fits, i) is not group_of[j]
            or self._fit_of(group_of, fits, j) is not group_of[i]
        ):
            return False
        if _disagree(a, b):
            return False
        return not days_apart(a.mention, b.mention) or not (a.full_account and b.full_account)

    def _fit_of(self, group_of: dict[int, Group], fits: dict[int, list[int]], i: int) -> Group | None:
        """The group that fits report i clearly best, among those of the pairs scored now and, for a stored
        report left alone, those of the stored reports blocking pairs it with."""
        scores = {k: self.score(i, k) for k in (*fits[i], *self.stored_partners.get(i, ()))}
        return self._clear_fit(group_of, {k: s for k, s in scores.items() if s >= ATTACH_THRESHOLD})
