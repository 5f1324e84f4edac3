"""Task tables that reached us flattened into text lines, rebuilt as `Table` blocks.

Text copied from a web page or a PDF often loses the table grid of an appendix. Two shapes
are seen, and both are rebuilt here, on the neutral blocks, so every format gets the repair:

- **pipe cells**: a lone "|" line between cells, and "|" "|" between rows
  ("|", "STT", "|", "NHIỆM VỤ", "|", …). The first row is the header.
- **one cell per line**: a header row of known column names (a one-row table, or one name a
  line, a name sometimes wrapped over two lines or a last column left on the next line),
  then every cell on its own line. Rows are found from the row numbers ("1", "a)", "II"),
  which must follow each other ("1" … "2", "a)" … "b)"); a row with fewer cells than columns
  is a group or heading row; a row with more lines than columns carries the wrapped ends of
  its cells (a line starting in lower case continues a sentence, one starting in upper case
  continues a unit name cut after its head word: "…, Cục" + "Lâm nghiệp và Kiểm lâm").

Nothing is rebuilt unless a header of known column names with a content column is found; a
rebuild that leaves lines it could not place says so in the diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import fastre as re
from ..blocks import Block, Cell, Paragraph, Provenance, Row, Table
from ..models import Location
from ..vntext import clean
from .columns import header_roles, role_of
from .diagnostics import report
from .patterns import ROMAN

_PIPE = "|"
_ROW_NUMBER = re.compile(
    rf"^(?:(?P<dec>\d{{1,3}})\.?|(?P<sub>\d{{1,2}}\.\d{{1,2}})\.?|(?P<let>[a-zđ])\)|(?P<rom>{ROMAN})(?<=[IVX])\.?|(?P<cap>[A-Z])\.?)$"
)
_LABEL_CELL = re.compile(r"^[\p{L}][\p{L} -]{1,29}:$")
_TOTAL = re.compile(r"^(?:Tổng|TỔNG|Cộng|CỘNG)\b")
_LIST_ITEM = re.compile(r"^\s*[-+•–]\s")
_TERMINAL = (".", ";", "!", "?", ":")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_UNIT_HEADS = {
    "bộ",
    "cục",
    "vụ",
    "sở",
    "phòng",
    "ban",
    "ủy",
    "uỷ",
    "ubnd",
    "chi",
    "trung",
    "văn",
    "viện",
    "tổng",
    "hội",
    "đoàn",
    "công",
    "ngân",
    "kho",
    "đài",
    "trường",
}


_TASK_ROLES = {"lead", "support", "time", "products", "monitoring"}
# a rebuilt table: (paragraphs before it, the table, blocks consumed, paragraphs after it)
Rebuilt = tuple[list[Block], Table, int, list[Block]]


@dataclass
class _Header:
    texts: list[str]  # one header text per column
    roles: dict[int, str]


def rebuild_flat_tables(blocks: list[Block]) -> list[Block]:
    """Blocks with every flattened task table replaced by a rebuilt `Table`."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        rebuilt = None
        if isinstance(block, Table):
            rebuilt = _after_header_table(blocks, i)
        elif isinstance(block, Paragraph) and block.role == "body":
            rebuilt = _pipe_table(blocks, i) or _header_lines_table(blocks, i)
        if rebuilt is not None:
            lead, table, used, tail = rebuilt
            out.extend(lead)
            out.append(table)
            out.extend(tail)
            i += used
            continue
        out.append(block)
        i += 1
    return out


# --- shared helpers ----------------------------------------------------------------------


def _header_of(texts: list[str]) -> _Header | None:
    texts = [clean(t) for t in texts]
    roles = header_roles(texts)
    # a task table: its content column and a column saying who, when or what comes out
    if not roles or "content" not in roles.values() or not set(roles.values()) & _TASK_ROLES:
        return None
    return _Header(texts=texts, roles=roles)


def _line_no(para: Paragraph, k: int) -> int | None:
    return para.prov.line + k if para.prov.line is not None and para.prov.source == "text" else para.prov.line


