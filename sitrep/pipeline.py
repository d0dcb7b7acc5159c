"""The whole path: ingest -> dedup -> extract -> geo -> link -> store, as library calls the CLI only wraps."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from .config import Config
from .dedup import CopyFinder, shingles, signature
from .extract import extract
from .ingest import read_paths
from .link import SEARCH_DAYS, Known, link, link_into, report_of, reports_of
from .model import Article, Claim, Event, Extraction, Mention, Problem
from .store import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class RunResult:
    articles_new: int = 0
    articles_unchanged: int = 0
    copies: dict[str, list[str]] = field(default_factory=dict)  # canonical id -> copies
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Deduplicated:
    canonical: list[Article]
    copies: dict[str, list[str]]  # canonical id -> copy ids, in this batch or against the store
    signatures: dict[str, bytes]


def deduplicate(articles: Sequence[Article], finder: CopyFinder) -> Deduplicated:
    """Longest text first, so the fullest version of a story becomes its canonical article."""
    canonical: list[Article] = []
    copies: dict[str, list[str]] = {}
    sigs: dict[str, bytes] = {}
    for a in sorted(articles, key=lambda a: (-len(a.text), a.id)):
        sig = signature(shingles(a.text))
        sigs[a.id] = sig
        original = finder.copy_of(a.id, a.text, sig, a.published)
        if original is None:
            canonical.append(a)
            finder.remember(a.id, sig, a.text, a.published)
        else:
            copies.setdefault(original, []).append(a.id)
    order = {a.id: i for i, a in enumerate(articles)}
    canonical.sort(key=lambda a: order[a.id])
    return Deduplicated(canonical, copies, sigs)


def _extractions(dedup: Deduplicated, cfg: Config, progress: Progress | None) -> Iterator[Extraction]:
    """Each canonical article's extraction; copies are not extracted again."""
    total = len(dedup.canonical)
    for n, extraction in enumerate(extract(dedup.canonical, model=cfg.spacy_model), 1):
        yield extraction
        if progress:
            progress("extract", n, total)


def extract_events(
    articles: Iterable[Article], cfg: Config, progress: Progress | None = None, link_reports: bool = True
) -> tuple[list[Event], list[Claim], dict[str, list[str]]]:
    """Article records in, events out; no database. Syndicated copies are extracted once; with
    `link_reports`, reports of one incident in different articles become one event."""
    batch = list(articles)
    by_id = {a.id: a for a in batch}
    dedup = deduplicate(
        batch, CopyFinder(lambda i: by_id[i].text if i in by_id else None, cfg.dup_containment)
    )
    mentions: list[Mention] = []
    claims: list[Claim] = []
    for extraction in _extractions(dedup, cfg, progress):
        mentions += extraction.mentions
        claims += extraction.claims
    return link(mentions, by_id, dedup.copies, across_articles=link_reports), claims, dedup.copies


def _known(store: Store, mentions: Sequence[Mention]) -> list[Known]:
    """Stored reports of events dated near the new ones: what new reports may link into."""
    dates = [m.event_date for m in mentions if m.event_date]
    if not dates:
        return []
    window = timedelta(days=SEARCH_DAYS)
    return [
        Known(report_of(s.mention, s.published, s.sources), s.event_id, s.link)
        for s in store.stored_mentions(min(dates) - window, max(dates) + window)
    ]


def run(
    paths: Sequence[Path],
    store: Store,
    cfg: Config,
    progress: Progress | None = None,
    link_reports: bool = True,
) -> RunResult:
    """Ingest files into the store, extract what is new and link it to the events stored (reports of
    one incident become one event). Re-running on the same input changes nothing."""
    result = RunResult()
    new: list[Article] = []
    seen: set[str] = set()
    for item in read_paths(paths, cfg.max_file_mb):
        if isinstance(item, Problem):
            result.problems.append(item)
        elif item.content_hash in seen or store.has_content(item.content_hash):
            result.articles_unchanged += 1
        else:
            seen.add(item.content_hash)
            new.append(item)
    finder = CopyFinder(store.article_text, cfg.dup_containment)
    for article_id, sig, published in store.signatures():
        finder.remember(article_id, sig, published=published)
    dedup = deduplicate(new, finder)
    result.copies = dedup.copies
    canonical_ids = {a.id for a in dedup.canonical}
    copy_of = {c: original for original, cs in dedup.copies.items() for c in cs}
    for a in sorted(new, key=lambda a: a.id not in canonical_ids):
        store.add_article(a, dedup.signatures[a.id], copy_of.get(a.id))
    result.articles_new = len(new)
    by_id = {a.id: a for a in new}
    mentions: list[Mention] = []
    for extraction in _extractions(dedup, cfg, progress):
        store.put_claims(extraction.article_id, extraction.claims)
        mentions += extraction.mentions
        result.claims += extraction.claims
    linked = link_into(reports_of(mentions, by_id, dedup.copies), _known(store, mentions), link_reports)
    store.replace_events(linked.events, linked.replaced)
    store.put_mentions(mentions, linked.event_of)
    result.events = linked.events
    for original, cs in dedup.copies.items():
        if original not in canonical_ids:  # a copy of an article stored by an earlier run
            for c in cs:
                store.add_source(original, by_id[c])
    return result
