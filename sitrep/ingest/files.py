"""Files and directories -> articles, with every unreadable file reported, never fatal."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Problem
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_text
from .warc import is_warc, read_warc

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
# Byte order marks, the longer first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
# UTF-16 without a mark: in text mostly of Latin letters every other byte is NUL, and almost no other is.
_UTF16_NULS = 0.5
_UTF16_STRAY_NULS = 0.02
_CONTROL = set(range(0x00, 0x09)) | set(range(0x0E, 0x20))


def display_path(path: Path) -> str:
    """The path as text that can be stored and printed: bytes of a file name that are not UTF-8 as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _problem(path: Path, reason: str) -> tuple[Path, Problem]:
    return path, Problem(display_path(path), reason)


def _target(link: Path) -> str:
    return display_path(Path(os.readlink(link)))


def _entry(path: Path, named: bool) -> tuple[Path, Path | Problem] | None:
    """A file to read, a Problem, or None for a file to pass over (an unknown suffix inside a directory)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return _problem(path, f"broken symbolic link -> {_target(path)}")
        return _problem(path, "no such file or directory")
    except OSError as e:
        if path.is_symlink():  # a loop of links
            return _problem(path, f"broken symbolic link -> {_target(path)} ({e.strerror})")
        return _problem(path, f"cannot read: {e.strerror}")
    if not named and path.suffix.lower() not in SUFFIXES and not is_warc(path):
        return None
    if not stat.S_ISREG(mode):
        return _problem(path, "not a regular file (a device, pipe or socket)")
    return path, path


def _walk(root: Path) -> Iterator[tuple[Path, Path | Problem]]:
    failed: list[tuple[Path, Problem]] = []

    def unreadable(e: OSError) -> None:
        where = Path(e.filename) if e.filename else root
        failed.append(_problem(where, f"cannot read directory: {e.strerror}"))

    for folder, _dirs, names in os.walk(root, onerror=unreadable):
        for name in names:
            if (found := _entry(Path(folder, name), named=False)) is not None:
                yield found
    yield from failed


def find_files(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files named directly, and files with a known suffix found recursively under directories.

    Symbolic links to directories are not followed. Whatever cannot be read (a broken link, a directory
    without permission, a pipe) is a `Problem` in its place, in path order.
    """
    for path in paths:
        try:
            is_dir = path.is_dir()
        except OSError as e:
            yield Problem(display_path(path), f"cannot read: {e.strerror}")
            continue
        if is_dir:
            yield from (item for _, item in sorted(_walk(path), key=lambda pair: pair[0]))
        elif (found := _entry(path, named=True)) is not None:
            yield found[1]


def _looks_like_utf16(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes fall in every other place, as in UTF-16 text."""
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= _UTF16_NULS * len(nuls) and others.count(0) <= _UTF16_STRAY_NULS * len(others):
            return codec
    return None


def _decode_wide(data: bytes, codec: str, where: str) -> str:
    """UTF-16 or UTF-32 text; binary data that happens to decode shows itself by its control characters."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(where, f"not valid {codec.upper()} text (byte offset {e.start}: {e.reason})") from e
    if any(ord(c) in _CONTROL for c in text[:_SAMPLE]):
        raise InputError(where, f"binary file (control characters when read as {codec.upper()}), not text")
    if not text.strip():
        raise InputError(where, "empty file")
    return text


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without a byte order mark), UTF-16 and UTF-32 with a mark, and UTF-16 without one
    when its NUL bytes show it; anything else with NUL bytes is binary."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_wide(data, codec, where)
    if not data.strip():
        raise InputError(where, "empty file")
    if b"\x00" in data[:_SAMPLE]:
        wide = _looks_like_utf16(data[:_SAMPLE])
        if wide is None or len(data) % 2:
            raise InputError(where, "binary file (contains NUL bytes), not text, HTML or JSON Lines")
        return _decode_wide(data, wide, where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            where, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-save it as UTF-8"
        ) from e


def read_file(path: Path, max_mb: float) -> Iterator[Article | Problem]:
    where = display_path(path)
    if is_warc(path):  # read record by record: no size limit
        yield from read_warc(path, where)
        return
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Problem(
            where,
            f"unknown file type {path.suffix or '(none)'!r}; use .txt, .html, .jsonl, .warc or .warc.gz",
        )
        return
    try:
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            yield Problem(
                where, f"file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit (SITREP_MAX_FILE_MB)"
            )
            return
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
