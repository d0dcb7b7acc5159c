"""Toponym recognition: capitalised word sequences that the gazetteer or the governorate list knows."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from .admin1 import fold
from .gazetteer import MAX_NAME_WORDS, Gazetteer, GazetteerPlace
from .offsets import BEARINGS, KM_PER_MILE, Offset

_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][\w’'\u00C0-\u024F]*(?:-[\w’'\u00C0-\u024F]+)*")
# Capitalised words in news that are never places here, though a gazetteer may hold a village so named.
NOT_PLACES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december islamic state isis isil daesh iraqi syrian police army
    the a an he she it they we in on at of and but no one two three four five six seven eight nine ten
    assailants sources security forces prime minister president general colonel brigadier major captain
    mr mrs dr al el said says according reuters afp ap associated press cnn bbc niqash jazeera al
    jazeera propaganda kurdish kurds sunni shia shiite christian christians muslim muslims american
    americans us u s un nato coalition god allah first last new old north south east west central
    a'immat baqee hashd popular mobilization units pmf saraya islam ahl marouf kataib hezbollah
    koran quran bible ramadan muharram shawwal eid ashura arbaeen arbaein iftar suhoor
    kurdistan kurd taliban turkmen turkmens turkoman arab arabs asian asians persian yazidi yazidis yezidi
    assyrian assyrians chaldean shabak kakai sufi sufis salafi marine marines mujahideen mujahidin hamas houthi
    houthis
    """.split()  # noqa: SIM905
)
# (A region, a people, a faith or a movement: "Kurdistan", "Turkmen", "the Taliban" name no village here,
# though a gazetteer holds villages of those names or spellings near them.)
# Common given names that are also village names: alone they are people in news text.
GIVEN_NAMES = frozenset(
    """
    muhammad mohammed mohammad mohamed ahmed ahmad ali hassan hasan hussein husain omar umar abbas karim
    khalil ammar mahmoud mahmud jassem jasim qasim kasim nuri haider haidar salim salem riyad ibrahim
    yusuf youssef mustafa khalid khaled hamid saad saeed said rashid walid faisal tariq adel nabil
    """.split()  # noqa: SIM905
)
# Organisations and outlets whose names look like places.
NOT_PLACE_PHRASES = frozenset(
    {
        "al jazeera",
        "islamic state",
        "al qaeda",
        "al qaida",
        "al arabiya",
        "al sumaria",
        "al mada",
        "al hashd",
        "al monitor",
        "al menassa",
        "al hurra",
        "al sharqiya",
        "al iraqiya",
        "al forat",
        "al mayadeen",
        "al shabaab",
        "al shabab",
        "al nusra",
        "boko haram",
    }
)
_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "abu", "bin", "umm", "tal", "tell"}
_COUNTRIES = {
    "iraq": "Iraq",
    "syria": "Syria",
    "jordan": "Jordan",
    "kuwait": "Kuwait",
    "saudi arabia": "Saudi Arabia",
    "iran": "Iran",
    "turkey": "Turkey",
    "lebanon": "Lebanon",
    "afghanistan": "Afghanistan",
    "yemen": "Yemen",
    "libya": "Libya",
    "egypt": "Egypt",
    "pakistan": "Pakistan",
}


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    surface: str
    governorate: str | None  # ISO code when the name is a governorate
    country: str | None  # country name when the name is a country
    candidates: tuple[GazetteerPlace, ...]
    qualifier: str | None = None  # "province", "district", "near", "facility", "between", ...
    country_hint: str | None = None  # "the Syrian town of X"
    offset: Offset | None = None  # "30 miles south of X"
    between: tuple[GazetteerPlace, ...] = ()  # "the road between X and Y": Y's candidates
    caption: str | None = None  # a governorate's: the name a caption puts before it ("Al-Boudur, Saladin")


