"""Scanned PDF pages -> blocks, with Tesseract's Vietnamese model.

Pages are rendered with pypdfium2 at 300 dpi (option `dpi`); a page with no ink is
skipped. Tesseract's TSV output gives word boxes; lines are rebuilt from its
block/paragraph/line numbers, and a line with a wide gap (the two columns of a header:
"BỘ CÔNG AN ... CỘNG HÒA XÃ HỘI ...") is cut into segments that are emitted column by
column as layout paragraphs, the way the other front-ends flatten the header table.
Ruled tables (`tables`) are found from their lines before Tesseract runs; the lines
are erased from the image it reads (they make it skip whole rows) and the words are put
back into the grid's cells. Every block's provenance says source="ocr" and the page;
`SourceInfo.notes` gets the time spent on each page. Options: `pages` (1-based list),
`dpi`, `ocr_lang` ("vie"), `ocr_tables` (True), `ocr_workers` (the CPUs), `ocr_correct`
(True: `ocr_correct` post-correction).

The number and the day of a signed document are often written by hand in the blank
left for them ("Số: 589/KH-…", "ngày 02 tháng …"). Tesseract reads printed text well
and handwriting badly, so those two slots are read again on their own: the coloured ink
is separated from the black print, the slot is OCR'd as one line of digits, and common
letter-for-digit confusions (Q/O/Ø -> 0, l/I -> 1 …) are undone. Likewise a short
upper-case line that is one letter away from a document-type name once diacritics are
set aside ("KÉẺ HOẠCH") is the name: Tesseract often drops the second mark of bold
capitals.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import regex as re

from ...blocks import Block, Cell, Document, PageSetup, Paragraph, Provenance, Row, SourceInfo, Table
from ...doctypes import OCR_DOC_TYPE_WORDS
from ...errors import KehoachError
from ...vntext import clean, fold, is_upper_title
from .clean import deskew, separate_ink
from .correct import correct_blocks
from .header import ink_notes, is_copy_stamp
from .paragraphs import MARKER_RE, margins, starts_paragraph
from .run import PagePool, Result, default_workers
from .tables import Grid, cell_layout, erase_rules, find_grids, locate
from .zones import fix_header_zones

if TYPE_CHECKING:
    from PIL.Image import Image

DEFAULT_DPI = 300
_MM_PER_PT = 25.4 / 72


def tesseract_binary() -> str | None:
    """Path of the tesseract binary (KEHOACH_TESSERACT overrides), or None."""
    override = os.environ.get("KEHOACH_TESSERACT")
    if override:
        return override if Path(override).exists() else shutil.which(override)
    return shutil.which("tesseract")


def has_language(binary: str, lang: str = "vie") -> bool:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return lang in (out.stdout + out.stderr).split()


def available(lang: str = "vie") -> bool:
    """True when Tesseract and its model for `lang` are installed."""
    binary = tesseract_binary()
    return binary is not None and has_language(binary, lang)


# --------------------------------------------------------------------------- words, lines


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # (block, paragraph, line)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Line:
    words: list[Word]
    key: tuple[int, int, int]
    segments: list[list[Word]] = field(default_factory=list)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> int:
        heights = sorted(w.height for w in self.words)
        return heights[len(heights) // 2]


def parse_tsv(tsv: str, min_conf: float = -1.0) -> list[Word]:
    """Tesseract TSV -> word boxes (level 5 rows with text)."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
        except ValueError:
            continue
        if conf < min_conf:
            continue
        words.append(Word(text, left, top, width, height, conf, key))
    return words


def group_lines(words: list[Word], gap_factor: float = 2.5) -> list[Line]:
    """Words -> lines in reading order; each line cut into segments at wide gaps."""
    by_key: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        by_key.setdefault(w.key, []).append(w)
    lines = [Line(sorted(ws, key=lambda w: w.left), k) for k, ws in by_key.items()]
    lines.sort(key=lambda ln: (ln.top, ln.words[0].left))
    for line in lines:
        limit = gap_factor * max(line.height, 1)
        segment = [line.words[0]]
        for prev, word in pairwise(line.words):
            if word.left - prev.right > limit:
                line.segments.append(segment)
                segment = []
            segment.append(word)
        line.segments.append(segment)
    return lines


