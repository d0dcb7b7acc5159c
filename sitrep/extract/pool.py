"""Extraction over the machine's cores: an `Extractor` whose articles are read in worker processes.

Each worker builds the registered extractor once (and so loads the spaCy model and the gazetteer
once) and keeps it for the whole run; a call to `extract` splits its articles into one contiguous
share per worker and returns the extractions in the order given, as every extractor does. Only
articles and extractions cross between processes, as pickled frozen dataclasses.

A worker that dies (killed, out of memory, a crash in native code) breaks the pool: the call raises,
the pool is started again, and the caller (`pipeline.extract_each`) redoes the articles one by one so
only the article at fault is set aside.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from types import TracebackType
from typing import Protocol, runtime_checkable

from ..model import Article, Extraction
from .base import Extractor

SHARES_PER_WORKER = 4
_worker_extractor: Extractor | None = None  # the extractor a worker process built once, at its start


def _start_worker(make: Callable[[], Extractor]) -> None:
    global _worker_extractor
    _worker_extractor = make()


def _extract_share(articles: Sequence[Article]) -> list[Extraction]:
    if _worker_extractor is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("extraction worker started without its extractor")
    return list(_worker_extractor.extract(articles))


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ExtractorPool:
    """The extractor `make()` builds, run in `workers` processes; use as a context manager, or call
    `close`. `make` must pickle (a module-level function or class, or a `functools.partial` of one):
    each worker calls it once."""

    def __init__(self, make: Callable[[], Extractor], workers: int) -> None:
        self._make, self.workers = make, max(1, workers)
        probe = make()  # an unknown extractor fails here, in the caller's process; models load lazily
        self.name, self.version = probe.name, probe.version
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: the parent may hold threads (progress display) and an open database
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._make,),
            )
        return self._executor

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        return self._results(self._submit(list(articles)))

    def start(self, articles: Sequence[Article]) -> Extractor:
        """Start extracting `articles` now, and return an extractor whose `extract(articles)` (the same
        sequence) gives their results; so the caller can do other work while the workers extract."""
        return Started(self, articles, self._results(self._submit(list(articles))))

    def _submit(self, articles: list[Article]) -> list[Future[list[Extraction]]]:
        """Shares of about equal count, several per worker, so a worker with short articles takes more."""
        if not articles:
            return []
        size = max(1, -(-len(articles) // (SHARES_PER_WORKER * self.workers)))
        return [
            self._pool().submit(_extract_share, articles[i : i + size]) for i in range(0, len(articles), size)
        ]

    def _results(self, shares: list[Future[list[Extraction]]]) -> Iterator[Extraction]:
        try:
            for share in shares:
                yield from share.result()
        except BrokenProcessPool:
            self.close()  # a worker died: the next call starts a fresh pool
            raise
        finally:
            for share in shares:
                share.cancel()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Started:
    """Extraction already submitted (to a pool or a cluster): the first `extract` of the same articles
    reads its `results`; any other call (one by one, after a failure) goes to `extractor` anew."""

    def __init__(self, extractor: Extractor, articles: Sequence[Article], results: Iterator[Extraction]):
        self.name, self.version = extractor.name, extractor.version
        self._extractor, self._articles = extractor, articles
        self._results: Iterator[Extraction] | None = results

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        if articles is self._articles and self._results is not None:
            results, self._results = self._results, None
            return results
        return self._extractor.extract(articles)


@runtime_checkable
class Starting(Protocol):
    """An extractor that can start work before its results are read (`ExtractorPool`, `DaskExtractor`)."""

    name: str
    version: str

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...

    def start(self, articles: Sequence[Article]) -> Extractor: ...
