"""Files and directories -> articles, with every unreadable file reported, never fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Problem
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_text

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def find_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files named directly, and files with a known suffix found recursively under directories."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Problem(str(path), "no such file or directory")


def decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(where, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (contains NUL bytes), not text, HTML or JSON Lines")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            where, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-save it as UTF-8"
        ) from e


def read_file(path: Path, max_mb: float) -> Iterator[Article | Problem]:
    where = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Problem(where, f"unknown file type {path.suffix or '(none)'!r}; use .txt, .html or .jsonl")
        return
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        yield Problem(
            where, f"file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit (SITREP_MAX_FILE_MB)"
        )
        return
    try:
        raw = decode(path.read_bytes(), where)
        if kind == "jsonl":
            yield from parse_jsonl(raw, where)
            return
        parser: Callable[[str, str], Article] = parse_html if kind == "html" else parse_text
        yield parser(raw, where)
    except InputError as e:
        yield Problem(e.where, e.reason)
    except OSError as e:
        yield Problem(where, f"cannot read: {e.strerror}")


def read_paths(paths: Iterable[Path], max_mb: float = 10.0) -> Iterator[Article | Problem]:
    for found in find_files(paths):
        if isinstance(found, Problem):
            yield found
        else:
            yield from read_file(found, max_mb)
