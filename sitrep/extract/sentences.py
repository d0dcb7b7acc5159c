"""Each sentence of an article, read once: its kind of act, counts, date, places, and whether it is a claim.

What spaCy found (sentences, named entities, words in lower case) arrives as a `Parsed` text; the
places a sentence names are filtered here against the people and organisations the article names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..geo.admin1 import fold
from ..geo.gazetteer import Gazetteer
from ..geo.locate import WELL_KNOWN, well_known
from ..geo.toponyms import Toponym, armed_group_name, find_toponyms, names_a_side
from ..model import Article, Evidence
from .claims import claim_kind
from .counts import Casualties, count_casualties
from .dates import DateFound, find_date, out_of_range
from .nlp import Entity, Parsed, stop_words
from .place_names import FOCUS_COUNTRY, before_admin_area, dateline_cased, find_dateline, unlisted_in_captions
from .spelling import standard_spelling
from .types import KINDS, EventKind, classify

_ABOUT_VIOLENCE = re.compile(
    r"\b(attacks?|incidents|violence|bombings|killings|militants?|insurgen\w*|fighters|armed groups?|"
    r"target(s|ed|ing)?|sleeper cells?)\b",
    re.I,
)


_CASUALTY_ONLY = re.compile(r"^(killed|wounded|injured|\w+ deaths)$", re.I)


_EXCLUDED_ENTS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


FOCUS_NAME = re.compile(r"\bIraq|\bKurdistan\b")


# A title before a name is no place: "Sen. Cardin", "Gen. Soleimani", "Lt. Col. Ahmed".
HONORIFIC = re.compile(r"(?:Sen|Rep|Gen|Lt|Col|Maj|Brig|Adm|Capt|Sgt|Cpl|Pvt|Dr|Mr|Mrs|Ms|Prof|Gov|Pres)\.")
# A rank or office spelled out before a name: "police Brigadier Sarhad Qadir", "Governor Najm al-Jubouri".
_RANK_BEFORE = re.compile(
    r"\b(?:Brigadier|Major|Lieutenant|Colonel|Captain|Sergeant|General|Commander|Governor|Mayor|Minister)"
    r"(?:\s+(?:General|Colonel|Commander))?\s+(?:(?:[A-Z][\w'’-]+|(?:al|el|bin|abu|abd)-[\w'’-]+)\s+){0,2}$"
)


# Where someone spoke is not where the incident was: "told reporters in Paris", "said in Washington".
_SPOKEN_IN = re.compile(
    r"\b(?:(?:told|briefed)\s+(?:reporters|journalists|lawmakers|\w+)|said|says|speaking|spoke|"
    r"(?:at\s+)?a\s+(?:news|press)\s+conference|in\s+a\s+statement)\s+(?:in|from)\s+(?:the\s+)?$",
    re.I,
)


# A paragraph that lists other stories ("Related: Turkish drone strike kills two in Sinjar | ...", "READ
# MORE: ...", "Related galleries"): their headlines are not this article's news.
_LINKS = re.compile(
    r"(?:^|\n)[ \t]*(?:related(?:\s+(?:stories|articles|coverage|content|galleries|news|videos?))?|"
    r"read\s+(?:more|also|next)|see\s+also|also\s+read|more\s+(?:galleries|stories|news|on\s+this(?:\s+story)?)|"
    r"recommended(?:\s+stories)?|you\s+may\s+also\s+like|most\s+(?:read|popular)|just\s+watched|"
    r"watch\s+more)\s*(?:[:|»›]|(?=\n))",
    re.I,
)


# Headlines strung on a line between bars: "Clapper praises whistleblower complaint | Senators urge ... | ..."
_BAR = re.compile(r"\s\|\s")


def _barred_headlines(text: str) -> bool:
    """Two or more headlines of several words each between bars (not a breadcrumb "Home | World | Iraq",
    nor "police said | Photo: AFP")."""
    inner = _BAR.split(text)[1:-1]
    return sum(len(part.split()) >= 4 for part in inner) >= 2


def _link_lists(text: str) -> list[tuple[int, int]]:
    """The character spans of the paragraphs that list other stories, to the next blank line."""
    spans = []
    for m in _LINKS.finditer(text):
        start = m.start() + (text[m.start()] == "\n")
        end = text.find("\n\n", m.end())  # the header and the headlines listed under it
        spans.append((start, len(text) if end < 0 else end))
    return spans


@dataclass(frozen=True)
class SentenceInfo:
    index: int
    evidence: Evidence
    kind: EventKind | None
    casualties: Casualties
    found_date: DateFound | None
    toponyms: tuple[Toponym, ...]
    claim: str | None
    casualty_trigger_only: bool
    read: str  # the sentence as read, its misspellings put right ("convoy targetted"); evidence keeps them
    # places NER sees that neither the gazetteer nor the country list know
    unknown_places: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # numbers and dates the sentence gives that cannot be right, ignored
    # the day the sentence says something was said or announced, when it dates no event of its own
    reported_date: DateFound | None = None


def _trigger_words(sentence: str, kind: EventKind | None) -> bool:
    """True when the only trigger is a casualty word (killed/wounded), not an act."""
    if kind is None or kind.sub_event_type not in ("Attack", "Armed clash"):
        return False
    for pattern, k in KINDS:
        if k.rank == kind.rank:
            hits = {m.group().lower() for m in pattern.finditer(sentence)}
            return bool(hits) and all(_CASUALTY_ONLY.match(h) for h in hits)
    return False


def _overlaps(t: Toponym, spans: list[tuple[int, int]]) -> bool:
    return any(a < t.end and t.start < b for a, b in spans)


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")


def _listed_with_a_place(
    i: int, found: tuple[Toponym, ...], text: str, excluded: list[tuple[int, int]]
) -> bool:
    """'retook two towns — Makhmour and al-Gweir': a name listed right beside a place NER takes for one is a
    place too, whatever NER makes of it alone."""
    t = found[i]
    neighbours = [(found[i - 1], t)] if i else []
    neighbours += [(t, found[i + 1])] if i + 1 < len(found) else []
    return any(
        _LIST_JOIN.fullmatch(text, a.end, b.start) is not None and not _overlaps(b if a is t else a, excluded)
        for a, b in neighbours
    )


def _inside_longer_name(t: Toponym, spans: list[tuple[int, int]]) -> bool:
    """'Mohammed Laith', 'Kurdistan Democratic Party': the place name is part of a longer name."""
    return any(a <= t.start and t.end <= b and (b - a) > (t.end - t.start) for a, b in spans)


def surname(name: str) -> str:
    """'al-Baghdadi', "Soleimani's" -> 'baghdadi', 'soleimani'."""
    return re.sub(
        r"^(?:al|el|ad|ar|as|ash|at|az|an)[\s-]", "", fold(name.removesuffix("’s").removesuffix("'s"))
    )


# A speaker: "Hoyer said", "Smith told reporters"; not "the mayor of Sharbazher told".
_SPEAKS = re.compile(r"\s+(?:said|says|told|added|stated|argued|wrote|asked|explained)\b")
_OF_A_PLACE = re.compile(r"\b(?:of|in|at|from|near|for)\s+$", re.I)


def _speaker(e: Entity, text: str) -> bool:
    return bool(_SPEAKS.match(text, e.end)) and not _OF_A_PLACE.search(text, max(0, e.start - 6), e.start)


# "the Badr Organisation", "the Dawa Party": the name of a group, and of it wherever else the article uses it
# ("a Badr commander"), not of the village so spelled.
_GROUP_NAMED = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:Organi[sz]ation|Movement|Party)\b")


def _a_town_of_note(t: Toponym) -> bool:
    """A name some Iraqi town of note bears ("the Mosul Brigades" name a group, but Mosul is still Mosul)."""
    return any(c.country == FOCUS_COUNTRY and c.importance >= WELL_KNOWN for c in t.candidates)


def organisation_names(text: str) -> set[str]:
    return {surname(m[1]) for m in _GROUP_NAMED.finditer(text)}


def person_surnames(parsed: Parsed) -> set[str]:
    """Last names of the people the article names in full ("Abu Bakr al-Baghdadi" makes "Baghdadi" a person),
    or alone as a speaker ("Hoyer said" makes every "Hoyer" of the article a person, not the Iraqi hamlet)."""
    return {
        surname(e.text.split()[-1])
        for e in parsed.entities
        if e.label == "PERSON" and (len(e.text.split()) >= 2 or _speaker(e, parsed.text))
    }


_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]+)")


def _given_name(t: Toponym, text: str, surnames: set[str]) -> bool:
    """'Qassem Soleimani': a place name right before a surname the article uses is a given name."""
    m = _NEXT_WORD.match(text, t.end)
    return m is not None and surname(m[1]) in surnames


def common_word(surface: str, lower_words: frozenset[str]) -> bool:
    """'Some', 'Share', 'For' opening a sentence: English words the article also writes in lower case."""
    word = surface.lower()
    return " " not in word and (word in lower_words or word in stop_words())


def _roads_between(found: tuple[Toponym, ...], whole: str) -> tuple[Toponym, ...]:
    """'on al-Diwaniyah-Babil road': a road between two places NER took for an organisation, for a sentence
    that names no other town (one that does, "the Qaim-Akashat road, Akashat", is placed by that town)."""
    return tuple(t for t in found if t.qualifier == "between" and not HONORIFIC.match(whole, t.start))


# A second incident told in the same sentence, after a comma: "..., killing seven, while a similar attack in
# the neighbouring district of Hurriya killed six people", "..., and another bomb in Kirkuk wounded five".
_NEXT_INCIDENT = re.compile(
    r",\s+(?:while|whereas|and)\s+(?=(?:a|an|another|two|three|four|five|a second|a third)\s)", re.I
)
_PLACED = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?[A-Z]")


def _told(text: str) -> bool:
    c = count_casualties(standard_spelling(text))
    return bool(c.killed or c.wounded)


def incident_clauses(spans: tuple[tuple[int, int], ...], whole: str) -> list[tuple[int, int]]:
    """Sentences, with one that tells two incidents at two places, each with its own toll, cut in two
    where the second begins."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        m = _NEXT_INCIDENT.search(whole, start, end)
        if (
            m
            and _PLACED.search(whole, m.end(), end)
            and _told(whole[start : m.start()])
            and _told(whole[m.end() : end])
        ):
            out += [(start, m.start()), (m.end(), end)]
        else:
            out.append((start, end))
    return out


