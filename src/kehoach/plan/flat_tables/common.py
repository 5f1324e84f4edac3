"""What both shapes of flattened table share: the header of known column names, the rebuilt
`Table` block with each row's source line, the joining of a cell's wrapped lines, and the
note for a table seen but not read."""

from __future__ import annotations

from dataclasses import dataclass

from ... import fastre as re
from ...blocks import Block, Cell, Paragraph, Provenance, Row, Table
from ...models import Location
from ...vntext import clean
from ..columns import header_roles, role_of
from ..diagnostics import report
from ..patterns import ROMAN

ROW_NUMBER = re.compile(
    rf"^(?:(?P<dec>\d{{1,3}})\.?|(?P<sub>\d{{1,2}}\.\d{{1,2}})\.?|(?P<let>[a-zđ])\)|(?P<rom>{ROMAN})(?<=[IVX])\.?|(?P<cap>[A-Z])\.?)$"
)
TOTAL = re.compile(r"^(?:Tổng|TỔNG|Cộng|CỘNG)\b")
_LIST_ITEM = re.compile(r"^\s*[-+•–]\s")


_TASK_ROLES = {"lead", "support", "time", "products", "monitoring"}
# a rebuilt table: (paragraphs before it, the table, blocks consumed, paragraphs after it)
Rebuilt = tuple[list[Block], Table, int, list[Block]]


@dataclass
class Header:
    texts: list[str]  # one header text per column
    roles: dict[int, str]


def header_of(texts: list[str]) -> Header | None:
    texts = [clean(t) for t in texts]
    roles = header_roles(texts)
    # a task table: its content column and a column saying who, when or what comes out
    if not roles or "content" not in roles.values() or not set(roles.values()) & _TASK_ROLES:
        return None
    return Header(texts=texts, roles=roles)


def line_no(para: Paragraph, k: int) -> int | None:
    return para.prov.line + k if para.prov.line is not None and para.prov.source == "text" else para.prov.line


def table_block(header: Header, rows: list[list[list[str]]], first: Paragraph, lines_at: list[int | None]) -> Table:
    prov = Provenance(
        line=first.prov.line, page=first.prov.page, page_approx=first.prov.page_approx, source=first.prov.source
    )
    out = [Row(cells=[Cell(lines=[t], raw=t) for t in header.texts], is_header=True, prov=prov)]
    for r, cells in enumerate(rows):
        width = len(header.texts)
        cells = (cells + [[] for _ in range(width)])[:width] if len(cells) <= width else cells
        out.append(
            Row(
                cells=[Cell(lines=c, raw="\n".join(c)) for c in cells],
                prov=Provenance(
                    line=lines_at[r] if r < len(lines_at) else prov.line,
                    page=prov.page,
                    page_approx=prov.page_approx,
                    source=prov.source,
                ),
            )
        )
    return Table(rows=out, prov=prov)


def joined_cell(lines: list[str]) -> list[str]:
    """Visual wraps of one cell joined; a list item ("- …") keeps its own line."""
    out: list[str] = []
    for ln in (clean(x) for x in lines):
        if not ln:
            continue
        if out and not _LIST_ITEM.match(ln):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(ln)
    return out


def report_unread(texts: list[str], para: Paragraph) -> None:
    """Cells naming who or when, but no task column: a table we saw and did not read."""
    texts = [clean(t) for t in texts if len(t) <= 80]
    seen = sorted(r for r in {role_of(t) for t in texts} & {"lead", "support", "monitoring", "time"} if r)
    if seen:
        report(
            "table-no-tasks",
            f"a table with {', '.join(seen)} columns gave no task (no content column recognised)",
            location=Location.model_construct(line=para.prov.line, page=para.prov.page, source=para.prov.source),
            excerpt=" | ".join(texts),
        )
