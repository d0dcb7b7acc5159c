"""A report as linking sees it: one mention, its sources, and what its text says beyond the fields.

Headlines are short, so the few things they carry are read here once per report, not once per pair:
the words about the target ("liquor", "pylon", "convoy"), who was hit ("a shepherd", "two soldiers"),
the small places named, whether the text states the day or the date is only the publication's, and
whether the report is late news of an earlier incident ("died of his wounds", "claims attack") or
revises a toll ("rose to", "not five as reported").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..extract.nlp import stop_words
from ..extract.told_by import TOLD_BY
from ..geo.admin1 import GOVERNORATES, fold
from ..geo.gazetteer import name_keys, skeleton
from ..model import Mention, Place, Source

FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}
# Words every report of violence uses: they say nothing about which incident.
_GENERIC = frozenset(
    """
    iraq iraqi iraqis killed kill kills wounded wound injured injures attack attacks attacked people
    said says reported report reports sources source security forces province
    governorate district city town village area near north south east west monday tuesday wednesday
    thursday friday saturday sunday today yesterday night morning evening incident claimed responsibility
    group including least number others members member member's islamic state isis isil daesh one two
    three four five six seven eight nine ten dozens several levant assailant assailants attributed
    gunmen unknown unidentified
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z][a-z]{2,}")
# Words reports use for the same thing ("blast", "explosion", "IED"; "airbase", "base").
_SAME_THING = {
    **dict.fromkeys(
        ("blast", "explosion", "bomb", "bombing", "ied", "device", "explosive", "exploded"), "explosive"
    ),
    **dict.fromkeys(("airbase", "base", "camp"), "base"),
    **dict.fromkeys(("policeman", "policemen", "police", "officer"), "police"),
    **dict.fromkeys(("soldier", "troop", "army"), "army"),
    **dict.fromkeys(("supply", "logistic", "logistical", "logistics", "convoy"), "convoy"),
    **dict.fromkeys(("rocket", "katyusha", "missile"), "rocket"),
    **dict.fromkeys(("shop", "store"), "shop"),
    **dict.fromkeys(("pylon", "tower", "transmission", "electricity", "power"), "power"),
    **dict.fromkeys(("kidnapped", "kidnap", "abducted", "abduct", "kidnapping", "abduction"), "abduct"),
}
# Who reports say was hit, as classes two reports of one incident would share.
_VICTIM_CLASS = {
    **dict.fromkeys(("army", "military"), "soldiers"),
    **dict.fromkeys(("police", "policemen", "policeman"), "police"),
    **dict.fromkeys(
        (
            "pmf",
            "hashd",
            "militia",
            "militiaman",
            "militiamen",
            "volunteer",
            "mobilization",
            "sahwa",
            "tribal",
        ),
        "militia",
    ),
    **dict.fromkeys(("peshmerga",), "peshmerga"),
    **dict.fromkeys(("shepherd", "herder", "herdsmen", "sheep"), "shepherds"),
    **dict.fromkeys(("farmer", "farmers", "poultry"), "farmers"),
    **dict.fromkeys(("child", "children", "boy", "girl", "kid"), "children"),
    **dict.fromkeys(("pilgrim", "pilgrimage", "worshipper", "mosque", "shrine"), "worshippers"),
    **dict.fromkeys(
        ("official", "mayor", "municipality", "councillor", "councilman", "governor"), "official"
    ),
    **dict.fromkeys(("doctor", "physician", "nurse", "hospital"), "medics"),
    **dict.fromkeys(("candidate", "election", "electoral"), "candidate"),
    **dict.fromkeys(("journalist", "reporter", "cameraman"), "journalist"),
    **dict.fromkeys(("activist", "protester", "demonstrator"), "activist"),
    **dict.fromkeys(("judge", "lawyer"), "judiciary"),
    **dict.fromkeys(("contractor", "coalition"), "coalition"),
    **dict.fromkeys(("student", "teacher", "school"), "school"),
    **dict.fromkeys(("liquor", "alcohol", "alcoholic"), "liquor"),
    **dict.fromkeys(("massage", "nightclub", "casino", "brothel"), "nightlife"),
}
# Victims who bear arms: reports confuse them ("US military convoy" for a coalition supply convoy, police
# for soldiers), so only armed victims against unarmed ones ("soldiers" / "shepherds") are kept apart.
ARMED_VICTIMS = frozenset({"soldiers", "police", "militia", "peshmerga", "coalition"})
# Forces named as the ones acting, in a headline's present tense: "Iraqi army kills", "PMF thwarts",
# "police arrest". ("Soldiers killed", "convoy targeted" are passive: the ones hit.)
_ACTING = re.compile(
    r"\b(?:army|military|troops|soldiers|police|policemen|pmf|hashd(?: al-shaabi)?|militias?|militiamen|peshmerga"
    r"|forces)\s+(?:kill|kills|target|targets|attack|attacks|shell|shells|thwart|thwarts|foil|foils|launch"
    r"|launches|arrest|arrests|repel|repels|raid|raids|storm|storms|capture|captures|destroy|destroys|free"
    r"|frees|rescue|rescues|seize|seizes|retake|retakes|recapture|recaptures|clash|clashes|bomb|bombs)\b",
    re.I,
)
# American forces in Iraq are the coalition's ("US military supply trucks" / "coalition convoy"), not
# the Iraqi army a bare "soldiers" or "military" means.
_FOREIGN_FORCES = re.compile(
    r"\b(?:U\.?S\.?|American|United States)(?:[- ]led)?\s+(?:military|army|troops?|forces?|soldiers?|"
    r"service ?m[ae]n|servicem[ae]mbers?)\b",
    re.I,
)
_PLACE_WORDS = frozenset(w for _, _, aliases in GOVERNORATES.values() for a in aliases for w in a.split())