def _table(header: _Header, rows: list[list[list[str]]], first: Paragraph, lines_at: list[int | None]) -> Table:
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


def _joined_cell(lines: list[str]) -> list[str]:
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


# --- shape 1: pipe cells --------------------------------------------------------------------


def _pipe_table(blocks: list[Block], i: int) -> Rebuilt | None:
    para = blocks[i]
    assert isinstance(para, Paragraph)
    lines = [ln.strip() for ln in para.lines]
    if _PIPE not in lines or lines.count(_PIPE) < 4:
        return None
    start = lines.index(_PIPE)
    # the paragraph may run on into the next ones (a blank line inside a cell)
    taken = 1
    all_lines = list(lines)
    while _continues_pipes(blocks, i + taken):
        all_lines.extend(_pipe_lines(blocks[i + taken]) or [])  # a body paragraph: _continues_pipes says so
        taken += 1
    segments: list[tuple[int, list[str]]] = []  # (index of the first line, lines) between pipes
    current: list[str] = []
    seg_at = start + 1
    for k in range(start + 1, len(all_lines)):
        if all_lines[k] == _PIPE:
            segments.append((seg_at, current))
            current, seg_at = [], k + 1
        elif all_lines[k].strip("*_ .…"):  # "** **": an empty bold cell; "…......": a dotted filler, no text
            current.append(all_lines[k])
    trailing = current  # text after the last pipe: not part of the table
    # the header row: segments up to the first empty one
    head_end = next((n for n, (_, s) in enumerate(segments) if not s), len(segments))
    header = _header_of([" ".join(s) for _, s in segments[:head_end]])
    if header is None:
        _report_unread([" ".join(s) for _, s in segments[:head_end]], para)
        return None
    width = len(header.texts)
    rows: list[list[list[str]]] = []
    rows_at: list[int | None] = []
    row: list[list[str]] = []
    for n in range(head_end + 1, len(segments)):
        at, seg = segments[n]
        if not seg:
            nxt = next((s for _, s in segments[n + 1 :] if s), None)
            boundary = len(row) >= width or (
                nxt is not None
                and (
                    len(nxt) == 1
                    and _ROW_NUMBER.match(nxt[0].strip("*_ "))
                    or _TOTAL.match(nxt[0].strip("*_ "))
                    or (len(row) >= 2 and len(" ".join(nxt)) <= 40 and role_of(" ".join(nxt)) is not None)
                )
            )
            if not row:
                continue
            if boundary:
                rows.append(row)
                row = []
                continue
            row.append([])
            continue
        if not row:
            rows_at.append(_line_no(para, at) if at < len(lines) else para.prov.line)
        row.append(_joined_cell(seg))
    if row:
        rows.append(row)
    if not rows:
        return None
    lead: list[Block] = []
    if start > 0:
        lead.append(
            Paragraph(
                text=clean(" ".join(lines[:start])),
                lines=[clean(x) for x in lines[:start]],
                prov=para.prov,
                bold=para.bold,
            )
        )
    rows = [_fit(r, width) for r in rows]
    if header.roles.get(0) == "number":
        # "**Địa chỉ:** | 17 Nguyễn Gia Thiều … | **Điện thoại:** | …": the web page's footer read on after the
        # table, label and value in turn where the row number should stand: not a row of the table
        keep = [n for n, r in enumerate(rows) if not (r and _LABEL_CELL.match(" ".join(r[0]).strip("*_ ")))]
        rows_at = [rows_at[n] for n in keep if n < len(rows_at)] if len(keep) < len(rows) else rows_at
        rows = [rows[n] for n in keep]
        if not rows:
            return None
    table = _table(header, rows, para, rows_at)
    for table_row in table.rows[1:]:
        _right_align(table_row, width)
    tail: list[Block] = []
    if trailing:  # text after the last "|": not a cell, given back as a paragraph
        tail.append(Paragraph(text=clean(" ".join(trailing)), lines=[clean(x) for x in trailing], prov=para.prov))
    return lead, table, taken, tail


