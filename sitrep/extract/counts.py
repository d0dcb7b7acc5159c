"""Killed and wounded counts with low/best/high, from number words, hedges and lists of victims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeGuard

from .dates import MONTH
from .number_words import NUMBER_WORDS

# The most dead, or wounded, one incident can be reported with. The deadliest single attacks on record
# killed a few thousand; a larger number read as a count is a misreading (an amount of money, a serial
# number, junk) and is ignored, with a warning, rather than stored as a toll.
MAX_COUNT = 100_000
# Longer digit strings are never converted: int() refuses strings over 4,300 digits, and no number
# sitrep reads needs more than this.
MAX_DIGITS = 15

_UNITS = NUMBER_WORDS
# Vague amounts as ACLED codes them: the lower end of what the word can mean.
_VAGUE = {
    "several": (3, None),
    "a few": (3, None),
    "dozens of": (24, None),
    "dozens": (24, None),
    "scores of": (40, None),
    "hundreds of": (200, None),
    "a number of": (3, None),
}
_HEDGE = r"(?P<hedge>at least|more than|over|nearly|almost|around|about|approximately|some|up to|as many as|roughly)"
_NUMBER = (
    r"(?P<num>(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)|(?:two|three|four|five|six) dozen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|a dozen|a hundred|a couple of|a few|a number of|dozens of|dozens|"
    r"scores of|hundreds of|several|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|both|an|a)"
)
_PERSON = (
    r"(people|persons?|civilians?|soldiers?|troops?|policem[ae]n|police ?officers?|officers?|members?|fighters?|"
    r"militants?|jihadis?|jihadists?|insurgents?|terrorists?|gunm[ae]n|attackers?|assailants?|bombers?|children|"
    r"child|kids?|women|woman|men|man|boys?|girls?|employees?|workers?|farmers?|shepherds?|students?|pilgrims?|"
    r"worship?pers?|others?|personnel|guards?|commanders?|individuals?|tribesmen|protesters?|demonstrators?|"
    r"residents?|villagers?|passers-?by|relatives|brothers?|sons?|daughters?|family members|conscripts?|"
    r"recruits?|contractors?|journalists?|doctors?|teachers?|judges?|candidates?|officials?|leaders?|"
    r"mukhtars?|elders?|shop ?keepers?|owners?|drivers?|passengers?|deputy|deputies|victims?|bodies|"
    r"suspects?|elements?|labou?rers?|colonels?|lieutenants?|captains?|sergeants?|corporals?|brigadiers?|youths?|advisers?|advisors?|bodyguards?|hostages?|captives?|herders?|volunteers?|peshmerga|sheikhs?|clerics?|engineers?|activists?|lawyers?|merchants?|traders?|comrades?|"
    r"militiam[ae]n|detainees?|prisoners?|inmates?|patients?|nurses?|medics?|paramedics?|refugees?|diplomats?|"
    r"customers?|guests?|tourists?|visitors?|holidaymakers?|shoppers?|mourners?|bystanders?|spectators?|occupants?|"
    # "two police in Kirkuk", not "two police stations"
    r"police(?=\s*(?:$|[,.;:]|\s(?:in|at|near|on|and|with|while|as|were|was|during|after)\b))|"
    # "killed 11 of PMF", "3 deaths of the Peshmerga": some of a force or people, by its name (not a month)
    rf"of (?:the )?(?!{MONTH}\b)(?-i:[A-Z])[\w’'-]+|"
    r"security forces|forces|of them|of whom)"
)
_WORD_NUMBER = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_QTY = rf"(?:{_HEDGE}\s+)?{_NUMBER}\b(?!-year|th\b|st\b|nd\b|rd\b|%| percent| km| kilomet| mile)"
# (not through "and": "four voters and a policeman" are two counts, four and one)
_VICTIMS = re.compile(rf"\b{_QTY}(?P<mods>(?:\s+(?!(?:and|or|but)\b)[\w’'-]+){{0,5}}?)\s+{_PERSON}\b", re.I)
# Before a verb, the words between a count and its people hold no other count nor a clause joined by "and"
# ("Two bombs exploded and 5 people were killed" counts five; after a verb, "killing two and wounding five
# others" still counts two).
_COUNT_WORD = (
    r"(?:\d+|and|or|but|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|"
    r"hundreds|several)\b"
)
_VICTIMS_BEFORE = re.compile(
    rf"\b{_QTY}(?P<mods>(?:\s+(?!{_COUNT_WORD})[\w’'-]+){{0,5}}?)\s+{_PERSON}\b", re.I
)
_BETWEEN = re.compile(
    rf"\bbetween\s+(?P<low>\d+|{_WORD_NUMBER})\s+and\s+(?P<high>\d+|{_WORD_NUMBER})(?:\s+[\w’'-]+){{0,3}}?\s+{_PERSON}\b"
    r"(?:\s+(?:were|have been|had been|are))?\s*$",
    re.I,
)
_BARE = re.compile(rf"\b{_QTY}\s*$", re.I)
# Any plural noun counted right after an active verb or right before a passive one, when no listed
# person is: "killing 15 Iraqis", "four voters were killed", "killed 12 fishermen". Not units of time or
# distance, numbers or things ("killed two days later", "killed dozens").
_NOT_PEOPLE = frozenset(
    {
        "seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years", "decades", "times",
        "occasions", "kilometres", "kilometers", "kms", "miles", "metres", "meters", "feet", "yards", "dozens",
        "hundreds", "thousands", "tens", "scores", "millions", "percents", "cars", "vehicles", "trucks",
        "buses", "tanks", "houses", "homes", "buildings", "shops", "stores", "mosques", "churches", "schools",
        "rounds", "shells", "bombs", "rockets", "mortars", "missiles", "drones", "devices", "explosives",
        "weapons", "bullets", "attacks", "blasts", "explosions", "bombings", "strikes", "airstrikes", "raids",
        "clashes", "incidents", "operations", "villages", "towns", "cities", "districts", "areas", "provinces",
        "governorates", "neighbourhoods", "neighborhoods", "sheep", "cows", "horses", "animals", "camels",
        "birds", "dogs", "others", "lives", "deaths", "chickens", "goats", "pigs", "cattle", "livestock",
        "positions", "targets", "hideouts", "posts", "checkpoints", "this", "his", "its", "was", "has", "is",
        "us", "as", "thus", "plus", "less", "across", "towards", "afterwards", "perhaps", "always",
    }
)  # fmt: skip
_MODIFIER = (
    r"(?:\s+(?!(?:and|or|in|at|on|of|by|with|to|from|for|while|as|after|before|during|near)\b)"
    r"(?![\w-]*ing\b)[\w’'-]+)"
)
_PLURAL = r"(?P<noun>[A-Za-z][A-Za-z-]*(?:s|men))\b(?![’'])"
_GENERIC_AFTER = re.compile(rf"\s+{_QTY}(?P<mods>{_MODIFIER}{{0,2}}?)\s+{_PLURAL}", re.I)
_GENERIC_BEFORE = re.compile(
    rf"\b{_QTY}(?P<mods>{_MODIFIER}{{0,2}}?)\s+{_PLURAL}\s+(?:were|have been|had been|are)\s+"
    r"(?:\w+ly\s+)?$",
    re.I,
)


def _people(m: re.Match[str] | None) -> TypeGuard[re.Match[str]]:
    """A count of a plural noun that names people: not a unit, a thing, a year or an organisation's initials."""
    if m is None or m["noun"].lower() in _NOT_PEOPLE or m["noun"].isupper():
        return False
    year = digits(m["num"]) if m["num"].isdigit() else None
    return not (year is not None and year >= 1900 and not m["mods"].strip())


