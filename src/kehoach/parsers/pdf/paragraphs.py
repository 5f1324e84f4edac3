"""Body lines -> paragraphs, and the text of a paragraph from its visual lines.

In: runs of `lines.Line`s (across page breaks) with each page's `PageGeom` and the document's
`Metrics`. Out: `Paragraph` blocks: consecutive lines make one paragraph unless the layout
says a new one starts (vertical gap, first-line indent, a list marker, the previous line
ending before the next word would have hit the margin, a change of style); `make_paragraph`
joins the lines (`join_lines`) keeping only the hard breaks and sets bold/italic/align.
"""

from __future__ import annotations

from typing import Literal

import regex as re

from ...blocks import Paragraph, Provenance
from ...vntext import clean, dash_goes_on, is_upper_title
from .geometry import Metrics, PageGeom
from .line_layouts import LIST_NUMBER
from .lines import Line

# a paragraph that opens with a list number or bullet, or "IV - " (a Roman numeral and a dash)
MARKER_RE = re.compile(rf"^(?:(?:{LIST_NUMBER})\s|[IVXLC]{{1,6}}\s*[-–]\s)")


_ENDS_SENTENCE = re.compile(r"[.:;!?…]\W*$").search
# an article's number as a Quyết định or a Quy chế heads it ("Điều 8.", "Điều 12:")
_ARTICLE = re.compile(r"^Điều\s+\d{1,3}\s*[.:]\s").match


def _centered(ln: Line, g: PageGeom) -> bool:
    """Centred between the margins (equal space left and right), not a full or indented line."""
    return ln.x0 > g.left + 0.25 * ln.size and abs((ln.x0 - g.left) - (g.right - ln.x1)) < 0.5 * ln.size


def _symmetric(ln: Line, g: PageGeom) -> bool:
    """As much space left as right (a centred line that fills the measure, or a full one)."""
    return abs((ln.x0 - g.left) - (g.right - ln.x1)) < 0.5 * ln.size


def starts_paragraph(prev: Line, ln: Line, gp: PageGeom, g: PageGeom, m: Metrics) -> bool:
    """True when `ln` begins a new paragraph instead of continuing `prev`."""
    size = max(prev.size, ln.size)
    space = 0.25 * prev.size
    text, ptext = clean(ln.text), clean(prev.text)
    if abs(prev.size - ln.size) > 1.0:
        return True
    marker = bool(MARKER_RE.match(text))
    if ln.page != prev.page:
        full = prev.x1 + space + ln.first_word_w >= gp.right - 0.3 * size
        return not (full and ln.x0 <= g.left + 0.5 * size and not marker)
    if ln.bottom - prev.bottom > size * (m.pitch_em * 1.2 + 0.05):
        return True
    # no break on a change of bold or italic alone: a bold phrase inside a paragraph can fill a line
    if _centered(ln, g) and (_centered(prev, g) or _symmetric(prev, g)):
        if abs(prev.bold - ln.bold) > 0.5 or abs(prev.italic - ln.italic) > 0.5:
            return True  # a centred title's lines share one style; "(Kèm theo …)" is another
        if text.startswith("(") and ptext.count("(") <= ptext.count(")"):
            return True  # a parenthesis opening a centred line: "(Ban hành kèm theo …)"
        if is_upper_title(ptext) != is_upper_title(text):
            return True
        if is_upper_title(ptext):
            return (prev.x1 - prev.x0) + space + ln.first_word_w < (g.right - g.left) - 0.3 * size
        return False
    if marker or (_ARTICLE(text) and _ENDS_SENTENCE(ptext)):
        return True  # a list item, or an article's heading after a sentence ("Điều 8. Nhiệm vụ …")
    if prev.x1 + space + ln.first_word_w < g.right - 0.3 * size:
        # the next word would have fit: prev ended with a hard break; inside a sentence (a lower-case
        # line after one that ends none: "… Sở Tư pháp và" / "các sở, ban, ngành …") that is a line
        # break of the paragraph, which no paragraph starts with
        return not (text[:1].islower() and not _ENDS_SENTENCE(ptext) and ln.x0 <= prev.x0 + 0.8 * size)
    return ln.x0 > prev.x0 + 0.8 * size  # first-line indent