_AFTER = re.compile(
    r"\s*(province|governorate|district|sub-?district|area|neighbou?rhood|quarter|region|village|town|city)\b",
    re.I,
)
# A part of a town named after it: "the al-Qadisiya district of Tikrit", "the Diyala quarter of Kirkuk".
# "the al-Qadisiya district of Tikrit", "the al-Qadisiya neighbourhood in the north of Tikrit".
_PART_OF_A_TOWN = re.compile(
    r"\s*(?:district|neighbou?rhood|quarter|area|suburb)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|centre|center|heart|outskirts)(?:[\s-]?(?:east|west))?(?:ern)?\s+(?:part\s+)?"
    r"of\s+(?:the\s+(?:city\s+of\s+)?)?)?[A-Z]"
)
# A name that only labels a facility or a route: "Balad Air Base" (in Yathrib), "Yusufiya Road".
_LABEL = re.compile(r"[\s-]*(?:air\s*base|airbase|airport|base|road|highway|street|bridge|dam|camp)\b", re.I)
_BEFORE = re.compile(
    r"\b(near|outside|north of|south of|east of|west of|outskirts of|around)\s+(the\s+)?$", re.I
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
}  # fmt: skip
_COMPASS = r"(north|south)?[\s-]?(east|west)?"
# "30 miles (50 km) south of", "20 kilometres north-west of the city of", "some 15km east of".
_OFFSET = re.compile(
    r"\b(\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")[\s-]*"
    r"(km|kms|kilomet(?:er|re)s?|mi|miles?)\b(?:\s*\([^()]{1,30}\))?\s+(?:to\s+the\s+)?"
    + _COMPASS
    + r"(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|village|district|capital)\s+of\s+)?$",
    re.I,
)
# "pushed to within 100 kilometres of Baghdad": a radius around the name, not where anything happened.
_WITHIN = re.compile(
    r"\bwithin\s+(?:[\w.-]+\s+){0,2}?(?:km|kms|kilomet(?:er|re)s?|mi|miles?)\s+of\s+(?:the\s+)?$", re.I
)
# "in this city northeast of Baghdad", "this town, 60 km south of Kirkuk": the name only says where the
# town the story was filed in lies.
_THIS_TOWN = re.compile(
    r"\bthis\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|district|area|region|province|capital|community)"
    r"\s*,?\s+(?:(?:some|about|around)\s+)?(?:[\w.]+\s*(?:km|kms|kilomet(?:er|re)s?|mi|miles?)\b"
    r"(?:\s*\([^()]{1,30}\))?\s+)?(?:(?:to\s+the\s+)?(?:north|south|east|west|north[\s-]?(?:east|west)|"
    r"south[\s-]?(?:east|west))(?:ern)?\s+of|near|outside)\s+(?:the\s+)?(?:(?:city|town|capital)\s+of\s+)?$",
    re.I,
)
# "northeast of Baqubah", "north-west of": near, like "north of".
_INTERCARDINAL = re.compile(r"\b(?:north|south)[\s-]?(?:east|west)(?:ern)?\s+of\s+(?:the\s+)?$", re.I)


_DEMONYMS = {
    "syrian": "Syria",
    "jordanian": "Jordan",
    "saudi": "Saudi Arabia",
    "kuwaiti": "Kuwait",
    "iranian": "Iran",
    "turkish": "Turkey",
}
_FOREIGN = re.compile(
    r"\b(Syrian|Jordanian|Saudi|Kuwaiti|Iranian|Turkish)\s+(?:border\s+)?(?:town|city|village|province|"
    r"region|crossing|governorate)\s+of\s+$"
)
# The first word of an armed group's name: "Saraya al-Salam", "Kataib Hezbollah", "Asaib Ahl al-Haq".
_GROUP_WORD = (
    r"(?:Saraya|Kataib|Kata'ib|Kataeb|Asaib|Asa'ib|Jaish|Jaysh|Harakat|Liwa|Ansar|Jund|Fasail|Quwat)"
)
_ARMED_GROUP = re.compile(
    rf"\b{_GROUP_WORD}(?:\s+(?:[A-Z][\w'’]*|al|el|ad|ar|as|ash|at|az|an|of|the)[-\s]?){{0,2}}?\s*-?$"
)
_GROUP_HEAD = re.compile(rf"{_GROUP_WORD}\b")


