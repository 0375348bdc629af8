"""Vietnamese text: cleaning on load, folding for search and slugs, and sorting.

Folding is NFD, drop combining marks, đ→d, lowercase, so that "Đăng ký",
"dang ky" and both tone placements ("hòa" / "hoà") meet in one form.
Sorting follows CLDR ``vi`` (standard): a < ă < â, d < đ, e < ê, o < ô < ơ,
u < ư; tones compare after the letters, in the order none, huyền, hỏi, ngã,
sắc, nặng; lower case before upper case.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_MODIFIERS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Punctuation and symbols in the order of the Unicode collation table (DUCET).
_PUNCTUATION = {c: i for i, c in enumerate(" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$")}
_KEEP_CONTROLS = {"\n", "\t"}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u3000"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> tuple[str, list[str]]:
    """NFC-normalise *text*; drop control, format and private-use characters.

    Returns the clean text and the names of what was removed (for a warning).
    Non-breaking spaces become plain spaces without a warning.
    """
    if text.isprintable():  # no control, format, private-use or unusual space characters
        return (text if unicodedata.is_normalized("NFC", text) else nfc(text)), []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed: list[str] = []
    kept: list[str] = []
    for char in text:
        if char in _SPACES:
            kept.append(" ")
        elif _is_invisible(char):
            removed.append(_describe(char))
        else:
            kept.append(char)
    return nfc("".join(kept)), removed


def _is_invisible(char: str) -> bool:
    if char in _KEEP_CONTROLS:
        return False
    return unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


@functools.lru_cache(maxsize=1 << 17)  # the same names are folded for pages, index and checks, and again under serve
def fold(text: str) -> str:
    """Lowercase, without diacritics, đ→d: the form search and slugs use."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").lower()


def slug(text: str) -> str:
    """An ASCII URL slug: "Hộ tịch" → "ho-tich"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def compact_key(text: str) -> str:
    """Folded with everything but letters and digits removed ("Tỉnh Đắk Lắk" → "tinhdaklak")."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


@functools.lru_cache(maxsize=1 << 16)
def sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese text in CLDR ``vi`` order.

    Three levels, as in the Unicode Collation Algorithm: base letters first,
    then tones, then case.
    """
    primary: list[tuple[int, int]] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    if not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    for char in text:
        weights = _WEIGHTS.get(char) or _weigh(char)
        if weights[0] is None:  # a combining mark with no precomposed letter: a tone of the letter before
            if secondary:
                secondary[-1] = max(secondary[-1], weights[1])
            continue
        primary.append(weights[0])
        secondary.append(weights[1])
        tertiary.append(weights[2])
    return (tuple(primary), tuple(secondary), tuple(tertiary))


_WEIGHTS: dict[str, tuple] = {}


def _weigh(char: str) -> tuple:
    """(primary, secondary, tertiary) of one NFC character, computed once per character."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if unicodedata.combining(base):
        weights = (None, _TONES.get(base, 0), 0)
    else:
        lower = base.lower()
        letter = unicodedata.normalize("NFC", lower + "".join(m for m in marks if m in _MODIFIERS))
        if letter in _LETTER_RANK:
            primary = (3, _LETTER_RANK[letter])
        elif lower.isdigit():
            primary = (2, int(lower) if lower.isascii() else ord(lower))
        elif lower.isspace() or unicodedata.category(lower)[0] in "PSZ":
            primary = (1, 0 if lower.isspace() else _PUNCTUATION.get(lower, 100 + ord(lower)))
        else:
            primary = (4, ord(letter[0]))
        weights = (primary, max((_TONES.get(m, 0) for m in marks), default=0), 0 if base == lower else 1)
    _WEIGHTS[char] = weights
    return weights


def sort_vi(items, key=lambda item: item):
    """Sort *items* in Vietnamese order of ``key(item)``."""
    return sorted(items, key=lambda item: sort_key(key(item)))
