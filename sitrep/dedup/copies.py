"""Near-duplicate articles: MinHash LSH finds candidates, exact shingle containment decides.

Plain Jaccard misses syndicated copies where one outlet adds site chrome or extra paragraphs
(the two copies of one story in the seeds: Jaccard about 0.46, containment about 0.92), so
candidates come from a low LSH threshold and the decision is |A ∩ B| / min(|A|, |B|).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.2
MIN_SHINGLES = 40  # shorter texts (headlines, one-line briefs) are formulaic: equal wording is no proof
MAX_DAYS_APART = 3
LEDE_WORDS = 50
LEDE_CONTAINMENT = 0.9
SCHEME = "affine32"  # datasketch 2's default; signatures are stored, so the scheme is fixed here
_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(shingle_set: Iterable[str]) -> bytes:
    import numpy as np
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch([s.encode() for s in shingle_set])
    return bytes(mh.hashvalues.astype(np.uint32).tobytes())


@cache
def _band_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH picks for LSH_THRESHOLD; stored bands use the same."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def bands(sig: bytes) -> list[bytes]:
    """The signature's LSH band keys (band number + its hash values): articles sharing one are candidates.

    Stored next to each article, they let the store find candidate originals by index instead of
    holding an in-memory LSH of every article ever seen.
    """
    b, r = _band_shape()
    width = r * 4  # uint32 hash values
    return [i.to_bytes(2, "big") + sig[i * width : (i + 1) * width] for i in range(b)]


# Stored articles that share a band with a signature: (article id, publication date).
StoredCandidates = Callable[[Sequence[bytes]], Iterable[tuple[str, date | None]]]


def _minhash(sig: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(sig, dtype=np.uint32), scheme=SCHEME)


@dataclass(frozen=True)
class Shingled:
    """A text's shingles, and those of its lede (first words), which syndicated copies keep verbatim."""

    all: set[str]
    lede: set[str]

    @classmethod
    def of(cls, text: str) -> Shingled:
        words = _WORD.findall(text.lower())
        return cls(shingles(text), shingles(" ".join(words[:LEDE_WORDS])))

    def same_lede(self, other: Shingled) -> bool:
        """Distinct incidents written to a formula share their boilerplate, not their opening lines."""
        shorter, longer = (self, other) if len(self.all) <= len(other.all) else (other, self)
        return containment(shorter.lede, longer.all) >= LEDE_CONTAINMENT


def containment(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class CopyFinder:
    """Answers "is this article a copy of one seen before?"; remembers canonical articles only.

    `text_of` fetches a known article's text when a candidate must be checked exactly. Articles in
    the store are found through `stored` (their LSH bands are indexed there), so memory holds only
    the articles `remember`ed in this batch.
    """

    def __init__(
        self,
        text_of: Callable[[str], str | None],
        threshold: float = 0.8,
        stored: StoredCandidates | None = None,
    ) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._stored = stored
        self._text_of = text_of
        self._shingled: dict[str, Shingled] = {}
        self._published: dict[str, date] = {}
        self.threshold = threshold

    def remember(
        self, article_id: str, sig: bytes, text: str | None = None, published: date | None = None
    ) -> None:
        """Make an article a candidate original; pass its text when `text_of` cannot fetch it yet."""
        if article_id not in self._lsh:
            self._lsh.insert(article_id, _minhash(sig))
        if published:
            self._published[article_id] = published
        if text is not None:
            self._shingled[article_id] = Shingled.of(text)

    def _shingled_of(self, article_id: str) -> Shingled:
        if article_id not in self._shingled:
            self._shingled[article_id] = Shingled.of(self._text_of(article_id) or "")
        return self._shingled[article_id]

    def copy_of(self, article_id: str, text: str, sig: bytes, published: date | None = None) -> str | None:
        """The canonical article this text copies (best containment), or None if it is new.

        Copies must be long enough to tell apart from formulaic short reports, and published within
        a few days of each other when both dates are known.
        """
        mine = Shingled.of(text)
        if len(mine.all) < MIN_SHINGLES:
            return None
        best, best_score = None, self.threshold
        candidates = {other: self._published.get(other) for other in self._lsh.query(_minhash(sig))}
        if self._stored is not None:
            candidates.update(self._stored(bands(sig)))
        for other in sorted(candidates):
            if other == article_id:
                continue
            theirs = candidates[other]
            if published and theirs and abs((published - theirs).days) > MAX_DAYS_APART:
                continue
            candidate = self._shingled_of(other)
            score = containment(mine.all, candidate.all)
            if score >= best_score and mine.same_lede(candidate):
                best, best_score = other, score
        return best