def _pipe_lines(block: Block | None) -> list[str] | None:
    if not isinstance(block, Paragraph) or block.role != "body":
        return None
    return [x.strip() for x in block.lines]


def _continues_pipes(blocks: list[Block], j: int) -> bool:
    """Does paragraph j carry on the pipe table above it? (A list item in a cell starts a paragraph.)"""
    lines = _pipe_lines(blocks[j]) if j < len(blocks) else None
    if not lines:
        return False
    if _PIPE in lines:
        if lines[0] != _PIPE:
            return True  # the rest of an open cell, then more cells
        return not _is_new_header(lines)
    nxt = _pipe_lines(blocks[j + 1]) if j + 1 < len(blocks) else None
    return nxt is not None and _PIPE in nxt and nxt[0] != _PIPE


def _is_new_header(lines: list[str]) -> bool:
    """The first row of these pipe lines names task-table columns: a new table starts."""
    cells: list[str] = []
    current: list[str] = []
    for ln in lines[1:]:
        if ln == _PIPE:
            if not current:
                break
            cells.append(" ".join(current))
            current = []
        else:
            current.append(ln)
    return _header_of(cells) is not None


def _right_align(row: Row, width: int) -> None:
    """A short row that does not start with a row number lacks its leading cells (spanned from
    the row above in the source, left out by the copy): its cells are the last ones."""
    filled = [c for c in row.cells if not c.empty]
    first = row.cells[0].text.strip("*_ ") if row.cells else ""
    n = len(filled)
    if not filled or n >= width or _ROW_NUMBER.match(first) or _TOTAL.match(first) or n < 2:
        return
    if any(c.empty for c in row.cells[:n]):
        return
    row.cells = [Cell(merged_up=True) for _ in range(width - n)] + row.cells[:n]


def _report_unread(texts: list[str], para: Paragraph) -> None:
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


def _fit(cells: list[list[str]], width: int) -> list[list[str]]:
    """A row with more cells than columns: the extra ones are glued to the last column."""
    if len(cells) <= width:
        return cells
    return cells[: width - 1] + [[ln for c in cells[width - 1 :] for ln in c]]


# --- shape 2: one cell per line ---------------------------------------------------------------


def _after_header_table(blocks: list[Block], i: int) -> Rebuilt | None:
    """A table holding only its header row, its cells following one per line."""
    table = blocks[i]
    assert isinstance(table, Table)
    if len(table.rows) != 1 or i + 1 >= len(blocks) or not isinstance(blocks[i + 1], Paragraph):
        return None
    header = _header_of(table.rows[0].texts)
    if header is None:
        return None
    paras, lines, where, origin = _following_lines(blocks, i + 1)
    # a last header cell left on the next line ("Thời gian thực hiện")
    while (
        lines
        and len(lines[0]) <= 40
        and (role := role_of(lines[0]))
        and role not in header.roles.values()
        and not _ROW_NUMBER.match(lines[0])
    ):
        header.roles[len(header.texts)] = role
        header.texts.append(lines.pop(0))
        where.pop(0)
    skipped = len(origin) - len(lines)  # header cells read off the first lines
    rebuilt = _rows_from_lines(header, lines, where)
    if rebuilt is None:
        return None
    rows, rows_at, used = rebuilt
    taken, tail = _split_after(paras, origin, skipped + used)
    return [], _table(header, rows, paras[0], rows_at), 1 + taken, tail