_ONE = (
    r"(person|civilian|soldier|policeman|police ?officer|officer|member|fighter|militant|jihadi|insurgent|man|"
    r"woman|boy|girl|child|farmer|shepherd|student|worker|labou?rer|driver|passenger|owner|guard|commander|"
    r"official|leader|sheikh|cleric|engineer|activist|lawyer|journalist|doctor|teacher|judge|candidate|son|"
    r"daughter|brother|father|mother|wife|husband|relative|employee|contractor|merchant|trader|youth|adviser|"
    r"bodyguard|hostage|herder|pilgrim|resident|villager|mukhtar|elder|shopkeeper|victim|colonel|general|"
    r"major|captain|lieutenant|sergeant|mayor|governor|imam|priest|militiaman|serviceman|tribesman|detainee|"
    r"prisoner|inmate|patient|nurse|medic|paramedic|refugee|diplomat|customer|guest|tourist|visitor|shopper|"
    r"mourner|bystander|pharmacist|dentist|professor|academic|writer|poet|blogger|businessman|businesswoman|barber|"
    r"translator|interpreter|singer|athlete|footballer|cameraman|photographer|reporter|presenter|passer-?by|occupant)"
)
# A headline's one victim, with no article and no "was": "Hashd al-Shaabi Militiaman Killed", "Lawyer shot
# dead", "Shia leader assassinated"; and one more after a count: "Three soldiers killed, another wounded".
_HEADLINE_ONE = re.compile(
    rf"^[\s,]*(?:and\s+)?(?:(?:(?!(?:and|or|but|was|were|who|that|which|said|says|after|as|when)\b)[\w’'-]+\s+){{0,3}}?{_ONE}"
    r"|another|one other)\s+(?:shot\s+)?$",
    re.I,
)
# One victim named by a singular noun after the verb: "killed its driver", "kill tribal sheikh".
_ONE_AFTER = re.compile(
    rf"\s+(?:(?:a|an|the|his|her|its|their|one|(?-i:[A-Z])[\w-]*['’]s)\s+)?(?:(?!(?:and|or|but|was|were|in|at|on|of|by|to|into|for|from|with|as)\b)[\w’'-]+\s+){{0,2}}?"
    rf"{_ONE}\b(?!s)",
    re.I,
)
# The one the sentence is about, after an active verb: "exploded as he drove, killing him".
_HIM_OR_HER = re.compile(r"\s+(?:him|her)\b", re.I)
_WHOSE = re.compile(r"\s+(?:its|his|her|their)(?=\s)", re.I)  # "killing its two occupants"
# "killing him and wounding a passer-by": after "and", the next verb's victims are its own
_NEXT_ACT = re.compile(r"\s+(?:wound|injur|kill|hurt|maim)\w*\b", re.I)
# The dead found: "police found the bodies of nine men", "18 bodies were discovered", "two were found shot
# dead" (not the dead pulled from a bombing's rubble)
BODIES_FOUND = (
    r"(?:(?:found|discovered|recovered|retrieved|pulled|dumped)\b(?:(?!mass grave)[^.;]){0,40}?\b(?:bod(?:y|ies)|corpses?)"
    r"(?![^.;]{0,40}\b(?:rubble|debris|wreckage|mass grave))"
    r"|\b(?:bod(?:y|ies)|corpses?)\b(?:(?!mass grave)[^.;]){0,60}?\b(?:were|was|had been|have been|has been)\s+"
    r"(?:found|discovered|recovered|dumped)(?![^.;]{0,40}\b(?:rubble|debris|wreckage|mass grave))"
    r"|\b(?:were|was)\s+found\s+(?:shot\s+|stabbed\s+|beheaded\s+|strangled\s+)?(?:dead|killed|murdered)"
    r"|\bwere\s+found\b[^.;]{0,80}\bdumped)"
)
_FOUND_DEAD = re.compile(BODIES_FOUND, re.I)
# The dead of a mass grave were killed long before it was found: the finding is no attack, its bodies no toll.
MASS_GRAVE = re.compile(r"[^.;]*\bmass graves?\b[^.;]*", re.I)
# The dead found, counted: "the bodies of nine men", "18 bodies", "Eleven were found ..., dumped", "his body".
_BODIES = tuple(
    re.compile(p, re.I)
    for p in (
        rf"\b(?:bodies|corpses)\s+of\s+{_QTY}",
        rf"\b{_QTY}\s+(?:[\w-]+\s+){{0,2}}?(?:bodies|corpses)\b",
        rf"\b{_QTY}\s+(?:[\w-]+\s+){{0,2}}?(?:were|was)\s+(?:found|discovered|pulled|dumped)\b",
    )
)
_ONE_BODY = re.compile(
    r"\b(?:his|her|a|the)\s+(?:[\w-]+\s+)?(?:body|corpse)\b(?=[^.;]{0,60}\b(?:found|discovered|dumped|recovered))",
    re.I,
)
_ORDINALS = {
    w: i + 2
    for i, w in enumerate(
        [
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
}
# One more death that brings a toll told before to its ordinal: "A fifth soldier died of his wounds".
ORDINAL_DEATH = re.compile(
    rf"\b(?:a|the)\s+(?P<nth>{'|'.join(_ORDINALS)})\s+(?:[\w-]+\s+){{0,2}}?{_ONE}(?:,[^,;.]{{1,60}},)?\s+"
    r"(?:(?:later\s+|also\s+|has\s+|had\s+)?died|(?:was|has been|had been)\s+(?:also\s+)?(?:killed|found dead)|"
    r"succumbed)\b",
    re.I,
)
_MONTH_END = re.compile(rf"\b{MONTH}\.?\s*$", re.I)
_ADVERB = re.compile(
    r"\b(slightly|seriously|critically|lightly|badly|fatally|mortally|severely|gravely)\s+", re.I
)
_SELF = re.compile(r"\bblew (himself|herself) up|\bdetonated (his|her) (explosive )?(vest|belt)", re.I)
_BOMBER_TOO = re.compile(r"\bwhen the (suicide )?bomber detonated\b", re.I)
_KILLED = r"(kills|kill|killing|killed|assassinated|assassinating|assassinates|(?<!to )assassinate|dead|died|lost their lives|lost his life|slain|slaughtered|massacred|lives|fatalities|deaths|murdered|executed|beheaded)"
_WOUNDED = r"(wounds|injures|wounding|injuring|wounded|injured|hurt|injuries|casualties)"
_VERB = re.compile(rf"\b(?P<verb>{_KILLED}|{_WOUNDED})\b", re.I)
_KILL_VERB = re.compile(rf"^{_KILLED}$", re.I)
_AFTER_VERB = re.compile(
    r"^\s*(?:(?:at least|more than|nearly|around|about|some)\s+)?(?=\S)" r"(?P<rest>.{0,60})", re.I
)
_LIVES = re.compile(rf"\b(cost|claimed|took)\s+{_QTY}\s+(lives|people)", re.I)
# "The death toll from Monday's bombing rose to three": the latest count of the dead.
_TOLL = re.compile(
    rf"\bdeath toll\b[^.;]{{0,140}}?\b(?:rose|rises|risen|climbed|climbs|reached|reaches|increased|jumped|stands|"
    rf"stood|is|was|has risen)\s+(?:at\s+|to\s+)?{_QTY}",
    re.I,
)
# "the health ministry had raised the toll there to 16"
_RAISED_TOLL = re.compile(
    rf"\b(?:raised|revised|updated)\s+the\s+(?:death\s+)?toll\s+(?!of\s+(?:the\s+)?(?:wounded|injured|hurt))"
    rf"(?:[\w-]+\s+){{0,3}}?(?:to|at)\s+{_QTY}",
    re.I,
)
_ZERO = re.compile(
    r"\bno (reported )?(casualties|injuries|deaths|fatalities|one was (hurt|injured|killed))|\bwithout (causing )?"
    r"casualties|\bno (one|body) was (hurt|injured|killed|harmed)|\bno casualties were reported",
    re.I,
)
_INCLUDING = re.compile(
    r",\s*(including|among them|among whom|one of whom|mostly|most of them)\b[^,]*,", re.I
)
_CLAUSE_BREAK = re.compile(r"[;:]|\b(while|whereas|after|when|but)\b", re.I)


_ONE_PERSON = re.compile(
    r"(?:\b(?:(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}[\w-]+|another(?: one)?|one other)\s+"
    # "Al-Hiliji, the father of X, was", "Last Friday, Mahdi al-Tamimi, a lawyer, was"
    r"|(?:^|,)\s*[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu|abd)-[\w’'-]+)){0,3},\s+[^,]{3,80},\s+)"
    r"(?:was|has been|had been|who was)\s*(?:shot|stabbed|beaten|gunned)?\s*$",
    re.I,
)
# "Specialist David E. Hickman of the Army, who died": a person's name (two or more words) as the subject.
_NAMED_DIED = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w'’-]+)+)\b[^.;,]{0,30},?\s+(?:who\s+)?$"
)
# "Soleimani was killed at Baghdad airport": one person, named, killed (said in the passive).
_NAMED_PASSIVE = re.compile(
    r"\b(?!(?:Nobody|None|No|Noone|He|She|It|They|This|That|One|Everyone|Someone|Anyone)\b)"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:was|has been|had been)\s+$"
)
_ORGANISATION = re.compile(r"\b(State|Army|Forces?|Group|Police|Council|Party|Front|Ministry)\b")
_NAMED_VICTIM = re.compile(
    r"\s+(?:(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+"
    # one name alone, ended by punctuation or a preposition: "killed Soleimani in Baghdad", not "killed Iraqis"
    # (not a day or month: "killed Monday in Baghdad"; not a people: "killed Shiites in")
    r"|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Sunnis|Shiites|Shias|Kurds|Peshmerga|Yazidis|Christians|Arabs|"
    r"Turkmen|Americans|Iraqis|Iranians|Syrians|Israelis)\b)"
    r"[A-Z][\w'’-]+(?=\s*(?:$|[,.;:]|\s+(?:in|at|near|on|and|with|while|as)\b)))"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
# Headline style: "blast kills at least nine", "bombs kill 49 in Baghdad".
_BARE_AFTER = re.compile(
    rf"\s+{_QTY}(?![,.]\d)(?=\s*(?:$|[:,;.\"]|\s+(?:in|at|near|on|including|across|around|as|after|during|outside|and)\b))",
    re.I,
)
_NOMINAL = re.compile(
    r"\b(killing|deaths)\s+of\s+(?=(?-i:[A-Z])|(?:at least|more than|up to|nearly|about|some|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores)\b)",
    re.I,
)
_ACTIVE = {
    "kills",
    "kill",
    "killing",
    "assassinating",
    "assassinate",
    "assassinates",
    "wounds",
    "injures",
    "wounding",
    "injuring",
}
# One count of the dead and wounded together says how many of neither: "killing and wounding 9 people",
# "nine people were killed or wounded".
_JOINT = re.compile(
    r"\b(?:killed|killing|dead)\s+(?:and|or)\s+(?:wounded|wounding|injured|injuring)\b"
    r"|\b(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)\b",
    re.I,
)
# Past tense used actively, a bare count after it: "a car bomb killed three and wounded nine" (not "were
# killed", whose count comes before).
_PAST_ACTIVE = {"killed", "wounded", "injured"}
_NOUNS = {"deaths", "fatalities", "casualties", "injuries", "dead"}
_NAMING_VERBS = {"killed", "killing", "assassinated", "assassinating", "wounded", "injured"}
_ADDITIONAL = re.compile(r"\b(an additional|a further|an estimated)\s+", re.I)
_IN_ADDITION = re.compile(r"\bin addition to (?P<what>[^,]{1,60}),", re.I)


@dataclass(frozen=True)
class Count:
    best: int
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Casualties:
    killed: Count | None
    wounded: Count | None
    zero: bool
    warnings: tuple[str, ...] = ()


def digits(num: str) -> int | None:
    """The value of a digit string ("1,200" -> 1200), or None when it has more than `MAX_DIGITS` digits."""
    n = num.replace(",", "")
    return int(n) if n.isdigit() and len(n) <= MAX_DIGITS else None


def _out_of_range(num: str) -> str:
    shown = num if len(num) <= 40 else f"{num[:20]}…({len(num)} characters)"
    return f"count {shown} out of range (over {MAX_COUNT:,}), ignored"


class _Reader:
    """Turns the numbers a sentence gives into counts, noting the ones too large to be a count."""

    def __init__(self) -> None:
        self.ignored: list[str] = []

    def value(self, num: str, hedge: str | None) -> Count | None:
        count = _value(num, hedge)
        if count is None:
            self.ignored.append(_out_of_range(num))
        return count

    def bounded(self, count: Count | None) -> Count | None:
        """A sum of counts past the bound is no count either."""
        if count is None or max(count.best, count.low or 0, count.high or 0) <= MAX_COUNT:
            return count
        self.ignored.append(_out_of_range(str(count.best)))
        return None


def _value(num: str, hedge: str | None) -> Count | None:
    n = num.lower().replace(",", "")
    if n in _VAGUE:
        low, high = _VAGUE[n]
        return Count(low, low, high)
    if n.isdigit():
        found = digits(n)
        if found is None or found > MAX_COUNT:
            return None
        v = found
    elif n in _UNITS:
        v = _UNITS[n]
    elif n.endswith(" dozen"):  # "two dozen people"
        v = _UNITS.get(n.removesuffix(" dozen"), 0) * 12
    else:
        tens, _, unit = n.replace("-", " ").partition(" ")
        v = _UNITS.get(tens, 0) + _UNITS.get(unit, 0)
    h = (hedge or "").lower()
    if h in ("at least", "more than", "over"):
        return Count(v, v, None)
    if h in ("up to", "as many as"):
        return Count(v, None, v)
    if h in ("nearly", "almost", "around", "about", "approximately", "some", "roughly"):
        return Count(v, None, None)
    return Count(v, v, v)


def add_counts(a: Count | None, b: Count | None) -> Count | None:
    if a is None:
        return b
    if b is None:
        return a
    low = a.low + b.low if a.low is not None and b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    return Count(a.best + b.best, low, high)


def _victims_before(window: str, read: _Reader) -> Count | None:
    total: Count | None = None
    between = _BETWEEN.search(window)
    if between:  # "between 8 and 12 militiamen were killed": at least the first, at most the second
        low, high = read.value(between["low"], None), read.value(between["high"], None)
        if low and high and low.best < high.best:
            return Count(low.best, low.best, high.best)
    for m in _VICTIMS_BEFORE.finditer(window):
        year = digits(m["num"]) if m["num"].isdigit() else None
        if m["num"].isdigit() and (year is None or year >= 1900) and not m["mods"].strip():
            continue  # "in 2014 militants": a year; a number too long to read is no count either
        total = add_counts(total, read.value(m["num"], m["hedge"]))
    generic = _GENERIC_BEFORE.search(window) if total is None else None
    if _people(generic) and not _MONTH_END.search(window[: generic.start()]):
        total = read.value(generic["num"], generic["hedge"])  # not "On Jan. 5 Shiites were killed"
    if total is None and (_ONE_PERSON.search(window) or _HEADLINE_ONE.search(window)):
        total = Count(1, 1, 1)
    if total is None:
        trimmed = window.rstrip().removesuffix("were").removesuffix("have been").rstrip()
        bare = _BARE.search(trimmed)
        if (
            bare
            and bare["num"].lower() not in ("a", "an", "another")
            and not _MONTH_END.search(trimmed[: bare.start()])
        ):
            total = read.value(bare["num"], bare["hedge"])
    if total is None and re.search(r"\bwere\s*$", window):
        # "The journalist and his wife were injured": one victim per noun phrase joined by "and".
        phrases = [
            p for p in re.split(r"\band\b", window) if re.match(r"\s*(the|a|an|his|her|their)\s+\w", p, re.I)
        ]
        if len(phrases) >= 2:
            total = Count(len(phrases), len(phrases), len(phrases))
    return total


_HE_OR_SHE = re.compile(r"^\W*(?:he|she)\s+(?:later\s+)?$", re.I)  # "She died before reaching hospital"


def _named_person(window: str) -> bool:
    m = _NAMED_DIED.search(window)
    return m is not None and not _ORGANISATION.search(m["name"])


# "and 3 Iraqis died later", "and four others were wounded": a count followed by a verb of its own.
# Not through a comma or a relative clause: "killed a farmer and his son, who were returning home" is two.
_OWN_VERB = re.compile(
    r"\s+(?:(?!(?:who|which|that)\b)[^\s,;]+\s+){1,4}?(?:were|was|had|have|has|are|died|die)\b", re.I
)


def _victims_after(s: str, pos: int, read: _Reader, verb: bool = True) -> Count | None:
    """Victims named right after an active verb, following "and": "killing a farmer and his son". Any
    people counted after a verb ("killing 15 Iraqis"); only those listed after a noun ("the deaths of
    hundreds of our servicemen" is history more often than news)."""
    total: Count | None = None
    while True:
        m = _VICTIMS.match(s, pos + 1) or _VICTIMS.match(s, pos)
        if m is None and (whose := _WHOSE.match(s, pos)):
            m = _VICTIMS.match(s, whose.end() + 1)
        if m:
            total, pos = add_counts(total, read.value(m["num"], m["hedge"])), m.end()
        elif (one := _ONE_AFTER.match(s, pos)) or (verb and (one := _HIM_OR_HER.match(s, pos))):
            total, pos = add_counts(total, Count(1, 1, 1)), one.end()
        elif verb and _people(generic := _GENERIC_AFTER.match(s, pos)):
            total, pos = add_counts(total, read.value(generic["num"], generic["hedge"])), generic.end()
        else:
            return total
        joined = re.match(r"\s*,?\s+and\b", s[pos:])
        if not joined or _OWN_VERB.match(s, pos + joined.end()) or _NEXT_ACT.match(s, pos + joined.end()):
            return total  # "killed 5 Americans, and 3 Iraqis died later": the next has a verb of its own
        pos += joined.end()


def count_casualties(sentence: str) -> Casualties:
    read = _Reader()
    zero = bool(_ZERO.search(sentence))
    s = _ZERO.sub(" ", _ADVERB.sub("", _ADDITIONAL.sub("", _INCLUDING.sub(",", sentence))))
    s = _JOINT.sub(" harmed ", s)
    s = _NOMINAL.sub(r"\1 ", s)  # "the killing of up to 300 soldiers" counts as "killing up to 300 soldiers"
    extra = _IN_ADDITION.search(s)
    if extra:
        s = s[: extra.start()] + s[extra.end() :]
    killed: Count | None = None
    wounded: Count | None = None
    m = _LIVES.search(s) or _TOLL.search(s) or _RAISED_TOLL.search(s)
    if m:
        killed = read.value(m["num"], m["hedge"])
    last = 0
    for v in _VERB.finditer(s):
        window = s[last : v.start()]
        cut = list(_CLAUSE_BREAK.finditer(window))
        if cut:
            window = window[cut[-1].end() :]
        found: Count | None = None
        active = v["verb"].lower() in _ACTIVE
        ignored = len(read.ignored)
        noun = v["verb"].lower() in _NOUNS
        after = (
            _victims_after(s, v.end(), read, not noun) if v["verb"].lower() not in ("died", "lives") else None
        )
        if after:
            found = after
        elif (
            v["verb"].lower() in _ACTIVE
            or (v["verb"].lower() in _PAST_ACTIVE and not _PASSIVE_BEFORE.search(s, 0, v.start()))
        ) and (bare := _BARE_AFTER.match(s, v.end())):
            found = read.value(bare["num"], bare["hedge"])
        elif (
            v["verb"].lower() in _NAMING_VERBS
            and not _PASSIVE_BEFORE.search(s, 0, v.start())
            and _NAMED_VICTIM.match(s, v.end())
        ):
            found = Count(1, 1, 1)  # "gunmen killed Ahmed Ali": one named victim
        if (
            found is None and not active and len(read.ignored) == ignored
        ):  # not when a count after was ignored
            found = _victims_before(window, read)
        if (
            found is None
            and v["verb"].lower() == "died"
            and (_named_person(window) or _HE_OR_SHE.search(window))
        ):
            found = Count(1, 1, 1)
        if found is None and v["verb"].lower() == "killed" and (p := _NAMED_PASSIVE.search(window)):
            found = None if _ORGANISATION.search(p["name"]) else Count(1, 1, 1)
        last = v.end()
        if found is None:
            continue
        if _KILL_VERB.match(v["verb"]):
            killed = killed if killed and v["verb"].lower() == "lives" else add_counts(killed, found)
        else:
            wounded = add_counts(wounded, found)
    if killed is None and _FOUND_DEAD.search(s) and not MASS_GRAVE.search(s):
        # "found the bodies of nine men", "his body was found"
        bodies = next((m for pattern in _BODIES if (m := pattern.search(s))), None)
        if bodies is not None:
            killed = read.value(bodies["num"], bodies["hedge"])
        elif _ONE_BODY.search(s):
            killed = Count(1, 1, 1)
    if (ordinal := ORDINAL_DEATH.search(s)) is not None:  # "a fifth soldier died of his wounds": five now
        n = _ORDINALS[ordinal["nth"].lower()]
        killed = Count(n, n, n)
    if extra and killed:
        what = extra["what"] + " "
        killed = add_counts(killed, _victims_before(what, read) or Count(1, 1, 1))
    if killed and _BOMBER_TOO.search(s):  # "two others were killed when the bomber detonated"
        killed = add_counts(killed, Count(1, 1, 1))
    if _SELF.search(s):  # a suicide bomber who blew himself up is among the dead, as ACLED and GTD count
        killed = add_counts(killed, Count(1, 1, 1)) if killed else Count(1, 1, 1)
    killed, wounded = read.bounded(killed), read.bounded(wounded)
    return Casualties(killed, wounded, zero and not (killed or wounded), tuple(dict.fromkeys(read.ignored)))
