"""The words of a ruled table put into its cells (`tables` finds the grids on the image).

Words whose centre falls inside a grid go to that grid's cells; merged cells become
span / merged_up; cells the page pass left empty though they hold ink are read again one
by one; a column of row numbers gets its misread "1"s back.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import regex as re

from ...blocks import Cell, Provenance, Row, Table
from ...roman import from_roman, to_roman
from ...vntext import clean, fold, within_one_edit
from .slots import as_digits
from .tables import Grid, cell_layout, locate
from .words import Word, is_noise


def split_table_words(words: list[Word], grids: list[Grid]):
    """Words inside a ruled table go to its cells: (other words, per grid [(row, col, word)])."""
    outside: list[Word] = []
    inside: list[list[tuple[int, int, Word]]] = [[] for _ in grids]
    for word in words:
        cx, cy = word.left + word.width / 2, word.top + word.height / 2
        for k, grid in enumerate(grids):
            where = locate(grid, cx, cy)
            if where:
                inside[k].append((where[0], where[1], word))
                break
        else:
            outside.append(word)
    return outside, inside


def build_table(grid: Grid, cell_words: list[tuple[int, int, Word]], page: int, index: int) -> Table:
    """A grid and the words in it -> a `Table` (merged cells as span / merged_up)."""
    layout = cell_layout(grid)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # grid cell -> the cell holding its text
    for row in layout:
        for r, c, span, merged_up in row:
            for k in range(c, c + span):
                owner[(r, k)] = owner.get((r - 1, k), (r, c)) if merged_up else (r, c)
    texts: dict[tuple[int, int], list[Word]] = {}
    for r, c, word in cell_words:
        if not is_noise([word]):
            texts.setdefault(owner.get((r, c), (r, c)), []).append(word)
    rows = []
    for r, row in enumerate(layout):
        cells = []
        for _, c, span, merged_up in row:
            if merged_up:
                cells.append(Cell(merged_up=True, span=span))
                continue
            by_line: dict[tuple[int, int, int], list[Word]] = {}
            for word in sorted(texts.get((r, c), []), key=lambda w: (w.top, w.left)):
                by_line.setdefault(word.key, []).append(word)
            ordered = _without_shadow_lines(
                sorted(by_line.values(), key=lambda ws: (min(w.top for w in ws), ws[0].left))
            )
            lines = [clean(" ".join(w.text for w in sorted(ws, key=lambda w: w.left))) for ws in ordered]
            cells.append(Cell(lines=[ln for ln in lines if ln], span=span))
        rows.append(Row(cells=cells, prov=Provenance(page=page, table=index, row=r + 1, source="ocr")))
    return Table(rows=rows, prov=Provenance(page=page, table=index, source="ocr"))


def read_empty_cells(
    table: Table, grid: Grid, page_image, binary: str, workdir: Path, lang: str, limit: int = 40
) -> None:
    """Read again, one by one, cells Tesseract's page pass left empty though they hold ink.

    The page pass drops short text alone in a narrow column (the "1" under "TT"); a cell
    read on its own as one line does not.
    """
    from PIL import ImageOps

    done = 0
    layout = cell_layout(grid)
    for row, cells in zip(table.rows, layout, strict=True):  # `_table` built it from this layout
        for cell, (r, c, span, merged_up) in zip(row.cells, cells, strict=True):
            if merged_up or cell.lines or done >= limit:
                continue
            inset = 8
            box = (grid.xs[c] + inset, grid.ys[r] + inset, grid.xs[c + span] - inset, grid.ys[r + 1] - inset)
            if box[2] - box[0] < 10 or box[3] - box[1] < 10:
                continue
            crop = page_image.crop(box)
            if sum(crop.histogram()[:128]) < 0.002 * crop.width * crop.height:
                continue
            done += 1
            target = workdir / "cell.png"
            ImageOps.expand(crop, border=20, fill=255).save(target)
            try:
                out = subprocess.run(
                    [binary, str(target), "stdout", "-l", lang, "--psm", "6"],
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            lines = [clean(line) for line in out.stdout.splitlines() if clean(line)]
            if lines:
                cell.lines = lines


def _without_shadow_lines(lines: list[list[Word]]) -> list[list[Word]]:
    """A cell's lines without the shadows: Tesseract sometimes reads a cell's line twice, once
    as itself and once as a line of squeezed, unsure words over the same place ("Bà soát việc
    đáo ú 5= điền BI" over "à soát việc đáp ứng các điều kiện"). Of two lines that overlap on
    the page both across and up-down by half the smaller one, the less sure one is dropped."""

    def overlap(a0: float, a1: float, b0: float, b1: float) -> bool:
        return min(a1, b1) - max(a0, b0) >= 0.5 * min(a1 - a0, b1 - b0) > 0

    def box(ws: list[Word]) -> tuple[int, int, int, int]:
        return min(w.left for w in ws), max(w.right for w in ws), min(w.top for w in ws), max(w.bottom for w in ws)

    def sure(ws: list[Word]) -> float:
        return sum(w.conf for w in ws) / len(ws)

    boxes = [box(ws) for ws in lines]  # each line's box and confidence, worked out once
    sures = [sure(ws) for ws in lines]
    dropped: set[int] = set()
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            if i in dropped or j in dropped:
                continue
            (al, ar, at, ab), (bl, br, bt, bb) = boxes[i], boxes[j]
            if overlap(al, ar, bl, br) and overlap(at, ab, bt, bb):
                dropped.add(i if sures[i] < sures[j] else j)
    return [ws for k, ws in enumerate(lines) if k not in dropped]


def fix_number_column(table: Table) -> None:
    """In a column of row numbers ("TT"), a "|" or "l" alone is the digit 1 misread; numbers
    are put back in sequence (`_number_in_sequence`) and a header one letter from "STT" or "TT"
    is that header."""
    width = max((len(r.cells) for r in table.rows), default=0)
    for col in range(width):
        cells = [r.cells[col] for r in table.rows if len(r.cells) == width and not r.cells[col].merged_up]
        texts = [c.text for c in cells if c.text]
        numbers = sum(1 for t in texts if re.fullmatch(r"\d{1,3}[.)]?", t))
        if len(texts) < 3 or numbers < 0.5 * len(texts):
            continue
        for cell in cells:
            if cell.text and not re.fullmatch(r"\d{1,3}[.)]?", cell.text) and len(cell.text) <= 3:
                digits = as_digits(cell.text)
                if digits:
                    cell.lines = [digits]
        _number_in_sequence(cells)
        head = cells[0].text if cells else ""
        if head and head not in ("STT", "TT") and len(head) <= 4 and not re.search(r"\d", head):
            # the column's header is "STT" or "TT" ("số thứ tự"); "SIT" is it misread
            for name in ("STT", "TT"):
                if len(head) == len(name) and within_one_edit(fold(head).upper(), name):
                    cells[0].lines = [name]
                    break


_ROMAN_READ = re.compile(r"[IVXHl1|]{1,4}")  # a group's Roman mark as Tesseract may read it ("1", "H")


def _number_in_sequence(cells: list) -> None:
    """Row numbers put back in sequence. Between two numbers that count on by the rows between
    them ("1.", "VÃ", "3."; "21", "2", "K_o)", "24"), the cells are the numbers between, written
    as most numbers of the column are (a misread mark or a lost dot); a number one digit away
    from the one after the row above, which the row below does not confirm, is that one ("24",
    "29" at the end). A short cell just before a row numbered 1, where the numbering starts
    again, is a group's Roman mark ("1" for I, "H" for II): the groups are counted I, II, III …
    in order."""
    pattern = r"(\d{1,3})([.)]?)"
    numbered = [re.fullmatch(pattern, c.text) for c in cells]
    styles = Counter(m[2] for m in numbered if m)
    if not styles:
        return
    style = styles.most_common(1)[0][0]
    for i, first in enumerate(numbered):
        if first is None:
            continue
        for j in range(i + 2, min(i + 5, len(cells))):
            last = numbered[j]
            if last is None or int(last[1]) - int(first[1]) != j - i:
                continue
            if all(
                numbered[k] is not None
                or len(cells[k].text) <= 3
                or (len(cells[k].text) == 4 and not cells[k].text.isalpha())
                for k in range(i + 1, j)
            ):  # numbers or a few misread marks ("VÃ", "yến", "K_o)"), not a word ("Tổng")
                for k in range(i + 1, j):
                    want = f"{int(first[1]) + k - i}{style}"
                    if cells[k].text != want:
                        cells[k].lines = [want]
                        numbered[k] = re.fullmatch(pattern, want)
            break
    for k in range(1, len(cells)):
        # a digit misread in a number no row after confirms ("24", "29" at the end): the next one
        before, here = numbered[k - 1], numbered[k]
        if not (before and here) or int(here[1]) in (1, int(before[1]) + 1):
            continue
        want = str(int(before[1]) + 1)
        below = numbered[k + 1] if k + 1 < len(cells) else None
        confirmed = below is not None and int(below[1]) == int(here[1]) + 1
        if len(want) == len(here[1]) and within_one_edit(want, here[1]) and not confirmed:
            cells[k].lines = [want + style]
            numbered[k] = re.fullmatch(pattern, want + style)
    group = 0
    for k in range(len(cells) - 1):
        after = numbered[k + 1]
        if after is None or int(after[1]) != 1:
            continue
        text = cells[k].text.rstrip(".")
        value = from_roman(text) if text and set(text) <= set("IVX") else None
        if value and to_roman(value) == text:  # a well-formed numeral: groups go on from it
            group = value
        elif text and _ROMAN_READ.fullmatch(text):
            cells[k].lines = [to_roman(group + 1)]
            numbered[k] = None
            group += 1