def armed_group_name(name: str) -> bool:
    """'Saraya al-Salam', 'Kataib Hezbollah': the name an entity recogniser may take for a place."""
    return _GROUP_HEAD.match(name.strip()) is not None


_WATERS = re.compile(r"\b(?:Strait|Straits|Gulf|Sea|Bay)\s+of\s+$")
_INSTITUTION = re.compile(
    r"(?:'s|’s)?\s+(?:provincial council|provincial government|council|governor|police(?: command| chief)?|"
    r"operations command|health directorate|authorities|university|"
    # an armed group named for its land: "the Shingal Resistance Units", "the Babylon Brigades"
    r"(?:resistance|protection|defen[cs]e)\s+(?:units|forces)|brigades?|battalions?|organi[sz]ation)\b",
    re.I,
)


_PARTICLE_JOINED = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]")  # "Salah al-Din", "Qasr al-Nakhla"


@cache
def _english() -> frozenset[str]:
    """English function words ("more", "some", "there"): spelling variants match villages to them."""
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list; spaCy is loaded by then in extraction

    return frozenset(STOP_WORDS)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or fold(word) in _PARTICLES or _PARTICLE_JOINED.match(word) is not None


_ACRONYM = re.compile(r"[A-Z]{2,5}")
# "Bashir village, Kirkuk, Iraq": after another place's name, a governorate named like its seat is the
# governorate ("Shuala neighborhood, Baghdad" still means the city).
_AFTER_A_PLACE = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:village|town|district|sub-?district))?,\s*$")


_CAPITALS = {"iraq": ("Baghdad", "Iraq"), "syria": ("Damascus", "Syria"), "jordan": ("Amman", "Jordan")}
_CAPITAL_PHRASE = re.compile(r"\b(Iraq|Syria|Jordan)(?:ian|i|n)?(?:['’]s)?\s+capital\b")


def _capital(m: re.Match[str], gazetteer: Gazetteer, offset: int) -> Toponym | None:
    """'the Iraqi capital', "Iraq's capital": the capital city, as if named."""
    city, country = _CAPITALS[m.group(1).lower()]
    candidates = [c for c in gazetteer.lookup(city) if c.country == country]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.importance)
    return Toponym(
        m.start() + offset, m.end() + offset, m.group(), gazetteer.governorate_code(city), None, (best,)
    )


def find_toponyms(text: str, gazetteer: Gazetteer, offset: int = 0) -> list[Toponym]:
    found = _captions(text, _between(text, _find_names(text, gazetteer, offset), gazetteer, offset), offset)
    capitals = [t for m in _CAPITAL_PHRASE.finditer(text) if (t := _capital(m, gazetteer, offset))]
    if not capitals:
        return found
    kept = [t for t in found if not any(c.start <= t.start < c.end for c in capitals)]
    return sorted(kept + capitals, key=lambda t: t.start)


