"""The relevance filter: a cheap test, before spaCy, of whether an article can report political violence
in the focus country at all.

Most of a news stream is elections, health care and sport; extracting it costs spaCy's full pipeline
and finds nothing. An article passes when it names the focus country, or one of its governorates,
cities or armed forces (`FOCUS_WORDS`), or else a district or sub-district seat the gazetteer knows,
*and* uses a word of violence (`VIOLENCE_WORDS`). Both are word lists, so the filter takes about a
millisecond an article and its reason can be read. It
is tuned for recall: an article the extractor could find an incident in must never be skipped, so
any mention of both passes; what it lets through in excess only costs time.

Measured on real articles (`benchmarks/relevance.py`): every article of the coded development set
with a core incident passes; about 93% of a mixed stream of 2,000 articles of all topics is skipped.

`in_focus` is the stricter test the extractor applies to every article, filtered or not, after it has
found the article's place names: an article that never names the country, a governorate, a city or
force of the list, or a seat or well-known town as a name of its own, and does name somewhere else
(`extract.incidents`), gives no Iraqi event. Without it, a shooting in El Paso became an attack in the
Duhok village of Basay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..geo.admin1 import GOVERNORATES, fold
from ..geo.gazetteer import Gazetteer, GazetteerPlace, default_gazetteer
from ..geo.locate import TOWN_PARTS, WELL_KNOWN
from ..geo.names import name_keys, skeletons
from ..geo.toponyms import Toponym
from ..model import Article
from .place_names import FOCUS_COUNTRY

# Names that place a text in Iraq: the country and its people, its regions, cities and towns often
# in the news (governorates are added from geo.admin1), and forces that fight only there.
FOCUS_WORDS: tuple[str, ...] = (
    FOCUS_COUNTRY,
    r"Iraqis?",
    r"Kurdistan",
    r"KRG",
    r"Peshmerga",
    r"Hashd",
    r"Popular Mobili[sz]ation",
    r"PMF",
    r"Kata'?ib Hez?b[ao]llah",
    r"Asa'?ib Ahl al-Haq",
    r"Green Zone",
    r"Sadr City",
    r"Mosul",
    r"Fallujah?",
    r"Ramadi",
    r"Tikrit",
    r"Samarra",
    r"Haditha",
    r"Baiji",
    r"Sinjar",
    r"Tal ?Afar",
    r"Hawija",
    r"Tuz Khurmatu",
    r"Baqubah?",
    r"Kut",
    r"Amarah",
    r"Nasiriyah?",
    r"Samawah?",
    r"Hillah?",
    r"Kufa",
    r"Umm Qasr",
    r"Zubayr",
    r"Irbil",
    r"Dohuk",
    r"Sulaimaniyah?",
    r"Qaim",
    r"Rutba",
    r"Abu Ghraib",
    r"Taji",
    r"Balad",
    r"Jurf al-Sakhar",
    r"Makhmour",
    r"Qayyarah",
    r"Ain al-Asad",
    r"Camp Speicher",
    r"Khanaqin",
    r"Zakho",
)

# Words an incident report uses: acts, weapons, casualties, armed actors. Stems end in \w*.
VIOLENCE_WORDS: tuple[str, ...] = (
    r"kill\w*",
    r"dead",
    r"deaths?",
    r"died",
    r"dies",
    r"bomb\w*",
    r"attack\w*",
    r"explo\w*",
    r"blasts?",
    r"air ?strikes?",
    r"strikes?",
    r"shell\w*",
    r"wound\w*",
    r"injur\w*",
    r"casualt\w*",
    r"clash\w*",
    r"fight\w*",
    r"battle\w*",
    r"offensive",
    r"militan\w*",
    r"insurgen\w*",
    r"gunm[ae]n",
    r"shot",
    r"shoot\w*",
    r"gunfire",
    r"assassinat\w*",
    r"suicide",
    r"IEDs?",
    r"rockets?",
    r"missiles?",
    r"mortars?",
    r"drones?",
    r"protest\w*",
    r"riot\w*",
    r"raid\w*",
    r"ambush\w*",
    r"kidnap\w*",
    r"abduct\w*",
    r"hostages?",
    r"execut\w*",
    r"behead\w*",
    r"massacre\w*",
    r"violen\w*",
    r"terror\w*",
    r"jihadi?\w*",
    r"Islamic State",
    r"ISIS",
    r"ISIL",
    r"Daesh",
    r"al-Qaeda",
)


def _words(words: Iterable[str], case_sensitive: bool) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", 0 if case_sensitive else re.IGNORECASE)


def _governorates() -> list[str]:
    """Each governorate's spellings as a pattern, the first word capitalised, the others either way:
    'salah al din' -> 'Salah[ -][Aa]l[ -][Dd]in'."""
    spellings = {fold(s) for name, _, aliases in GOVERNORATES.values() for s in (name, *aliases)}

    def word(w: str, first: bool) -> str:
        return re.escape(w.capitalize()) if first else f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"

    return [r"[ -]".join(word(w, i == 0) for i, w in enumerate(s.split())) for s in sorted(spellings)]


_FOCUS = _words([*FOCUS_WORDS, *_governorates()], case_sensitive=True)  # 'Kut', not 'kut'

# Seats of districts and sub-districts in the gazetteer: 'Tarmiyah', 'Tuz Khurmatu'. Not every village:
# thousands of them are named like people ('Sarah', 'Mohammed') or words ('Hill').
SEAT_FEATURES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "ADM2", "ADM3"})
# A capitalised word, or two, starting at every word (a lookahead, so 'In Tarmiyah' tries 'Tarmiyah' too).
_CAPITALISED = re.compile(r"(?=\b([A-Z][\w'’]+(?:[ -][A-Z][\w'’]+)?))")


def _focus_seat(p: GazetteerPlace) -> bool:
    """The seat of a district or sub-district in the focus country."""
    return p.country == FOCUS_COUNTRY and p.feature in SEAT_FEATURES


@cache
def _seat_names() -> frozenset[str]:
    """Folded names of the focus country's district and sub-district seats, of four letters or more."""
    g = default_gazetteer()
    return frozenset(
        key for key, places in g.by_name.items() if len(key) >= 4 and any(_focus_seat(p) for p in places)
    )


