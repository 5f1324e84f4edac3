"""Task tables in layout-preserving text (`pdftotext -layout`), rebuilt from column positions.

Such an export draws a table as text columns: the header names centred over their columns
and wrapped over two or three lines, each cell's lines centred on its row, the row number
on the middle line, and two neighbouring cells sometimes only one space apart
("Công ty cổ phần xây Bài - Lào Cai"). The table is read back here into a `Table` block:

1. the header: up to three lines whose pieces (text runs separated by 2+ spaces), merged
   where they overlap horizontally, name a content column and at least two other known
   columns (columns.py), the first being the row number;
2. the columns' left edges: the header pieces, corrected by where the body's pieces start;
   a body piece running across an edge is cut at the space nearest to it;
3. the rows: one per row number in the first column; a row's lines are centred on its
   number (or start on it, when the first number sits on the first line).
"""

from __future__ import annotations

from collections import Counter

from ... import fastre as re
from ...blocks import Cell, Provenance, Row, Table
from ...vntext import clean

_PIECE = re.compile(r"\S+(?: \S+)*")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}\.?|[IVX]{1,5}\.?|[a-zđ]\))$")


def _pieces(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of words separated by at most one space."""
    return [(m.start(), m.end(), m.group(0)) for m in _PIECE.finditer(line)]


def _header(lines: list[str], i: int) -> tuple[list[tuple[int, int, str]], int] | None:
    """Columns (start, end, name) of a table header starting at line i, and the line after it."""
    from ...plan.columns import header_roles  # plan vocabulary; imported late (parsers load first)

    block: list[str] = []
    k = i
    while k < len(lines) and lines[k].strip() and len(block) < 3:
        block.append(lines[k])
        k += 1
    for size in range(len(block), 0, -1):
        cols: list[list] = []
        for line in block[:size]:
            for s, e, t in _pieces(line):
                hit = next((c for c in cols if s < c[1] and e > c[0]), None)
                if hit:
                    hit[0], hit[1] = min(hit[0], s), max(hit[1], e)
                    hit[2].append((s, t))
                else:
                    cols.append([s, e, [(s, t)]])
        cols.sort(key=lambda c: c[0])
        named = [(c[0], c[1], clean(" ".join(t for _, t in c[2]))) for c in cols]
        if len(named) < 3 or any(len(n) > 60 for _, _, n in named):
            continue
        roles = header_roles([n for _, _, n in named])
        if roles.get(0) == "number" and "content" in roles.values() and len(roles) >= 3:
            return named, i + size
    return None


def read_layout_table(lines: list[str], i: int) -> tuple[Table, int] | None:
    """A task table whose header starts at line i, and the index of the line after it; or None."""
    if len(_pieces(lines[i])) < 2:
        return None
    found = _header(lines, i)
    if found is None:
        return None
    cols, k = found
    body: list[tuple[int, str]] = []
    while k < len(lines) and lines[k].strip():
        body.append((k, lines[k]))
        k += 1
    if len(body) < 1:
        return None
    edges = _edges(cols, [ln for _, ln in body])
    grid = [(n, _cells(ln, edges)) for n, ln in body]
    anchors = [j for j, (_, cells) in enumerate(grid) if _ROW_NUMBER.match(cells[0].strip())]
    if not anchors:
        return None
    spans = _row_spans(anchors, len(grid))
    prov = Provenance(line=i + 1, source="text")
    rows = [Row(cells=[Cell(lines=[name], raw=name) for _, _, name in cols], is_header=True, prov=prov)]
    for start, end in spans:
        cells: list[list[str]] = [[] for _ in cols]
        for _, parts in grid[start:end]:
            for c, text in enumerate(parts):
                if text.strip():
                    cells[c].append(clean(text))
        rows.append(
            Row(
                cells=[Cell(lines=[" ".join(c)] if c else [], raw="\n".join(c)) for c in cells],
                prov=Provenance(line=grid[start][0] + 1, source="text"),
            )
        )
    return Table(rows=rows, prov=prov), k


def _edges(cols: list[tuple[int, int, str]], body: list[str]) -> list[int]:
    """Left edge of each column: where most body pieces start between the end of the previous
    column's name and the end of its own (a body column often starts left of its centred name)."""
    edges = [0]
    starts = Counter(s for ln in body for s, _, _ in _pieces(ln))
    for c in range(1, len(cols)):
        lo = max(cols[c - 1][1], edges[-1] + 1)
        hi = cols[c][1]
        seen = [(n, s) for s, n in starts.items() if lo <= s <= hi]
        if seen:
            top = max(n for n, _ in seen)
            edges.append(min(s for n, s in seen if n == top))
        else:
            edges.append(cols[c][0])
    return edges


def _cells(line: str, edges: list[int]) -> list[str]:
    """A body line cut into the columns; a piece crossing an edge is cut at the space nearest it."""
    cuts = []
    for edge in edges[1:]:
        if edge >= len(line) or line[edge - 1] == " ":
            cuts.append(edge)
            continue
        # the export loses spaces, shifting the right cell leftwards: prefer a space left of the edge
        left = [p for p in range(max(0, edge - 6), edge) if line[p] == " "]
        right = [p for p in range(edge, min(len(line), edge + 3)) if line[p] == " "]
        cuts.append(left[-1] + 1 if left else right[0] + 1 if right else edge)
    out, prev = [], 0
    for cut in cuts:
        cut = max(cut, prev)
        out.append(line[prev:cut])
        prev = cut
    out.append(line[prev:])
    return out


def _row_spans(anchors: list[int], n: int) -> list[tuple[int, int]]:
    """Line ranges of the rows: centred on their number lines, or starting on them."""
    if anchors[0] == 0:
        bounds = anchors + [n]
        return [(bounds[j], bounds[j + 1]) for j in range(len(anchors))]
    spans = []
    start = 0
    for j, a in enumerate(anchors):
        nxt = anchors[j + 1] if j + 1 < len(anchors) else n
        end = n if j + 1 == len(anchors) else min(a + (a - start) + 1, nxt)
        end = max(end, a + 1)
        spans.append((start, end))
        start = end
    return spans