def analyse_sentences(article: Article, parsed: Parsed, gazetteer: Gazetteer) -> list[SentenceInfo]:
    excluded = [(e.start, e.end) for e in parsed.entities if e.label in _EXCLUDED_ENTS]
    places = [e for e in parsed.entities if e.label in ("GPE", "LOC")]
    surnames = person_surnames(parsed)
    groups = organisation_names(parsed.text)
    lower_words = parsed.lower_words
    whole = parsed.text
    infos: list[SentenceInfo] = []
    filed = find_dateline(whole)
    filed_start, filed_end = (filed.start(1), filed.end()) if filed else (-1, -1)
    cased = dateline_cased(whole, gazetteer)  # "MOSUL, Iraq (AP) —": the town, not initials
    links = _link_lists(whole)
    for i, (start, end) in enumerate(incident_clauses(parsed.sentences, whole)):
        text = whole[start:end]
        if any(a <= start < b for a, b in links) or _barred_headlines(text):
            infos.append(_not_news(i, Evidence(article.id, start, end, text)))
            continue
        found = tuple(find_toponyms(cased[start:end], gazetteer, offset=start))
        toponyms = tuple(
            t
            for i, t in enumerate(found)
            if not HONORIFIC.match(whole, t.start)
            and not _RANK_BEFORE.search(whole, max(0, t.start - 40), t.start)
            and (
                t.governorate
                or before_admin_area(t, found[i + 1 :], whole)
                or (
                    surname(t.surface) not in surnames
                    and not (surname(t.surface) in groups and not _a_town_of_note(t))
                    and not _given_name(t, whole, surnames)
                    and not (
                        t.start - start <= 2
                        and common_word(t.surface, lower_words)
                        and cased[t.start : t.end] == whole[t.start : t.end]  # "HIT, Iraq": the town
                    )
                    and (
                        not _overlaps(t, excluded)
                        or _listed_with_a_place(i, found, whole, excluded)
                        or (well_known(t) and not _inside_longer_name(t, excluded))
                        or (well_known(t) and t.qualifier == "label")  # "Baghdad airport", "Mosul Dam"
                    )
                )
            )
        )
        if not any(not (t.governorate or t.country) for t in toponyms):
            toponyms = tuple(sorted(toponyms + _roads_between(found, whole), key=lambda t: t.start))
        if start <= filed_end:  # "BAGHDAD (Reuters) - ... in Muthanna province": where it was filed yields
            toponyms = tuple(
                replace(t, qualifier="dateline") if filed_start <= t.start and t.end <= filed_end else t
                for t in toponyms
            )
        read = standard_spelling(text)  # "convoy targetted": read as meant, kept as written
        kind = classify(read)
        casualties = count_casualties(read)
        found_date = find_date(text, article.published)
        date_warning = out_of_range(found_date, article.published) if found_date else None
        infos.append(
            SentenceInfo(
                index=i,
                evidence=Evidence(article.id, start, end, text),
                kind=kind,
                casualties=casualties,
                found_date=None if date_warning else found_date,
                reported_date=None
                if found_date or date_warning
                else find_date(text, article.published, reporting=True),
                toponyms=toponyms,
                claim=claim_kind(read, article.published) if kind or _ABOUT_VIOLENCE.search(read) else None,
                casualty_trigger_only=_trigger_words(read, kind),
                read=read,
                unknown_places=tuple(
                    e.text
                    for e in places
                    if start <= e.start < end
                    and not any(t.start < e.end and e.start < t.end for t in found)
                    and not FOCUS_NAME.search(e.text)
                    and not armed_group_name(e.text)
                    and not names_a_side(whole, e.end)
                    and not _SPOKEN_IN.search(whole, max(start, e.start - 60), e.start)
                )
                + unlisted_in_captions(whole, found),
                warnings=casualties.warnings + ((date_warning,) if date_warning else ()),
            )
        )
    return infos


def _not_news(index: int, evidence: Evidence) -> SentenceInfo:
    """A sentence that tells nothing of the article's own: no act, place, date or count is read in it."""
    return SentenceInfo(
        index=index,
        evidence=evidence,
        kind=None,
        casualties=Casualties(None, None, False),
        found_date=None,
        reported_date=None,
        toponyms=(),
        claim=None,
        casualty_trigger_only=False,
        read=evidence.text,
        unknown_places=(),
        warnings=(),
    )