def _seats_named(text: str) -> int:
    """How many capitalised words or pairs of words (or the first of a pair) name a seat."""
    names = _seat_names()
    count = 0
    for m in _CAPITALISED.finditer(text):
        words = m.group(1)
        count += fold(words) in names or fold(re.split("[ -]", words)[0]) in names
    return count


_VIOLENCE = _words(VIOLENCE_WORDS, case_sensitive=False)

# Names shorter than this place an article in the focus country only after a preposition of place:
# "Ore" (Oregon), "Hal", "Tar" are villages, airport codes and English words alike.
_SHORTEST_ANCHOR = 4
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|at|from|of)\s+$")
# The end of a longer name ("Capitol Hill", "Rose Garden") or a word after "the" ("the House").
_INSIDE_A_NAME = re.compile(r"(?:\b[A-Z][\w'’-]*|\bthe)\s+$")
_ADMIN_QUALIFIERS = frozenset({"district", "subdistrict", "sub-district", "province", "governorate"})
# Words after a name that make "the X" a part of a town or country: "the Mansour region", "the Karrada
# district" (a word after "the" is otherwise no anchor: "the House").
AREA_QUALIFIERS = _ADMIN_QUALIFIERS | {"area", "neighbourhood", "neighborhood", "quarter", "region"}


def _anchors(t: Toponym, gazetteer: Gazetteer, before: str) -> bool:
    """A name that by itself places a text in the focus country: a governorate, or a town there that is a
    district or sub-district seat or well known, named as the gazetteer spells it and as a name of its
    own. Not a village, however many names the data gives it; not a spelling variant, not the end of a
    longer name, not a word after "the": villages share names, and variants of them, with words, people
    and places abroad ('Sane' for San Bernardino, 'Hawsay' for the House, 'Al Hillah' for Capitol Hill,
    'Taliban', 'Jujar' for Hoyer). A name of three letters ('Hit') only after a preposition of place
    (`before` is the text before the name): 'in Hit', not 'Hit songs' or 'Portland, Ore.'."""
    if t.governorate:
        return True
    folded = fold(t.surface)
    if (
        _INSIDE_A_NAME.search(before)
        and not _PLACE_PREPOSITION.search(before.lower())
        and not (t.qualifier in AREA_QUALIFIERS and before.endswith("the "))
    ):
        return False
    if len(folded.replace(" ", "")) < _SHORTEST_ANCHOR and not _PLACE_PREPOSITION.search(before):
        return False
    keys = name_keys(folded)
    places = [p for key in keys for p in gazetteer.by_name.get(key, ())]
    if " " in folded or t.qualifier in _ADMIN_QUALIFIERS:
        # A spelling variant is safe where chance cannot make one: a name of two words ("Tuz Khurmato"), or
        # one the text calls a district ("Amiriya district").
        places += [p for key in keys for sk in skeletons(key) for p in gazetteer.by_skeleton.get(sk, ())]
    # "the Karrada district", "the Mansour neighbourhood": a name the text calls a part of a town, and
    # that the gazetteer holds as one in the focus country
    part_of_a_town = t.qualifier in AREA_QUALIFIERS
    return any(
        _focus_seat(p)
        or (p.country == FOCUS_COUNTRY and p.feature == "locality" and p.importance >= WELL_KNOWN)
        or (part_of_a_town and p.country == FOCUS_COUNTRY and p.feature in TOWN_PARTS)
        for p in places
    )


def in_focus(article: Article, toponyms: Iterable[Toponym], gazetteer: Gazetteer) -> bool:
    """Whether an article sets itself in the focus country: it names the country, a governorate, a city
    or force of `FOCUS_WORDS`, or a well-known town or seat there (`toponyms`, the names the extractor
    found). One that does not, and names somewhere else (`abroad.names_abroad`), tells of incidents
    abroad (a shooting in El Paso, a riot in Portland, Ore.), whatever Iraqi village shares a word
    with them."""
    if _FOCUS.search(f"{article.title}\n{article.text}"):
        return True
    parsed = article.text or article.title  # what the extractor read, and the toponyms' offsets are in
    return any(_anchors(t, gazetteer, parsed[max(0, t.start - 10) : t.start]) for t in toponyms)


@dataclass(frozen=True)
class Relevance:
    """The filter's verdict on one article: how many focus words it found, and violence words (counted
    only when there is a focus word)."""

    relevant: bool
    focus: int
    violence: int

    @property
    def reason(self) -> str:
        if self.relevant:
            return f"names {FOCUS_COUNTRY} {self.focus}x and violence {self.violence}x"
        if not self.focus:
            return f"not relevant: names no place or force in {FOCUS_COUNTRY}"
        return f"not relevant: names {FOCUS_COUNTRY} {self.focus}x but no word of violence"


def relevance(article: Article) -> Relevance:
    """Whether the article can report political violence in the focus country (title and text)."""
    text = f"{article.title}\n{article.text}"
    focus = len(_FOCUS.findall(text)) or _seats_named(text)  # the gazetteer only when the lists find none
    violence = len(_VIOLENCE.findall(text)) if focus else 0  # the slower test, only when it can matter
    return Relevance(focus > 0 and violence > 0, focus, violence)
