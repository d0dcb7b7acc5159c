"""Plain-text boilerplate: site chrome, subscription boxes, footers, repeated captions.

Works line by line on text whose paragraphs are separated by newlines; used for `.txt`
input and again after HTML extraction, which can leave the same kinds of line behind.
"""

from __future__ import annotations

import re
from collections import Counter

_CHROME = re.compile(
    r"""(?ix)^(
      your\ email\ address\ (has\ been\ registered|will\ not\ be\ published).*
    | leave\ a\ (reply|comment).*
    | back\ to\ top(\ button)?
    | related\ (articles|posts|stories|news)
    | (you\ may\ )?(also\ )?(read|like|see)\ (also|more).{0,30}
    | our\ other\ projects
    | share\ (this|on)\b.{0,40}
    | (sign\ up|subscribe)\b.{0,80}(newsletter|inbox|updates).*
    | (all\ rights\ reserved|copyright\ ©|©\ ?\d{4}).*
    | .*\bcookies?\b.{0,60}\b(accept|consent|policy)\b.*
    | source:\ [\w .,&'-]{2,40}
    | (photo|image|picture)\ (credit|by)\b.{0,60}
    | (prev\ )?(next\ )?image\ \d+\ of\ \d+
    | this\ article\ was\ originally\ published\ by.*
    | any\ opinions\ expressed\ are\ those\ of\ the\ author.*
    | you\ are\ welcome\ to\ republish.*
    | advertisement
    | click\ here\b.{0,60}
    | comments?\ \(\d+\)
    )$"""
)

_FOOTER_START = re.compile(
    r"(?i)^(related (articles|posts|stories)|leave a (reply|comment)|you may also like)$"
)

# A street address line: "Brunnenstraße 9, 10119 Berlin, Germany", "12 Main Street, Springfield".
_ADDRESS = re.compile(
    r"(?i)^[\w .'-]*(stra(ss|ß)e|street|st\.|road|rd\.|avenue|ave\.|platz|weg|blvd)\s*\d*[a-z]?,"
    r"[^.]{0,60}(\d{4,6}|[A-Z][a-z]+)[^.]{0,40}$"
)

_BYLINE = re.compile(r"^By [A-Z][\w'.-]+( [A-Z][\w'.-]+){0,4}(\s*[–—|-]\s*[\w ,]+)?$")


def _is_foreign_script(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if c < "\u0250")
    return latin / len(letters) < 0.5


def is_chrome(line: str) -> bool:
    """True when a single line is site chrome rather than article text."""
    s = line.strip()
    if not s:
        return False
    return bool(_CHROME.match(s) or _ADDRESS.match(s) or _BYLINE.match(s) or _is_foreign_script(s))


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and line.rstrip()[-1:] in '.!?"”’'


_NAME = re.compile(r"^[A-Z][a-z]+( (?:(?:al|el|bin|ibn|abu)[- ])?[A-Z][a-z'’-]+){1,3}$")
_PULL_QUOTE_WORDS = 40


def _pull_quotes(lines: list[str]) -> set[str]:
    """Short lines whose words reappear inside a longer line: pull quotes and teasers."""
    found = set()
    for s in lines:
        if not s or len(s.split()) > _PULL_QUOTE_WORDS:
            continue
        core = s.rstrip('.!?"”’, ').lstrip('"“‘ ')
        if len(core.split()) >= 6 and any(core in other and other != s for other in lines):
            found.add(s)
    return found


def clean_lines(lines: list[str]) -> list[str]:
    """Drop boilerplate lines; keep the order of the rest. Empty lines are dropped too."""
    stripped = [ln.strip() for ln in lines]
    counts = Counter(s for s in stripped if s and len(s.split()) <= _PULL_QUOTE_WORDS)
    # A short line seen twice (an image caption printed above and below a picture) is chrome.
    repeated = {s for s, n in counts.items() if n > 1} | _pull_quotes(stripped)
    # Header chrome: everything at the top up to the last chrome line before the first prose line.
    header_end = -1
    for i, s in enumerate(stripped):
        if _is_prose(s):
            break
        if s and is_chrome(s):
            header_end = i
    first_prose = next((i for i, s in enumerate(stripped) if _is_prose(s)), len(stripped))
    kept: list[str] = []
    for i, s in enumerate(stripped):
        if i <= header_end or not s:
            continue
        if kept and i < first_prose and _NAME.match(s):
            continue  # a byline between headline and text
        if _FOOTER_START.match(s):
            break
        if s in repeated or is_chrome(s):
            continue
        kept.append(s)
    return kept