def _body_wrap(prev: Line, ln: Line, g: PageGeom) -> bool:
    """Inside one paragraph: did `prev` wrap (rather than end at a hard line break)?"""
    if prev.stretched:
        return False  # its spaces widened to the margin: what a line break does in a justified paragraph
    if prev.page != ln.page or clean(ln.text)[:1].islower():
        return True
    space = 0.25 * prev.size
    if _centered(prev, g):
        return (prev.x1 - prev.x0) + space + ln.first_word_w >= (g.right - g.left) - 0.3 * prev.size
    return prev.x1 + space + ln.first_word_w >= g.right - 0.3 * prev.size


def _second_indented(group: list[Line], ln: Line, nxt: Line | None, g: PageGeom) -> bool:
    """`ln` opens a paragraph although `group`'s one line left no room for its first word: both
    stand at the first-line indent and the line after `ln` is back at the margin. A paragraph's
    wrapped lines start at the margin, so the two indented lines are two paragraphs' first lines
    (a numbered heading long enough to fill the measure, over its body paragraph)."""
    if len(group) != 1 or nxt is None or not (group[0].page == ln.page == nxt.page):
        return False
    prev, size = group[0], group[0].size
    return (
        prev.x0 > g.left + 0.8 * size
        and abs(ln.x0 - prev.x0) < 0.3 * size
        and ln.x1 >= g.right - 0.5 * size
        and abs(nxt.x0 - g.left) < 0.5 * size
    )


def _dash_wrapped(first: Line, prev: Line, ln: Line, g: PageGeom) -> bool:
    """The wrap fell before the dash of a range or a compound ("… giai đoạn 2026" / "- 2030; …").

    `prev` filled the line, `ln` opens at the margin with a dash that goes on what `prev` began
    (`dash_goes_on`), and the paragraph's first line (`first`) stands at an indent: the list's
    items start there, so a dash at the margin is the text's, not a new item's. A number range
    ("nhiệm kỳ 2026" / "- 2031 trên địa bàn") goes on without the indent: a list item does not
    open with the second year of a range under a full line ending with the first."""
    size = prev.size
    ptext, text = clean(prev.text), clean(ln.text)
    return (
        prev.page == ln.page
        and dash_goes_on(ptext, text)
        and prev.x1 + 0.25 * size + ln.first_word_w >= g.right - 0.3 * size
        and ln.x0 <= g.left + 0.5 * size
        and (first.x0 > ln.x0 + 0.8 * size or ptext[-1:].isdigit())
    )


def body_paragraphs(lines: list[Line], geoms: dict[int, PageGeom], m: Metrics) -> list[Paragraph]:
    out: list[Paragraph] = []
    group: list[Line] = []
    wraps: list[bool] = []
    for k, ln in enumerate(lines):
        if group:
            prev = group[-1]
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            g = geoms[ln.page]
            starts = starts_paragraph(prev, ln, geoms[prev.page], g, m) and not _dash_wrapped(group[0], prev, ln, g)
            if starts or _second_indented(group, ln, nxt, g):
                out.append(make_paragraph(group, geom=geoms[group[0].page], wraps=wraps))
                group, wraps = [], []
            else:
                wraps.append(_body_wrap(prev, ln, geoms[prev.page]))
        group.append(ln)
    if group:
        out.append(make_paragraph(group, geom=geoms[group[0].page], wraps=wraps))
    return out


