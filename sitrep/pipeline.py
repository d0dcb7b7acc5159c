"""The whole path: ingest -> dedup -> extract -> geo -> link -> store, as library calls the CLI only wraps.

`run` streams its input in batches of `batch_size` articles. Each batch — its articles and everything
derived from them: claims, reports, events, links — is stored in one transaction, so an interrupted
run loses nothing committed and the next run finishes exactly the articles that have no results.
A record that fails at any stage is set aside with its reason (kept in the store's failures) and
the rest of the batch goes on. Articles the relevance filter rejects (`extract/relevance.py`) are
stored as skipped, with the reason, and extracted later by `retry_skipped`. With `workers` above 1,
extraction runs in that many processes (`extract/pool.py`); storing stays in this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from time import monotonic

from .config import Config
from .dedup import CopyFinder, shingles, signature
from .errors import SitrepError, StoreError
from .extract import Extractor, extractor_for
from .extract.pool import ExtractorPool, Starting
from .extract.relevance import relevance
from .ingest import read_paths
from .link import SEARCH_DAYS, Known, link, link_into, report_of, reports_of
from .model import Article, Claim, Event, Extraction, Mention, Problem, Stage
from .store import Store

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BATCH_SIZE = 32


@dataclass(frozen=True)
class RunProgress:
    """Where a run is: articles done (stored, unchanged or set aside), events touched, failures, time."""

    articles: int
    events: int
    failures: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


@dataclass
class RunResult:
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_finished: int = 0  # stored by an earlier, interrupted run and finished by this one
    copies: dict[str, list[str]] = field(default_factory=dict)  # canonical id -> copies
    event_ids: dict[str, None] = field(default_factory=dict)  # events new or changed by this run, in order
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)
    articles_skipped: int = 0  # of the new and finished: stored as skipped by the relevance filter


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


def _failure(article: Article, stage: Stage, error: BaseException) -> Problem:
    return Problem(article.source or article.id, f"{stage} failed: {type(error).__name__}: {error}", stage)


def extract_each(articles: Sequence[Article], extractor: Extractor) -> Iterator[Extraction | Problem]:
    """Each article's extraction, in order; an article the extractor fails on becomes a `Problem`.

    spaCy runs over the articles in batches; when a batch breaks, the rest is redone one by one so
    only the article at fault is set aside.
    """
    done = 0
    try:
        for extraction in extractor.extract(articles):
            yield extraction
            done += 1
        return
    except SitrepError:
        raise  # the extractor cannot run at all (a missing model): no article is at fault
    except Exception:  # one article's failure is found below, one by one
        pass
    for article in articles[done:]:
        try:
            [extraction] = list(extractor.extract([article]))
        except SitrepError:
            raise
        except Exception as e:  # set aside with the reason, never lost
            yield _failure(article, "extract", e)
        else:
            yield extraction


def _unique_ids(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """A second article with an id already used in the same input is a named problem, not an overwrite."""
    first: dict[str, tuple[str, str]] = {}  # id -> (content hash, where)
    for item in items:
        if isinstance(item, Article):
            seen = first.get(item.id)
            if seen is not None and seen[0] != item.content_hash:
                yield Problem(
                    item.source or item.id,
                    f"duplicate article id {item.id!r}: already used by {seen[1]} with other text; "
                    "give each article its own id",
                )
                continue
            first.setdefault(item.id, (item.content_hash, item.source or item.id))
        yield item


@dataclass(frozen=True)
class Extracted:
    events: list[Event]
    claims: list[Claim]
    copies: dict[str, list[str]]
    problems: list[Problem]


def extract_events(
    items: Iterable[Article | Problem],
    cfg: Config,
    progress: Progress | None = None,
    link_reports: bool = True,
) -> Extracted:
    """Article records in, events out; no database. Syndicated copies are extracted once; with
    `link_reports`, reports of one incident in different articles become one event. Records that
    cannot be read or extracted are returned as problems; the rest go on."""
    problems: list[Problem] = []
    batch: list[Article] = []
    seen: set[tuple[str, str]] = set()
    for item in _unique_ids(items):
        if isinstance(item, Problem):
            problems.append(item)
        elif (item.id, item.content_hash) not in seen:  # the same record twice is one article; the same
            seen.add((item.id, item.content_hash))  # text under another id is a copy, found by dedup
            batch.append(item)
    by_id = {a.id: a for a in batch}
    dedup = deduplicate(
        batch, CopyFinder(lambda i: by_id[i].text if i in by_id else None, cfg.dup_containment)
    )
    mentions: list[Mention] = []
    claims: list[Claim] = []
    total = len(dedup.canonical)
    extractor = extractor_for(cfg.extractor, cfg.spacy_model)
    for n, extraction in enumerate(extract_each(dedup.canonical, extractor), 1):
        if isinstance(extraction, Problem):
            problems.append(extraction)
        else:
            mentions += extraction.mentions
            claims += extraction.claims
        if progress:
            progress("extract", n, total)
    events = link(mentions, by_id, dedup.copies, across_articles=link_reports)
    return Extracted(events, claims, dedup.copies, problems)


def _windows(dates: Iterable[date], days: int) -> list[tuple[date, date]]:
    """Dates widened by `days` either side, overlapping spans joined."""
    spans: list[tuple[date, date]] = []
    for d in sorted(set(dates)):
        try:
            lo, hi = d - timedelta(days=days), d + timedelta(days=days)
        except OverflowError:
            lo, hi = d, d
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _known(store: Store, mentions: Sequence[Mention]) -> list[Known]:
    """Stored reports of events dated near the new ones: what new reports may link into."""
    known: dict[tuple[str, int], Known] = {}
    for since, until in _windows((m.event_date for m in mentions if m.event_date), SEARCH_DAYS):
        for s in store.stored_mentions(since, until):
            key = (s.mention.article_id, s.mention.index)
            if key not in known:
                known[key] = Known(report_of(s.mention, s.published, s.sources), s.event_id, s.link)
    return list(known.values())


@dataclass(frozen=True)
class Skipped:
    """An article the relevance filter rejected, and why; it is stored, not extracted."""

    reason: str


@dataclass(frozen=True)
class Unit:
    """One unit of work: an article (new, or stored earlier without results), its extraction or the
    problem that stopped it, and its syndicated copies in the same batch."""

    article: Article
    stored: bool
    signature: bytes
    result: Extraction | Problem | Skipped | None  # None for a copy of an article stored by an earlier run
    copies: tuple[Article, ...] = ()
    copy_of: str | None = None  # for a copy of an article stored by an earlier run


@dataclass(frozen=True)
class _Work:
    article: Article
    stored: bool  # already in the store (pending or failed before): finish it, do not add it again
    skipped: Skipped | None = None  # the relevance filter's reason not to extract it


@dataclass(frozen=True)
class Options:
    """How a run treats its input: the relevance filter, and which stored articles it tries again."""

    relevance_filter: bool = True
    retry_failed: bool = False
    retry_skipped: bool = False  # extract the articles the filter skipped, without the filter


Reader = Callable[[Sequence[Path], float], Iterable[Article | Problem]]  # paths, SITREP_MAX_FILE_MB


def _todo(
    paths: Sequence[Path], store: Store, cfg: Config, result: RunResult, opts: Options, read: Reader
) -> Iterator[_Work]:
    """What this run has to do: articles an earlier run left without results, then new input."""
    for article in store.unfinished(opts.retry_failed, opts.retry_skipped):
        yield _Work(
            article, True, _skipped(article) if opts.relevance_filter and not opts.retry_skipped else None
        )
    seen: set[str] = set()
    for item in _unique_ids(read(paths, cfg.max_file_mb)):
        if isinstance(item, Problem):
            _set_aside(store, result, item)
        elif item.content_hash in seen or store.has_content(item.content_hash):
            result.articles_unchanged += 1
        elif store.content_hash_of(item.id) is not None:
            _set_aside(store, result, _duplicate_id(item))
        else:
            seen.add(item.content_hash)
            yield _Work(item, False, _skipped(item) if opts.relevance_filter else None)


def _skipped(article: Article) -> Skipped | None:
    verdict = relevance(article)
    return None if verdict.relevant else Skipped(verdict.reason)


def _duplicate_id(article: Article) -> Problem:
    return Problem(
        article.source or article.id,
        f"duplicate article id {article.id!r}: the store holds another article with this id; "
        "give each article its own id",
    )


def _set_aside(store: Store, result: RunResult, problem: Problem, article_id: str | None = None) -> None:
    result.problems.append(problem)
    store.add_failure(problem, article_id)


@dataclass(frozen=True)
class _Prepared:
    """A batch deduplicated, with the canonical articles to extract; extraction may already be running."""

    batch: Sequence[_Work]
    dedup: Deduplicated
    canonical: list[Article]
    extractor: Extractor


def _prepare(batch: Sequence[_Work], store: Store, cfg: Config, extractor: Extractor) -> _Prepared:
    """Deduplicate the batch's relevant new articles against each other and the store, and start
    extracting each canonical article once (at once in the pool's workers; else when results are read).
    An article the filter skipped is neither deduplicated nor extracted: it is stored as it is."""
    new = [w.article for w in batch if not w.stored and w.skipped is None]
    dedup = deduplicate(
        new, CopyFinder(store.article_text, cfg.dup_containment, stored=store.copy_candidates)
    )
    canonical = [w.article for w in batch if w.stored and w.skipped is None] + dedup.canonical
    if isinstance(extractor, Starting):
        extractor = extractor.start(canonical)
    return _Prepared(batch, dedup, canonical, extractor)


def _units(prepared: _Prepared, result: RunResult) -> list[Unit]:
    """The batch's units of work, with each canonical article's extraction (or the problem that stopped it)."""
    batch, dedup, canonical = prepared.batch, prepared.dedup, prepared.canonical
    by_id = {w.article.id: w for w in batch}
    extracted = dict(zip((a.id for a in canonical), extract_each(canonical, prepared.extractor), strict=True))
    units = [Unit(w.article, w.stored, b"", w.skipped) for w in batch if w.skipped is not None]
    for article in canonical:
        copies = tuple(by_id[c].article for c in dedup.copies.get(article.id, ()))
        sig = dedup.signatures.get(article.id, b"")
        units.append(Unit(article, by_id[article.id].stored, sig, extracted[article.id], copies))
    for original, ids in dedup.copies.items():
        if original not in by_id:  # copies of an article stored by an earlier run
            units += [Unit(by_id[c].article, False, dedup.signatures[c], None, copy_of=original) for c in ids]
        result.copies.setdefault(original, []).extend(ids)
    return units


@dataclass(frozen=True)
class _Stored:
    units: list[Unit]  # those written; the others another run stored meanwhile, or had their id taken
    event_ids: list[str]
    problems: list[Problem]


def _store(units: Sequence[Unit], store: Store, link_reports: bool) -> _Stored:
    """Store the units and everything derived from them in one transaction."""
    problems: list[Problem] = []
    with store.transaction():
        kept = []
        for u in units:
            # Another run may have stored this article, or another with its id, since it was read.
            if not u.stored and store.has_content(u.article.content_hash):
                continue
            if not u.stored and store.content_hash_of(u.article.id) is not None:
                problems.append(_duplicate_id(u.article))
                store.add_failure(problems[-1])
                continue
            kept.append(u)
        articles: dict[str, Article] = {}
        copies: dict[str, list[str]] = {}
        mentions: list[Mention] = []
        for u in kept:
            status = _status(u.result)
            if u.stored:
                store.set_status(u.article.id, status)
            else:
                store.add_article(u.article, u.signature, u.copy_of, status)
            for c in u.copies:
                store.add_article(c, b"", u.article.id)
            if isinstance(u.result, Problem):
                store.add_failure(u.result, u.article.id)
            elif isinstance(u.result, Skipped):
                store.add_failure(
                    Problem(u.article.source or u.article.id, u.result.reason, "relevance"), u.article.id
                )
            elif isinstance(u.result, Extraction):
                store.put_claims(u.article.id, u.result.claims)
                mentions += u.result.mentions
                articles[u.article.id] = u.article
                articles.update((c.id, c) for c in u.copies)
                copies[u.article.id] = [c.id for c in u.copies]
        linked = link_into(reports_of(mentions, articles, copies), _known(store, mentions), link_reports)
        store.replace_events(linked.events, linked.replaced)
        store.put_mentions(mentions, linked.event_of)
        for u in kept:
            if u.copy_of is not None:
                store.add_source(u.copy_of, u.article)
    return _Stored(kept, [e.event_id for e in linked.events], problems)


def _status(result: Extraction | Problem | Skipped | None) -> str:
    if isinstance(result, Problem):
        return "failed"
    return "skipped" if isinstance(result, Skipped) else "done"


def _count(stored: _Stored, result: RunResult) -> None:
    result.problems += stored.problems
    for u in stored.units:
        if isinstance(u.result, Problem):
            result.problems.append(u.result)
        elif isinstance(u.result, Extraction):
            result.claims += len(u.result.claims)
        elif isinstance(u.result, Skipped):
            result.articles_skipped += 1
        if u.stored:
            result.articles_finished += 1
        else:
            result.articles_new += 1 + len(u.copies)
    result.event_ids.update(dict.fromkeys(stored.event_ids))


def _store_one_by_one(units: Sequence[Unit], store: Store, result: RunResult, link_reports: bool) -> None:
    """After a batch failed on some record's data: each unit on its own; the one at fault is set aside."""
    for u in units:
        try:
            stored = _store([u], store, link_reports)
        except StoreError:
            raise
        except Exception as e:  # this unit's data broke the store or the linker
            problem = _failure(u.article, "store", e)
            try:
                with store.transaction():
                    if u.stored:
                        store.set_status(u.article.id, "failed")
                    else:
                        store.add_article(u.article, u.signature, u.copy_of, "failed")
                    store.add_failure(problem, u.article.id)
            except StoreError:
                raise
            except Exception:  # the article itself cannot be stored: keep the failure only
                store.add_failure(problem)
            result.problems.append(problem)
        else:
            _count(stored, result)


SKIPPED_PER_BATCH = 16  # a batch takes up to this many times its size in skipped articles


def _batches(work: Iterator[_Work], size: int) -> Iterator[list[_Work]]:
    """Batches of `size` articles to extract; articles the filter skipped ride along (they cost
    little), up to `SKIPPED_PER_BATCH` times `size` in all, so the workers get full batches."""
    batch: list[_Work] = []
    relevant = 0
    for w in work:
        batch.append(w)
        relevant += w.skipped is None
        if relevant >= size or len(batch) >= size * SKIPPED_PER_BATCH:
            yield batch
            batch, relevant = [], 0
    if batch:
        yield batch


def run(
    paths: Sequence[Path],
    store: Store,
    cfg: Config,
    progress: Callable[[RunProgress], None] | None = None,
    link_reports: bool = True,
    batch_size: int = BATCH_SIZE,
    retry_failed: bool = False,
    workers: int = 1,
    relevance_filter: bool = True,
    retry_skipped: bool = False,
    cluster: str | None = None,
) -> RunResult:
    """Ingest files into the store, extract what is new and link it to the events stored (reports of
        one incident become one event). Re-running on the same input changes nothing; a run after an
        interrupted one finishes what that one left. With `retry_failed`, articles set aside by earlier
        runs are tried again; with `retry_skipped`, those the relevance filter skipped (without the filter,
    as is all new input when `relevance_filter` is off). With
        `workers` above 1, extraction runs in that many processes, each loading the model once; with
    `cluster` (a Dask scheduler's address), input is read and extracted on that cluster's workers."""
    opts = Options(relevance_filter, retry_failed, retry_skipped)
    if cluster is not None:
        from .cluster import DaskCluster

        with DaskCluster(cluster, cfg.extractor, cfg.spacy_model) as dask:
            return _run(
                paths, store, cfg, dask.extractor, opts, progress, link_reports, batch_size, dask.read
            )
    if workers > 1:
        with ExtractorPool(partial(extractor_for, cfg.extractor, cfg.spacy_model), workers) as pool:
            return _run(paths, store, cfg, pool, opts, progress, link_reports, batch_size)
    extractor = extractor_for(cfg.extractor, cfg.spacy_model)
    return _run(paths, store, cfg, extractor, opts, progress, link_reports, batch_size)


def _run(
    paths: Sequence[Path],
    store: Store,
    cfg: Config,
    extractor: Extractor,
    opts: Options,
    progress: Callable[[RunProgress], None] | None,
    link_reports: bool,
    batch_size: int,
    read: Reader = read_paths,
) -> RunResult:
    result = RunResult()
    started = monotonic()
    batches = _batches(_todo(paths, store, cfg, result, opts, read), max(1, batch_size))
    batch = next(batches, None)
    while batch is not None:
        prepared = _prepare(batch, store, cfg, extractor)
        batch = next(batches, None)  # read the next batch while the workers extract this one
        units = _units(prepared, result)
        try:
            stored = _store(units, store, link_reports)
        except StoreError:
            raise
        except Exception:  # some record's data broke the batch: find it, one by one
            _store_one_by_one(units, store, result, link_reports)
        else:
            _count(stored, result)
        if progress:
            done = result.articles_new + result.articles_unchanged + result.articles_finished
            progress(RunProgress(done, len(result.event_ids), len(result.problems), monotonic() - started))
    return result
