"""Numbering marks of a scanned plan put back in sequence.

Tesseract misreads the small marks that open a plan's items: the letters of "a) b) c)" come
out as "q)", "€)", "Ẫcœ)", "9)", "C)", and the first digit of "5.1." / "8.2." as "Š" / "§".
The plan reader then sees neither the item nor its unit. Marks follow a sequence, so a mark
that is not the one expected is put back from its neighbours:

- lettered items run a, b, c, d, đ, e, g, h, i, k … under each numbered heading; a mark that
  is the expected letter (or the one after it: an item may be lost), or "a)" (a new list),
  is kept; any other short token closed by ")" before a capital becomes the expected letter.
  A digit is replaced only inside a run of letters ("1) 2) 3)" lists are left alone);
- a sub-item "X.k." whose first part is not a number takes the number of the heading above;
- a short line opened by a token of punctuation only ("!„ Tăng cường đầu tư …"), after
  numbered headings, is the next numbered heading.

Only body paragraphs are touched; each repair is counted in the source notes.
"""

from __future__ import annotations

from collections import Counter

import regex as re

from ...vntext import fold
from .paragraphs import MISREAD_MARK_RE

LETTERS = "abcdđeghiklmnopqrstuvxy"
_LETTER_RE = re.compile(r"^(?P<mark>[a-zđ])\)\s")
_NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2})\.(?:\d{1,2}\.)?\s")
_ROMAN_RE = re.compile(r"^[IVX]{1,5}\.\s")
_SUB_MISREAD_RE = re.compile(r"^(?P<bad>[^\s\d])\.(?P<sub>\d{1,2})\.\s+(?=\p{Lu})")
# a heading's number read as punctuation: no letter, digit, bracket or list mark, then a word in capitals' case
_HEADING_MISREAD_RE = re.compile(r"^(?P<bad>[^\s\p{L}\p{N}()\[\]\-–+•*“\"]{1,3})\s+(?=\p{Lu}\p{Ll})")
HEADING_MAX = 250  # a heading is one or two lines


def _next(letter: str) -> str:
    k = LETTERS.index(letter)
    return LETTERS[k + 1] if k + 1 < len(LETTERS) else letter


def _set_text(block, text: str, old_mark: str, new_mark: str) -> None:
    block.text = text
    if getattr(block, "lines", None):
        first = block.lines[0]
        if first.startswith(old_mark):
            block.lines = [new_mark + first[len(old_mark) :], *block.lines[1:]]
    if getattr(block, "raw", None) is not None:
        block.raw = text


def repair_markers(blocks: list, notes: list[str]) -> None:
    """Put misread item marks back in sequence, in place; one note with the tally."""
    counts: Counter[str] = Counter()
    expected, in_letters, number = "a", False, ""
    for block in blocks:
        text = getattr(block, "text", None)
        if not text or hasattr(block, "rows") or getattr(block, "role", "body") != "body":
            continue
        if _ROMAN_RE.match(text):
            expected, in_letters, number = "a", False, ""
            continue
        m = _NUMBERED_RE.match(text)
        if m:
            expected, in_letters, number = "a", False, m["num"]
            continue
        m = _SUB_MISREAD_RE.match(text)
        if m and number:
            old = m["bad"] + "."
            _set_text(block, number + "." + text[len(old) :], old, number + ".")
            counts[f"{m['bad']}.{m['sub']}.->{number}.{m['sub']}."] += 1
            continue
        m = _HEADING_MISREAD_RE.match(text)
        if m and number and len(text) <= HEADING_MAX and not text.rstrip().endswith((".", ";")):
            new = str(int(number) + 1)
            _set_text(block, new + "." + text[len(m["bad"]) :], m["bad"], new + ".")
            counts[f"{m['bad']}->{new}. (heading after {number}.)"] += 1
            expected, in_letters, number = "a", False, new
            continue
        m = _LETTER_RE.match(text)
        if m:
            mark = m["mark"]
            if fold(mark) == fold(expected):  # "đ)" read for "d)" and the reverse: the sequence says
                expected, in_letters = _next(expected), True
                continue
            if mark == "a" or mark == _next(expected):  # a new list, or one item lost
                expected, in_letters = _next(mark), True
                continue
        m = MISREAD_MARK_RE.match(text)
        if not m:
            continue
        token = m[0].rstrip().rstrip(")")
        if token.isdigit() and not in_letters:
            continue  # a "1) 2) 3)" list
        old = token + ")"
        _set_text(block, expected + ")" + text[len(old) :], old, expected + ")")
        counts[f"{token})->{expected})"] += 1
        expected, in_letters = _next(expected), True
    total = sum(counts.values())
    if total:
        top = ", ".join(f"{k} ×{v}" for k, v in counts.most_common(8))
        notes.append(f"ocr: {total} item mark(s) put back in sequence ({top})")
