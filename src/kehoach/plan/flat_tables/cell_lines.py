"""Shape 2 of a flattened table: one cell per line. A header row of known column names (a
one-row table, or one name a line), then every cell on its own line; rows are cut at row
numbers that follow each other, and a row's extra lines are the wrapped ends of its cells.
In: the blocks and the index of a one-row table or a body paragraph. Out: the rebuilt table, or None."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ... import fastre as re
from ...blocks import Block, Paragraph, Table
from ...vntext import clean
from ..columns import role_of
from ..diagnostics import report
from .common import ROW_NUMBER, Header, Rebuilt, header_of, line_no, table_block

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


def after_header_table(blocks: list[Block], i: int) -> Rebuilt | None:
    """A table holding only its header row, its cells following one per line."""
    table = blocks[i]
    assert isinstance(table, Table)
    if len(table.rows) != 1 or i + 1 >= len(blocks) or not isinstance(blocks[i + 1], Paragraph):
        return None
    header = header_of(table.rows[0].texts)
    if header is None:
        return None
    paras, lines, where, origin = _following_lines(blocks, i + 1)
    # a last header cell left on the next line ("Thời gian thực hiện")
    while (
        lines
        and len(lines[0]) <= 40
        and (role := role_of(lines[0]))
        and role not in header.roles.values()
        and not ROW_NUMBER.match(lines[0])
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
    return [], table_block(header, rows, paras[0], rows_at), 1 + taken, tail


def header_lines_table(blocks: list[Block], i: int) -> Rebuilt | None:
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
    while (text := line(k)) is not None and len(text) <= 40 and not ROW_NUMBER.match(text):
        if names and text[:1].islower():  # a header name wrapped over two lines
            names[-1] = f"{names[-1]} {text}"
        elif role_of(text) or (names and _column_name(text)):
            names.append(text)  # a name outside the vocabulary ("Số lượng") still makes a column
        else:
            break
        k += 1
    if len(names) < 3 or (text := line(k)) is None or not ROW_NUMBER.match(text):
        return None
    header = header_of(names)
    if header is None or len(header.roles) < 3 or 0 not in header.roles:
        return None
    paras, lines, where, origin = _following_lines(blocks, i)  # the same lines, all of them
    rebuilt = _rows_from_lines(header, lines[k:], where[k:])
    if rebuilt is None:
        return None
    rows, rows_at, used = rebuilt
    taken, tail = _split_after(paras, origin, k + used)
    return [], table_block(header, rows, paras[0], rows_at), taken, tail


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
                where.append(line_no(b, k))
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
        prov=replace(para.prov, line=line_no(para, k)),
    )
    return p + 1, [tail]


def _next_letter(prev: str | None) -> str:
    """The lettered row number after `prev` ("a)" first; Vietnamese adds "đ" after "d")."""
    if prev is None:
        return "a)"
    c = prev[0]
    return _LETTERS[_LETTERS.index(c) + 1] + ")" if c in _LETTERS[:-1] else ""


def _rows_from_lines(
    header: Header, lines: list[str], where: list[int | None]
) -> tuple[list[list[list[str]]], list[int | None], int] | None:
    """Cells one a line -> rows, cut at the row numbers that follow each other."""
    width = len(header.texts)
    if 0 not in header.roles or header.roles[0] != "number" or not lines or not ROW_NUMBER.match(lines[0]):
        return None
    chunks: list[list[str]] = []
    starts: list[int | None] = []
    first_at: list[int] = []  # index of each row's first line
    last_sub: str | None = None  # the last lettered number
    decimals: list[int] = []
    romans: list[str] = []
    for k, ln in enumerate(lines):
        m = ROW_NUMBER.match(ln)
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


def _row_of(chunk: list[str], width: int, header: Header, last: bool = False) -> tuple[list[list[str]], int]:
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
