"""Iraq's governorates: ISO 3166-2 codes, the names coders use, OCHA P-codes and the many spellings."""

from __future__ import annotations

import re
import unicodedata

# ISO code -> (canonical name as ACLED writes it, OCHA P-code, spellings seen in news and datasets)
GOVERNORATES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "IQ-AN": ("Al Anbar", "IQG01", ("anbar", "al anbar")),
    "IQ-BA": ("Basrah", "IQG02", ("basra", "basrah", "al basrah")),
    "IQ-MU": ("Muthanna", "IQG03", ("muthanna", "al muthanna")),
    "IQ-NA": ("Najaf", "IQG04", ("najaf", "an najaf", "al najaf")),
    "IQ-QA": ("Qadissiya", "IQG05", ("qadisiyah", "qadisiya", "qadissiya", "diwaniyah", "diwaniya")),
    "IQ-SU": (
        "Sulaymaniyah",
        "IQG06",
        ("sulaymaniyah", "sulaimaniyah", "sulaymaniya", "slemani", "sulaimani"),
    ),
    "IQ-BB": ("Babil", "IQG07", ("babil", "babylon", "babel")),
    "IQ-BG": ("Baghdad", "IQG08", ("baghdad",)),
    "IQ-DA": ("Duhok", "IQG09", ("dahuk", "duhok", "dohuk", "dihok")),
    "IQ-DI": ("Diyala", "IQG10", ("diyala", "diyalah")),
    "IQ-AR": ("Erbil", "IQG11", ("arbil", "erbil", "irbil", "hawler")),
    "IQ-KA": ("Karbala", "IQG12", ("karbala", "kerbala", "karbalaa")),
    "IQ-KI": ("Kirkuk", "IQG13", ("kirkuk", "tamim", "at tamim")),
    "IQ-MA": ("Maysan", "IQG14", ("maysan", "missan", "mesan")),
    "IQ-NI": ("Ninewa", "IQG15", ("ninawa", "nineveh", "ninevah", "ninewa", "nineva")),
    "IQ-SD": (
        "Salah al-Din",
        "IQG16",
        (
            "salah ad din",
            "saladin",
            "salahuddin",
            "salahudin",
            "salah al din",
            "salahaddin",
            "salaheddin",
            "salah aldin",
        ),
    ),
    "IQ-DQ": ("Thi Qar", "IQG17", ("dhi qar", "thi qar", "dhiqar", "thiqar")),
    "IQ-WA": ("Wasit", "IQG18", ("wasit", "wassit")),
    "IQ-HA": ("Halabja", "", ("halabja", "halabjah")),
}

PCODE_TO_ISO = {pcode: iso for iso, (_, pcode, _) in GOVERNORATES.items() if pcode}

_NONWORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """Lower case, no diacritics or apostrophes, hyphens as spaces: 'Al-Qā’im' -> 'al qaim'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = (
        s.replace("'", "")
        .replace("’", "")
        .replace("‘", "")
        .replace("`", "")
        .replace("ʿ", "")
        .replace("ʾ", "")
    )
    s = _NONWORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


ALIAS_TO_ISO: dict[str, str] = {
    alias: iso for iso, (_, _, aliases) in GOVERNORATES.items() for alias in aliases
}


def governorate_name(iso: str) -> str:
    return GOVERNORATES[iso][0]


def iso_code(name: str) -> str | None:
    """ISO 3166-2 code for a governorate name in any common spelling, or for a code ("AN", "IQ-AN")."""
    upper = name.strip().upper()
    if upper in GOVERNORATES:
        return upper
    if f"IQ-{upper}" in GOVERNORATES:
        return f"IQ-{upper}"
    folded = fold(name).removesuffix(" province").removesuffix(" governorate")
    for prefix in ("al ", "as ", "an ", "at "):
        if folded.startswith(prefix) and folded[len(prefix) :] in ALIAS_TO_ISO:
            return ALIAS_TO_ISO[folded[len(prefix) :]]
    return ALIAS_TO_ISO.get(folded)