# Regions of Iraq news names instead of a place, as the governorates they cover.
_SOUTH = frozenset({"IQ-BA", "IQ-DQ", "IQ-MU", "IQ-MA", "IQ-QA", "IQ-NA", "IQ-KA", "IQ-BB", "IQ-WA"})
_NORTH = frozenset({"IQ-NI", "IQ-DA", "IQ-AR", "IQ-SU", "IQ-KI", "IQ-SD", "IQ-HA"})
_REGIONS = {
    "south": _SOUTH,
    "north": _NORTH,
    "west": frozenset({"IQ-AN"}),
    "east": frozenset({"IQ-DI", "IQ-WA", "IQ-MA"}),
}
_REGION = re.compile(r"\b(south|north|west|east)(?:ern)?\s+Iraq\b|\b(S|N|W|E)\.? Iraq\b", re.I)
_LETTER = {"s": "south", "n": "north", "w": "west", "e": "east"}

# A report that revises a toll: "the death toll rose to", "two, not five as previously reported".
_UPDATE = re.compile(
    r"\b(toll|rose|risen|rises|climbed|increased?|correction|corrected|not \w+ as (?:previously|earlier))\b",
    re.I,
)
# Late news of an earlier incident: a death from wounds, bodies found, a claim of responsibility,
# footage or details released afterwards.
_LATE_NEWS = re.compile(
    r"\b(?:died (?:of|from) (?:\w+ )?(?:wounds|injuries)|succumbed|later died|found dead|bodies (?:were )?found"
    r"|days? ago|last week|claims?(?: responsibility)?(?: for)? (?:the |an? )?(?:attack|bombing|killing)"
    r"|new details|footage|video)\b",
    re.I,
)
# How the harm was done, as the text tells it: a report typed only "attack" still says "shot dead".
_MEANS = {
    "gunfire": re.compile(
        r"\b(?:shot|shoot\w*|gunfire|gunshots?|gunm[ae]n|opened fire|snipers?|rifles?|machine ?guns?)\b", re.I
    ),
    "explosive": re.compile(
        r"\b(?:explosi\w+|bomb\w*|blasts?|ieds?|detonat\w+|booby[- ]trap\w*|landmines?|mines?)\b", re.I
    ),
    "shelling": re.compile(
        r"\b(?:mortars?|rockets?|shell(?:s|ing|ed)|projectiles?|katyushas?|missiles?)\b", re.I
    ),
    "air": re.compile(r"\b(?:air ?strikes?|air raids?|drones?|warplanes?|aircraft)\b", re.I),
    "blade": re.compile(r"\b(?:knives|knife|stabb\w+|beheaded)\b", re.I),
}
# A report that tells of one more incident of a kind: not the incident earlier reports told of.
_ANOTHER = re.compile(r"\b(?:another|a new|yet again|(?:second|third|fourth|fifth) (?!day|time)\w+)\b", re.I)
# "Another" that names a second victim of the same incident, not another incident: "kills a shepherd and
# injures another", "a soldier was killed and another one wounded", "two killed, another wounded".
_ANOTHER_VICTIM = re.compile(
    r"\band\s+(?:\w+\s+)?another\b(?!\s+(?:attack|bomb|blast|explosion|strike|incident))"
    r"|\banother\s+(?:one\b|(?:was\s+|were\s+)?(?:wounded|injured|hurt|killed)\b)",
    re.I,
)
_STATED = ("event_date",)
# A person named after the role that says who was hit: "activist Ali Emad", "candidate Hassan al-Jubouri".
_PERSON = re.compile(
    r"\b(?i:activists?|journalists?|reporters?|candidates?|lawmakers?|MPs?|judges?|lawyers?|doctors?|sheikhs?"
    r"|sheiks?|clerics?|imams?|commanders?|mayors?|directors?|bloggers?|businessm[ae]n|engineers?|named)"
    r"\s+((?:(?:al|el|bin|ibn|abu|abd)[- ])?[A-Z][\w’'-]+(?:\s+(?:(?:al|el|bin|ibn|abu|abd)[- ])?[A-Z][\w’'-]+){1,2})"
)
_SPEAKS = re.compile(r"\s+(?:[A-Z][\w’'-]+\s+)?(?:said|says|told|stated|added)\b")  # a source, not a victim
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd"})
_TITLE_CASE_SHARE = 0.5  # a text with more than this share of long words capitalised is a title-case headline
# Words of text about the incident from which a report is a full account, not a headline: what a full
# account leaves out (the dead, the wounded) it says did not happen; what a headline leaves out it
# does not say.
_FULL_ACCOUNT_WORDS = 25  # field_evidence name of a date the text gives
_EARLIER_SENTENCE = "date taken from an earlier sentence"


