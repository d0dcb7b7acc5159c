"""Sentences that talk about violence without reporting one incident: statistics, habits, history, plans."""

from __future__ import annotations

import re
from datetime import date

from .counts import count_casualties, digits
from .dates import MONTH, YEAR, find_date, history_year
from .types import classify

_STATISTIC = re.compile(
    r"\b\d[\d,]*\s+(?:reported\s+|separate\s+|terrorist\s+|deadly\s+)?(attacks|incidents|operations|bombings|"
    r"assaults|killings|arrests|people|jihadis|militants|fighters|suspects|civilians|deaths)\b"
    r"[^.]{0,120}\b(since|per|every|each|a month|a week|a year|this year|last year|in (?:the )?(first|second|third|"
    r"fourth) quarter|in \d{4}|so far|to date|total|alone|over the past|during)\b"
    r"|\b(a total of|in total|on average|per cent|percent|%)"
    # a count of people a movement lost over time: "more than 30 activists have been assassinated since October"
    # (not "killed 12 protesters during clashes on Thursday")
    r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:activists|journalists|protesters|demonstrators)\b[^.]{0,120}\b(?:since|so far|"
    r"to date|over the past|this year|last year|a month|a week|a year|per|every)\b"
    # a toll over the whole country: "at least 30 people have been killed nationwide", "804 Iraqis were killed
    # ... in acts of violence and terrorism in August"
    # (in the clause of the toll: not "wounding 12 people, as protests spread across Iraq's south")
    r"|\b\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:people|Iraqis|civilians|protesters|demonstrators|activists|journalists)\b"
    r"(?:(?!,\s*(?:as|while|when|after|amid|since)\b)[^.;]){0,120}"
    r"\b(?:nationwide|across (?:the country|Iraq|the nation)|throughout (?:the country|Iraq)|in acts of violence)"
    # a running count, and a toll of a whole campaign: "the running count now stands at 104 dead", "100
    # militants were killed in the two-week Hawija campaign"
    r"|\brunning (?:count|toll|tally)\b"
    r"|\b(?:in|during|over|throughout)\s+the\s+(?:[\w-]+\s+){0,2}?(?:[\w]+-(?:day|week|month|year)|"
    r"(?:days?|weeks?|months?|years?)-long)\s+(?:[\w-]+\s+)?(?:campaign|offensive|operation|battle|siege)\b"
    r"|\b(?:has|have) (?:killed|kidnapped|abducted|executed|displaced|detained|arrested) (?:hundreds|thousands|"
    r"dozens|scores|tens of thousands|more than \d)"
    # a month's toll: "More than 270 people were killed in attacks in March"
    rf"|\b(?:killed|died|wounded|injured)\s+in\s+(?:[\w-]+\s+)?(?:attacks|violence|bombings|incidents)\s+"
    rf"(?:(?:in|during|throughout|since)\s+(?:{MONTH}|the month)|(?:last|this) month)\b"
    r"|\b(?:has|have|had) (?:conducted|carried out|launched|flown) (?:over |more than |some |nearly )?[\d,]{3,} "
    r"(?:air ?strikes|strikes|sorties|attacks|raids|operations)\b"
    # "This was one of two related attacks in the area": a pointer to other incidents, not one of its own.
    r"|\b(?:was|is|were|are|marked)\s+(?:one of|the (?:first|second|third|fourth|fifth|latest|last)(?: of| in)?)\s+"
    r"(?:[\w-]+\s+){0,3}(?:attacks?|bombings?|incidents?|blasts?|explosions?|assaults?|raids?|killings?|strikes?|"
    r"ambush(?:es)?|shootings?)\b"
    # a toll carried forward: "brought to more than 120 the number of people killed this month"
    r"|\bbr(?:ought|ings?|inging)\s+to\s+(?:more than\s+|at least\s+|nearly\s+|about\s+|some\s+)?[\d,]+\s+the\s+"
    r"(?:number|total|toll|tally)\b",
    re.I,
)
_HABITUAL = re.compile(
    r"\b(regularly|routinely|frequently|often|on a daily basis|every (day|night|week|month)|daily|weekly|"
    r"up to \w+ attacks|continues? to|keep(s)? (attacking|killing)|have been carrying out|has been carrying out|"
    r"have since launched|tactics of|stepped up|"
    r"(?:is|are|was|were) known for (?:[\w-]+ )?(?:killing|attacking|kidnapping|bombing|beheading|executing|attacks|"
    r"killings|kidnappings|bombings|beheadings|executions))\b",
    re.I,
)
# What lasts ("for years", "the ongoing bombing campaign") is habitual unless the sentence dates one act.
_LASTING = re.compile(
    r"\b(for (?:years|months|decades|weeks|some time|a long time)|ongoing|(?:bombing|air|military) campaign)\b",
    re.I,
)
_PLAN = re.compile(
    r"\b(could|would|might|(?-i:may)|will|shall|(?:is|are|was|were) expected to|plans? to|planning|threaten(s|ed)? to|vow(s|ed)? to|warn(s|ed)? "
    r"(of|that)|fear(s|ed)? that|if|unless|unlikely|(?:cannot|can't|could not) be (?:excluded|ruled out)|"
    r"(?:risk|possibility) of|capable of|(?<!was )(?<!were )able to|likely to|intend(s|ed)? to|"
    r"plans? for|preparations? for|(?:upcoming|impending|looming|planned|expected) (?:offensive|assault|attack|battle|push|operation)s?|"
    # a purpose not yet achieved: "3,000 men are being trained to help retake Mosul"
    r"(?:train(?:ed|ing)|gearing up|poised|mass(?:ed|ing)) to|"
    # preparing violence, not a meal: "a team preparing to launch drones", not "preparing to break their fast"
    r"prepar(?:e|es|ed|ing) to (?:launch|attack|fire|detonate|carry out|storm|strike|plant|retake|assault))\b",
    re.I,
)
_PAST_REPORT = re.compile(
    r"\b(was|were|have been|has been|had been)\s+(killed|wounded|injured|kidnapped)\b|"
    r"\b(killed|detonated|exploded|attacked|opened fire|defused|dismantled|foiled|thwarted|discovered|seized|struck|"
    r"retook|recaptured|captured|overran|liberated|destroyed|blew up|bombed|shelled|stormed|"
    r"ambushed|assassinated|beheaded)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(did not|didn't|never|denied|no attacks?|not been attacked)\b|"
    r"\bwithout (?:a|an|any) (?:\w+ ){0,2}(?:attacks?|bombings?|blasts?|explosions?|incidents?|killings?)\b|"
    r"\b(?:have|has|had)(?: not|n't) (?:yet )?(?:made an? attack|attacked|launched|carried out|struck|fired|"
    r"targeted|bombed|shelled)\b",
    re.I,
)
# Reactions, funerals, trials and commemorations refer to an incident told elsewhere; they never report one.
_REACTION = re.compile(
    r"\b(condemn(ed|s|ing)?|denounc(ed|es|ing)|mourned|were buried|was buried|buried (the|their|his|her)|"
    r"condolences|paid tribute|commemorat\w+|acquitt(ed|al)|convicted|sentenced|court[- ]martial|"
    r"in court|on trial|(his|her|the) trial|testif(ied|y|ies)|testimony|prosecut(ed|ion|ors?)|indicted|apologi[sz]ed|charged (?:in|with)|federal court|the memorial|"
    r"(?:defended|justified) (?:the|its|his|her|their) (?:\w+ )?(?:decision|targeting|strike|killing|attack|raid)|"
    r"called (?:the|his|her|its|their|\w+['’]s) (?:\w+ )?(?:killing|strike|attack|assassination|bombing) (?:an?|the)\b)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(the fall of|back in|in the past|years ago|decades ago|history|since the fall|[\w-]+-year anniversary)\b"
    # a likeness drawn to a famous battle: "a scene that looks more like the siege of Fallujah"
    r"|\b(?:like|resembl\w+|reminiscent of|compared (?:to|with)|evok\w+|echo(?:es|ed|ing)?)\s+(?:the|a)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:siege|battle|fall|sack|massacre|destruction)\s+(?:of|for)\b",
    re.I,
)