def _seg_text(segment: list[Word]) -> str:
    return clean(" ".join(w.text for w in segment))


# --------------------------------------------------------------------------- handwritten slots

_DIGIT_LOOKALIKES = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "Q": "0",
        "D": "0",
        "Ø": "0",
        "ø": "0",
        "(": "0",
        "C": "0",
        "c": "0",
        "l": "1",
        "I": "1",
        "|": "1",
        "i": "1",
        "!": "1",
        "Z": "2",
        "z": "2",
        "S": "5",
        "s": "5",
        "B": "8",
        "g": "9",
        "q": "9",
        "G": "6",
        "b": "6",
    }
)


def _as_digits(text: str) -> str:
    """Undo letter-for-digit confusions; '' when the slot still is not a number."""
    text = re.sub(r"[\s.,'`‘’\"]", "", text).translate(_DIGIT_LOOKALIKES)
    return text if text.isdigit() else ""


def _read_digits(
    image, wide: tuple[int, int, int, int], narrow: tuple[int, int, int, int], binary: str, workdir: Path
) -> str:
    """OCR one slot of the page image as a single line of digits.

    Coloured (blue) ink is looked for in the wide box, which may include the printed
    words around the slot since black print drops out of the ink mask; without coloured
    ink the narrow box, the blank between the printed words, is read in grey.
    """
    from PIL import ImageChops, ImageOps

    crop = image.crop(wide)
    if crop.width < 8 or crop.height < 8:
        return ""
    r, _g, b = crop.convert("RGB").split()
    ink = ImageChops.subtract(b, r).point(lambda v: 255 if v > 40 else 0)  # blue ink
    bbox = ink.getbbox()
    if bbox and sum(ink.histogram()[255:]) > 0.01 * crop.width * crop.height:
        pad = 5
        slot = ImageOps.invert(ink).crop(
            (
                max(bbox[0] - pad, 0),
                max(bbox[1] - pad, 0),
                min(bbox[2] + pad, crop.width),
                min(bbox[3] + pad, crop.height),
            )
        )
    else:
        slot = ImageOps.grayscale(image.crop(narrow))
        if slot.width < 8:
            return ""
    slot = ImageOps.expand(slot, border=30, fill=255)
    target = workdir / "slot.png"
    slot.save(target)
    try:
        out = subprocess.run(
            [binary, str(target), "stdout", "-l", "eng", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return re.sub(r"\D", "", out.stdout)


def _fix_slots(line: Line, image, binary: str, workdir: Path, notes: list[str], page: int) -> None:
    """Re-read the hand-filled number ("Số: ___/…") and day ("ngày __ tháng") of a header line."""
    words = line.words
    folded = [fold(w.text) for w in words]
    # the number: words after "Số:" up to the word that starts the "/KH-…" symbol
    for i, f in enumerate(folded):
        if f.rstrip(":") != "so" or not words[i].text.endswith(":"):
            continue
        j = i + 1
        slot: list[Word] = []
        while j < len(words) and "/" not in words[j].text and len(slot) < 3:
            slot.append(words[j])
            j += 1
        if j >= len(words):
            break
        tail = words[j]
        head, sep, rest = tail.text.partition("/")
        old = " ".join(w.text for w in slot) + head
        if old.isdigit() or not any(c.isalnum() for c in old):  # printed, or left blank
            break
        # the slot's box: from the end of "Số:" to the "/" of the symbol
        x1 = tail.left + int(tail.width * len(head) / max(len(tail.text), 1))
        top, bottom = line.top - 12, line.bottom + 12
        narrow = (words[i].right + 2, top, max(x1, words[i].right + 10), bottom)
        new = _read_digits(image, (words[i].right + 2, top, x1 + 4, bottom), narrow, binary, workdir)
        guess = _as_digits(old)
        if not new or len(new) < len(guess) or len(new) > 5:
            new = guess
        if new:
            for w in slot:
                w.text = ""
            tail.text = new + sep + rest
            notes.append(f"ocr:page {page}: handwritten number {old!r} read as {new!r}")
        break
    # the day: "ngày__" (possibly glued) up to "tháng"
    for i, f in enumerate(folded):
        # the date line of the header: "<Place>, ngày __ tháng __ năm ____"
        if not f.startswith("ngay") or i == 0 or not words[i - 1].text.endswith(","):
            continue
        j = i + 1
        slot = []
        while j < len(words) and fold(words[j].text) != "thang" and len(slot) < 2:
            slot.append(words[j])
            j += 1
        if j >= len(words) or fold(words[j].text) != "thang":
            continue
        word = words[i]
        glued = word.text[4:] if len(word.text) > 4 else ""
        old = glued + "".join(w.text for w in slot)
        if (old.isdigit() and 1 <= int(old) <= 31) or not any(c.isalnum() for c in old):
            break
        x0 = word.left + int(word.width * 4 / max(len(word.text), 1))
        top, bottom = line.top - 12, line.bottom + 12
        new = _read_digits(
            image,
            (word.left, top, words[j].left - 2, bottom),
            (x0 + 2, top, words[j].left - 2, bottom),
            binary,
            workdir,
        )
        guess = _as_digits(old)
        if not (new and len(new) <= 2 and 1 <= int(new) <= 31 and len(new) >= len(guess)):
            new = guess if guess and len(guess) <= 2 and 1 <= int(guess) <= 31 else ""
        if new:
            word.text = word.text[:4]
            for w in slot:
                w.text = ""
            slot_word = slot[0] if slot else word
            if slot:
                slot_word.text = new
            else:
                word.text = word.text + " " + new
            notes.append(f"ocr:page {page}: handwritten day {old!r} read as {new!r}")
        break
    for segment in line.segments:
        segment[:] = [w for w in segment if w.text]
    line.segments[:] = [s for s in line.segments if s]
    line.words[:] = [w for w in line.words if w.text]


# --------------------------------------------------------------------------- document-type names

_DOC_TYPE_FOLDS = {fold(name): name for name in OCR_DOC_TYPE_WORDS}


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def fix_doc_type(text: str) -> str:
    """ "KÉẺ HOẠCH" -> "KẾ HOẠCH": a short capitals line close to a document-type name."""
    if len(text) > 20 or not text.isupper():
        return text
    folded = fold(text)
    if folded in _DOC_TYPE_FOLDS:
        return _DOC_TYPE_FOLDS[folded]
    for name_fold, name in _DOC_TYPE_FOLDS.items():
        if len(name_fold) >= 7 and _edit_distance_le1(folded, name_fold):
            return name
    return text


# --------------------------------------------------------------------------- pages -> blocks


def _is_noise(words: list[Word]) -> bool:
    """Stamps, signatures and specks read as text: low confidence throughout, or no letter."""
    confs = [w.conf for w in words]
    alnum = sum(sum(ch.isalnum() for ch in w.text) for w in words)
    return (sum(confs) / len(confs) < 45 and max(confs) < 70) or alnum == 0


def _drop_noise(lines: list[Line]) -> list[Line]:
    kept = []
    for line in lines:
        for seg in line.segments:  # an underline read as "_" at either end of a segment
            while seg and seg[-1].text.strip("_—-=~'`") == "" and len(seg) > 1:
                seg.pop()
            while seg and seg[0].text.strip("_—=~'`") == "" and len(seg) > 1:
                seg.pop(0)
        line.segments = [seg for seg in line.segments if seg and not _is_noise(seg)]
        line.words = [w for seg in line.segments for w in seg]
        if line.words:
            kept.append(line)
    return kept


def _blocks_from_lines(lines: list[Line], page: int, page_width: int = 0) -> list[Paragraph]:
    """Lines -> paragraphs: header regions column by column, body lines by Tesseract paragraph."""
    out: list[Paragraph] = []
    number = {id(ln): k for k, ln in enumerate(lines, 1)}  # line on the page, as for PDF text
    edges = margins([ln for ln in lines if len(ln.segments) == 1])
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) >= 2:
            # a layout region (the header's two columns): this line and the following ones
            # whose gap overlaps this one's, or that sit wholly on one side of it
            gap_l, gap_r = line.segments[0][-1].right, line.segments[1][0].left
            region = [line]
            j = i + 1
            while j < len(lines):
                nxt = lines[j]
                if len(nxt.segments) >= 2:
                    a, b = nxt.segments[0][-1].right, nxt.segments[1][0].left
                    if a >= gap_r or b <= gap_l:
                        break
                    gap_l, gap_r = max(gap_l, a), min(gap_r, b)
                else:
                    seg = nxt.segments[0]
                    if not (seg[-1].right <= gap_l or seg[0].left >= gap_r):
                        break
                    centre = (seg[0].left + seg[-1].right) / 2
                    if page_width and abs(centre - page_width / 2) < 0.04 * page_width:
                        break  # a centred line (the type line "KẾ HOẠCH") ends the header
                region.append(nxt)
                j += 1
            left: list[tuple[Line, list[Word]]] = []
            right: list[tuple[Line, list[Word]]] = []
            for ln in region:
                if len(ln.segments) >= 2:
                    left.append((ln, ln.segments[0]))
                    right.extend((ln, seg) for seg in ln.segments[1:])
                else:
                    seg = ln.segments[0]
                    (left if seg[-1].right <= gap_l else right).append((ln, seg))
            for ln, seg in left + right:
                text = fix_doc_type(_seg_text(seg))
                if text:
                    out.append(
                        Paragraph(
                            text=text, role="layout", prov=Provenance(line=number[id(ln)], page=page, source="ocr")
                        )
                    )
            i = j
            continue
        # body: consecutive lines of one Tesseract paragraph make one Paragraph
        group = [line]
        j = i + 1
        while (
            j < len(lines)
            and lines[j].key[:2] == line.key[:2]
            and len(lines[j].segments) == 1
            and not starts_paragraph(group[-1], lines[j], edges)
            and is_upper_title(_seg_text(lines[j].words)) == is_upper_title(_seg_text(group[-1].words))
        ):
            group.append(lines[j])  # a capitals line (a type line, a heading) stands alone
            j += 1
        texts = [fix_doc_type(_seg_text(ln.words)) for ln in group]
        texts = [t for t in texts if t]
        if texts:
            out.append(
                Paragraph(
                    text=clean(" ".join(texts)),
                    lines=texts,
                    prov=Provenance(line=number[id(line)], page=page, source="ocr"),
                )
            )
        i = j
    return _join_continuations(out)


def _join_continuations(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Glue a body paragraph to the previous one when the sentence clearly goes on.

    Tesseract starts a new paragraph at every indented or short line; a line that ends
    without closing punctuation followed by one that starts in lower case is one sentence.
    """
    out: list[Paragraph] = []
    for para in paragraphs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.role == "body"
            and para.role == "body"
            and prev.prov.page == para.prov.page
            and prev.text
            and para.text
            and prev.text[-1] not in ".:;!?"
            and para.text[0].islower()
            and not is_upper_title(prev.text)  # nothing runs on after a capitals heading
            and not MARKER_RE.match(para.text)
        ):  # nor into an item "a) …"
            prev.lines = prev.lines + para.lines
            prev.text = clean(prev.text + " " + para.text)
            prev.raw = prev.text
            continue
        out.append(para)
    return out


def _split_table_words(words: list[Word], grids: list[Grid]):
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


def _table(grid: Grid, cell_words: list[tuple[int, int, Word]], page: int, index: int) -> Table:
    """A grid and the words in it -> a `Table` (merged cells as span / merged_up)."""
    layout = cell_layout(grid)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # grid cell -> the cell holding its text
    for row in layout:
        for r, c, span, merged_up in row:
            for k in range(c, c + span):
                owner[(r, k)] = owner.get((r - 1, k), (r, c)) if merged_up else (r, c)
    texts: dict[tuple[int, int], list[Word]] = {}
    for r, c, word in cell_words:
        if not _is_noise([word]):
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
            ordered = sorted(by_line.values(), key=lambda ws: (min(w.top for w in ws), ws[0].left))
            lines = [clean(" ".join(w.text for w in sorted(ws, key=lambda w: w.left))) for ws in ordered]
            cells.append(Cell(lines=[ln for ln in lines if ln], span=span))
        rows.append(Row(cells=cells, prov=Provenance(page=page, table=index, row=r + 1, source="ocr")))
    return Table(rows=rows, prov=Provenance(page=page, table=index, source="ocr"))


def _read_empty_cells(
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


def _fix_number_column(table: Table) -> None:
    """In a column of row numbers ("TT"), a "|" or "l" alone is the digit 1 misread."""
    width = max((len(r.cells) for r in table.rows), default=0)
    for col in range(width):
        cells = [r.cells[col] for r in table.rows if len(r.cells) == width and not r.cells[col].merged_up]
        texts = [c.text for c in cells if c.text]
        numbers = sum(1 for t in texts if re.fullmatch(r"\d{1,3}[.)]?", t))
        if len(texts) < 3 or numbers < 0.5 * len(texts):
            continue
        for cell in cells:
            if cell.text and not re.fullmatch(r"\d{1,3}[.)]?", cell.text) and len(cell.text) <= 3:
                digits = _as_digits(cell.text)
                if digits:
                    cell.lines = [digits]


def _is_blank(gray) -> bool:
    """A page with (almost) no dark pixels once the scanner's edge shadows are cut off."""
    w, h = gray.size
    inner = gray.crop((int(w * 0.06), int(h * 0.06), int(w * 0.94), int(h * 0.94)))
    dark = sum(inner.histogram()[:100])
    return dark < 0.0005 * inner.width * inner.height


@dataclass
class _Page:
    """A page rendered and cleaned, waiting for (or holding) Tesseract's words."""

    number: int
    image: Image  # the RGB page (coloured ink still there: the slots read it)
    clean: Image  # the grey page Tesseract reads
    grids: list[Grid]
    started: float
    result: Future[Result]


def ocr_pdf(path: str | Path, *, pages: list[int] | None = None, ocr_lang: str = "vie", **options: object) -> Document:
    """OCR a (scanned) PDF into blocks. `pages` (1-based) limits the work to some pages.

    Pages are rendered and cleaned here one after another and read by Tesseract in a pool
    of `ocr_workers` threads (default: the CPUs), at most one page ahead per worker.
    """
    import pypdfium2 as pdfium

    path = Path(path)
    binary = tesseract_binary()
    if binary is None or not has_language(binary, ocr_lang):
        raise KehoachError(str(path), "no_tesseract")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise KehoachError(str(path), "bad_pdf", error=str(exc)) from None
    source = SourceInfo(path=str(path), format="pdf", pages=len(pdf), ocr=True)
    blocks: list[Block] = []
    tables = [0]
    wanted = pages or list(range(1, len(pdf) + 1))
    workers = default_workers(options.get("ocr_workers"))
    dpi = _number(options.get("dpi"), DEFAULT_DPI)
    began = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="kehoach-ocr-") as tmp, PagePool(binary, workers) as pool:
            workdir = Path(tmp)
            pending: deque[_Page] = deque()
            for number in wanted:
                if not 1 <= number <= len(pdf):
                    continue
                started = time.monotonic()
                page = pdf[number - 1]
                width_pt, height_pt = page.get_size()
                source.page_setups.append(
                    PageSetup(
                        width_mm=round(width_pt * _MM_PER_PT, 1),
                        height_mm=round(height_pt * _MM_PER_PT, 1),
                        orientation="landscape" if width_pt > height_pt else "portrait",
                        first_page=number,
                    )
                )
                image = page.render(scale=dpi / 72).to_pil().convert("RGB")
                gray, ink = separate_ink(image)  # seals, stamps, signatures: not text
                if _is_blank(gray):
                    source.notes.append(f"ocr:page {number}: blank, skipped")
                    continue
                gray = deskew(gray, ink)
                if ink.skew:
                    image = image.rotate(ink.skew, fillcolor=(255, 255, 255))
                    source.notes.append(f"ocr:page {number}: turned {ink.skew:+.2f}° straight")
                source.notes.extend(
                    f"ocr:page {number}: {fact}" for fact in ink_notes(ink, image, dpi, binary, workdir)
                )
                grids = find_grids(gray) if options.get("ocr_tables", True) else []
                target = workdir / f"page{number}.png"
                # ruling lines make Tesseract skip whole table rows: read the page without them
                clean_page = erase_rules(gray, grids) if grids else gray
                clean_page.save(target)
                pending.append(
                    _Page(
                        number,
                        image,
                        clean_page,
                        grids,
                        started,
                        pool.submit(target, ["-l", ocr_lang, "--psm", "3", "tsv"]),
                    )
                )
                while len(pending) > workers:
                    blocks.extend(_finish(pending.popleft(), path, source, binary, workdir, ocr_lang, tables))
            while pending:
                blocks.extend(_finish(pending.popleft(), path, source, binary, workdir, ocr_lang, tables))
    finally:
        pdf.close()
    if options.get("ocr_correct", True):
        correct_blocks(blocks, source.notes)  # marks put back from word-pair evidence
    source.notes.append(f"ocr: {time.monotonic() - began:.1f}s in all, {workers} worker(s)")
    if not blocks:
        raise KehoachError(str(path), "no_text")
    return Document(blocks=blocks, source=source)


def _finish(
    pg: _Page, path: Path, source: SourceInfo, binary: str, workdir: Path, ocr_lang: str, tables: list[int]
) -> list[Block]:
    """Tesseract's words of one page -> its blocks (header slots and tables read again)."""
    number, image, clean_page, grids = pg.number, pg.image, pg.clean, pg.grids
    proc = pg.result.result()
    if proc.timed_out:
        raise KehoachError(str(path), "ocr_failed", page=number, error="timeout")
    if proc.returncode != 0:
        error = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        raise KehoachError(str(path), "ocr_failed", page=number, error=error[:200])
    words = [w for w in parse_tsv(proc.stdout) if w.conf >= 0]
    if not any(w.conf > 30 and any(c.isalnum() for c in w.text) for w in words):
        source.notes.append(f"ocr:page {number}: blank, skipped")
        return []
    words, in_tables = _split_table_words(words, grids)
    lines = group_lines(words)
    fix_header_zones(lines, image, clean_page, binary, workdir, source.notes, number)
    lines = _drop_noise(lines)
    for line in lines:
        if any(fold(w.text).startswith(("so:", "ngay")) for w in line.words):
            _fix_slots(line, image, binary, workdir, source.notes, number)
    paragraphs = _blocks_from_lines(lines, number, image.width)
    source.dropped.extend(p for p in paragraphs if is_copy_stamp(p.text))
    paragraphs = [p for p in paragraphs if not is_copy_stamp(p.text)]
    placed: list[tuple[float, Block]] = []
    for p in paragraphs:  # paragraphs keep their order (a header's columns one after the other)
        assert p.prov.line is not None  # _blocks_from_lines gives every paragraph its line
        placed.append((max(lines[p.prov.line - 1].top, placed[-1][0] if placed else 0), p))
    for grid, cell_words in zip(grids, in_tables, strict=True):  # one list of words per grid
        if cell_words:
            tables[0] += 1
            table = _table(grid, cell_words, number, tables[0])
            _read_empty_cells(table, grid, clean_page, binary, workdir, ocr_lang)
            _fix_number_column(table)
            placed.append((grid.ys[0], table))
    placed.sort(key=lambda item: item[0])
    source.notes.append(f"ocr:page {number}: {time.monotonic() - pg.started:.1f}s")
    return [block for _, block in placed]


def _number(value: object, default: float) -> float:
    """A numeric option (a number, or a string from a command line); unset or 0: the default."""
    return float(value) if isinstance(value, int | float | str) and value else default


def parse(path: str | Path, **options: object) -> Document:
    """Entry point with the parsers' signature (`load` never routes here by itself)."""
    pages, ocr_lang = options.pop("pages", None), options.pop("ocr_lang", "vie")
    if pages is not None and not (isinstance(pages, list | tuple) and all(isinstance(n, int) for n in pages)):
        raise TypeError(f"pages: a list of 1-based page numbers, not {pages!r}")
    if not isinstance(ocr_lang, str):
        raise TypeError(f"ocr_lang: a Tesseract language name, not {ocr_lang!r}")
    return ocr_pdf(path, pages=None if pages is None else list(pages), ocr_lang=ocr_lang, **options)
