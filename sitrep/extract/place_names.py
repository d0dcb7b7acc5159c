"""Place names in an incident's sentences beyond the one it is located at: captions that end in a
governorate, names the gazetteer lacks or knows only elsewhere (for `place not resolved` warnings), and
the small places a report names (for telling incidents apart when linking)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..geo.admin1 import fold
from ..geo.gazetteer import Gazetteer
from ..geo.locate import WELL_KNOWN
from ..geo.toponyms import NOT_PLACES, Toponym
from ..model import Evidence, Place

FOCUS_COUNTRY = "Iraq"
# "BAGHDAD (AP) — ", "ERBIL, Kurdistan Region - ": where the story was filed, before its first sentence.
_FILED = (
    r"([A-Z][A-Za-z'’./ -]{2,40}?)(?:,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?\s*(?:\([^)]{1,40}\))?"
    r"\s*[—–-]{1,2}\s"
)
DATELINE = re.compile(r"^\s*" + _FILED)
# A brief's paragraph headed by its place in capitals and a dash: "ANBAR — Weapons cache."
CAPITALS_HEAD = r"(?-i:[A-Z][A-Z'’ -]{2,30})\s+[—–-]\s+"
# A web page's dateline comes after its masthead and headline: "Security | Published 03 November\n\n
# Drones target US forces\n\nBAGHDAD — Two drones ...", a paragraph opening with a town in capitals.
_PARAGRAPH_DATELINE = re.compile(r"\n[ \t]*\n\s*" + _FILED)
_DATELINE_REACH = 1500  # characters: the masthead and headline come first, the dateline soon after
_MASTHEAD_LINES, _MASTHEAD_CHARS = 4, 160
# A line that tells news of its own, not a masthead's or a headline's: a sentence ended, a source cited
_TELLS = re.compile(r"\b(?:said|says)\b|[a-z)]\.\s*$")


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline (group 1 the town) at the start of the text, or opening a paragraph soon after a web
    page's masthead, in capitals there."""
    m = DATELINE.match(text)
    if m:
        return m
    later = _PARAGRAPH_DATELINE.search(text, 0, _DATELINE_REACH)
    if later is None or not later[1].strip().isupper():
        return None
    # only a masthead's short lines come before it, not a story of its own ("KIRKUK — ..." in a roundup)
    before = [p for p in text[: later.start()].split("\n\n") if p.strip()]
    masthead = len(before) <= _MASTHEAD_LINES and all(
        len(p) <= _MASTHEAD_CHARS and not _TELLS.search(p) for p in before
    )
    return later if masthead else None


_FILED_IN_FOCUS = re.compile(rf",\s*(?:{FOCUS_COUNTRY}|Kurdistan)\b")


def dateline_cased(text: str, gazetteer: Gazetteer) -> str:
    """The text with a dateline's town in capitals written as a name ("MOSUL, Iraq (AP) —" as "Mosul"),
    when the dateline says it is in the focus country or the name's best-known place is a well-known
    town of it: five capitals read as initials otherwise ("AMMAN" is Jordan's, not the Iraqi hamlet)."""
    m = find_dateline(text)
    if not m or not m[1].strip().isupper():
        return text
    name = m[1].title()
    places = sorted(gazetteer.lookup(name.strip()), key=lambda c: -c.importance)
    ours = bool(places) and places[0].country == FOCUS_COUNTRY
    if not (_FILED_IN_FOCUS.match(text, m.end(1)) or (ours and places[0].importance >= WELL_KNOWN)):
        return text
    return text[: m.start(1)] + name + text[m.end(1) :]


class SentencePlaces(Protocol):
    """What these helpers read of an analysed sentence."""

    @property
    def evidence(self) -> Evidence: ...

    @property
    def toponyms(self) -> tuple[Toponym, ...]: ...

    @property
    def unknown_places(self) -> tuple[str, ...]: ...


def _ordinary(name: str, g: Gazetteer) -> bool:
    """Not a governorate, a country or a word that is never a place."""
    folded = fold(name)
    return g.governorate_code(name) is None and folded not in g.countries and folded not in NOT_PLACES