def _recent(sentence: str, published: date | None) -> bool:
    """The sentence dates something to the days before publication ("on Tuesday"), whatever past years it names."""
    found = find_date(sentence, published)
    return bool(
        found
        and published
        and found.precision in ("day", "week")
        and 0 <= (published - found.value).days <= 31
    )


# The sentence reports an act of its own before any reaction word: "She was abducted in Mosul on
# September 17 and put on trial".
_OWN_ACT = re.compile(
    r"\b(?:was|were|had been|has been)\s+(?:\w+ly\s+)?(?:killed|kidnapped|abducted|executed|shot|wounded|injured|"
    r"arrested|detained)\b",
    re.I,
)


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whom)\b[^,;]*$", re.I)


# When a told incident came, against what was going on ("The attack came as leaders remained deadlocked"),
# with no toll of its own ("The blast came as worshippers gathered, killing 20" tells the incident).
_CAME_AS = re.compile(
    r"^\W*(?:the|this|that|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|assault|strike|killing|violence|"
    r"siege|blast|explosion|raid)s?\s+came\s+(?:as|amid|after|just|only|days|a day|hours|weeks|less than|"
    r"more than|on the heels|in the wake|at a time)\b(?![^.]*\b(?:kill\w*|wound\w*|injur\w*|dead|died)\b)",
    re.I,
)