def _find_names(text: str, gazetteer: Gazetteer, offset: int) -> list[Toponym]:
    tokens = list(_TOKEN.finditer(text))
    found: list[Toponym] = []
    i = 0
    while i < len(tokens):
        hit: Toponym | None = None
        if tokens[i].group()[:1].isupper() or _PARTICLE_JOINED.match(tokens[i].group()):  # "al-Qaim" too
            for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                span = tokens[i : i + n]
                if not all(_capitalised(t.group()) for t in span) or fold(span[-1].group()) in _PARTICLES:
                    continue  # "Soleimani as": a name does not end in an article
                if any(text[a.end() : b.start()].strip(" -") for a, b in pairwise(span)):
                    continue  # punctuation between words: not one name
                end = span[-1].end()
                if text[end - 2 : end] in ("'s", "’s"):
                    end -= 2  # "Baghdad's Green Zone"
                surface = text[span[0].start() : end]
                key = fold(surface)
                if key in NOT_PLACE_PHRASES:
                    i += n - 1  # "Al Shabaab": skip the whole name, "Shabaab" alone is no village either
                    break
                if (
                    key in NOT_PLACES
                    or len(key) < 3
                    or (n == 1 and (key in GIVEN_NAMES or key in _english()))
                ):
                    continue  # "Two More Convoys Attacked": a headline's capitals make no English word a village
                if n == 1 and _ACRONYM.fullmatch(surface):
                    continue  # "AQI", "KDP": an organisation's initials, not the hamlet so spelled
                hit = _facility(text, span[0].start(), end, gazetteer, offset) or _toponym(
                    text, span[0].start(), end, surface, key, gazetteer, offset
                )
                if hit:
                    i += n - 1
                    break
        if hit:
            found.append(hit)
        i += 1
    return found


_CAPTION_WORD = r"(?:[A-Z][\w’'-]*|(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z][\w’'-]*|al|el|bin|bu)"
# "in Al-Boudur, Saladin", "Makhtar village, Al Anbar governorate", "Tall Safouk village in Nineveh": a name
# a caption puts before the governorate, up to four words, after a word in lower case or a comma.
_CAPTION = re.compile(
    r"(?:^|(?<=[a-z]\s)|(?<=,\s))(" + _CAPTION_WORD + r"(?:[\s-]" + _CAPTION_WORD + r"){0,3})"
    r"(?:\s+(?:area|village|district|sub-?district|neighbou?rhood|town|city|region))?(?:,\s*|\s+in\s+)$"
)


def _captions(text: str, found: list[Toponym], offset: int) -> list[Toponym]:
    """A governorate that ends a caption carries the whole name before it, known to the gazetteer or not."""
    out = []
    for t in found:
        m = _CAPTION.search(text, max(0, t.start - offset - 80), t.start - offset) if t.governorate else None
        name = m.group(1) if m else ""
        admin = any(u.surface == name and (u.governorate or u.country) for u in found)  # "Diyala, Iraq"
        if name and not admin and fold(name) not in NOT_PLACES and len(fold(name)) >= 3:
            t = replace(t, caption=name)
        out.append(t)
    return out


# Words after a name that make it a facility's: "Ain al-Asad air base", "the Mosul dam", "K-1 base".
_FACILITY_AFTER = re.compile(
    r"[\s-]*(?:(?:international|military)\s+)?(?:air\s*base|air\s*field|air\s*strip|airport|base|camp|"
    r"dam|barrage|oil\s*field|field|refinery|border\s+(?:crossing|post)|crossing|bridge)\b",
    re.I,
)


def _facility(text: str, start: int, end: int, gazetteer: Gazetteer, offset: int) -> Toponym | None:
    """A name and the kind of facility after it, when the gazetteer holds that facility."""
    kind = _FACILITY_AFTER.match(text, end)
    if not kind:
        return None
    candidates = tuple(gazetteer.facilities(text[start : kind.end()]))
    if not candidates:
        return None
    surface = text[start : kind.end()]
    moved = offset_before(text, start)
    return Toponym(
        start + offset, kind.end() + offset, surface, None, None, candidates, "facility", None, moved
    )


# "on the road between Tikrit and Tuz Khurmatu", "the highway linking Baghdad to Kirkuk".
_ROUTE_FROM = re.compile(
    r"\b(?:road|highway|route|motorway|expressway|stretch|area|region)s?\s+(?:that\s+)?"
    r"(?:between|linking|connecting|joining|from)\s+(?:the\s+)?(?:(?:towns?|cities|city|villages?)\s+of\s+)?$",
    re.I,
)
_ROUTE_TO = re.compile(r"\s+(?:and|to|with)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?", re.I)
# "the Baghdad-Kirkuk highway", "on the Tikrit–Tuz Khurmatu road", "on the Kirkuk-Erbil border".
_ROUTE_AFTER = re.compile(
    r"\s+(?:main\s+)?(?:road|highway|route|motorway|expressway|border|boundary)\b", re.I
)


