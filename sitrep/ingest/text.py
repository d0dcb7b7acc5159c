"""Plain-text articles: first non-empty line is the title; header dates and datelines give the date."""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..model import Article
from .article import make_article
from .boilerplate import clean_lines
from .dates import dateline, header_date

_HEAD_LINES = 20


def parse_text(raw: str, source: str) -> Article:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    published: date | None = None
    place: str | None = None
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i < _HEAD_LINES and line.strip():
            found, title_part = header_date(line)
            if found:
                published = published or found
                if title_part:
                    kept.append(title_part)
                continue
            found, where = dateline(line)
            if found:
                published, place = published or found, place or where
                continue
        kept.append(line)
    body = clean_lines(kept)
    if not body:
        raise InputError(source, "no article text left after removing boilerplate")
    title = body[0]
    rest = body[1:]
    if title.endswith(":") and rest:
        title, rest = f"{title} {rest[0]}", rest[1:]
    if len(title.split()) > 25 or not rest:
        rest = [title, *rest]  # a lede, not a headline: keep it as text too
    return make_article(title=title, text="\n".join(rest), published=published, source=source, dateline=place)
