"""Incidents abroad: an article about Iraq tells of attacks in Syria, shootings in the United States,
strikes in Afghanistan. They are claims of kind `abroad`, never Iraqi events, however many Iraqi
villages share a word with the place they happened ("San Bernardino, Calif." is not the village Sane).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..geo.locate import WELL_KNOWN
from ..model import Mention, Place
from .grouping import Draft
from .mentions import ACTING_COUNTRIES
from .nlp import Entity
from .place_names import FOCUS_COUNTRY
from .sentences import FOCUS_NAME, SentenceInfo

# The states of the United States, by name and by the abbreviations news agencies use after a town
# ("Tucson, Ariz.", "CHARLESTON, S.C. —"): American news tells American incidents beside Iraqi ones.
US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
    "West Virginia", "Wisconsin", "Wyoming", "D.C.",  # not Washington: "in Baghdad, Washington's envoy"
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
    "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.",
    "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.",
    "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
)  # fmt: skip
# "Tucson, Ariz.", "San Bernardino, California": a town (one to three capitalised words) and its state.
_TOWN_IN_A_STATE = re.compile(
    r"\b[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s(?:"
    + "|".join(re.escape(s) for s in sorted(US_STATES, key=len, reverse=True))
    + r")(?![\w])"
)


def _in_a_state(s: SentenceInfo, place: Place | None) -> bool:
    """The sentence names a town of the United States by its state ('in El Paso, Texas') and nothing
    that places it in Iraq: not the country, not a governorate, and not the place the incident was
    placed at, named apart from the American town ('San Bernardino' is not the village San)."""
    text, start = s.evidence.text, s.evidence.start
    spans = [(m.start() + start, m.end() + start) for m in _TOWN_IN_A_STATE.finditer(text)]
    if not spans or FOCUS_NAME.search(text) or any(t.governorate for t in s.toponyms):
        return False
    elsewhere = [t for t in s.toponyms if not any(a <= t.start < b for a, b in spans)]
    return place is None or not any(c.place_id == place.place_id for t in elsewhere for c in t.candidates)


_AFTER_A_PLACE = re.compile(r"[A-Z][\w'’-]+,\s*$")


def _dateline_abroad(s: SentenceInfo) -> bool:
    """'in Aden, Yemen', 'Homs, Syria': a place followed by its foreign country."""
    text, start = s.evidence.text, s.evidence.start
    countries = [(t.start, t.end) for t in s.toponyms if t.country]
    return any(
        t.country
        and t.country != FOCUS_COUNTRY
        and (m := _AFTER_A_PLACE.search(text, 0, t.start - start)) is not None
        and not any(a <= m.start() + start < b for a, b in countries)  # "Iraq, Syria": a list of countries
        for t in s.toponyms
    )


def _village_abroad(place: Place, sentences: list[SentenceInfo]) -> bool:
    """A village that shares a word with a place abroad ("the Golan", "Tel Aviv"), named in a sentence
    of foreign countries and nothing Iraqi: the incident was abroad, not in the village."""
    if place.importance >= WELL_KNOWN:
        return False
    for s in sentences:
        if any(c.place_id == place.place_id for t in s.toponyms for c in t.candidates):
            foreign = any(t.country and t.country not in ACTING_COUNTRIES for t in s.toponyms)
            iraqi = FOCUS_NAME.search(s.evidence.text) or any(t.governorate for t in s.toponyms)
            return foreign and not iraqi
    return False


def placed_abroad(m: Mention, draft: Draft, infos: list[SentenceInfo]) -> bool:
    """Placed abroad, or unplaced but naming only foreign places: a country, or a town NER knows and we don't."""
    sentences = draft.sentences
    if any(_dateline_abroad(s) or _in_a_state(s, m.place) for s in sentences):
        return True
    if m.place is not None:
        return m.place.country != FOCUS_COUNTRY or _village_abroad(m.place, sentences)
    if any(FOCUS_NAME.search(s.evidence.text) for s in sentences):
        return False
    if any(t.country and t.country not in ACTING_COUNTRIES for s in sentences for t in s.toponyms):
        return True
    first, last = sentences[0].index, sentences[-1].index
    nearby = infos[max(0, first - 2) : last + 3]
    focus_nearby = any(
        FOCUS_NAME.search(s.evidence.text) or any(not t.country for t in s.toponyms) for s in nearby
    )
    foreign_before = any(
        t.country and t.country not in ACTING_COUNTRIES
        for s in infos[max(0, first - 2) : first]
        for t in s.toponyms
    )
    return (foreign_before or any(s.unknown_places for s in sentences)) and not focus_nearby


def names_abroad(infos: list[SentenceInfo], entities: Iterable[Entity]) -> bool:
    """Whether an article that sets itself nowhere in the focus country names somewhere else: a foreign
    country, a town by its American state, a place NER finds and the gazetteer does not know ("El
    Paso", "Kabul"), or any city or country NER finds (`entities`; none of them is an Iraqi one it
    names as such). A mountain or a region alone ("the Qandil mountains") is not somewhere else."""
    return any(e.label == "GPE" for e in entities) or any(
        s.unknown_places
        or _TOWN_IN_A_STATE.search(s.evidence.text)
        or any(t.country and t.country != FOCUS_COUNTRY for t in s.toponyms)
        for s in infos
    )
