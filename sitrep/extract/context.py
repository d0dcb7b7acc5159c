"""Article context: what the headline, dateline and earlier sentences establish, and the tellings of
one incident inside one article.

News tells an incident several times — lead, details, reactions ("the strike that killed ..."), a
funeral — and often names its place only once: in the headline, the dateline ("BAGHDAD (AP) —") or an
earlier sentence. Here the drafts of one article that tell the same incident become one, and an
incident that names no place takes the one its context gives, with a warning saying where it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..geo.gazetteer import Gazetteer
from ..geo.locate import resolve, well_known
from ..geo.toponyms import Toponym, find_toponyms
from ..model import Article, Mention, Place
from .place_names import FOCUS_COUNTRY, dateline_cased, find_dateline
from .sentences import HONORIFIC, common_word, surname

# A telling that points back at an incident already told: "the attack", "the strike that killed ...".
_ANAPHOR = re.compile(
    r"\b(the|that|this|tuesday's|monday's|wednesday's|thursday's|friday's|saturday's|sunday's|"
    r"yesterday's|today's|last week's|the latest)\s+(?:[\w-]+\s+){0,2}?(attack|strike|airstrike|air strike|"
    r"drone strike|bombing|blast|explosion|assault|raid|ambush|shooting|killing|massacre|siege|offensive|"
    r"incident|violence|fighting|clashes|protests?|demonstrations?)\b",
    re.I,
)
# Victims named as already known: "The wounded guard was treated ...", "Among the dead were ...".
_KNOWN_VICTIMS = re.compile(
    r"^\W*(the|among the|both|all|(one|two|three|four|some|most|many) of the)\b", re.I
)
# A sentence that sums up several incidents: "Two bombings killed 20", "a wave of attacks".
_SEVERAL = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|twin|several|multiple|a series of|a wave of|"
    r"a string of|coordinated|separate|\d+)\s+(?:[\w-]+\s+){0,2}?(attacks|bombings|blasts|explosions|"
    r"strikes|airstrikes|assaults|raids|incidents|car bombs|suicide bombings)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]+")
# Capitalised words that are not the names of incidents' victims or targets.
_COMMON_NAMES = {
    "iraq",
    "iraqi",
    "iraqis",
    "u.s.",
    "us",
    "american",
    "americans",
    "islamic",
    "state",
    "isis",
    "isil",
    "daesh",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "he",
    "she",
    "it",
    "they",
    "we",
    "mr",
    "mrs",
    "ms",
    "gen",
    "president",
    "minister",
    "officials",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
_CONTEXT_SENTENCES = 4  # how far back an earlier sentence may give an unplaced incident its place


@dataclass(frozen=True)
class Telling:
    """One telling of an incident in an article: its mention and the indices of its sentences."""

    mention: Mention
    sentences: tuple[int, ...]
    texts: tuple[str, ...]
    places: frozenset[str] = frozenset()  # the place names its sentences give, lower case
    quote: bool = False  # it opens with a direct quotation
    casualties_only: bool = False  # only "killed"/"wounded" make it violent: it may tell part of an incident
    dated: bool = True  # its own sentences give its date (not an earlier sentence or the publication)
    unknown: frozenset[str] = frozenset()  # names NER took for places that the gazetteer does not know

    def known_names(self) -> set[str]:
        """The small places it names that the gazetteer knows ("a Maryland Democrat" is no place in Iraq)."""
        return set(self.mention.place_names) - self.unknown

    @property
    def first(self) -> int:
        return self.sentences[0]

    def text(self) -> str:
        return " ".join(self.texts)


def _name(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s")


def _names(texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """Capitalised words inside its sentences — the people and things it is about — and the sentences'
    first words, which are names only if capitalised inside a sentence elsewhere ("Soleimani was killed")."""
    inside: set[str] = set()
    first: set[str] = set()
    for text in texts:
        words = _WORD.findall(text)
        inside |= {_name(w) for w in words[1:] if w[0].isupper()}
        first |= {_name(w) for w in words[:1]}
    return inside - _COMMON_NAMES, first - _COMMON_NAMES


def _shared_names(a: Telling, b: Telling) -> set[str]:
    inside_a, first_a = _names(a.texts)
    inside_b, first_b = _names(b.texts)
    return ((inside_a & (inside_b | first_b)) | (first_a & inside_b)) - a.places - b.places


def _same_day(a: Telling, b: Telling) -> bool:
    ma, mb = a.mention, b.mention
    if ma.event_date is None or mb.event_date is None:
        return True
    gap = abs((ma.event_date - mb.event_date).days)
    if {ma.date_precision, mb.date_precision} != {"day"}:
        return gap <= 7  # a week or a month told
    if a.dated and b.dated:
        return gap == 0
    if a.dated != b.dated:
        # one dated only by its context (the day of the report or an earlier sentence's day): the other,
        # dated by its own words, may have happened in the days before that ("Monday's final assault")
        dated, undated = (ma, mb) if a.dated else (mb, ma)
        assert dated.event_date is not None and undated.event_date is not None
        return 0 <= (undated.event_date - dated.event_date).days <= 7 or gap <= 2
    return gap <= 2


def _same_place(a: Mention, b: Mention) -> bool:
    if a.place is None or b.place is None:
        return True
    if a.place.admin1_code != b.place.admin1_code:
        return False
    if a.place.geo_precision == 1 and b.place.geo_precision == 1:
        return a.place.place_id == b.place.place_id
    return True


def _counts_agree(a: Mention, b: Mention) -> bool:
    """Tellings repeat or round a toll; two different exact tolls over 2 apart are two incidents."""
    exact = all(m.fatalities and m.fatalities_low == m.fatalities_high == m.fatalities for m in (a, b))
    return not exact or abs(a.fatalities - b.fatalities) <= 2


def same_incident(a: Telling, b: Telling) -> bool:
    """Two tellings in one article of one incident: same kind, day and place, tolls that agree, and
    something that ties them — a name both give, a toll both give, or `b` pointing back ("the strike")."""
    ma, mb = a.mention, b.mention
    partial = a.casualties_only or b.casualties_only or a.quote or b.quote
    # A bare "attack" fits any means; two means (a missile attack, a drone strike) are two acts; an assault
    # and the base it overran are one battle told twice.
    kinds_fit = (
        partial
        or ma.sub_event_type == mb.sub_event_type
        or "Attack" in (ma.sub_event_type, mb.sub_event_type)
        or ma.event_type == mb.event_type == "Battles"
    )
    if not (kinds_fit and _same_day(a, b) and _same_place(ma, mb) and (partial or _counts_agree(ma, mb))):
        return False
    if (na := a.known_names()) and (nb := b.known_names()) and not na & nb:
        return False  # Sadr City and Karrada: two neighbourhoods, two incidents
    if ma.place and mb.place and ma.place.place_id == mb.place.place_id and ma.place.geo_precision == 1:
        return True
    shared_names = _shared_names(a, b)
    shared_toll = ma.fatalities > 0 and ma.fatalities == mb.fatalities
    points_back = (_ANAPHOR.search(b.text()) is not None and (mb.place is None or ma.place is None)) or (
        b.casualties_only and _KNOWN_VICTIMS.match(b.texts[0]) is not None
    )
    return bool(shared_names) or shared_toll or points_back or b.quote


_WHERE_BEFORE = re.compile(r"\b(?:where|when)\s+$", re.I)


def sums_up(summary: Telling, others: Sequence[Telling]) -> bool:
    """A lead that totals incidents told one by one later ("Two bombings in Baghdad killed 20")."""
    several = _SEVERAL.search(summary.text())
    if several is None or _WHERE_BEFORE.search(summary.text(), 0, several.start()):
        return False  # "The deadliest attack came in Hilla, where two car bombs exploded": one place's attack
    later = [
        o for o in others if o.first > summary.first and o.mention.event_type == summary.mention.event_type
    ]
    # "two car bombs went off in Sadr City": a place of its own, which none of the later tellings names
    own = summary.known_names()
    if own and not own & {n for o in later for n in o.known_names()}:
        return False
    return len(later) >= 2 and all(_same_day(summary, o) for o in later)


def cluster(tellings: Sequence[Telling]) -> list[list[int]]:
    """Indices of the tellings of each incident, in order of first telling. Each telling joins the first
    earlier incident it matches every telling of, so a vague telling cannot chain two incidents."""
    groups: list[list[int]] = []
    for i, t in enumerate(tellings):
        for g in groups:
            if all(same_incident(tellings[j], t) for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    return groups


def _usable(t: Toponym, lower_words: frozenset[str]) -> bool:
    """A place an article can set its incidents in: a governorate, a well-known town, or a name of
    several words ("Amiriyat al-Fallujah") — never a one-word village whose name happens to match a
    word ("Sane", "Kiri")."""
    if t.country or common_word(t.surface, lower_words):
        return False
    several_words = len(re.split(r"[\s-]+", t.surface.strip())) >= 2
    return t.governorate is not None or several_words or well_known(t)


def _names_only_another_country(toponyms: Sequence[Toponym]) -> bool:
    """The sentence names another country and not the focus one ("in Homs, Syria"; not "the Islamic State
    of Iraq and Syria")."""
    countries = {t.country for t in toponyms if t.country}
    return bool(countries) and FOCUS_COUNTRY not in countries


def _resolved(toponyms: Sequence[Toponym], gazetteer: Gazetteer, governorates: set[str]) -> Place | None:
    place = resolve(toponyms, gazetteer, governorates) if toponyms else None
    return place if place is not None and place.country == FOCUS_COUNTRY else None


@dataclass(frozen=True)
class ArticleContext:
    """The places an article establishes before its incidents: headline, dateline, each sentence's."""

    headline: tuple[Toponym, ...]
    dateline: tuple[Toponym, ...]
    sentence_places: tuple[tuple[Toponym, ...], ...]  # per sentence index, its usable toponyms
    paragraphs: tuple[int, ...]  # per sentence index, its paragraph
    set_abroad: tuple[bool, ...]  # per sentence index, whether it names only another country

    @classmethod
    def of(
        cls,
        article: Article,
        sentence_toponyms: Sequence[Sequence[Toponym]],
        sentence_starts: Sequence[int],
        gazetteer: Gazetteer,
        lower_words: frozenset[str],
        people: frozenset[str] = frozenset(),
    ) -> ArticleContext:
        """`people`: the surnames of the people the article names ("John Kerry: ISIS responsible ..." names
        no village Kiri)."""
        headline = tuple(
            t
            for t in find_toponyms(article.title, gazetteer)
            if _usable(t, lower_words)
            and surname(t.surface) not in people
            and not HONORIFIC.match(article.title, t.start)
        )
        m = find_dateline(dateline_cased(article.text, gazetteer))
        dateline = tuple(t for t in find_toponyms(m[1], gazetteer) if not t.country) if m else ()
        if article.dateline:
            dateline += tuple(t for t in find_toponyms(article.dateline, gazetteer) if not t.country)
        return cls(
            headline,
            dateline,
            tuple(tuple(t for t in tops if _usable(t, lower_words)) for tops in sentence_toponyms),
            tuple(article.text.count("\n\n", 0, start) for start in sentence_starts),
            tuple(_names_only_another_country(tops) for tops in sentence_toponyms),
        )

    def place_for(self, first: int, gazetteer: Gazetteer, governorates: set[str]) -> tuple[Place, str] | None:
        """The place the context gives an incident first told in sentence `first`, and where it came from."""
        for i in range(first - 1, max(-1, first - 1 - _CONTEXT_SENTENCES), -1):
            if self.paragraphs[i] < self.paragraphs[first] - 1:
                break
            if self.set_abroad[i]:
                return None  # the story just told was set abroad ("a car bomb in Homs, Syria")
            place = _resolved(self.sentence_places[i], gazetteer, governorates)
            if place is not None:
                return place, "an earlier sentence"
        return self.town(gazetteer, governorates)

    def town(self, gazetteer: Gazetteer, governorates: set[str]) -> tuple[Place, str] | None:
        """The place the article is set in, by its dateline or else its headline, and which of them said."""
        for toponyms, where in ((self.dateline, "the dateline"), (self.headline, "the headline")):
            place = _resolved(toponyms, gazetteer, governorates)
            if place is not None:
                return place, where
        return None


def with_context_place(mention: Mention, place: Place, where: str) -> Mention:
    """An incident placed by its context: at best 'near' that town (ACLED precision 2), and said so."""
    honest = replace(place, geo_precision=max(place.geo_precision, 2))
    return replace(
        mention,
        place=honest,
        warnings=(*mention.warnings, f"place taken from {where}: {place.name}"),
    )
