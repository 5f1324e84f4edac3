"""Pages -> blocks in reading order: paragraphs, layout zones, tables joined over pages.

In: the `PageData` of every page (text repaired) and the body font size. Out: the blocks of
the document: page furniture dropped, footnotes moved to the end, two-column zones (header,
signature) as layout paragraphs, other lines as body paragraphs (across page breaks), and
the table pieces on consecutive pages with the same columns joined into `Table`s (a header
row repeated mid-table cuts the table into pieces marked `continued`); plus the source
facts read from the text (body font, page setups).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import regex as re

from ...blocks import Cell, PageSetup, Paragraph, Provenance, Row, Table
from ...vntext import clean
from ..layout_tables import flatten_layout, is_layout_table
from .furniture import drop_furniture, split_footnotes
from .geometry import Metrics, PageGeom, fill_margins, measure
from .line_layouts import join_stretched_pairs
from .lines import CharStats, Line
from .paragraphs import body_paragraphs
from .reading import PageData
from .table_join import FragRow, same_layout, table_rows
from .tables import TableFrag
from .zones import find_zones, zone_continuation, zone_paragraphs

PT_TO_MM = 25.4 / 72


def _blocks(pages: list[PageData], body_size: float) -> tuple[list, int, list[PageGeom]]:
    """Pages -> blocks in reading order. Returns (blocks, furniture lines dropped, page geometry)."""
    geoms = [PageGeom(p.number, p.width, p.height) for p in pages]
    page_lines, dropped = drop_furniture([p.lines for p in pages], geoms)
    fill_margins(page_lines, geoms)
    for lines, g in zip(page_lines, geoms, strict=False):
        join_stretched_pairs(lines, g)
    footnotes: list[Paragraph] = []
    for k, (lines, g) in enumerate(zip(page_lines, geoms, strict=False)):
        body, notes = split_footnotes(lines, g)
        if notes:
            page_lines[k] = body
            footnotes.extend(notes)
    metrics = measure(page_lines, geoms, body_size)
    items = _reading_order(pages, page_lines, geoms)
    blocks = _assemble(items, {g.number: g for g in geoms}, metrics)
    blocks = [b for b in blocks if not isinstance(b, Paragraph) or b.text] + footnotes
    return blocks, dropped, geoms


def _reading_order(
    pages: list[PageData], page_lines: list[list[Line]], geoms: list[PageGeom]
) -> list[tuple[str, Any, int]]:
    """One stream of (kind, object, page): "line", "zone" (lines of a two-column run), "table"."""
    zones = [find_zones(lines, g) for lines, g in zip(page_lines, geoms, strict=False)]
    zone_lines = [[lines[z.start : z.end] for z in zs] for lines, zs in zip(page_lines, zones, strict=False)]
    # a zone that ends its page may go on at the top of the next (a long Nơi nhận list)
    carried = [0] * len(pages)
    for k in range(len(pages) - 1):
        lines, nxt = page_lines[k], page_lines[k + 1]
        if not zones[k] or zones[k][-1].end != len(lines) or abs(geoms[k].width - geoms[k + 1].width) > 1:
            continue
        if any(f.bbox[1] > lines[-1].bottom for f in pages[k].tables):
            continue
        limit = zones[k + 1][0].start if zones[k + 1] else len(nxt)
        top_table = min((f.bbox[1] for f in pages[k + 1].tables), default=float("inf"))
        limit = min(limit, sum(1 for ln in nxt if ln.bottom < top_table))
        n = min(zone_continuation(zone_lines[k][-1], zones[k][-1], nxt[:limit], geoms[k + 1]), limit)
        if n:
            zone_lines[k][-1] = zone_lines[k][-1] + nxt[:n]
            carried[k + 1] = n

    items: list[tuple[str, Any, int]] = []
    for p, lines, zs, zl, skip in zip(pages, page_lines, zones, zone_lines, carried, strict=False):
        page_items: list[tuple[float, str, Any]] = []
        in_zone = set(range(skip))
        for z, zlines in zip(zs, zl, strict=False):
            page_items.append((lines[z.start].top, "zone", (zlines, z)))
            in_zone.update(range(z.start, z.end))
        page_items.extend((ln.top, "line", ln) for i, ln in enumerate(lines) if i not in in_zone)
        page_items.extend((frag.bbox[1], "table", frag) for frag in p.tables)
        page_items.sort(key=lambda t: t[0])
        items.extend((kind, obj, p.number) for _, kind, obj in page_items)
    return items


def _assemble(items: list[tuple[str, Any, int]], geoms: dict[int, PageGeom], metrics: Metrics) -> list:
    """Runs of lines -> body paragraphs (across page breaks), zones -> layout paragraphs, and
    a table that is the last thing on a page and the first on the next -> one table."""
    blocks: list = []
    run: list[Line] = []
    table_index = 0
    i = 0
    while i < len(items):
        kind, obj, page = items[i]
        if kind == "line":
            run.append(obj)
            i += 1
            continue
        if run:
            blocks.extend(body_paragraphs(run, geoms, metrics))
            run = []
        if kind == "zone":
            lines, z = obj
            blocks.extend(zone_paragraphs(lines, z, geoms[page]))
            i += 1
            continue
        frags = [obj]
        j = i + 1
        while (
            j < len(items)
            and items[j][0] == "table"
            and items[j][2] == frags[-1].page + 1
            and same_layout(frags[-1], items[j][1])
        ):
            frags.append(items[j][1])
            j += 1
        tables = _tables(frags, table_index + 1)
        table_index += len(tables)
        for table in tables:
            # a header or signature table drawn with its grid (a draft): layout, as when borderless
            blocks.extend(flatten_layout(table, source="pdf") if is_layout_table(table) else [table])
        i = j
    if run:
        blocks.extend(body_paragraphs(run, geoms, metrics))
    return blocks


def _tables(frags: list[TableFrag], index: int) -> list[Table]:
    """One ruled table (its pieces on consecutive pages joined) as `Table` blocks.

    A header row repeated in the middle of a page is where the source has a table break
    (two tables drawn against each other, as a document typed from a text export has):
    the table is cut there into pieces marked `continued`, as the DOCX front-end gives them,
    so the plan joins them — and repairs the row the break cut — the same way for both."""
    rows = table_rows(frags)
    pieces: list[list[FragRow]] = [[]]
    for i, row in enumerate(rows):
        if row.header and i and not rows[i - 1].header and pieces[-1]:
            pieces.append([])
        pieces[-1].append(row)
    out = []
    for k, piece in enumerate(pieces):
        out_rows = [_row(row, index + k, r) for r, row in enumerate(piece, 1)]
        out.append(
            Table(rows=out_rows, prov=Provenance(page=piece[0].page, table=index + k, source="pdf"), continued=k > 0)
        )
    return out


def _row(row: FragRow, table: int, r: int) -> Row:
    cells = []
    for c in row.cells:
        lines = [clean(t) for t in c.lines if clean(t)]
        cells.append(
            Cell(
                lines=lines,
                span=c.span,
                merged_up=c.merged_up,
                bold=True if c.bold >= 0.9 and lines else (False if lines and c.bold <= 0.1 else None),
                raw="\n".join(c.lines),
                drawn=[clean(t) for t in c.drawn if clean(t)],
            )
        )
    return Row(cells=cells, is_header=row.header, prov=Provenance(page=row.page, table=table, row=r, source="pdf"))


def _dominant_font(stats: CharStats) -> tuple[str | None, float | None]:
    """The body font: the most used family and size in the text outside tables (tables are
    often set smaller), or in all text when there is nothing outside tables."""
    fonts = stats.body_fonts or stats.fonts
    if not fonts:
        return None, None
    by_size: Counter[float] = Counter()
    by_name: Counter[str] = Counter()
    for (name, size), n in fonts.items():
        by_size[size] += n
        by_name[_family(name)] += n
    return by_name.most_common(1)[0][0], by_size.most_common(1)[0][0]


def _family(name: str) -> str:
    """'TimesNewRomanPS-BoldMT' -> 'TimesNewRomanPS' (bold and regular count as one body font);
    a PDF name's escapes read: 'Times#20New#20Roman' -> 'Times New Roman'."""
    name = _NAME_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name)
    return name.split("-")[0].split(",")[0] or name


_NAME_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")  # a PDF name's "#xx" (a space in a font name: "#20")


def _page_setups(pages: list[PageData], geoms: list[PageGeom]) -> list[PageSetup]:
    """One PageSetup per run of pages of the same size. Left/right margins are where the text
    of full lines starts and ends (top/bottom cannot be told from the text and stay None)."""
    setups: list[PageSetup] = []
    for p, g in zip(pages, geoms, strict=False):
        w, h = round(p.width * PT_TO_MM, 1), round(p.height * PT_TO_MM, 1)
        if setups and abs((setups[-1].width_mm or 0) - w) < 1 and abs((setups[-1].height_mm or 0) - h) < 1:
            continue
        setups.append(
            PageSetup(
                width_mm=w,
                height_mm=h,
                orientation="landscape" if w > h else "portrait",
                margin_left_mm=round(g.left * PT_TO_MM, 1) if g.measured else None,
                margin_right_mm=round((g.width - g.right) * PT_TO_MM, 1) if g.measured else None,
                first_page=p.number,
            )
        )
    return setups
