"""Layout tables shared by the parsers: the borderless header and signature tables.

A plan's first-page header (issuer | motto, Số | place-date) and its signature block
(Nơi nhận | signer) are tables only for layout. Parsers flatten them into paragraphs,
column by column, so the plan reader sees the issuer, then the number, then the motto …
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Paragraph, Provenance, Table
from ..vntext import clean, key

_MARKERS = [
    re.compile(r"cộng hòa xã hội chủ nghĩa việt nam"),
    re.compile(r"độc lập\s*-\s*tự do\s*-\s*hạnh phúc"),
    re.compile(r"(?:^|\s)số\s*:"),
    re.compile(r"nơi nhận"),
    re.compile(r"(?:^|\s)(?:tm|kt|tl|tuq)\.\s"),
    re.compile(r",\s*ngày\s.*\snăm\s"),
]


def is_layout_table(table: Table) -> bool:
    """Two or three columns, few rows, and the genre's header or signature markers inside."""
    if not table.rows or table.width > 3 or len(table.rows) > 8:
        return False
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
    """Column by column, top to bottom: one paragraph per non-empty cell (its lines kept)."""
    width = table.width
    paras: list[Paragraph] = []
    for col in range(width):
        for r, row in enumerate(table.rows, 1):
            pos = 0
            for cell in row.cells:
                if pos == col and not cell.merged_up and not cell.empty:
                    lines = _cell_lines(cell.lines)
                    if lines:
                        paras.append(
                            Paragraph(
                                text=" ".join(lines),
                                raw=cell.raw or "\n".join(cell.lines),
                                lines=lines,
                                role="layout",
                                prov=Provenance(
                                    line=row.prov.line,
                                    page=row.prov.page,
                                    table=table.prov.table,
                                    row=r,
                                    col=col + 1,
                                    source=source,
                                ),
                            )
                        )
                pos += max(1, cell.span)
    return paras
