"""Stored text shown on a terminal: never read as Rich markup, never sent as a control sequence.

Titles, places, evidence and file names come from the articles sitrep reads, so they may hold
`[link=…]`, `[/x]` or an ESC sequence. The CLI builds everything it prints from data with `text()`
(a `rich.text.Text`, which Rich does not parse as markup) after `visible()` has written control
characters out as escapes (`\\x1b`).
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls and DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
# that can make a line read differently from the characters it holds.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object, keep_lines: bool = False) -> str:
    """`value` as a string with every control character escaped; with `keep_lines`, newlines and
    tabs stay (for table cells that hold several lines)."""
    s = "" if value is None else str(value)
    return (_CONTROL_KEEP_LINES if keep_lines else _CONTROL).sub(_escape, s)


def text(value: object, style: str = "", keep_lines: bool = False) -> Text:
    """A Rich `Text` of `value`: printed literally, whatever brackets or escapes it holds."""
    return Text(visible(value, keep_lines), style=style)


def line(*parts: object) -> Text:
    """One message line from pieces: a `Text` is taken as built (sitrep's own styled words, or a
    `text()`), anything else is escaped, so no data can carry markup, a control sequence or a line
    break."""
    out = Text()
    for part in parts:
        out.append(part if isinstance(part, Text) else visible(part))
    return out