_WORD_HYPHEN = re.compile(r"\w-$")
_LATIN_HEAD, _LATIN_TAIL = re.compile(r"[a-z]{3,}-"), re.compile(r"[a-z]{2,}[.,;:!?)]*")
_CAPITALISED = re.compile(r"\p{Lu}\p{Ll}")


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines with a space (Vietnamese syllables are words: never glue them).

    A line ending in a hyphen after a letter is joined without a space ("NĐ-" + "CP"),
    unless a capitalised word follows ("Trang-" + "Kinh phí": a dash, then a new item);
    the hyphen itself is dropped only for an obvious Latin word hyphenation ("infor-" +
    "mation"); a soft hyphen at the end of a line is removed. A line ending in a slash inside
    a number or date goes on without a space ("52/2015/" + "NĐ-CP", "17/10/" + "2025").
    """
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
            continue
        if out.endswith("\u00ad"):
            out = out[:-1] + t
        elif out.endswith("-") and _WORD_HYPHEN.match(out, len(out) - 2):  # a letter, "-", the end
            tail = out.rsplit(None, 1)[-1]
            head = t.split(None, 1)[0]
            if _LATIN_HEAD.fullmatch(tail) and _LATIN_TAIL.fullmatch(head):
                out = out[:-1] + t  # a Latin word hyphenated at the line end
            elif _CAPITALISED.match(head):
                out = out + " " + t  # "Cổng/Trang-" + "Kinh phí": a dash before a new word
            else:
                out = out + t  # "NĐ-" + "CP", "snv-" + "cchc@…": the hyphen belongs to the text
        elif (_SLASH_END.search(out) and _SLASH_GOES_ON.match(t)) or (_NUMBER_CUT.search(out) and t[:1].isdigit()):
            # "52/2015/" + "NĐ-CP", "17/10/" + "2025": a number or date wrapped after its slash; "14/11/202" +
            # "5 của UBND", "11h0" + "0": a date or an hour a narrow cell cut inside its digits
            out = out + t
        else:
            out = out + " " + t
    return out


# a line ending in a slash after a letter or digit, with no space before it ("số 52/2015/", "ngày
# 17/10/"): the number or date goes on at the next line's start, which opens with a letter or digit
_SLASH_END = re.compile(r"[\p{L}\d]/$")
_SLASH_GOES_ON = re.compile(r"[\p{L}\d]")
_NUMBER_CUT = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{1,3}$|(?<!\S)\d{1,2}h\d$")


def make_paragraph(
    group: list[Line], role: str = "body", geom: PageGeom | None = None, wraps: list[bool] | None = None
) -> Paragraph:
    """One paragraph from its visual lines. `wraps[i]` says line i+1 continues line i after a
    wrap; `lines` keeps only the hard breaks (as a DOCX paragraph's <w:br/> would)."""
    texts = [clean(ln.text) for ln in group]
    wraps = wraps if wraps is not None else [True] * (len(group) - 1)
    logical: list[list[str]] = [[texts[0]]]
    for text, wrap in zip(texts[1:], wraps, strict=False):
        if wrap:
            logical[-1].append(text)
        else:
            logical.append([text])
    nchars = sum(len(t) for t in texts) or 1
    bold = sum(ln.bold * len(t) for ln, t in zip(group, texts, strict=False)) / nchars
    if 0.1 < bold < 0.9 and (mark := MARKER_RE.match(texts[0])):
        # a list number Word writes itself takes the weight of the paragraph mark, not the text:
        # a bold heading after a regular "IV." is bold, as the DOCX reader reads its runs
        bold = min(1.0, bold * nchars / max(1, nchars - len(mark.group().strip())))
    italic = sum(ln.italic * len(t) for ln, t in zip(group, texts, strict=False)) / nchars
    lines = [clean(join_lines(part)) for part in logical]
    return Paragraph(
        text=clean(join_lines(texts)),
        raw="\n".join(ln.text for ln in group),
        lines=[t for t in lines if t],
        bold=True if bold >= 0.9 else (False if bold <= 0.1 else None),
        italic=True if italic >= 0.9 else (False if italic <= 0.1 else None),
        align=_align(group, geom),
        role=role,  # type: ignore[arg-type]
        prov=Provenance(line=group[0].index, page=group[0].page, source="pdf"),
    )


def _align(group: list[Line], g: PageGeom | None) -> Literal["left", "center", "right", "justify"] | None:
    if g is None:
        return None
    if all(_centered(ln, g) for ln in group) or (
        _centered(group[-1], g) and all(_symmetric(ln, g) for ln in group[:-1])
    ):
        return "center"
    size = group[0].size
    if len(group) > 1 and all(ln.x1 >= g.right - 0.5 * size for ln in group[:-1]):
        return "justify"
    if group[-1].x1 >= g.right - 0.5 * size and group[0].x0 > g.left + 3 * size:
        return "right"
    return "left"
