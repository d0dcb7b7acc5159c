"""Link: mentions -> events. Reports of one incident, from any number of articles, become one event.

Syndicated copies are extra sources of their canonical article's mentions; independent reports are
grouped by `group.Linker` (blocking, scored pairs, constrained transitive merging) and merged field by
field (`merge.merge`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Event, Link, Mention, Source
from .compare import Report, compare, content_words
from .group import LINK_THRESHOLD, Linker, candidate_pairs
from .merge import event_id, merge


def _source(article: Article) -> Source:
    return Source(article.id, article.outlet, article.url, article.published)


def reports_of(
    mentions: Iterable[Mention], articles: Mapping[str, Article], copies: Mapping[str, Sequence[str]]
) -> list[Report]:
    reports = []
    for m in mentions:
        ids = [m.article_id, *copies.get(m.article_id, ())]
        sources = tuple(_source(articles[i]) for i in ids if i in articles)
        article = articles.get(m.article_id)
        reports.append(
            Report(
                m,
                article.published if article else None,
                sources,
                content_words(tuple(e.text for e in m.evidence), m.place),
            )
        )
    return reports


def link(
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    copies: Mapping[str, Sequence[str]],
    across_articles: bool = True,
) -> list[Event]:
    """Events for `mentions`; `copies` maps a canonical article id to the ids of its syndicated copies.

    With `across_articles`, reports of one incident in different articles become one event.
    """
    reports = reports_of(mentions, articles, copies)
    if not across_articles:
        return [merge([r], []) for r in reports]
    linker = Linker(reports)
    events = []
    for g in linker.groups():
        order = sorted(g.members, key=lambda i: linker.order_key(i))
        links = []
        for i in order:
            up = g.parent[i]
            m = reports[i].mention
            if up is None:
                links.append(Link(m.article_id, m.index, None, None, 0.0, ("first report",)))
            else:
                other = reports[up[0]].mention
                links.append(
                    Link(m.article_id, m.index, other.article_id, other.index, up[1].score, up[1].reasons)
                )
        events.append(merge([reports[i] for i in order], links))
    return events


__all__ = ["LINK_THRESHOLD", "Linker", "Report", "candidate_pairs", "compare", "event_id", "link", "merge"]