def _reaction(sentence: str) -> bool:
    if _CAME_AS.search(sentence):
        return True
    m = _REACTION.search(sentence)
    if m is None:
        return False
    act = _OWN_ACT.search(sentence)
    if act is not None and _RELATIVE_BEFORE.search(sentence, max(0, act.start() - 25), act.start()):
        act = None  # "Soleimani, who was killed in a US strike on January 3, was buried on Monday"
    return act is None or act.start() > m.start()


_CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s")


def _year_clause(sentence: str, at: int, end: int) -> tuple[str, str]:
    """The clause a year at `at`..`end` is said in, between clause breaks, and the rest of the sentence."""
    starts = [b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    start = starts[-1] if starts else 0
    after = _CLAUSE_BREAK.search(sentence, end)
    stop = after.start() if after else len(sentence)
    return sentence[start:stop], sentence[:start] + sentence[stop:]


# A thing and what someone did to it in that year: "the clinic she had opened in 2015", "the school that
# they built in 2010" (not "who broke away in 2004": the actor's own past).
_OWN_CLAUSE_VERB = re.compile(
    r"\b(?:the|a|an|her|his|their|its)\s+[\w-]+\s+(?:(?:that|which)\s+)?(?:he|she|they|it|we)\s+"
    r"(?:had\s+|has\s+|have\s+)?[a-z]+ed\s+in\s+\d{4}\b",
    re.I,
)


def _years_said_of_other_things(sentence: str, published: date | None) -> bool:
    """Every earlier year of the sentence dates another thing, in a clause with its own verb and no act,
    while the rest of the sentence tells the act ("She was killed in the al-Jazair district, a few hundred
    metres from the clinic she had opened in 2015")."""
    if published is None:
        return False
    years = [m for m in YEAR.finditer(sentence) if int(m[1]) < published.year]
    for m in years:
        clause, rest = _year_clause(sentence, m.start(), m.end())
        if not (_OWN_CLAUSE_VERB.search(clause) and classify(clause) is None and classify(rest) is not None):
            return False
    return bool(years)


def _act_of_an_earlier_year(sentence: str, published: date | None) -> bool:
    """The sentence's only act is told in a clause of its own set in an earlier year ("It's a theme he returned
    to this past weekend, as Trump feuded with the family of a soldier killed by a suicide bomber in Baghdad
    in 2004"), whatever recent day the rest of the sentence names."""
    if published is None:
        return False
    for m in YEAR.finditer(sentence):
        if int(m[1]) >= published.year:
            continue
        clause, rest = _year_clause(sentence, m.start(), m.end())
        if classify(clause) is not None and classify(rest) is None:
            return True
    return False


# "the deadliest attack since 2016": a comparison that sets an incident against the past, not a count since
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|first|most \w+)\b[^.,;]{0,50}$", re.I
)


def _statistic(sentence: str) -> bool:
    m = _STATISTIC.search(sentence)
    if m is None:
        return False
    return not (m[2] and m[2].lower() == "since" and _SUPERLATIVE.search(sentence, m.start(), m.start(2)))


def claim_kind(sentence: str, published: date | None) -> str | None:
    """Why a violent sentence is not a report of one incident, or None when it may be one."""
    if _statistic(sentence):
        return "statistic"
    if _HABITUAL.search(sentence) or (_LASTING.search(sentence) and not _recent(sentence, published)):
        return "habitual"
    if _NEGATION.search(sentence):
        c = count_casualties(sentence)
        if not (c.killed or c.wounded):
            return "negation"
    if _PLAN.search(sentence) and not _PAST_REPORT.search(sentence):
        return "plan"
    if _reaction(sentence):
        return "reaction"
    earlier_year = history_year(sentence, published) and not _years_said_of_other_things(sentence, published)
    if (_HISTORY.search(sentence) or earlier_year) and not _recent(sentence, published):
        return "history"
    if _act_of_an_earlier_year(sentence, published):
        return "history"
    return None


_NUMBER = re.compile(
    r"\b\d[\d,]*\b(?!\s*(?:-|\s)?(?:km|kilomet|miles?|metres?|meters?|square|years?-old|year-old|%|per ?cent))"
)
_PERIOD = re.compile(
    r"\b(in (?:the )?(?:first|second|third|fourth) quarter of \d{4}|since (?![a-z]+ed\b)[^,.]{3,40}|every \w+|per \w+|"
    r"(?:this|last) (?:year|month|week)|in \d{4}|so far this year)\b",
    re.I,
)


def claim_numbers(sentence: str) -> tuple[int, ...]:
    out = []
    for m in _NUMBER.finditer(sentence):
        v = digits(m.group())
        if v is not None and not 1900 <= v <= 2100:
            out.append(v)
    return tuple(out)


def claim_period(sentence: str) -> str | None:
    m = _PERIOD.search(sentence)
    return m.group() if m else None
