"""Layout-preserving text exports (`pdftotext -layout` and the like) -> blocks.

Such text keeps the page geometry: paragraphs start with an indented line and continue at
the left margin, the first-page header and the signature block sit in two columns side by
side, page numbers stand alone on a line. This module rebuilds paragraphs and reads the
two-column zones column by column (left first), as the other parsers do for layout tables.
"""

from __future__ import annotations

from ... import fastre as re
from ...blocks import Paragraph, Provenance, Table
from ...vntext import clean, is_upper_title
from .layout_table import read_layout_table

_GAP = re.compile(r"\S(\s{6,})\S")
_MARKER = re.compile(r"^(?:[-+•*–]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)/]\s|[a-zđ][.)/]+\s|[IVX]{1,5}[.)]\s)")
_TYPE_LINE = re.compile(r"^\s*(KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|CÔNG VĂN)\s*$")
_SIGN_START = re.compile(r"^\s*N[ơo]i nh[ậa]n\s*:", re.I)
_ZONE_END = re.compile(r"^\s*(PHỤ LỤC|DANH MỤC)\b")
_PAGE_NO = re.compile(r"^\s*-?\s*\d{1,3}\s*-?\s*$")
_HEADING = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})[.)]\s+(?P<title>\S.*)$")


def is_layout_text(lines: list[str]) -> bool:
    """Many lines indented by 4+ spaces and some with a wide inner gap (columns side by side)."""
    body = [ln for ln in lines if ln.strip()]
    if len(body) < 10:
        return False
    indented = sum(1 for ln in body if re.match(r"^ {4,}\S", ln))
    gapped = sum(1 for ln in body if _GAP.search(ln))
    return indented / len(body) >= 0.25 and gapped >= 2 and not any("\t" in ln for ln in body)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _segments(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each piece separated by 6+ spaces."""
    out, pos = [], 0
    for piece in re.split(r"(\s{6,})", line):
        if piece.strip() and not re.fullmatch(r"\s{6,}", piece):
            out.append((pos + _indent(piece), piece.strip()))
        pos += len(piece)
    return out


def _zone_paragraphs(zone: list[tuple[int, str]]) -> list[Paragraph]:
    """Split a two-column zone at the right column's left edge; one paragraph per column."""
    segs = [(n, col, text) for n, line in zone for col, text in _segments(line)]
    right_starts = [col for n, line in zone for i, (col, _) in enumerate(_segments(line)) if i > 0]
    if not right_starts:
        return []
    boundary = min(right_starts) - 4
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for n, col, text in segs:
        target = right if col >= boundary else left
        if target and not _MARKER.match(text) and text[:1].islower():
            target[-1] = (target[-1][0], f"{target[-1][1]} {text}")  # a wrapped line continues
        else:
            target.append((n, text))
    paras = []
    for column in (left, right):
        if column:
            texts = [clean(t) for _, t in column]
            paras.append(
                Paragraph(text=" ".join(texts), lines=texts, role="layout", prov=Provenance(line=column[0][0]))
            )
    return paras


def layout_text_blocks(lines: list[str]) -> list[Paragraph | Table]:
    """Paragraphs of a layout-preserving export."""
    type_at = next((i for i, ln in enumerate(lines[:60]) if _TYPE_LINE.match(ln)), None)
    blocks: list[Paragraph | Table] = []
    if type_at is not None:
        head = [(i + 1, ln) for i, ln in enumerate(lines[:type_at]) if ln.strip()]
        blocks.extend(_zone_paragraphs(head) or [Paragraph(text=clean(ln), prov=Provenance(line=n)) for n, ln in head])
    start = type_at if type_at is not None else 0
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            joined = ""
            for _, t in current:
                t = clean(t)
                # "NĐ-" + "CP": a code cut at its hyphen is glued back; "Văn hóa -" keeps its space
                glue = "" if re.search(r"\S-$", joined) and re.match(r"^\p{Lu}", t) else " "
                joined = f"{joined}{glue}{t}" if joined else t
            blocks.append(
                Paragraph(
                    text=joined,
                    raw="\n".join(t for _, t in current),
                    lines=[joined],
                    prov=Provenance(line=current[0][0]),
                )
            )
            current.clear()

    i = start
    after_type = False
    after_blank = False
    heading_open = False
    while i < len(lines):
        line = lines[i]
        if _SIGN_START.match(line):
            flush()
            zone = []
            while i < len(lines) and not _ZONE_END.match(lines[i]):
                if lines[i].strip():
                    zone.append((i + 1, lines[i]))
                i += 1
            blocks.extend(
                _zone_paragraphs(zone) or [Paragraph(text=clean(t), prov=Provenance(line=n)) for n, t in zone]
            )
            continue
        if not line.strip():
            after_blank = True
            i += 1
            continue
        if _PAGE_NO.match(line):
            i += 1
            continue
        table = read_layout_table(lines, i) if _GAP.search(line) else None
        if table is not None:  # a task table drawn in text columns
            flush()
            blocks.append(table[0])
            i = table[1]
            heading_open = after_type = False
            continue
        text = line.strip()
        indent = _indent(line)
        # a paragraph starts indented, or after a blank line (an export with no first-line
        # indent, or headings at uneven indentation), or with a list/heading marker
        starts_new = indent >= 3 or bool(_MARKER.match(text)) or (after_blank and text[:1].isupper())
        continues = text[:1].islower() and not _MARKER.match(text)
        type_line = bool(_TYPE_LINE.match(line))
        if heading_open and is_upper_title(text) and not _MARKER.match(text) and not type_line:
            current.append((i + 1, text))  # an upper-case heading wrapped over two lines
            after_blank = False
            i += 1
            continue
        if current and (type_line or after_type or heading_open or (starts_new and not continues)):
            flush()
        current.append((i + 1, text))
        after_type = type_line
        after_blank = False
        # "II. NỘI DUNG": an upper-case numbered heading stands alone, whatever its indentation
        m = _HEADING.match(text)
        heading_open = bool(m) and is_upper_title(m.group("title")) and len(current) == 1
        i += 1
    flush()
    return blocks


def two_column_zones(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of the header and signature zones where two columns stand side by
    side in a text that is otherwise plain (a PDF exported to text with its body at the margin)."""
    zones = []
    type_at = next((i for i, ln in enumerate(lines[:60]) if _TYPE_LINE.match(ln)), None)
    if type_at is not None and sum(1 for ln in lines[:type_at] if _GAP.search(ln)) >= 2:
        zones.append((0, type_at))
    for i, ln in enumerate(lines):
        if _SIGN_START.match(ln) and _GAP.search(ln):
            end = i
            while end < len(lines) and not _ZONE_END.match(lines[end]):
                end += 1
            zones.append((i, end))
            break
    return zones


def zone_blocks(lines: list[str], start: int, end: int) -> list[Paragraph]:
    """Paragraphs of one two-column zone (1-based line numbers kept)."""
    zone = [(i + 1, lines[i]) for i in range(start, end) if lines[i].strip()]
    return _zone_paragraphs(zone) or [Paragraph(text=clean(t), role="layout", prov=Provenance(line=n)) for n, t in zone]