def _words_of(text: str) -> list[str]:
    """The folded words of a text, American forces read as the coalition."""
    return _WORD.findall(fold(_FOREIGN_FORCES.sub(" coalition ", text)))


def region_of(texts: tuple[str, ...]) -> frozenset[str]:
    """The governorates a report means by "southern Iraq", "western Iraq" (empty when it names none)."""
    for t in texts:
        m = _REGION.search(t)
        if m:
            return _REGIONS[(m.group(1) or _LETTER[m.group(2).lower()]).lower()]
    return frozenset()


def content_words(texts: tuple[str, ...], place: Place | None = None) -> frozenset[str]:
    """What a report says beyond the formula and the place (compared on its own): targets, weapons,
    people ("liquor", "pylons", "watchtower", "candidate")."""
    skip = set(_PLACE_WORDS)
    if place is not None:
        skip |= set(fold(place.name).split()) | set(fold(place.admin1 or "").split())
    words = {w for t in texts for w in _words_of(TOLD_BY.sub(" ", t))}
    stems = {w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w for w in words}
    stems = {_SAME_THING.get(w, w) for w in stems}
    return frozenset(w for w in stems if w not in stop_words() and w not in _GENERIC and w not in skip)


def _victims(words: frozenset[str], texts: list[str]) -> frozenset[str]:
    """Who was hit, as classes; forces named as the ones acting ("Iraqi army kills 35 militants", "PMF
    thwarts an attack") are not counted, unless the text also names them elsewhere."""
    classes = frozenset(_VICTIM_CLASS[w] for w in words if w in _VICTIM_CLASS)
    acting = [t for t in texts if _ACTING.search(t)]
    if not classes or not acting:
        return classes
    rest = [_ACTING.sub(" ", t) for t in acting]
    elsewhere = {w for t in (*rest, *(t for t in texts if t not in acting)) for w in _words_of(t)}
    stems = {w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w for w in elsewhere}
    named = {_VICTIM_CLASS.get(_SAME_THING.get(w, w)) for w in stems}
    return frozenset(c for c in classes if c in named)


