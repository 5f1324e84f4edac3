"""Where a new paragraph starts on a scanned page, from the lines' positions and first words.

Tesseract groups lines into paragraphs by its own layout analysis, and on a plan it often
runs a numbered heading into the paragraph before it ("… phòng ngừa tội phạm 3.1. Các sở,
ban, ngành"): the plan reader then sees neither the heading nor the item. A line starts a
new paragraph when it opens with a numbering mark ("3.1.", "a)", "II.", "-", "+"), or when
it is indented like a first line while the line before it ends short of the right margin.

Letters of lettered items are often misread ("q)", "€)", "Ẫcœ)" for "a)", "c)", "đ)"): a
line that opens with a short token closed by ")" and a capital, after a line that ends a
sentence or ends short, starts a paragraph too (`markers` then puts the letter back). A
numbered line that ends short, followed by a line in capitals' case, is a heading on its own
("5.4. Đề nghị Chi cục Hải quan" / "Chỉ đạo lực lượng …"); so is one that fills its line when
the next line, opening with a capital, starts at the same first-line indent instead of going
back to the margin ("5.3. Đề nghị Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao" /
"Phối hợp chặt chẽ …").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex as re

# "1." "3.1." "3.1.2." "a)" "đ)" "I." "IV." "-" "–" "+" "•" followed by a space
MARKER_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}\)|[a-zđ]\)|[IVX]{1,5}\.|[-–+•*])(?:\s|$)")
# a lettered item's mark misread: up to three characters, no bracket, then ")" and a capital
MISREAD_MARK_RE = re.compile(r"^[^\s()\[\]]{1,3}\)\s+(?=\p{Lu})")


# read-only members: a recognised line's height and a word's right edge are computed properties
class _Word(Protocol):
    @property
    def left(self) -> int: ...
    @property
    def right(self) -> int: ...
    @property
    def text(self) -> str: ...


class _Line(Protocol):
    @property
    def words(self) -> Sequence[_Word]: ...
    @property
    def height(self) -> int: ...


def margins(lines: Sequence[_Line]) -> tuple[int, int]:
    """(left, right) edges of the page's body text: the usual start and end of full lines."""
    lefts = sorted(ln.words[0].left for ln in lines if len(ln.words) >= 4)
    rights = sorted(ln.words[-1].right for ln in lines if len(ln.words) >= 4)
    if not lefts:
        return 0, 0
    return lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10]


def starts_paragraph(prev: _Line, line: _Line, edges: tuple[int, int], first: _Line | None = None) -> bool:
    """True when `line` begins a paragraph of its own rather than continuing `prev`.

    `first` is the first line of the paragraph `prev` belongs to (`prev` itself by default)."""
    opening = " ".join(w.text for w in line.words[:2])
    if MARKER_RE.match(opening):
        return True
    left, right = edges
    if not right:
        return False
    unit = max(line.height, 1)
    ends_short = prev.words[-1].right < right - 3 * unit
    indented = line.words[0].left > left + 1.5 * unit
    ends_sentence = prev.words[-1].text[-1:] in ".:;!?"
    if (ends_short or ends_sentence) and MISREAD_MARK_RE.match(opening):
        return True
    head = first or prev
    prev_opening = " ".join(w.text for w in prev.words[:2])
    if (
        head is prev
        and (MARKER_RE.match(prev_opening) or MISREAD_MARK_RE.match(prev_opening))
        and line.words[0].text[:1].isupper()
    ):
        if ends_short:
            return True  # a numbered heading line, its text on the next line
        if prev.words[0].left > left + 1.5 * unit and abs(line.words[0].left - prev.words[0].left) < unit:
            # a heading that fills its line: the next line starts at the same first-line indent,
            # where a wrapped item's second line would go back to the margin
            return True
    return indented and (ends_short or ends_sentence)
