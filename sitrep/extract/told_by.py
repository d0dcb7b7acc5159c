"""Who told the story, as news attributes it: ", police said", "an army officer told AFP", "according to
security sources". The teller is not who was hit: extraction types an act without it ("killed two
shepherds, army officers said" is no attack on the army) and linking leaves its words out of what a
report is about."""

from __future__ import annotations

import re

_TELLER = (
    r"(?:police|army|military|security|officers?|officials?|sources?|spokesm[ae]n|spokeswoman|commanders?"
    r"|ministry|medics?)"
)
_SAID = r"(?:said|says|say|told|reported|added|stated)"

# After a comma or opening the text ("Police say two soldiers killed"); not in mid-clause, where the
# words before a teller can be the target ("attacked an army checkpoint and police said ...").
TOLD_BY = re.compile(
    rf"(?:,\s*|^\s*)(?:(?:an?|the|two|several)\s+)?(?:[\w-]+\s+){{0,3}}?{_TELLER}(?:\s+[\w-]+){{0,2}}?\s+{_SAID}\b"
    rf"|\baccording to\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_TELLER}"
    r"(?:\s+(?:officers?|officials?|sources?|spokesm[ae]n|commanders?))*\b",
    re.I,
)
