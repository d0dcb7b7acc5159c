"""WARC web archives (warcio): each HTML response record is an article, read as an HTML page is.

A WARC file is read record by record, never whole, so it has no size limit. A record that is not an
HTML response (requests, metadata, images, redirects) is passed over; an HTML page without a main
text is a `Problem` named by the file, the record's place in it and its URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Article, Problem
from .html import parse_html

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, where: str) -> Iterator[Article | Problem]:
    """The HTML responses of a WARC file, each named `FILE#N URL` (N: the record's number, from 1)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as f:
            for n, record in enumerate(ArchiveIterator(f), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                at = f"{where}#{n} {url}" if url else f"{where}#{n}"
                raw = record.content_stream().read().decode("utf-8", "replace")
                try:
                    article = parse_html(raw, at)
                except InputError as e:
                    yield Problem(e.where, e.reason)
                else:
                    yield replace(article, url=article.url or url)
    except ArchiveLoadFailed as e:
        yield Problem(where, f"not a readable WARC file: {e}")
    except OSError as e:
        yield Problem(where, f"cannot read: {e.strerror or e}")
