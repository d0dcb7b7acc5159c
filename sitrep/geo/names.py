"""Lookup keys for place names: the transliteration rules that make 'Tall Afar', 'Tel Afar' and 'Tal
Afar', or 'Hawija' and 'Al-Hawiyah', one name; and the keys facilities are found by ('Balad Air Base',
'Balad airbase', 'Camp Taji', 'Taji base').

All functions take a folded name (`admin1.fold`: lower case, no diacritics, hyphens as spaces)."""

from __future__ import annotations

import re

# Arabic article forms, the sun letters assimilating it: al-, el-, ad-, ash-, as-, at-, ar-, an-, az-, adh-, ath-.
ARTICLES = frozenset({"al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "il", "ul"})
# Generic words GeoNames and news keep in front of a name: "Qaryat al Islah" (village of),
# "Nahiyat Yathrib" (sub-district). Not "Hay" (quarter): "Hay al-Karama" is a quarter of a city, not
# the village al-Karama.
_VILLAGE_OF = ("qaryat ", "qaryah ")
_GENERIC_BEFORE = (*_VILLAGE_OF, "nahiyat ", "nahiyah ", "qadaa ", "qada ", "markaz ")
# ... and after it: "Hit district", "Yathrib sub-district" (not "city": "Sadr City" is no "Sadr").
_GENERIC_AFTER = (" sub district", " subdistrict", " district")


def village_of(folded: str) -> bool:
    """The name opens with "village of" ("qaryat al islah")."""
    return folded.startswith(_VILLAGE_OF)


def name_keys(folded: str, suffixes: bool = True) -> list[str]:
    """Lookup keys for one folded name: as is, without a generic word before or after it (`suffixes`),
    and without an Arabic article prefix."""
    keys = [folded]
    for g in _GENERIC_AFTER if suffixes else ():
        if folded.endswith(g) and len(folded) > len(g) + 2:
            keys.append(folded[: -len(g)])
            break
    for key in list(keys):
        for g in _GENERIC_BEFORE:
            if key.startswith(g) and len(key) > len(g) + 2:
                keys.append(key[len(g) :])
                break
    for key in list(keys):
        first, _, rest = key.partition(" ")
        if first in ARTICLES and len(rest) > 2:
            keys.append(rest)
    return list(dict.fromkeys(keys))


# "Albu Hayat", "Albuhayat": the tribe's "Al Bu", written joined or not
_ALBU = re.compile(r"\balbu ?(?=[a-z]{3})")
_ABD = re.compile(r"\babd ?[aeu]l ?(?=[a-z]{3})")  # "Abdul Aziz", "Abd al-Aziz", "Abdelaziz"


def _split_albu(folded: str) -> str:
    """'albuhayat', 'albu hayat' -> 'al bu hayat'; 'abdullah', 'abdul aziz' -> 'abd al lah', 'abd al aziz'."""
    return _ABD.sub("abd al ", _ALBU.sub("al bu ", folded))


def skeleton(folded: str) -> str:
    """A transliteration-tolerant key. Articles dropped wherever they stand ('Jazirat al Khalidiyah' is
    'Jazirat Khalidiyah'), 'Albu X' as 'Al Bu X'; ee/ou/oo as i/u, dh/th as d/t, q as k, gh as g; a u
    before w after a consonant dropped (Kuwayr, Kweir); no doubled letters (Tall, Tal); no final h after
    a vowel (Hawijah, Hawija); a jim between vowels as y (Hawija, Hawiyah); y/e/o as i/a/u, so that
    -iyah, -iya, -ieh and -ia end alike."""
    parts = _split_albu(folded).split()
    words = [w for i, w in enumerate(parts) if w not in ARTICLES or i == len(parts) - 1]
    s = " ".join(words)
    s = s.replace("ee", "i").replace("ou", "u").replace("oo", "u").replace("dh", "d").replace("th", "t")
    s = s.replace("gh", "g").replace("q", "k")
    s = re.sub(r"(?<=[^aeiou ])uw", "w", s)  # a short u before w written or not: Kuwayr, Kweir
    s = re.sub(r"(.)\1", r"\1", s)
    s = re.sub(r"(?<=[aeiou])h\b", "", s)
    s = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", s)  # Gulf pronunciation of jim: Hawija, Hawiyah
    s = s.replace("y", "i").replace("e", "a").replace("o", "u")
    return s.replace("iia", "ia")  # -iyah, -iya as -ieh, -ia


def skeletons(folded: str) -> list[str]:
    """The name's skeleton, and its skeleton read with a g as the qaf Iraqi speech says as g and news writes
    q, g or k (Gayara, Qayyarah; Garma, Karma; Gweir, Kuwayr) — not gh, which is another letter (Baghuz is
    no Bakuz)."""
    qaf = re.sub(r"g(?!h)", "q", folded)
    return list(dict.fromkeys([skeleton(folded), skeleton(qaf)]))


# Words after a village's name that tell it from its twin: north, south, east, west; upper, lower, middle;
# big, small; new, old; first, second (feminine and masculine, as GeoNames and news spell them).
_QUALIFIERS = frozenset(
    """
    shamaliyah shamaliya shimaliyah shimali shamali janubiyah janubiya janubi gharbiyah gharbiya gharbi
    sharqiyah sharqiya sharqi ulya ulia sufla suflah wusta kabir kabirah kabira kubra saghir saghirah
    saghira sughra jadid jadidah jadida qadim qadimah qadima ula thaniyah thani
    """.split()  # noqa: SIM905
)
_LOOSE_LETTERS = str.maketrans({"q": "k", "g": "k", "c": "k", "p": "b", "v": "w", "x": "k"})


def loose_key(folded: str) -> str:
    """A key for spellings the skeleton keeps apart: the consonants alone, as news writes a short vowel or
    none ('Khaldiyah', 'Khalidiyah'; 'Yankajah', 'Yanakjah'; 'Sherawa', 'Shirawah'), a diphthong as a
    vowel ('Souda', 'Sawdah'; 'Trebiel', 'Turaybil'), and q, g, k, c as one letter, p as b ('Pek', 'Beg').
    Articles, a final h after a vowel, doubled letters, vowels and the y or w of a diphthong go, and spaces.
    A name's qualifier of north or south, upper or lower, new or old goes too. Empty when fewer than two
    consonants remain."""
    words = _split_albu(folded).replace("al bu ", "albu ").split()  # Albu (a tribe's) is no Abu (father)
    words = [w for i, w in enumerate(words) if w not in ARTICLES or i == len(words) - 1]
    if len(words) > 1 and words[-1] in _QUALIFIERS:
        words = words[:-1]  # 'Ash Shari'ah ash Shamaliyah' (northern), 'Kashkul al Jadidah' (new)
    s = " ".join(words)
    for digraph, letter in (("sh", "S"), ("kh", "K"), ("gh", "k"), ("dh", "d"), ("th", "t"), ("ch", "C")):
        s = s.replace(digraph, letter)
    s = s.translate(_LOOSE_LETTERS)
    s = re.sub(r"(.)\1", r"\1", s)
    s = re.sub(r"(?<=[aeiouyw])h\b", "", s)
    s = re.sub(r"(?<=i)y(?=[aeiou])|(?<=u)w(?=[aeiou])", "", s)  # -iyah as -iah, -uwa as -ua
    s = re.sub(r"(?<=[aeiou])[yw](?![aeiou])", "", s)  # a diphthong written as a vowel: aw, ay
    s = re.sub(r"[aeiou]+", "", s).replace(" ", "")
    return s if len(s) >= 2 else ""


# Words that say what kind of facility a name labels, longest first, each with its kind. Airports, air
# bases and camps are one kind: news calls the same place "Qayyarah airfield", "Qayyarah air base"
# and "Qayyarah West airport".
_FACILITY_WORDS: tuple[tuple[str, str], ...] = (
    ("international airport", "base"),
    ("military airport", "base"),
    ("military airfield", "base"),
    ("military base", "base"),
    ("training camp", "base"),
    ("weapons storage area", "base"),
    ("air academy", "base"),
    ("air base", "base"),
    ("air field", "base"),
    ("airbase", "base"),
    ("airfield", "base"),
    ("airport", "base"),
    ("airstrip", "base"),
    ("afb", "base"),
    ("fob", "base"),
    ("base", "base"),
    ("camp", "base"),
    ("outpost", "base"),
    ("barracks", "base"),
    ("oil refinery", "oil"),
    ("oil field", "oil"),
    ("oilfield", "oil"),
    ("refinery", "oil"),
    ("field", "oil"),
    ("dam", "dam"),
    ("barrage", "dam"),
    ("border crossing", "crossing"),
    ("border post", "crossing"),
    ("border point", "crossing"),
    ("crossing", "crossing"),
    ("bridge", "bridge"),
    ("power station", "plant"),
    ("power plant", "plant"),
    ("cement plant", "plant"),
    ("cement factory", "plant"),
    ("prison", "prison"),
)
# Words that qualify a facility without naming it: "Samarra East Air Base", "Former Iranian Refugees Camp".
_FACILITY_QUALIFIERS = frozenset(
    [
        "international",
        "military",
        "former",
        "iraqi",
        "idp",
        "refugee",
        "refugees",
        "training",
        "west",
        "east",
        "north",
        "south",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "new",
        "old",
        "the",
    ]
)
_FACILITY_PATTERN = re.compile(r"\b(" + "|".join(w for w, _ in _FACILITY_WORDS) + r")\b")
_KIND = dict(_FACILITY_WORDS)
# Generic words a facility's own name may start with or drop: "Ain al-Asad" for "Al Asad Airbase".
_SPRING = ("ain ", "ayn ", "ein ")


def facility_town(folded: str) -> str:
    """The name a facility carries beside its kind: 'erbil international airport' -> 'erbil'; empty
    when the name says no kind of facility."""
    if not _FACILITY_PATTERN.search(folded):
        return ""
    rest = _FACILITY_PATTERN.sub(" ", folded)
    return " ".join(w for w in rest.split() if w not in _FACILITY_QUALIFIERS)


def facility_keys(folded: str) -> list[str]:
    """'balad air base' -> ['base:balad']; 'ain al asad airbase' -> ['base:ainasad', 'base:asad'].
    Empty when the name says no kind of facility or names nothing beside it."""
    kinds = [_KIND[m.group(1)] for m in _FACILITY_PATTERN.finditer(folded)]
    if not kinds:
        return []
    rest = _FACILITY_PATTERN.sub(" ", re.sub(r"(?<=[a-z])(?=\d)", " ", folded))
    words = [w for w in rest.split() if w not in _FACILITY_QUALIFIERS]
    if not words:
        return []
    name = " ".join(words)
    names = [name] + [name[len(p) :] for p in _SPRING if name.startswith(p) and len(name) > len(p) + 2]
    return list(dict.fromkeys(f"{kinds[0]}:{skeleton(n)}" for n in names))


# Nouns that head many names in the construct state without being the place: island, city, riverside,
# new, town, village, sub-district, quarter, square.
_GENERIC_HEADS = frozenset(
    ["jazirat", "madinat", "hawijat", "jadidat", "qasabat", "qaryat", "nahiyat", "mahallat", "sahat"]
)
_CONSTRUCT = re.compile(r"^([a-z]{3,}a)t (?:al|el|ad|adh|ar|as|ash|at|ath|az|an) [a-z]")


def construct_head(folded: str) -> str:
    """'amiriyat al samoud' -> 'amiriyah': in Arabic's construct state a name's first word ends in -at
    ('the Amiriyah of Samoud'); the head alone, in its -ah form, is the town the name qualifies. Empty
    when the name is no such construct or its head is a generic noun ('Jazirat al-Khalidiyah')."""
    m = _CONSTRUCT.match(folded)
    if not m or folded.split()[0] in _GENERIC_HEADS:
        return ""
    return m.group(1) + "h"


def spelling_distance(a: str, b: str) -> int:
    """Letters to change, add or drop to turn skeleton `a` into skeleton `b` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]