def _routable(t: Toponym) -> bool:
    """A town: not a country, nor a governorate unless named like its seat ('Baghdad', 'Kirkuk')."""
    return (
        bool(t.candidates)
        and not t.country
        and (not t.governorate or any(c.importance >= 10 for c in t.candidates))
    )


def _between(text: str, found: list[Toponym], gazetteer: Gazetteer, offset: int) -> list[Toponym]:
    """A name that begins a route between two towns carries the other town's candidates: the place is
    between them."""
    dashed = _dashed_routes(text, gazetteer, offset)
    out = [t for t in found if not any(d.start < t.end and t.start < d.end for d in dashed)]
    for i, (a, b) in enumerate(pairwise(out)):
        if not (_routable(a) and _routable(b)):
            continue
        joiner = text[a.end - offset : b.start - offset]
        route_from = _ROUTE_FROM.search(text, max(0, a.start - offset - 60), a.start - offset)
        if route_from and _ROUTE_TO.fullmatch(joiner):
            out[i] = replace(a, qualifier="between", between=b.candidates)
    return sorted(out + dashed, key=lambda t: t.start)


_ROUTE_WORD = (
    r"(?:(?!(?:Road|Highway|Route|Motorway|Expressway|Main)\b)[A-Z][\w'’]*|(?:al|el|ad|ar|as|ash|at|az|an)-)"
)
_ROUTE_NAME = re.compile(_ROUTE_WORD + r"(?:[ -]?" + _ROUTE_WORD + r")*")
_BETWEEN = re.compile(r"\bbetween\s", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)  # "a convoy between Basra-Nasiriya"


def _dashed_routes(text: str, gazetteer: Gazetteer, offset: int) -> list[Toponym]:
    """'the Baghdad-Kirkuk highway', 'the Tikrit–Tuz Khurmatu road', 'a convoy between Basra-Nasiriya':
    two names joined by a dash before a word for a road, or after 'between'."""
    found: list[Toponym] = []
    for m in _ROUTE_NAME.finditer(text):
        road_after = bool(_ROUTE_AFTER.match(text, m.end()))
        if not road_after and not _BETWEEN.search(text, max(0, m.start() - 12), m.end()):
            continue
        for dash in re.finditer(r"\s?[-–—]\s?", m.group()):
            left = _known_ending(m.group()[: dash.start()], gazetteer)
            right = m.group()[dash.end() :]
            a, b = gazetteer.lookup(left) if left else [], gazetteer.lookup(right)
            a_end, b_start = m.start() + dash.start(), m.start() + dash.end()
            if (
                a
                and b
                and (
                    road_after
                    or _BETWEEN_BEFORE.search(text, max(0, a_end - len(left) - 12), a_end - len(left))
                )
            ):
                found.append(
                    Toponym(
                        a_end - len(left) + offset,
                        a_end + offset,
                        left,
                        None,
                        None,
                        tuple(a),
                        "between",
                        between=tuple(b),
                    )
                )
                found.append(Toponym(b_start + offset, m.end() + offset, right, None, None, tuple(b)))
                break
    return found


def _known_ending(words: str, gazetteer: Gazetteer) -> str:
    """The longest ending of `words` the gazetteer knows ('On Baghdad' -> 'Baghdad')."""
    parts = words.split()
    for i in range(len(parts)):
        name = " ".join(parts[i:])
        if fold(name) not in NOT_PLACES and gazetteer.lookup(name):
            return name
    return ""