_CAPTION_GAP = re.compile(
    r"(?:\s+(?:district|sub-?district|area|neighbou?rhood|village|town|city|province|governorate))?\s*,?\s*",
    re.I,
)


def before_admin_area(t: Toponym, rest: tuple[Toponym, ...], text: str) -> bool:
    """'Jalawla, Diyala', 'Ghazali, Balad Ruz district, Diyala': a name in a caption that ends in a governorate
    or country is a place, whatever NER says."""
    if not rest or not _CAPTION_GAP.fullmatch(text, t.end, rest[0].start):
        return False
    return bool(rest[0].governorate or rest[0].country) or before_admin_area(rest[0], rest[1:], text)


_CAPTION_NAME = re.compile(
    r"(?:\b(?:in|at|near|of|on|targeting|attacked|between)\s+|,\s*)"
    r"((?:(?:[A-Z]|(?:al|el|ad|ar|as|ash|at|az|an)-)[\w'’]*(?:-[\w'’]+)*\s?){1,3}?)"
    r"(?:\s+(?:area|village|district|sub-?district|neighbou?rhood))?,\s*$"
)


def unlisted_in_captions(text: str, found: tuple[Toponym, ...]) -> tuple[str, ...]:
    """'in Al-Boudur, Saladin': the name a caption puts before a governorate, when the gazetteer lacks it."""
    names: list[str] = []
    for t in found:
        if not t.governorate:
            continue
        m = _CAPTION_NAME.search(text, max(0, t.start - 80), t.start)
        if m and not any(u.start < m.end(1) and m.start(1) < u.end for u in found):
            names.append(m.group(1).strip())
    return tuple(names)


_NAME_GOES_ON = re.compile(r"[ -][A-Z]")  # "Wadi al-Safa": the toponym "Wadi" is part of a longer name


def unresolved_names(sentences: Sequence[SentencePlaces], place: Place | None, g: Gazetteer) -> list[str]:
    """Names the report gives that found no place: unknown to the gazetteer, or only known elsewhere."""
    names = [n for s in sentences for n in s.unknown_places]
    named = {t.governorate for s in sentences for t in s.toponyms if t.governorate}
    names += [
        t.surface
        for s in sentences
        for t in s.toponyms
        if not t.governorate
        and not t.country
        and not _NAME_GOES_ON.match(s.evidence.text, t.end - s.evidence.start)
        and not any(
            c.country == FOCUS_COUNTRY and (not named or c.admin1_code in named) for c in t.candidates
        )
    ]
    return [n for n in dict.fromkeys(names) if _ordinary(n, g)]


_BIG_CITY = 35  # gazetteer importance of Ramadi, Tikrit, Mosul: too big to tell one incident from another


# "in Bab al-Muadham area", "on Al-Nidal street", "the Banks Bridge": a named spot, known to the gazetteer or not.
_SPOT = re.compile(
    r"\b(?:in|at|near|on|along|outside|of|targeting|against)\s+(?:the\s+)?((?:[A-Z][\w'’]*|al-[A-Z][\w'’]*)(?:[\s-](?:[A-Z][\w'’]*|al-[A-Z][\w'’]*)){0,3})"
    r"\s+((?i:area|neighbou?rhood|street|road|bridge|square|market|region|quarter|village))\b"
)


def local_names(sentences: Sequence[SentencePlaces], gazetteer: Gazetteer) -> tuple[str, ...]:
    """The small places the report names: known villages and neighbourhoods, streets, bridges and squares,
    and names the gazetteer lacks — not governorates, countries or big cities."""

    def small(name: str) -> bool:
        if not _ordinary(name, gazetteer):
            return False
        return not any(
            c.importance >= _BIG_CITY for c in gazetteer.lookup(name) if c.country == FOCUS_COUNTRY
        )

    names = [t.surface for s in sentences for t in s.toponyms if not t.governorate and not t.country]
    names += [n for s in sentences for n in s.unknown_places]
    names += [m.group(1) for s in sentences for m in _SPOT.finditer(s.evidence.text)]
    return tuple(n for n in dict.fromkeys(names) if small(n))