def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(skeleton(k) for n in names for k in name_keys(fold(n))[-1:])


def _title_case(text: str) -> bool:
    """A headline in title case ("Senior Iraqi Commander Survives Roadside Bombing"): its capitals name
    nothing."""
    words = [w for w in text.split()[1:] if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > _TITLE_CASE_SHARE


def person_keys(texts: tuple[str, ...]) -> frozenset[str]:
    """Spelling-tolerant keys of each word of the people the texts name after their role ("activist Ali
    Emad": ali, emad), from texts not in title case; empty when they name nobody."""
    keys = set()
    for t in texts:
        if _title_case(_PERSON.sub(" ", t)):
            continue
        for m in _PERSON.finditer(t):
            if _SPEAKS.match(t, m.end()):
                continue
            words = fold(m.group(1)).split()
            keys |= {skeleton(w) for w in words if w not in _NAME_PARTICLES}
    return frozenset(keys)


def _states_the_day(m: Mention) -> bool:
    """The text gives the day ("on Tuesday", "Feb. 8"), rather than the date being the publication's."""
    return any(name in _STATED for name, _ in m.field_evidence) or any(
        w.startswith(_EARLIER_SENTENCE) for w in m.warnings
    )


@dataclass(frozen=True)
class Report:
    """One mention as linking sees it, with its sources and the words it uses."""

    mention: Mention
    published: date | None
    sources: tuple[Source, ...]
    words: frozenset[str]
    # The governorates of "southern Iraq" and the like, for a report that names no place.
    region: frozenset[str] = frozenset()
    # Derived once here, not again for each of the many pairs a report is compared in:
    victims: frozenset[str] = field(init=False)  # who was hit: soldiers, police, shepherds, a candidate...
    name_keys: frozenset[str] = field(init=False)  # spelling-tolerant keys of the small places named
    states_day: bool = field(init=False)  # the text gives the day; else the date is the publication's
    late_news: bool = field(init=False)  # told after the day: died of wounds, bodies found, a claim
    updates: bool = field(init=False)  # revises a toll: "rose to", "a correction"
    means: frozenset[str] = field(init=False)  # how the harm was done: gunfire, explosive, shelling...
    full_account: bool = field(init=False)  # long enough that leaving out the dead means there were none
    another: bool = field(init=False)  # "another liquor store attacked", "a third attack in 24 hours"
    people: frozenset[str] = field(init=False)  # keys of the words of the people named as hit

    def __post_init__(self) -> None:
        texts = [e.text for e in self.mention.evidence]
        derived = {
            "victims": _victims(self.words, texts),
            "name_keys": _name_keys(self.mention.place_names),
            "states_day": _states_the_day(self.mention),
            "late_news": any(_LATE_NEWS.search(t) for t in texts),
            "updates": any(_UPDATE.search(t) for t in texts),
            "full_account": sum(len(t.split()) for t in texts) >= _FULL_ACCOUNT_WORDS,
            "another": any(_ANOTHER.search(_ANOTHER_VICTIM.sub(" ", t)) for t in texts),
            "people": person_keys(tuple(texts)),
            "means": frozenset(k for k, pattern in _MEANS.items() if any(pattern.search(t) for t in texts)),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    @property
    def key(self) -> tuple[str, int]:
        return (self.mention.article_id, self.mention.index)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.mention.event_type, "other")