def _header_lines_table(blocks: list[Block], i: int) -> Rebuilt | None:
    """Header names one a line ("TT", "Nội dung", "Cơ quan chủ trì", …), then the cells one a line."""
    para = blocks[i]
    assert isinstance(para, Paragraph)
    first = clean(para.lines[0]) if para.lines else ""
    if len(first) > 40 or not role_of(first):
        return None
    # the header names are read off the first lines, drawn one by one: most candidates stop
    # after a line or two, and collecting every line down to the next heading cost more
    ahead = _following_texts(blocks, i)
    lines: list[str] = []

    def line(k: int) -> str | None:
        while len(lines) <= k:
            nxt = next(ahead, None)
            if nxt is None:
                return None
            lines.append(nxt)
        return lines[k]

    names: list[str] = []
    k = 0
    while (text := line(k)) is not None and len(text) <= 40 and not _ROW_NUMBER.match(text):
        if names and text[:1].islower():  # a header name wrapped over two lines
            names[-1] = f"{names[-1]} {text}"
        elif role_of(text) or (names and _column_name(text)):
            names.append(text)  # a name outside the vocabulary ("Số lượng") still makes a column
        else:
            break
        k += 1
    if len(names) < 3 or (text := line(k)) is None or not _ROW_NUMBER.match(text):
        return None
    header = _header_of(names)
    if header is None or len(header.roles) < 3 or 0 not in header.roles:
        return None
    paras, lines, where, origin = _following_lines(blocks, i)  # the same lines, all of them
    rebuilt = _rows_from_lines(header, lines[k:], where[k:])
    if rebuilt is None:
        return None
    rows, rows_at, used = rebuilt
    taken, tail = _split_after(paras, origin, k + used)
    return [], _table(header, rows, paras[0], rows_at), taken, tail


def _column_name(text: str) -> bool:
    """A short capitalised label with no sentence punctuation: a header name, read or not."""
    return len(text) <= 30 and text[:1].isupper() and not text.rstrip().endswith(_TERMINAL + (",",))


def _following_lines(
    blocks: list[Block], i: int
) -> tuple[list[Paragraph], list[str], list[int | None], list[tuple[int, int]]]:
    """The lines of the body paragraphs from block i up to the next heading-like block or table,
    with each line's source line and its (paragraph, line) index."""
    paras: list[Paragraph] = []
    lines: list[str] = []
    where: list[int | None] = []
    origin: list[tuple[int, int]] = []
    for b in _following_paragraphs(blocks, i):
        paras.append(b)
        for k, ln in enumerate(b.lines):
            if text := clean(ln):
                lines.append(text)
                where.append(_line_no(b, k))
                origin.append((len(paras) - 1, k))
    return paras, lines, where, origin


def _following_paragraphs(blocks: list[Block], i: int) -> Iterator[Paragraph]:
    """The body paragraphs from block i up to the next heading-like block, table or appendix."""
    for j in range(i, len(blocks)):
        b = blocks[j]
        if not isinstance(b, Paragraph) or b.role != "body" or b.heading_level:
            return
        first = clean(b.lines[0] if b.lines else b.text)
        if j > i and re.match(r"^(PHỤ LỤC|Phụ lục|DANH MỤC)\b", first):
            return
        yield b


def _following_texts(blocks: list[Block], i: int) -> Iterator[str]:
    """The non-empty lines `_following_lines` gives, one at a time."""
    for b in _following_paragraphs(blocks, i):
        for ln in b.lines:
            if text := clean(ln):
                yield text


def _split_after(paras: list[Paragraph], origin: list[tuple[int, int]], used: int) -> tuple[int, list[Block]]:
    """Paragraphs taken by a table that ends after `used` lines, and what is given back after it:
    the rest of a paragraph the table ended inside (the paragraphs after it stay as they are)."""
    if used >= len(origin):
        return len(paras), []
    p, k = origin[used]
    if k == 0:
        return p, []
    para = paras[p]
    rest = [ln for ln in para.lines[k:] if clean(ln)]
    tail = Paragraph(
        text=clean(" ".join(rest)),
        lines=[clean(x) for x in rest],
        role=para.role,
        prov=replace(para.prov, line=_line_no(para, k)),
    )
    return p + 1, [tail]


