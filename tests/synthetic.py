"""SYNTHETIC corpus generator: invented news articles about political violence in Iraq.

Every article this module writes is made up by a seeded random generator from the templates below:
the incidents, tolls, people, quotes and statistics are invented; only the place names are real (so
the gazetteer is exercised). Records are sitrep's article format `{id, title, text, published, outlet,
url}` with ids `syn-000123`, outlet "Synthetic Wire", urls under example.invalid and "(SYNTHETIC)" in
every title. Used by the fault-injection tests and `benchmarks/peak_rss.py`; not real news.

    write_corpus(path, n_articles, words=500, seed=0)   # JSON Lines file
    articles(n, words=500, seed=0)                      # the same records as dicts

The same (n, words, seed) always gives the same records, and `articles(n)` is a prefix of
`articles(n + k)`. About one article in seven retells an earlier article's incident in other words
a few days later (sometimes with a revised toll), so linking has work to do.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OUTLET = "Synthetic Wire"
FIRST_DAY = date(2019, 1, 1)
DAYS = 5 * 365  # published dates spread over 2019-2023
RETELL_SHARE = 0.15

# Real places (town, governorate); a few Baghdad neighbourhoods with "Baghdad's" written before them.
PLACES: tuple[tuple[str, str], ...] = (
    ("Ramadi", "Anbar"),
    ("Fallujah", "Anbar"),
    ("Hit", "Anbar"),
    ("Haditha", "Anbar"),
    ("Rutba", "Anbar"),
    ("Qaim", "Anbar"),
    ("Karmah", "Anbar"),
    ("Mosul", "Nineveh"),
    ("Tal Afar", "Nineveh"),
    ("Sinjar", "Nineveh"),
    ("Qayyarah", "Nineveh"),
    ("Kirkuk", "Kirkuk"),
    ("Hawija", "Kirkuk"),
    ("Daquq", "Kirkuk"),
    ("Dibis", "Kirkuk"),
    ("Baqubah", "Diyala"),
    ("Muqdadiya", "Diyala"),
    ("Khanaqin", "Diyala"),
    ("Jalawla", "Diyala"),
    ("Khalis", "Diyala"),
    ("Tikrit", "Salahuddin"),
    ("Samarra", "Salahuddin"),
    ("Baiji", "Salahuddin"),
    ("Balad", "Salahuddin"),
    ("Tuz Khurmatu", "Salahuddin"),
    ("Shirqat", "Salahuddin"),
    ("Tarmiyah", "Baghdad"),
    ("Abu Ghraib", "Baghdad"),
    ("Taji", "Baghdad"),
    ("Sadr City", "Baghdad"),
    ("Adhamiya", "Baghdad"),
    ("Kadhimiya", "Baghdad"),
    ("Dora", "Baghdad"),
    ("Karrada", "Baghdad"),
    ("Jurf al-Sakhar", "Babil"),
    ("Hilla", "Babil"),
    ("Musayyib", "Babil"),
)
NEIGHBOURHOODS = {"Sadr City", "Adhamiya", "Kadhimiya", "Dora", "Karrada"}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
FIRST_NAMES = (
    "Ahmed",
    "Mohammed",
    "Ali",
    "Hussein",
    "Khalid",
    "Saad",
    "Omar",
    "Yasir",
    "Haider",
    "Mustafa",
    "Karim",
    "Jabbar",
    "Salah",
    "Tariq",
    "Faris",
    "Nabil",
    "Qasim",
    "Raad",
)
SURNAMES = (
    "al-Jubouri",
    "al-Dulaimi",
    "al-Obeidi",
    "al-Issawi",
    "al-Karbouli",
    "al-Shammari",
    "al-Tamimi",
    "al-Hamdani",
    "al-Zubaidi",
    "al-Rubaie",
    "al-Saadi",
    "al-Fahdawi",
    "al-Juhaishi",
    "al-Mashhadani",
)
RANKS = ("Colonel", "Brigadier General", "Major", "Lieutenant Colonel", "Captain")
ROLES = (  # (role, whether the person has a military or police rank)
    ("a spokesman for the local police", True),
    ("the commander of an army brigade stationed near {town}", True),
    ("an officer in the {gov} operations command", True),
    ("a member of the provincial council", False),
    ("the mayor of {town}", False),
    ("a tribal leader from {town}", False),
)
MONITORS = (
    "a local monitoring group",
    "the provincial health directorate",
    "an independent research centre in Baghdad",
    "a human rights organisation",
    "the interior ministry",
)
SOURCES = (
    "police said",
    "a security source said",
    "a local official told Synthetic Wire",
    "security officials said",
    "the Security Media Cell said in a statement",
    "a police officer said on condition of anonymity",
    "local officials said",
)
TERRAIN = (
    "orchards",
    "desert valleys",
    "river islands",
    "farmland",
    "rugged hills",
    "palm groves",
    "abandoned villages",
)
TARGETS = (
    "power lines",
    "shepherds",
    "truck drivers",
    "army outposts",
    "farmers",
    "village elders",
    "oil wells",
    "checkpoints",
)
PROJECTS = (
    "rebuilding the main hospital",
    "repairing a bridge over the river",
    "new schools",
    "clearing unexploded ordnance",
    "restoring the water network",
    "compensating displaced families",
)


@dataclass(frozen=True)
class Incident:
    kind: str  # bombing, shooting, rocket, clash, kidnapping
    town: str
    gov: str
    day: date
    killed: int
    wounded: int
    actor: str
    victims: str  # plural noun, e.g. "soldiers"


_KINDS = ("bombing", "shooting", "rocket", "clash", "kidnapping")
_VICTIMS = {
    "bombing": ("soldiers", "civilians", "policemen", "shoppers", "pilgrims"),
    "shooting": ("farmers", "shepherds", "policemen", "soldiers", "truck drivers"),
    "rocket": ("soldiers", "civilians", "contractors"),
    "clash": ("soldiers", "PMF fighters", "policemen"),
    "kidnapping": ("shepherds", "farmers", "contractors", "truffle hunters"),
}
_ROCKET_TARGETS = {
    "soldiers": "a military base",
    "civilians": "a residential neighbourhood",
    "contractors": "a compound used by foreign contractors",
}
_ACTORS = {
    "bombing": ("Islamic State militants", "unidentified attackers", "suspected Islamic State militants"),
    "shooting": (
        "gunmen",
        "unidentified gunmen",
        "Islamic State militants",
        "suspected Islamic State gunmen",
    ),
    "rocket": ("unidentified attackers", "an unknown group", "suspected militia members"),
    "clash": ("Islamic State militants", "Islamic State fighters", "a group of militants"),
    "kidnapping": ("gunmen", "unidentified gunmen", "Islamic State militants", "armed men"),
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _n(k: int) -> str:
    return NUMBER_WORDS[k] if k < len(NUMBER_WORDS) else str(k)


def _person(rng: random.Random, town: str, gov: str) -> str:
    role, ranked = rng.choice(ROLES)
    rank = f"{rng.choice(RANKS)} " if ranked else ""
    return f"{rank}{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}, {role.format(town=town, gov=gov)}"


def _where(town: str, gov: str, rng: random.Random) -> str:
    if town in NEIGHBOURHOODS:
        return rng.choice((f"Baghdad's {town} district", f"the {town} area of Baghdad", f"{town}, Baghdad"))
    return rng.choice(
        (
            f"{town} in {gov} province",
            f"{town}, in {gov} governorate",
            f"the town of {town} in {gov}",
            f"a village near {town} in {gov} province",
            f"the outskirts of {town}, {gov} province",
        )
    )


def _toll(rng: random.Random, killed: int, wounded: int) -> str:
    if killed == 0 and wounded == 0:
        return rng.choice(("causing no casualties", "without causing casualties"))
    if killed == 0:
        return f"wounding {_n(wounded)}"
    if wounded == 0:
        return rng.choice((f"killing {_n(killed)}", f"leaving {_n(killed)} dead"))
    return rng.choice(
        (
            f"killing {_n(killed)} and wounding {_n(wounded)}",
            f"killing {_n(killed)} people and wounding {_n(wounded)} others",
            f"leaving {_n(killed)} dead and {_n(wounded)} wounded",
        )
    )


def _lead(rng: random.Random, inc: Incident, published: date) -> str:
    """The sentence that reports the incident, dated by weekday relative to the publication date."""
    when = rng.choice(("on", "on", "late on", "early on")) + " " + WEEKDAYS[inc.day.weekday()]
    where = _where(inc.town, inc.gov, rng)
    source = rng.choice(SOURCES)
    toll = _toll(rng, inc.killed, inc.wounded)
    k, w = _n(inc.killed), _n(inc.wounded)
    if inc.kind == "bombing":
        device = rng.choice(("A roadside bomb", "A car bomb", "An explosive device", "A suicide bomber"))
        verb = "blew himself up" if device == "A suicide bomber" else rng.choice(("exploded", "detonated"))
        return f"{device} {verb} near a group of {inc.victims} in {where} {when}, {toll}, {source}."
    if inc.kind == "shooting":
        if inc.killed:
            return f"{_cap(inc.actor)} shot dead {k} {inc.victims} in {where} {when}, {source}."
        return f"{_cap(inc.actor)} opened fire on {inc.victims} in {where} {when}, {toll}, {source}."
    if inc.kind == "rocket":
        n = rng.randint(2, 6)
        return (
            f"{_cap(_n(n))} Katyusha rockets struck {_ROCKET_TARGETS[inc.victims]} in {where} {when}, "
            f"{toll}, {source}."
        )
    if inc.kind == "clash":
        if inc.killed:
            toll = f"{k} {inc.victims} were killed and {w} wounded in the fighting"
        else:
            toll = f"{w} {inc.victims} were wounded in the fighting"
        return f"Security forces clashed with {inc.actor} in {where} {when}; {toll}, {source}."
    return f"{_cap(inc.actor)} abducted {k} {inc.victims} in {where} {when}, {source}."


def _lead_retold(rng: random.Random, inc: Incident) -> str:
    """A second report of one incident, in other words (and possibly a revised toll)."""
    day = WEEKDAYS[inc.day.weekday()]
    if inc.kind in ("bombing", "rocket"):
        what = "bomb attack" if inc.kind == "bombing" else "rocket attack"
        return (
            f"The toll from {day}'s {what} in {inc.town} rose to {_n(inc.killed)} dead, with {_n(inc.wounded)} "
            f"wounded, {rng.choice(SOURCES)}."
        )
    if inc.kind == "kidnapping":
        return (
            f"Relatives of the {inc.victims} abducted near {inc.town} on {day} appealed for their release, "
            f"{rng.choice(SOURCES)}."
        )
    return (
        f"{_cap(_n(inc.killed))} {inc.victims} died in {day}'s attack by {inc.actor} near {inc.town} "
        f"in {inc.gov}, {rng.choice(SOURCES)}."
    )


def _title(inc: Incident) -> str:
    heads = {
        "bombing": f"Bomb kills {_n(inc.killed)} in {inc.town}",
        "shooting": f"Gunmen attack {inc.victims} in {inc.town}",
        "rocket": f"Rockets hit base near {inc.town}",
        "clash": f"Clashes with militants near {inc.town}",
        "kidnapping": f"{_cap(inc.victims)} abducted near {inc.town}",
    }
    return heads[inc.kind] + " (SYNTHETIC)"


def _fillers(rng: random.Random, town: str, gov: str, year: int) -> list[str]:
    """Background, statistics, quote, habit, plan and history sentences, each with invented slots, in a
    random order (an article uses each at most once until all are used)."""
    others = [p for p in PLACES if p[0] != town]
    other, other_gov = rng.choice(others)
    third = rng.choice([p[0] for p in others if p[0] != other])
    n1, n2, n3 = rng.randint(12, 240), rng.randint(3, 90), rng.randint(2, 9)
    month, month2 = rng.sample(MONTHS, 2)
    person, person2 = _person(rng, town, gov), _person(rng, other, other_gov)
    monitor, monitor2 = rng.sample(MONITORS, 2)
    terrain, terrain2 = rng.sample(TERRAIN, 2)
    target, target2 = rng.sample(TARGETS, 2)
    project, project2 = rng.sample(PROJECTS, 2)
    sentences = [
        f"There were {n1} attacks in {gov} in {year - 1}, according to {monitor}, against {n1 + n2} the year before.",
        f"According to {monitor2}, {n2} civilians were killed in {gov} during the first {_n(n3)} months of {year}.",
        f'"We have sent {_n(n3)} more battalions to {town} and the {terrain} around it," said {person}.',
        f'"Residents of {town} and {other} still fear the night," said {person2}, adding that {n2 + 7} families '
        f"had left since {month}.",
        f"Militants regularly target {target} and {target2} in the {terrain2} between {town} and {third}, "
        f"residents say.",
        f"Cells loyal to Islamic State still move through the {terrain} north of {other}, {_n(n3)} years after "
        f"the group lost its last territory in {other_gov}.",
        f"Officials in {town} plan to spend {n2} billion dinars on {project} before {month2} {year + 1}.",
        f"In {year - n3}, {n1} people were killed in {other_gov} in the worst month of violence since "
        f"{year - n3 - 3}, according to {monitor2}.",
        f"The provincial council of {gov} met {_n(n3)} times in {month} to discuss {project} and {project2}.",
        f"About {n1 * 10} displaced families from {other} and nearby villages remain in camps outside {town}, "
        f"aid workers said in {month2}.",
        f"Tribal forces in {third} number about {n1 * 5} men, according to {monitor}, and answer to commanders "
        f"in {other_gov}.",
        f"Farmers near {town} say {n2} percent of their fields along the road to {other} are still unsafe.",
        f"Electricity in {town} is available for about {_n(n3)} hours a day in summer, when temperatures pass "
        f"{45 + n3 % 5} degrees.",
        f"Engineers finished {project2} in {third} in {month} {year - 1}, {n2} months later than planned.",
        f"Turnout in {gov} at the last provincial elections was {20 + n2 % 40} percent, according to {monitor2}.",
        f"Since {month} {year - 2}, teams have cleared about {n1 * 3} explosive remnants from farmland around "
        f"{other}.",
        f"A report by {monitor} said {_n(n3)} of the {n3 + n2 % 7 + 1} districts of {gov} still lack a working "
        f"hospital.",
        f"Unemployment among young men in {town} is about {15 + n2 % 30} percent, according to {person}.",
        f"Traders in {third} say the road to {town} reopened in {month2} after {_n(n3)} months of closures.",
        f"The army and the Popular Mobilization Forces share the checkpoints between {town} and {other}, which "
        f"number about {n2 + 10}.",
        f"Water levels in the canals near {other} fell by {n3 * 10} centimetres in {month}, farmers told "
        f"{monitor}.",
    ]
    rng.shuffle(sentences)
    return sentences


def _incident(rng: random.Random, published: date) -> Incident:
    kind = rng.choice(_KINDS)
    town, gov = rng.choice(PLACES)
    # For a kidnapping `killed` holds the number abducted, which its sentences name; no one is killed.
    killed = rng.randint(2, 5) if kind == "kidnapping" else rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 7, 9, 12))
    wounded = 0 if kind == "kidnapping" else rng.choice((0, 0, 1, 2, 3, 4, 6, 10, 15))
    return Incident(
        kind=kind,
        town=town,
        gov=gov,
        day=published - timedelta(days=rng.randint(1, 4)),  # retold up to 2 days later: < 7
        killed=killed,
        wounded=wounded,
        actor=rng.choice(_ACTORS[kind]),
        victims=rng.choice(_VICTIMS[kind]),
    )


def _word_count(paragraphs: list[list[str]]) -> int:
    return sum(len(s.split()) for p in paragraphs for s in p)


def _body(rng: random.Random, lead: str, inc: Incident, published: date, words: int) -> str:
    paragraphs: list[list[str]] = [[lead]]
    if rng.random() < 0.4:
        paragraphs[0].append(
            rng.choice(("No group claimed responsibility.", "The wounded were taken to hospital."))
        )
    fillers: list[str] = []
    while True:
        if not fillers:
            fillers = _fillers(rng, inc.town, inc.gov, published.year)
        sentence = fillers.pop()
        have = _word_count(paragraphs)
        if have >= words or abs(have + len(sentence.split()) - words) > abs(have - words):
            break
        if len(paragraphs[-1]) >= rng.randint(1, 3):
            paragraphs.append([])
        paragraphs[-1].append(sentence)
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def articles(n: int, words: int = 500, seed: int = 0) -> Iterator[dict[str, Any]]:
    """`n` SYNTHETIC article records of about `words` words each, the same for the same arguments."""
    rng = random.Random(seed)
    told: list[tuple[Incident, date]] = []
    for i in range(n):
        if told and rng.random() < RETELL_SHARE:
            inc, first = rng.choice(told[-50:])
            published = first + timedelta(days=rng.randint(0, 2))
            if rng.random() < 0.5 and inc.kind != "kidnapping":
                inc = replace(inc, killed=inc.killed + rng.randint(1, 2))
            lead = _lead_retold(rng, inc)
            title = f"Update: {_title(inc)}"
        else:
            published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            inc = _incident(rng, published)
            told.append((inc, published))
            lead = _lead(rng, inc, published)
            title = _title(inc)
        aid = f"syn-{i:06d}"
        yield {
            "id": aid,
            "title": title,
            "text": _body(rng, lead, inc, published, words),
            "published": published.isoformat(),
            "outlet": OUTLET,
            "url": f"https://example.invalid/synthetic/{aid}",
        }


def write_corpus(path: Path | str, n_articles: int, words: int = 500, seed: int = 0) -> Path:
    """Write `n_articles` SYNTHETIC records to `path` as JSON Lines; returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for record in articles(n_articles, words, seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def extraction_of(text: str, published: str, article_id: str = "syn", title: str = "") -> Any:
    """The extractor's reading of one synthetic article (its `Extraction`)."""
    from sitrep.extract import extract
    from sitrep.ingest import parse_record

    article = parse_record({"id": article_id, "title": title, "text": text, "published": published}, "t")
    [extraction] = list(extract([article]))
    return extraction
