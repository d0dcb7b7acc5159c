"""HTML articles: main text and date via trafilatura and htmldate, then the plain-text boilerplate filter."""

from __future__ import annotations

from datetime import date

import trafilatura
from trafilatura.deduplication import LRU_TEST

from ..errors import InputError
from ..model import Article
from .article import make_article
from .boilerplate import clean_lines
from .dates import parse_date

MIN_WORDS = 8


def parse_html(raw: str, source: str) -> Article:
    if "<" not in raw:
        raise InputError(source, "not HTML: no markup found")
    # trafilatura's `deduplicate` drops paragraphs it has seen in any document this process read before
    # (a process-wide LRU cache): reading the same page twice in one process (`sitrep serve`, tests)
    # gave another text and so another article. Each page is deduplicated against itself only.
    LRU_TEST.clear()
    doc = trafilatura.bare_extraction(
        raw,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        favor_precision=True,
        deduplicate=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(source, "no main text found in the HTML (empty, truncated or only navigation)")
    body = clean_lines(text.split("\n"))
    words = sum(len(line.split()) for line in body)
    if words < MIN_WORDS:
        raise InputError(
            source, f"no main text found in the HTML: {words} words left (truncated or only navigation)"
        )
    title = (getattr(doc, "title", None) or "").strip() or body[0]
    published: date | None = parse_date(getattr(doc, "date", None) or "")
    return make_article(
        title=title,
        text="\n".join(body),
        published=published,
        source=source,
        outlet=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
    )
