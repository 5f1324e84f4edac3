"""Roman numerals, both ways, for every reader and rule that numbers sections.

One place so that Word's upperRoman labels, the section heading numbers and the validator's
"mục IV thiếu" messages agree. Numbers outside 1 … MAX are written in digits (Word allows
start values up to 32767 and "MMM…" would grow without bound).
"""

from __future__ import annotations

MAX = 39999

_TO = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_FROM = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    """4 -> 'IV'; 0, negatives and numbers past MAX -> their digits."""
    if n <= 0 or n > MAX:
        return str(n)
    out = []
    for value, letters in _TO:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """'IV' -> 4, 'iv' -> 4; None when a character is not a Roman digit.

    Each digit smaller than the one after it is subtracted, so a malformed numeral such as
    'IIV' still gets a value (5): the numbering rule reports it by its neighbours.
    """
    text = text.upper()
    if not text or any(c not in _FROM for c in text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        value = _FROM[a]
        total += -value if b != " " and _FROM[b] > value else value
    return total
