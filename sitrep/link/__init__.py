"""Link: mentions -> events. Reports of one incident, from any number of articles, become one event.

Syndicated copies are extra sources of their canonical article's mentions; independent reports are
grouped by `group.Linker` (blocking, scored pairs, constrained transitive merging) and merged field by
field (`merge.merge`). `link_into` adds new reports to events already stored: an event may grow or
absorb another (the older keeps its id), never split, so re-running changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import Article, Event, Link, Mention, Source
from .block import candidate_pairs
from .compare import Comparison, compare
from .group import LINK_THRESHOLD, SEARCH_DAYS, Group, Linker
from .merge import event_id, merge
from .report import Report, content_words, region_of


def _source(article: Article) -> Source:
    return Source(article.id, article.outlet, article.url, article.published)


def report_of(mention: Mention, published: date | None, sources: Sequence[Source]) -> Report:
    return Report(
        mention,
        published,
        tuple(sources),
        content_words(tuple(e.text for e in mention.evidence), mention.place),
        region_of(tuple(e.text for e in mention.evidence)) if mention.place is None else frozenset(),
    )


def reports_of(
    mentions: Iterable[Mention], articles: Mapping[str, Article], copies: Mapping[str, Sequence[str]]
) -> list[Report]:
    reports = []
    for m in mentions:
        ids = [m.article_id, *copies.get(m.article_id, ())]
        article = articles.get(m.article_id)
        sources = [_source(articles[i]) for i in ids if i in articles]
        reports.append(report_of(m, article.published if article else None, sources))
    return reports


@dataclass(frozen=True)
class Known:
    """A report already stored as part of an event, with the link that joined it."""

    report: Report
    event_id: str
    link: Link | None


@dataclass
class LinkResult:
    events: list[Event] = field(default_factory=list)  # new or changed events
    replaced: dict[str, str] = field(default_factory=dict)  # stored event id -> event it merged into
    event_of: dict[tuple[str, int], str] = field(
        default_factory=dict
    )  # mention -> its event, for changed events


def _initial_groups(known: Sequence[Known]) -> list[Group]:
    index = {k.report.key: i for i, k in enumerate(known)}
    by_event: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(known):
        by_event[k.event_id].append(i)
    groups = []
    for members in by_event.values():
        parent: dict[int, tuple[int, Comparison] | None] = {}
        root = members[0]
        for i in members:
            link = known[i].link
            up = None
            if link and link.other_article_id is not None and link.other_index is not None:
                up = index.get((link.other_article_id, link.other_index))
            if link is None or up is None or up not in members:
                parent[i] = None
                root = i
            else:
                parent[i] = (up, Comparison(link.score, False, link.reasons))
        groups.append(Group(members, parent, root))
    return groups


def _links(g: Group, linker: Linker, order: list[int]) -> list[Link]:
    links = []
    for i in order:
        m = linker.reports[i].mention
        up = g.parent[i]
        if up is None:
            links.append(Link(m.article_id, m.index, None, None, 0.0, ("first report",)))
        else:
            other = linker.reports[up[0]].mention
            links.append(
                Link(m.article_id, m.index, other.article_id, other.index, up[1].score, up[1].reasons)
            )
    return links


def _new_pairs(
    pairs: Iterable[tuple[int, int]], first_new: int, alone: set[int], stored_partners: dict[int, list[int]]
) -> Iterator[tuple[int, int]]:
    """The pairs that hold a new report (the others were weighed when they were new); a pair of two stored
    reports is only noted, for a stored report left alone (whether a new report is its only fit)."""
    for i, j in pairs:
        if j >= first_new:
            yield (i, j)
            continue
        if i in alone:
            stored_partners[i].append(j)
        if j in alone:
            stored_partners[j].append(i)


def link_into(new: Sequence[Report], known: Sequence[Known] = (), across_articles: bool = True) -> LinkResult:
    """Events for the `new` reports, linked to each other and to the `known` events where they match."""
    result = LinkResult()
    if not across_articles:
        for r in new:
            ev = merge([r], [])
            result.events.append(ev)
            result.event_of[r.key] = ev.event_id
        return result
    reports = [k.report for k in known] + list(new)
    first_new = len(known)
    linker = Linker(reports)
    initial = _initial_groups(known)
    alone = {g.members[0] for g in initial if len(g.members) == 1}
    pairs = _new_pairs(candidate_pairs(reports), first_new, alone, linker.stored_partners)
    for g in linker.groups(pairs, initial):
        if all(i < first_new for i in g.members):
            continue  # an event no new report touched
        order = sorted(g.members, key=linker.order_key)
        event = merge([reports[i] for i in order], _links(g, linker, order))
        result.events.append(event)
        for i in g.members:
            result.event_of[reports[i].key] = event.event_id
            if i < first_new and known[i].event_id != event.event_id:
                result.replaced[known[i].event_id] = event.event_id
    return result


def link(
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    copies: Mapping[str, Sequence[str]],
    across_articles: bool = True,
) -> list[Event]:
    """Events for `mentions`; `copies` maps a canonical article id to the ids of its syndicated copies.

    With `across_articles`, reports of one incident in different articles become one event.
    """
    return link_into(reports_of(mentions, articles, copies), (), across_articles).events


__all__ = [
    "LINK_THRESHOLD",
    "SEARCH_DAYS",
    "Known",
    "LinkResult",
    "Linker",
    "Report",
    "candidate_pairs",
    "compare",
    "event_id",
    "link",
    "link_into",
    "merge",
    "report_of",
    "reports_of",
]
