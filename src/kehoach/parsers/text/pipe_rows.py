"""Markdown pipe tables whose rows were broken over several lines, joined back into rows.

An HTML table converted to Markdown by a web scraper keeps "|" between cells but not one
row a line when a cell holds paragraphs: the line breaks inside cells survive, so a row runs
over several lines, a line may start inside a cell, and the rows of empty cells left by
vertically merged cells come out as lines of bare pipes ("| |||||")::

    | TT | Tên văn bản | Cơ quan soạn thảo | Tiến độ | Hồ sơ | |
    | | Luật … | Ban soạn thảo …
    | - Trình … (tháng 02/2025) | - Hồ sơ … | |

The zone starts at a whole pipe row naming at least three columns and runs to the next blank
line. Inside it a line starting with "|", or following a line that ended with "|", opens a new
cell; any other line goes on with the open cell (a line break inside it). A row ends at a line
of bare pipes, or at a line ending with "|" once it holds nearly as many cells as the header
(a cell lost to a merge is allowed for). Rows come back as whole pipe lines, line breaks
inside cells as "<br>"; which rows lack a cell is left to the plan reader (`ragged`).
"""

from __future__ import annotations

from ... import fastre as re

_BARE = re.compile(r"^\s*\|[\s|]*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def _whole_row(line: str) -> bool:
    s = line.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _header_width(line: str) -> int:
    """Named columns of a candidate header row (0 when it is not one)."""
    if not _whole_row(line) or _BARE.match(line):
        return 0
    cells = _cells(line)
    named = [c for c in cells if c]
    if len(named) < 3 or any(len(c) > 80 for c in named):
        return 0
    while cells and not cells[-1]:
        cells.pop()
    return len(cells)


def join_broken_rows(items: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[int]]:
    """Items (line number, text) with every broken pipe-table zone joined into one line a row,
    and the line numbers of the rows so rebuilt (their tables are ragged)."""
    out: list[tuple[int, str]] = []
    rebuilt: set[int] = set()
    i = 0
    while i < len(items):
        width = _header_width(items[i][1])
        if not width:
            out.append(items[i])
            i += 1
            continue
        end = i + 1
        while end < len(items) and items[end][1].strip():
            end += 1
        zone = items[i + 1 : end]
        if all(_whole_row(t) or _SEPARATOR.match(t) for _, t in zone):
            out.extend(items[i:end])  # a well-formed table: left to the table reader
            i = end
            continue
        rows, stop = _rows(zone, width)
        out.append(items[i])
        for lineno, cells in rows:
            out.append((lineno, "| " + " | ".join("<br>".join(c) for c in cells) + " |"))
            rebuilt.add(lineno)
        out.extend(zone[stop:])
        i = end
    return out, rebuilt


def _rows(zone: list[tuple[int, str]], width: int) -> tuple[list[tuple[int, list[list[str]]]], int]:
    """Rows of a broken zone: (first line number, cells as lists of lines); and how many lines
    of the zone were read (a line with no pipe after a closed row ends the table)."""
    rows: list[tuple[int, list[list[str]]]] = []
    row: list[list[str]] = []
    at = 0
    prev_closed = True  # the previous line ended with "|" (or nothing came yet)

    def close() -> None:
        nonlocal row
        while row and not any(row[-1]):
            row.pop()
        if any(any(c) for c in row):
            rows.append((at, row))
        row = []

    for k, (lineno, text) in enumerate(zone):
        s = text.strip()
        if _SEPARATOR.match(s):
            continue
        if _BARE.match(s):
            close()
            prev_closed = True
            continue
        if "|" not in s and not row:
            return rows, k  # text after the table
        if not row:
            at = lineno
        opens = s.startswith("|") or prev_closed or not row
        parts = _cells(s) if "|" in s else [s]
        if not s.startswith("|") and not s.endswith("|") and "|" not in s:
            parts = [s]
        for n, part in enumerate(parts):
            if n == 0 and not opens:
                if part:
                    row[-1].append(part)
                continue
            row.append([part] if part else [])
        prev_closed = s.endswith("|")
        if prev_closed and len(row) >= width - 1:
            close()
    close()
    return rows, len(zone)
