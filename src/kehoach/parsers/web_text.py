"""Text copied from a web page: lines wrapped inside emphasis, layout tables flattened into lines.

A legal-document website renders a plan as HTML; copied (or scraped) to text it keeps two
warts the plain-text reader must undo before it groups lines into paragraphs:

- lines are wrapped at a fixed width, also inside bold/italic runs ("**I. MỤC\\nĐÍCH, YÊU
  CẦU**", "*Đắk Lắk, ngày 18\\ntháng 11 năm 2025*"): a line break inside an emphasis run is a
  soft wrap, so the run is read as one line;
- the borderless header and signature tables come out one cell after another, each cell
  opened and closed by a lone "|" line. Those two tables are layout, not data: their cells
  become paragraphs with role "layout", as the DOCX and PDF parsers produce for layout tables.
  Other "|" zones (appendix tables) are left to the table readers.
"""
from __future__ import annotations

import regex as re

from ..blocks import Paragraph, Provenance
from ..vntext import clean

MAX_WRAP = 6                      # lines one emphasis run may be wrapped over
_BULLET_STAR = re.compile(r"^\s*\*\s+")
_RULE = re.compile(r"^[-_=–—.*\s]{3,}$")
_TYPE_WORDS = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|CÔNG VĂN|CHƯƠNG TRÌNH|PHƯƠNG ÁN)$")
_SIGNATURE_CELL = re.compile(r"^(?:N[ơo]i\s+nh[ậa]n\b|(?:TM|KT|Q|TL|TUQ)\s*\.\s*\p{Lu})", re.I)


# a line that starts a new line of its own, not the wrapped end of the one above: a signature
# authority or position, the number line, the tiêu ngữ, a list item or a numbered heading
# ("BÁO CÁO" alone may be the tail of "VII. CHẾ ĐỘ" as well as a type line: not listed)
_LINE_START = re.compile(
    r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.|(?:PHÓ |THỨ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\b"
    r"|Số\s*:|Độc lập\s*[-–]|[-+•–]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVX]{1,5}\.\s)")


def _starts_line(text: str) -> bool:
    return bool(_LINE_START.match(clean(text.replace("*", " ").replace("_", " "))))


def _open_emphasis(line: str) -> bool:
    """True when the line leaves a ** or * run open (an odd number of markers)."""
    s = line.replace("\\*", "")
    s = _BULLET_STAR.sub("", s)
    bold = s.count("**")
    single = s.replace("**", "").count("*")
    return bold % 2 == 1 or single % 2 == 1


def join_emphasis_wraps(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based first line number, text) of each logical line: a run wrapped inside emphasis is one line.

    A run is joined only when it closes within MAX_WRAP lines, with no blank line and no
    lone "|" in between; otherwise the lines stay as they are.
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() and not line.lstrip().startswith("|") and "\t" not in line and _open_emphasis(line) \
                and not is_type_line(line):
            joined, j = line.rstrip(), i + 1
            hard = line.endswith(("  ", "\\"))          # a Markdown hard break is kept
            while j < len(lines) and j - i < MAX_WRAP and not hard:
                nxt = lines[j]
                if not nxt.strip() or nxt.strip() == "|" or _starts_line(nxt):
                    break
                hard = nxt.endswith(("  ", "\\")) and _open_emphasis(f"{joined} {nxt.strip()}")
                joined = f"{joined} {nxt.strip()}"
                j += 1
                if not _open_emphasis(joined):
                    break
            if not hard and not _open_emphasis(joined) and j > i + 1:
                out.append((i + 1, joined))
                i = j
                continue
        out.append((i + 1, line))
        i += 1
    return out


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def _cell_lines(cell: list[str], strip) -> list[str]:
    texts = []
    for raw in cell:
        text = clean(strip(raw)[0]).strip("*_ ")
        if text and not _RULE.match(text):
            texts.append(clean(text))
    return texts


def layout_zone(items: list[tuple[int, str]], i: int, before_type: bool, strip) -> tuple[int, list[Paragraph]] | None:
    """A flattened layout table starting at items[i] (a lone "|"): (index after it, its cell paragraphs).

    Only the header table (before the type line) and the signature table (a cell opening
    with "Nơi nhận" or TM./KT./Q./TL.) are read here; any other zone returns None.
    """
    if not _is_bar(items[i][1]) or i + 1 >= len(items):
        return None
    if not before_type:                # cheap test first: a signature table opens with its first cell
        first = clean(strip(items[i + 1][1])[0]).strip("*_ ")
        if not _SIGNATURE_CELL.match(first):
            return None
    j = i
    while j < len(items) and items[j][1].strip() and j - i < 400:
        j += 1
    zone = items[i:j]
    bars = [k for k, (_, t) in enumerate(zone) if _is_bar(t)]
    if len(bars) < 2 or not _is_bar(zone[-1][1]):
        return None
    cells: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for n, text in zone:
        if _is_bar(text):
            if current:
                cells.append(current)
            current = []
        else:
            current.append((n, text))
    if current:
        cells.append(current)
    paras = []
    for cell in cells:
        texts = _cell_lines([t for _, t in cell], strip)
        if texts:
            paras.append(Paragraph(text=" ".join(texts), raw="\n".join(t for _, t in cell), lines=texts,
                                   role="layout", prov=Provenance(line=cell[0][0])))
    if not paras:
        return None
    signature = any(_SIGNATURE_CELL.match(p.lines[0]) for p in paras)
    if not (signature or (before_type and len(paras) <= 8)):
        return None
    if before_type and any(_TYPE_WORDS.match(ln) for p in paras for ln in p.lines):
        return None                   # the type line inside a "table": not a header table
    return j, paras


def is_type_line(text: str) -> bool:
    """A document-type line alone ("KẾ HOẠCH", "**KẾ HOẠCH**")."""
    return bool(_TYPE_WORDS.match(clean(text).strip("*_ ")))