def offset_before(text: str, start: int) -> Offset | None:
    """'30 miles south of ' ending at `start`: the distance and bearing from the name that follows."""
    m = _OFFSET.search(text, max(0, start - 80), start)
    if not m or not (m.group(3) or m.group(4)):
        return None
    number = m.group(1).lower()
    amount = float(_NUMBER_WORDS.get(number, 0) or number)
    km = amount * (KM_PER_MILE if m.group(2).lower().startswith("mi") else 1.0)
    direction = ((m.group(3) or "") + (m.group(4) or "")).lower()
    # Iraq spans some 900 km: "Mosul, some 400 km north of Baghdad"
    return Offset(km, BEARINGS[direction], m.group().strip()) if 0 < km <= 600 else None


# "Iran-backed militia", "US-led coalition": a country or place joined to a word that says whose side an
# actor is on; it names no place where anything happened.
_SIDE = re.compile(
    r"[-‐–]\s?(?:backed|led|funded|sponsored|supported|allied|aligned|affiliated|linked|trained|armed)\b",
    re.I,
)


# Where people come from: "were from Baghdad", "tourists from Basra", "hailing from Najaf", "a force sent
# from Baghdad", "reinforcements from Erbil".
_ORIGIN = re.compile(
    r"\b(?:(?:were|was|are|is|came|come|comes|hailed|hails|hailing|originally|all|mostly|mainly|sent|"
    r"dispatched|deployed|arrived|arriving|reinforcements)"
    r"|(?:tourists?|visitors?|holidaymakers|families|natives?|residents))\s+from\s+(?:the\s+)?$",
    re.I,
)


def names_a_side(text: str, end: int) -> bool:
    """The name ending at `end` says whose side an actor is on ("Iran-backed", "US-led"), not where."""
    return _SIDE.match(text, end) is not None


def _toponym(
    text: str, start: int, end: int, surface: str, key: str, gazetteer: Gazetteer, offset: int
) -> Toponym | None:
    if names_a_side(text, end):
        return None
    after = _AFTER.match(text, end)
    before = _BEFORE.search(text, 0, start)
    qualifier = after.group(1).lower().replace("subd", "sub-d") if after else None
    qualifier = qualifier or (before.group(1).lower() if before else None)
    if qualifier is None and _INTERCARDINAL.search(text, max(0, start - 30), start):
        qualifier = "near"
    if qualifier is None and _WITHIN.search(text, max(0, start - 40), start):
        qualifier = "within"
    if _THIS_TOWN.search(text, max(0, start - 90), start):
        qualifier = "from this town"
    moved = offset_before(text, start)
    if qualifier is None and _AFTER_A_PLACE.search(text, max(0, start - 60), start):
        qualifier = "after a place"
    if _LABEL.match(text, end):
        qualifier = "label"
    country = _COUNTRIES.get(key) or gazetteer.countries.get(key)
    if country:
        return Toponym(start + offset, end + offset, surface, None, country, (), qualifier)
    governorate = gazetteer.governorate_code(surface)
    if governorate and _PART_OF_A_TOWN.match(text, end):
        governorate = None  # "the al-Qadisiya district of Tikrit": a quarter named like a governorate
    candidates = tuple(gazetteer.lookup(surface))
    if governorate is None and not candidates:
        return None
    if _WATERS.search(text, 0, start):
        return None  # "the Strait of Hormuz": a sea or strait, not the village of that name
    if _ARMED_GROUP.search(text, max(0, start - 40), start):
        return None  # "Saraya al-Salam", "Jaish al-Mahdi": an armed group's name, not a village's
    if _ORIGIN.search(text, max(0, start - 40), start):
        return None  # "most of the dead were from Baghdad": where people came from, not where it happened
    if _INSTITUTION.match(text, end):
        return None  # "Nineveh's provincial council", "Kirkuk police": an institution, not where it happened
    foreign = _FOREIGN.search(text, 0, start)
    if foreign:
        country = _DEMONYMS[foreign.group(1).lower()]
        candidates = tuple(c for c in candidates if c.country == country)
        return Toponym(
            start + offset, end + offset, surface, None, None, candidates, qualifier, country, moved
        )
    return Toponym(
        start + offset, end + offset, surface, governorate, None, candidates, qualifier, None, moved
    )
