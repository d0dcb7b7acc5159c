"""Build an `Article` from cleaned parts: ids and content hashes are made in one place."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from ..errors import InputError
from ..model import Article
from .dates import published_out_of_range

_WS = re.compile(r"[ \t\u00a0]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_unicode(value: str, field: str, where: str) -> None:
    """Refuse text that cannot be written as UTF-8: a lone surrogate, which only a JSON escape can make.

    Every string that becomes part of an `Article` passes here, so hashing, the store and the exports can
    rely on valid text.
    """
    m = _SURROGATE.search(value)
    if m:
        raise InputError(
            where,
            f"{field!r} is not valid Unicode: lone surrogate U+{ord(m[0]):04X} at character {m.start()}",
        )


def normalise_text(text: str) -> str:
    lines = (_WS.sub(" ", ln).strip() for ln in text.replace("\r\n", "\n").split("\n"))
    paragraphs = [ln for ln in lines if ln]
    return "\n\n".join(paragraphs)


def content_hash(title: str, text: str) -> str:
    return hashlib.sha256(f"{title.strip()}\n{text}".encode()).hexdigest()


def make_article(
    *,
    title: str,
    text: str,
    published: date | None,
    source: str,
    id: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    dateline: str | None = None,
) -> Article:
    fields = {"id": id, "title": title, "text": text, "outlet": outlet, "url": url, "dateline": dateline}
    for name, value in fields.items():
        if value is not None:
            check_unicode(value, name, source)
    if published is not None and (why := published_out_of_range(published)):
        raise InputError(source, why)
    body = normalise_text(text)
    digest = content_hash(title, body)
    return Article(
        id=id or f"a-{digest[:16]}",
        title=_WS.sub(" ", title).strip(),
        text=body,
        published=published,
        outlet=outlet,
        url=url,
        source=source,
        content_hash=digest,
        dateline=dateline,
    )
