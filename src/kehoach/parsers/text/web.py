"""Text copied from a web page: lines wrapped inside emphasis, layout tables flattened into lines.

A legal-document website renders a plan as HTML; copied (or scraped) to text it keeps two
warts the plain-text reader must undo before it groups lines into paragraphs:

- lines are wrapped at a fixed width, also inside bold/italic runs ("**I. MỤC\\nĐÍCH, YÊU
  CẦU**", "*Đắk Lắk, ngày 18\\ntháng 11 năm 2025*"): a line break inside an emphasis run is a
  soft wrap, so the run is read as one line;
- the borderless header and signature tables come out one cell after another, each cell
  opened and closed by a lone "|" line. Those two tables are layout, not data: their cells
  become paragraphs with role "layout", as the DOCX and PDF parsers produce for layout tables.
  A page copied whole may put the site's metadata cells in front of the header table: they
  are dropped (and reported as text-dropped). Other "|" zones (appendix tables) are left to
  the table readers.
"""

from __future__ import annotations

from ... import fastre as re
from ...blocks import Paragraph, Provenance
from ...vntext import clean

MAX_WRAP = 6  # lines one emphasis run may be wrapped over
_BULLET_STAR = re.compile(r"^\s*\*\s+")
_RULE = re.compile(r"^[-_=–—.*\s]{3,}$")
_TYPE_WORDS = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|CÔNG VĂN|CHƯƠNG TRÌNH|PHƯƠNG ÁN)$")
_SIGNATURE_CELL = re.compile(r"^(?:N[ơo]i\s+nh[ậa]n\b|(?:TM|KT|Q|TL|TUQ)\s*\.\s*\p{Lu})", re.I)


# a line that starts a new line of its own, not the wrapped end of the one above: a signature
# authority or position, the number line, the tiêu ngữ, a list item or a numbered heading
# ("BÁO CÁO" alone may be the tail of "VII. CHẾ ĐỘ" as well as a type line: not listed)
_LINE_START = re.compile(
    r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.|(?:PHÓ |THỨ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)\b"
    r"|Số\s*:|Độc lập\s*[-–]|[-+•–]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVX]{1,5}\.\s)"
)


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
        if (
            line.strip()
            and not line.lstrip().startswith("|")
            and "\t" not in line
            and _open_emphasis(line)
            and not is_type_line(line)
        ):
            joined, j = line.rstrip(), i + 1
            hard = line.endswith(("  ", "\\"))  # a Markdown hard break is kept
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


def _first_text(items: list[tuple[int, str]], k: int, strip) -> str:
    """The first line of the cell opening at items[k] with text once emphasis is stripped: a cell
    may open with an empty bold run ("* *" before "*Nơi nhận:*")."""
    for _, raw in items[k : k + 3]:
        if not raw.strip() or _is_bar(raw):
            break
        text = clean(strip(raw)[0]).strip("*_ ")
        if text:
            return text
    return ""


_AUTHORITY_LINE = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.|(?:PHÓ |THỨ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG)\b)")
_DATE_CELL = re.compile(r",\s*ngày\b.*\bnăm\s*\d{4}|,\s*ngày\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", re.I)
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA", re.I)


def layout_zone(
    items: list[tuple[int, str]], i: int, before_type: bool, strip
) -> tuple[int, list[Paragraph], list[Paragraph]] | None:
    """A flattened layout table starting at items[i] (a lone "|"):
    (index after it, its cell paragraphs, cells dropped as page boilerplate).

    Only the header table (before the type line) and the signature table (a cell opening
    with "Nơi nhận" or TM./KT./Q./TL.) are read here; any other zone returns None. A copy
    with no blank lines gives no end to the table: the header table ends with its date cell,
    the signature table with the cell that signs. Cells before the issuer's (a website's
    metadata and notices copied with the page) are dropped and returned apart.
    """
    if not _is_bar(items[i][1]) or i + 1 >= len(items):
        return None
    signature_mode = bool(_SIGNATURE_CELL.match(_first_text(items, i + 1, strip)))
    if not (before_type or signature_mode):  # cheap test first
        return None
    cells: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    j = i
    closed = False
    while j < len(items) and items[j][1].strip() and j - i < 400:
        n, text = items[j]
        j += 1
        if not _is_bar(text):
            current.append((n, text))
            continue
        if current:
            cells.append(current)
            texts = _cell_lines([t for _, t in current], strip)
            current = []
            ends = (signature_mode and any(_AUTHORITY_LINE.match(t) for t in texts)) or (
                not signature_mode and any(_DATE_CELL.search(t) for t in texts)
            )
            if ends:
                closed = True
                while j < len(items) and _is_bar(items[j][1]):  # the row's closing bars
                    j += 1
                break
    if not closed and (current or not cells):  # the zone must end on a "|" (a whole table)
        return None
    paras = []
    for cell in cells:
        texts = _cell_lines([t for _, t in cell], strip)
        if texts:
            paras.append(
                Paragraph(
                    text=" ".join(texts),
                    raw="\n".join(t for _, t in cell),
                    lines=texts,
                    role="layout",
                    prov=Provenance(line=cell[0][0]),
                )
            )
    if not paras:
        return None
    dropped: list[Paragraph] = []
    motto = next((k for k, p in enumerate(paras) if _MOTTO.search(p.text)), None)
    if not signature_mode and motto is not None and motto >= 2:
        junk, paras = paras[: motto - 1], paras[motto - 1 :]
        dropped = [
            Paragraph(
                text=" | ".join(p.text for p in junk),
                lines=[ln for p in junk for ln in p.lines],
                role="layout",
                prov=junk[0].prov,
            )
        ]  # one report for the whole run
    signature = any(_SIGNATURE_CELL.match(p.lines[0]) for p in paras)
    if not (signature or (before_type and len(paras) <= 8)):
        return None
    if before_type and any(_TYPE_WORDS.match(ln) for p in paras for ln in p.lines):
        return None  # the type line inside a "table": not a header table
    return j, paras, dropped


def is_type_line(text: str) -> bool:
    """A document-type line alone ("KẾ HOẠCH", "**KẾ HOẠCH**")."""
    return bool(_TYPE_WORDS.match(clean(text).strip("*_ ")))
