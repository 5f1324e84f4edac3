"""Layout tables shared by the parsers: the borderless header and signature tables.

A plan's first-page header (issuer | motto, Số | place-date) and its signature block
(Nơi nhận | signer) are tables only for layout. Parsers flatten them into paragraphs,
column by column, so the plan reader sees the issuer, then the number, then the motto …
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Paragraph, Provenance, Table
from ..doctypes import PARTY_NAME
from ..vntext import clean, key

_MARKERS = [
    re.compile(r"cộng hòa xã hội chủ nghĩa việt nam"),
    re.compile(rf"(?:^|\s){key(PARTY_NAME)}(?:\s|$)"),  # a Party committee's, where the Quốc hiệu stands
    re.compile(r"độc lập\s*-\s*tự do\s*-\s*hạnh phúc"),
    re.compile(r"(?:^|\s)số\s*:"),
    re.compile(r"nơi nhận"),
    re.compile(r"(?:^|\s)(?:tm|kt|tl|tuq)\.?\s"),  # the dot dropped in some drafts: "KT GIÁM ĐỐC"
    re.compile(r",\s*ngày\s.*\snăm\s"),
]


def is_layout_table(table: Table) -> bool:
    """Two or three columns, few rows, and the genre's header or signature markers inside (two
    of them, or a cell opening with "Nơi nhận")."""
    if not table.rows or table.width > 3 or len(table.rows) > 8:
        return False
    if any(key(c.text).startswith("nơi nhận") for r in table.rows for c in r.cells):
        return True  # a cell that opens "Nơi nhận:" is the signature block's (a draft may have no name yet)
    text = key(" ".join(c.text for r in table.rows for c in r.cells))
    return sum(1 for m in _MARKERS if m.search(text)) >= 2


def _cell_lines(lines: list[str]) -> list[str]:
    """Split a flattened cell back into lines: runs of spaces, rules "-----", inline "; - " items."""
    out: list[str] = []
    for line in lines:
        for piece in re.split(r"\s{3,}|\s*-{3,}\s*|(?<=[;:.])\s+(?=[-+•]\s)", line):
            piece = clean(piece).strip("*_ ")
            if piece:
                out.append(piece)
    return out


def flatten_layout(table: Table, source: str = "text") -> list[Paragraph]:
    """Column by column, top to bottom: one paragraph per non-empty cell, its lines kept; where
    the format has the lines as drawn (PDF), one paragraph per drawn line, as the borderless
    twin of a ruled header or signature table is read."""
    width = table.width
    paras: list[Paragraph] = []
    for col in range(width):
        for r, row in enumerate(table.rows, 1):
            pos = 0
            for cell in row.cells:
                if pos == col and not cell.merged_up and not cell.empty:
                    prov = Provenance(
                        line=row.prov.line,
                        page=row.prov.page,
                        table=table.prov.table,
                        row=r,
                        col=col + 1,
                        source=source,
                    )
                    if cell.drawn:
                        paras.extend(_paragraph([line], line, prov) for line in _cell_lines(cell.drawn))
                    elif lines := _cell_lines(cell.lines):
                        paras.append(_paragraph(lines, cell.raw or "\n".join(cell.lines), prov))
                pos += max(1, cell.span)
    return paras


def _paragraph(lines: list[str], raw: str, prov: Provenance) -> Paragraph:
    return Paragraph(text=" ".join(lines), raw=raw, lines=lines, role="layout", prov=prov)
