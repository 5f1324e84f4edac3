"""Word tables: the grid by cell element, and layout tables turned into paragraphs.

python-docx's `row.cells` repeats a merged cell in every grid position it covers, so
merged text looks like several cells. Here each `w:tc` is one cell: `w:gridSpan` gives
its span, a `w:vMerge` continuation becomes `Cell(merged_up=True)` with no text,
`w:gridBefore` / `w:gridAfter` become empty cells so grid columns stay aligned, and
`w:hMerge` (legacy horizontal merge) widens the cell before it.

Cell paragraphs become `Cell.lines` (one per paragraph and per line break). A nested
table is not lost: its cells' lines are appended, row by row, to the lines of the
cell that holds it.

A layout table (the borderless header block "issuer | motto" / "Số … | place, date" or
the signature block "Nơi nhận | signer") is not data: `is_layout` decides by content
and borders, and `layout_paragraphs` flattens it column by column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from ... import fastre as re
from ...blocks import Cell, Paragraph, Provenance, Row, Table
from ...doctypes import PARTY_NAME
from ...vntext import fold
from .. import limits
from .styles import Styles, find2, on
from .text import ParaText, Reader, sdt_content
from .xmlparts import W

_WRAPPERS = (W + "sdt", W + "customXml")
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV", "start", "end")

# Column titles of a task table (folded: no diacritics, lower case).
_TITLE_WORDS = (
    "stt",
    "tt",
    "noi dung",
    "nhiem vu",
    "chu tri",
    "phoi hop",
    "thoi gian",
    "thoi han",
    "san pham",
    "ket qua",
    "ghi chu",
    "don vi",
    "co quan",
    "tien do",
    "kinh phi",
    "cong viec",
    "trach nhiem",
    "ten don vi",
    "doi tuong",
    "dia diem",
    "so luong",
    "noi dung cong viec",
    "hinh thuc",
)
# Phrases of the header and signature blocks: the motto and "Nơi nhận" only ever appear there;
# the number line, the place-date line and a signer's authority prefix count when borderless.
_STRONG_MARKS = ("cong hoa xa hoi chu nghia", "doc lap - tu do", "doc lap – tu do", "noi nhan")
_PARTY = fold(PARTY_NAME)  # a whole line
_AUTHORITY = re.compile(r"^(?:tm|kt|tl|tuq|q)\s*\.", re.I)
_NUMBER_LINE = re.compile(r"^so\s*:", re.I)
_DATE_LINE = re.compile(r"ngay\b.*\bthang\b.*\bnam\b", re.I)


@dataclass
class RawCell:
    col: int  # 0-based grid column
    span: int = 1
    merged_up: bool = False
    filler: bool = False  # a gridBefore/gridAfter position, not a w:tc
    paras: list[ParaText] = field(default_factory=list)
    dropped: str = ""  # text of a vMerge continuation (Word does not show it)

    @property
    def lines(self) -> list[str]:
        return [line for p in self.paras for line in p.lines if line]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class RawRow:
    cells: list[RawCell]
    is_header: bool = False
    page: int = 1


@dataclass
class RawTable:
    rows: list[RawRow]
    grid: int
    element: etree._Element  # the w:tbl
    styles: Styles
    page: int = 1
    textboxes: list[etree._Element] = field(default_factory=list)

    @cached_property
    def bordered(self) -> bool:
        """Visible borders (own, table style's, or on half the cells): asked by `is_layout` of a
        few small tables only, so worked out on demand (it looks at every cell)."""
        return _bordered(self.element, self.styles)


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            inner = sdt_content(child) if child.tag == W + "sdt" else child
            if inner is not None:
                out.extend(_children(inner, tag))
    return out


def _int_val(el: etree._Element | None, default: int = 0) -> int:
    """A span or skip count from the document, bounded by Word's 63 columns."""
    if el is None:
        return default
    try:
        return limits.clamp(int(el.get(W + "val") or default), 0, limits.get("GRID"))
    except ValueError:
        return default


_TCPR, _TCBORDERS = W + "tcPr", W + "tcBorders"


def _visible(borders: etree._Element | None) -> bool:
    if borders is None:
        return False
    for side in _BORDER_SIDES:
        el = borders.find(W + side)
        if el is not None and (el.get(W + "val") or "none") not in ("nil", "none"):
            return True
    return False


def _bordered(tbl: etree._Element, styles: Styles) -> bool:
    tblpr = tbl.find(W + "tblPr")
    if tblpr is not None:
        own = tblpr.find(W + "tblBorders")
        if own is not None:
            if _visible(own):
                return True
        else:
            style = tblpr.find(W + "tblStyle")
            for st in styles.chain(style.get(W + "val") if style is not None else None):
                sb = st.find(f"{W}tblPr/{W}tblBorders")
                if sb is not None:
                    if _visible(sb):
                        return True
                    break
    cells = list(tbl.iter(W + "tc"))
    with_borders = sum(1 for tc in cells if _visible(find2(tc, _TCPR, _TCBORDERS)))
    return bool(cells) and with_borders / len(cells) >= 0.5


def single_cell(tbl: etree._Element) -> etree._Element | None:
    """The w:tc of a table with one row and one cell (a frame around content), else None."""
    rows = _children(tbl, W + "tr")
    if len(rows) != 1:
        return None
    cells = _children(rows[0], W + "tc")
    return cells[0] if len(cells) == 1 else None


def read_table(tbl: etree._Element, reader: Reader, styles: Styles) -> RawTable:
    """Read a w:tbl into rows of cells by element identity (numbering advances in order)."""
    grid = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
    table = RawTable(rows=[], grid=grid, element=tbl, styles=styles, page=reader.page)
    for tr in _children(tbl, W + "tr"):
        trpr = tr.find(W + "trPr")
        before = _int_val(trpr.find(W + "gridBefore") if trpr is not None else None)
        after = _int_val(trpr.find(W + "gridAfter") if trpr is not None else None)
        header = bool(on(trpr.find(W + "tblHeader"))) if trpr is not None else False
        row_start = reader.page
        row = RawRow(cells=[RawCell(col=i, filler=True) for i in range(before)], is_header=header, page=row_start)
        col = before
        for tc in _children(tr, W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = max(1, _int_val(tcpr.find(W + "gridSpan") if tcpr is not None else None, 1))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            hmerge = tcpr.find(W + "hMerge") if tcpr is not None else None
            continued = vmerge is not None and (vmerge.get(W + "val") or "continue") == "continue" and bool(table.rows)
            # a continuation cell is not shown, so its (usually empty) paragraph is not numbered either
            paras = _cell_paras(tc, reader, styles, table, numbered=not continued)
            if (
                hmerge is not None
                and (hmerge.get(W + "val") or "continue") == "continue"
                and row.cells
                and not row.cells[-1].filler
            ):
                row.cells[-1].span += span
                row.cells[-1].paras.extend(p for p in paras if not p.empty)
                col += span
                continue
            cell = RawCell(col=col, span=span, merged_up=continued)
            if continued:
                cell.dropped = " ".join(p.text for p in paras if not p.empty)
            else:
                cell.paras = paras
            row.cells.append(cell)
            col += span
        row.cells.extend(RawCell(col=col + i, filler=True) for i in range(after))
        if reader.rendered_breaks and reader.page > row_start + 1:
            reader.page = row_start + 1  # one rendered break per row, however many cells carry it
        if row.cells:
            table.rows.append(row)
    table.grid = max([table.grid] + [sum(c.span for c in r.cells) for r in table.rows])
    return table


def _cell_paras(
    container: etree._Element, reader: Reader, styles: Styles, table: RawTable, numbered: bool = True
) -> list[ParaText]:
    paras: list[ParaText] = []
    for child in container:
        if child.tag == W + "p":
            para = reader.read(child, numbered=numbered)
            table.textboxes.extend(para.textboxes)
            paras.append(para)
        elif child.tag == W + "tbl":
            nested = read_table(child, reader, styles)
            table.textboxes.extend(nested.textboxes)
            for row in nested.rows:
                for cell in row.cells:
                    paras.extend(cell.paras)
        elif child.tag in _WRAPPERS:
            inner = sdt_content(child) if child.tag == W + "sdt" else child
            if inner is not None:
                paras.extend(_cell_paras(inner, reader, styles, table, numbered))
    return paras


# --- deciding what a table is -------------------------------------------------------


def _is_title_cell(text: str) -> bool:
    t = fold(text).strip(" .:()")
    if not t or len(t) > 60:
        return False
    return any(t == w or t.startswith(w + " ") or f" {w}" in f" {t}" for w in _TITLE_WORDS)


def has_title_row(table: RawTable, look: int = 3) -> bool:
    """A row of column titles (STT | Nội dung | Chủ trì | Thời gian …) near the top."""
    for row in table.rows[:look]:
        texts = [c.text for c in row.cells if not c.filler and not c.merged_up and c.text]
        if len(texts) >= 2 and sum(1 for t in texts if _is_title_cell(t)) >= max(2, len(texts) // 2):
            return True
    return False


def is_layout(table: RawTable) -> bool:
    """True for the header/signature layout tables: small, not a task table, header-like.

    A row of column titles makes a task table. Otherwise the motto or "Nơi nhận" make a
    layout table (even a long one: a row per recipient); a borderless small table is one too
    when it holds a number line, a place-date line or a signer's "TM."/"KT." line, or when it is
    tiny (≤ 4 rows, ≤ 3 columns).
    """
    if not table.rows or table.grid > 4 or has_title_row(table):
        return False
    lines = [fold(line) for line in _as_unicode([line for row in table.rows for c in row.cells for line in c.lines])]
    if len(table.rows) <= 40 and any(m in line for line in lines for m in _STRONG_MARKS):
        return True  # a recipient list may take a row per recipient
    if any(line.strip(" *") == _PARTY for line in lines):
        return True  # a Party committee's header: the Party's name where the Quốc hiệu stands
    if table.bordered or len(table.rows) > 6:
        return False
    if any(_NUMBER_LINE.match(line) or _DATE_LINE.search(line) or _AUTHORITY.match(line) for line in lines):
        return True
    return len(table.rows) <= 4 and table.grid <= 3


def _as_unicode(lines: list[str]) -> list[str]:
    """A table's lines as Unicode when they are typed in a legacy encoding: the document is
    converted (`legacy.repair_document`) once it is read, after this table was judged, and a
    header typed in VNI ("COÄNG HOØA XAÕ HOÄI …") shows no motto to the test above."""
    from ... import legacy

    kind = legacy.detect_encoding("\n".join(lines))
    return [legacy.to_unicode(line, kind) for line in lines] if kind in ("vni", "tcvn3") else lines


def layout_paragraphs(table: RawTable, index: int) -> list[Paragraph]:
    """Flatten a layout table into paragraphs, column by column within bands of rows.

    A row whose single cell spans the whole table is a band of its own and keeps its place.
    """
    out: list[Paragraph] = []
    band: list[tuple[int, RawRow]] = []

    def flush() -> None:
        cols = sorted({c.col for _, r in band for c in r.cells if not c.filler})
        for col in cols:
            for r_i, row in band:
                for cell in row.cells:
                    if cell.col == col and not cell.filler and not cell.merged_up:
                        out.extend(
                            p.block("layout", table=index, row=r_i, col=col + 1) for p in cell.paras if not p.empty
                        )
        band.clear()

    for r_i, row in enumerate(table.rows, 1):
        real = [c for c in row.cells if not c.filler]
        if len(real) == 1 and real[0].span >= table.grid and table.grid > 1:
            flush()
            band.append((r_i, row))
            flush()
        else:
            band.append((r_i, row))
    flush()
    return out


def to_table(table: RawTable, index: int) -> Table:
    rows = []
    for r_i, raw in enumerate(table.rows, 1):
        cells = []
        for c in raw.cells:
            paras = [p for p in c.paras if not p.empty]
            chars = sum(p.chars for p in paras)
            bold = None
            if chars:
                bold = sum(p.chars for p in paras if p.bold) / chars >= 0.9
            cells.append(
                Cell(lines=c.lines, span=c.span, merged_up=c.merged_up, bold=bold, raw="\n".join(p.raw for p in paras))
            )
        rows.append(
            Row(
                cells=cells,
                is_header=raw.is_header,
                prov=Provenance(page=raw.page, page_approx=True, table=index, row=r_i, source="docx"),
            )
        )
    return Table(rows=rows, prov=Provenance(page=table.page, page_approx=True, table=index, source="docx"))
