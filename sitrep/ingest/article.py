"""Build an `Article` from cleaned parts: ids and content hashes are made in one place."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from ..model import Article

_WS = re.compile(r"[ \t\u00a0]+")


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