def _next_letter(prev: str | None) -> str:
    """The lettered row number after `prev` ("a)" first; Vietnamese adds "đ" after "d")."""
    if prev is None:
        return "a)"
    c = prev[0]
    return _LETTERS[_LETTERS.index(c) + 1] + ")" if c in _LETTERS[:-1] else ""


def _rows_from_lines(
    header: _Header, lines: list[str], where: list[int | None]
) -> tuple[list[list[list[str]]], list[int | None], int] | None:
    """Cells one a line -> rows, cut at the row numbers that follow each other."""
    width = len(header.texts)
    if 0 not in header.roles or header.roles[0] != "number" or not lines or not _ROW_NUMBER.match(lines[0]):
        return None
    chunks: list[list[str]] = []
    starts: list[int | None] = []
    first_at: list[int] = []  # index of each row's first line
    last_sub: str | None = None  # the last lettered number
    decimals: list[int] = []
    romans: list[str] = []
    for k, ln in enumerate(lines):
        m = _ROW_NUMBER.match(ln)
        is_start = False
        if m and (not chunks or len(chunks[-1]) >= 2):
            if m.group("dec"):
                # the next number, or "1" at the start or under a new group ("II", "B")
                is_start = not decimals or int(m.group("dec")) == decimals[-1] + 1
            elif m.group("let"):
                is_start = m.group(0) in (_next_letter(last_sub), "a)")
            elif m.group("rom"):
                is_start = not romans or m.group("rom") != romans[-1]
            elif m.group("sub") or m.group("cap"):
                is_start = True
        if m and is_start:
            if m.group("dec"):
                decimals.append(int(m.group("dec")))
                last_sub = None
            elif m.group("rom"):
                romans.append(m.group("rom"))
                decimals.clear()
                last_sub = None
            elif m.group("let"):
                last_sub = m.group(0)
            elif m.group("cap"):
                decimals.clear()
                last_sub = None
            chunks.append([ln])
            starts.append(where[k])
            first_at.append(k)
        elif chunks:
            chunks[-1].append(ln)
    if len(chunks) < 2:
        return None
    rows: list[list[list[str]]] = []
    for n, chunk in enumerate(chunks):
        cells, taken = _row_of(chunk, width, header, last=n == len(chunks) - 1)
        rows.append(cells)
        used = first_at[n] + taken
    return rows, starts, used


def _row_of(chunk: list[str], width: int, header: _Header, last: bool = False) -> tuple[list[list[str]], int]:
    """One row's lines -> its cells, and how many lines it took; extra lines are the wrapped
    ends of its cells. In the last row, the first line that continues no cell ends the table."""
    cells = [[ln] for ln in chunk[:width]]
    extras = chunk[width:]
    if not extras:
        return cells, len(chunk)
    c_content = next((c for c, r in header.roles.items() if r == "content"), 1)
    col = c_content
    unplaced: list[str] = []
    placed = 0
    for ln in extras:
        target = None
        for c in range(col, len(cells)):
            if _continues(cells[c][-1], ln):
                target = c
                break
        if target is None:
            if last:
                return cells, width + placed
            unplaced.append(ln)
            continue
        cells[target][-1] = f"{cells[target][-1]} {ln}"
        placed += 1
        col = target + 1 if ln[:1].isupper() else target
    if unplaced:
        cells[c_content][-1] = " ".join([cells[c_content][-1], *unplaced])
        report(
            "table-rebuilt-guess",
            "lines of a flattened table row were guessed to continue its content cell",
            excerpt=" ".join(unplaced),
        )
    return cells, len(chunk)


def _continues(cell: str, line: str) -> bool:
    """Is `line` the wrapped end of `cell`? A sentence goes on in lower case; a unit name after its head word."""
    cell = cell.rstrip()
    if not cell or cell.endswith(_TERMINAL):
        return False
    last = cell.split()[-1].lower().strip(",")
    if line[:1].islower():
        return cell[-1:].isalpha() and cell.split()[-1][:1].islower()
    return cell.endswith(",") or last in _UNIT_HEADS
