"""The header's số line and place-date line, found by layout and read again on their own.

On a signed plan the number ("Số: 996/KH-…") and the day ("Hà Nội, ngày 24 tháng 02 …")
are written by hand into blanks of the printed header. In the page pass Tesseract glues
the handwriting to the printed words ("ngày#$4tháng") or gives the line so low a
confidence that it is dropped as noise. Each of the two lines is found among the lines of
the top of the page by its printed words (a segment starting "Số" with a "/CODE" symbol,
a segment with "ngày … tháng … năm"), cut out of the cleaned page and read again as one
line, scaled up; Tesseract's character boxes (`makebox`) place the blanks between the
printed words, and each blank is read alone with digits only. A figure Tesseract is not
sure of (confidence under `MIN_CONF`), or out of range, is left blank and said in a note
("ocr:page 1: handwritten number not read") that the plan builder turns into a
diagnostic: a number is never guessed.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import regex as re

from ...vntext import fold
from .clean import ink_only
from .run import run_tesseract

MIN_CONF = 35  # Tesseract's confidence (0-100) needed to take a handwritten figure
SCALE = 2  # the zone is read again at this many times the page resolution
TOP_SHARE = 0.35  # the header lines are in this top part of the page
_SYMBOL_RE = re.compile(r"/?\s*([A-ZĐ][A-ZĐa-zđ]{0,5}(?:-[A-ZĐ0-9]{1,10}){0,4})$")


def _boxes(image, binary: str, workdir: Path, args: list[str], name: str) -> str:
    from PIL import ImageOps

    target = workdir / name
    ImageOps.expand(image, border=20, fill=255).save(target)
    result = run_tesseract(binary, target, args, timeout=60)
    return result.stdout if result.returncode == 0 else ""


def _chars(zone, binary: str, workdir: Path) -> list[tuple[str, int, int]]:
    """(character, left, right) of one line, in zone pixels (makebox output, scaled back)."""
    from PIL import Image

    big = zone.resize((zone.width * SCALE, zone.height * SCALE), Image.Resampling.LANCZOS)
    out = []
    for row in _boxes(big, binary, workdir, ["-l", "vie", "--psm", "7", "makebox"], "zone.png").splitlines():
        parts = row.rsplit(" ", 5)
        if len(parts) == 6 and parts[0]:
            out.append((parts[0], (int(parts[1]) - 20) // SCALE, (int(parts[3]) - 20) // SCALE))
    return out


def _digits(crop, binary: str, workdir: Path) -> tuple[str, float]:
    """(digits, lowest word confidence) of a slot read alone as one line of digits."""
    from PIL import Image

    big = crop.resize((crop.width * SCALE, crop.height * SCALE), Image.Resampling.LANCZOS)
    best = ("", -1.0)
    for psm in ("7", "8"):
        tsv = _boxes(
            big,
            binary,
            workdir,
            ["-l", "eng", "--psm", psm, "-c", "tessedit_char_whitelist=0123456789", "tsv"],
            "slot.png",
        )
        rows = [r.split("\t") for r in tsv.splitlines()[1:]]
        rows = [c for c in rows if len(c) >= 12 and c[0] == "5" and c[11].strip()]
        if rows:
            text, conf = "".join(c[11].strip() for c in rows), min(float(c[10]) for c in rows)
            if conf > best[1]:
                best = (text, conf)
    return best


def _slot(image, clean, box: tuple[int, int, int, int], binary: str, workdir: Path) -> tuple[str, float]:
    """Read the blank at `box`: the coloured ink there if any (a blue pen), else the grey page."""
    if box[2] - box[0] < 6:
        return "", -1.0
    blue = ink_only(image.crop(box), "blue")
    if sum(blue.histogram()[:128]) > 0.01 * blue.width * blue.height:
        return _digits(blue, binary, workdir)
    return _digits(clean.crop(box), binary, workdir)


def _sure(image, clean, box, wide_left: int, binary: str, workdir: Path) -> str:
    """Digits of the blank at `box` when two reads agree and Tesseract is confident: the blank
    alone, and the blank widened to `wide_left` (character boxes of glued handwriting are
    loose, a figure may start under the label's last letter); '' otherwise."""
    digits, conf = _slot(image, clean, box, binary, workdir)
    if not digits or conf < MIN_CONF:
        return ""
    if wide_left < box[0]:
        wide, _ = _slot(image, clean, (wide_left, box[1], box[2], box[3]), binary, workdir)
        if wide != digits:
            return ""
    return digits


def _spaced(chars: list[tuple[str, int, int]]) -> str:
    """Characters of a makebox read joined, a space where the gap between boxes is wide."""
    if not chars:
        return ""
    widths = sorted(right - left for _, left, right in chars)
    gap = 0.3 * widths[len(widths) // 2]
    out = chars[0][0]
    for (_, _, r0), (c, l1, _) in pairwise(chars):
        out += (" " if l1 - r0 > gap else "") + c
    return out


def _row_counts(mask) -> list[int]:
    """Pixels set in each row of a 0/1 image."""
    width, data = mask.width, mask.tobytes()
    return [sum(data[y * width : (y + 1) * width]) for y in range(mask.height)]


def _written(image, clean, box: tuple[int, int, int, int]) -> bool:
    """Whether the blank holds handwriting: coloured ink anywhere in it, or dark ink in its
    middle half (its edges may hold the ends of the printed words around it). A row dark
    across most of the blank is a rule (the underline of the line above), not writing; so
    are the rows along it, blurred and fringed with colour by the scanner."""
    x0, y0, x1, y1 = box
    if x1 - x0 < 8:
        return False
    quarter = (x1 - x0) // 4
    middle = clean.crop((x0 + quarter, y0, x1 - quarter, y1)).point(lambda v: 1 if v < 128 else 0)
    rows = _row_counts(middle)
    rules = [y for y, n in enumerate(rows) if n > 0.5 * middle.width]

    def ink(counts: list[int]) -> int:
        return sum(n for y, n in enumerate(counts) if not any(abs(y - r) <= 3 for r in rules))

    blue = ink_only(image.crop(box), "blue").point(lambda v: 1 if v < 128 else 0)
    if ink(_row_counts(blue)) > 0.01 * blue.width * blue.height:
        return True
    return ink(rows) > 0.02 * middle.width * middle.height


def _find(folded: str, word: str, start: int = 0) -> int:
    return folded.find(word, start)


def read_number(image, clean, box, binary: str, workdir: Path) -> tuple[str | None, str | None, bool]:
    """(number or None, symbol "/KH-…" or None, handwriting unread) of the số line in `box`."""
    chars = _chars(clean.crop(box), binary, workdir)
    text = "".join(c for c, _, _ in chars)
    m = _SYMBOL_RE.search(text)
    if not chars or not m or not fold(text[:3]).startswith("so"):
        return None, None, False
    symbol = "/" + m[1]
    code_start = m.start(1)
    colon = text.find(":")
    between = text[colon + 1 if colon >= 0 else 2 : m.start()].strip("/ ")
    if between.isdigit():  # printed and read well
        return between, symbol, False
    label_end = colon if colon >= 0 else min(2, len(chars) - 1)
    left = chars[label_end][2] + 2
    right = chars[code_start][1] - 2
    if not _written(image, clean, (box[0] + left, box[1], box[0] + right, box[3])):
        return None, symbol, False  # left blank (a draft): nothing to read
    digits = _sure(
        image, clean, (box[0] + left, box[1], box[0] + right, box[3]), box[0] + chars[label_end][1], binary, workdir
    )
    if digits.isdigit() and 1 <= len(digits) <= 5:
        return digits, symbol, False
    return None, symbol, _written(image, clean, (box[0] + left, box[1], box[0] + right, box[3]))


_DATE_LINE_RE = re.compile(
    r"^(?P<place>\p{L}[\p{L} ]*?)\s*[,.]\s*ng\S*\s*(?P<day>.*?)\s*th\S*ng\s*(?P<month>.*?)"
    r"\s*n\S*m\s*(?P<year>\d{4})"
)


def _page_pass_date(text: str) -> tuple[str, str, dict[str, str | None]] | None:
    """(place, year, {day, month}) from the page pass's text of the line, parts that are clean digits."""
    m = _DATE_LINE_RE.match(text)
    if not m:
        return None
    parts = {}
    for name, top in (("day", 31), ("month", 12)):
        v = m[name].strip(" :")
        parts[name] = v if v.isdigit() and len(v) <= 2 and 1 <= int(v) <= top else None
    return m["place"].strip(), m["year"], parts


def read_date(image, clean, box, binary: str, workdir: Path, text: str = "") -> tuple[str | None, list[str]]:
    """("<Place>, ngày D tháng M năm Y" with unread parts blank, the parts written by hand and
    not read). Each part is the zone's read, else the page pass's when it is clean digits."""
    first = _page_pass_date(text)
    chars = _chars(clean.crop(box), binary, workdir)
    folded_chars = [fold(c) or c for c, _, _ in chars]
    folded = "".join(folded_chars)
    ends = []
    pos = 0
    for f in folded_chars:  # character index -> end position in `folded`
        pos += len(f)
        ends.append(pos)

    def index(at: int) -> int:  # position in `folded` -> character index
        return next(k for k, e in enumerate(ends) if e > at)

    a, b, c = _find(folded, "ngay"), _find(folded, "thang"), _find(folded, "nam")
    year = re.match(r"\s*(\d{4})", folded[c + 3 :]) if c >= 0 else None
    if a < 1 or b < a or c < b or not year:
        if first is None:
            return None, []
        place, yyyy, parts = first
        return f"{place}, ngày {parts['day'] or ''} tháng {parts['month'] or ''} năm {yyyy}", []
    place = _spaced(chars[: index(a)]).rstrip(",. ")
    if first is not None:
        place = first[0]  # the page pass spaces words better
    values, unread = [], []
    for name, lo, hi, top in (("day", a + 4, b, 31), ("month", b + 5, c, 12)):
        printed = folded[lo:hi].strip(" :")
        if printed.isdigit() and 1 <= int(printed) <= top:
            values.append(printed)
            continue
        last = chars[index(lo - 1)]
        left = last[2] + 2
        right = chars[index(hi)][1] - 2
        blank = (box[0] + left, box[1], box[0] + right, box[3])
        written = _written(image, clean, blank)  # a blank left blank is not read (4 reads saved)
        digits = _sure(image, clean, blank, box[0] + last[1], binary, workdir) if written else ""
        if digits.isdigit() and len(digits) <= 2 and 1 <= int(digits) <= top:
            values.append(digits)
        elif first is not None and (page_value := first[2][name]):
            values.append(page_value)
        else:
            values.append("")
            if written:
                unread.append(name)
    return f"{place}, ngày {values[0]} tháng {values[1]} năm {year[1]}", unread


def zone_kind(text: str) -> str | None:
    """'number' for a số line segment, 'date' for a place-date segment, else None."""
    f = fold(text)
    if re.match(r"^so\W", f) and "/" in text or re.match(r"^so\W*\S*\s*/?[A-ZĐ]{2,}-", text):
        return "number"
    if re.search(r"ngay.*thang.*nam\s*\d{4}", f) and re.search(r"\p{L}[,.]\s*ng", text):
        return "date"
    return None


def _merge_split_number(line) -> None:
    """ "Số:" and "/KH-…" as two segments (the blank between them was wide): one segment."""
    segs = line.segments
    for k in range(len(segs) - 1):
        if fold(" ".join(w.text for w in segs[k])).rstrip(": ") == "so" and segs[k + 1][0].text.startswith("/"):
            segs[k : k + 2] = [segs[k] + segs[k + 1]]
            return


def _merge_split_date(line) -> None:
    """ "Lâm Đồng, ngày" and "tháng 02 năm 2026" as two segments (a wide blank for the day): one."""
    segs = line.segments
    for k in range(len(segs) - 1):
        head = fold(" ".join(w.text for w in segs[k]))
        tail = fold(" ".join(w.text for w in segs[k + 1]))
        if re.search(r"ngay\W*\S{0,3}$", head) and re.search(r"thang.*nam\s*\d{4}", tail):
            segs[k : k + 2] = [segs[k] + segs[k + 1]]
            return


def fix_header_zones(lines, image, clean, binary: str, workdir: Path, notes: list[str], page: int) -> None:
    """Read the số line and the place-date line of a page's header again (see the module doc).

    A fixed segment becomes one word with the text read and full confidence, so the noise
    filter keeps it; the words of the line are rebuilt from its segments.
    """
    from dataclasses import replace

    limit = TOP_SHARE * clean.height
    for line in lines:
        if line.top > limit:
            break
        _merge_split_number(line)
        _merge_split_date(line)
        for k, seg in enumerate(line.segments):
            kind = zone_kind(" ".join(w.text for w in seg))
            if kind is None:
                continue
            pad = max(line.height // 2, 6)
            left = min(w.left for w in seg)
            right = max(w.right for w in seg)
            box = (
                max(left - pad, 0),
                max(min(w.top for w in seg) - pad, 0),
                min(right + pad, clean.width),
                min(max(w.bottom for w in seg) + pad, clean.height),
            )
            if kind == "number":
                number, symbol, unread = read_number(image, clean, box, binary, workdir)
                if symbol is None:
                    continue
                text = f"Số: {number or ''}{symbol}"
                notes.append(f"ocr:page {page}: số line read again as {text!r}")
                if unread:
                    notes.append(f"ocr:page {page}: handwritten number not read")
            else:
                date_text, unread_parts = read_date(image, clean, box, binary, workdir, " ".join(w.text for w in seg))
                if date_text is None:
                    continue
                text = date_text
                notes.append(f"ocr:page {page}: date line read again as {text!r}")
                for part in unread_parts:
                    notes.append(f"ocr:page {page}: handwritten {part} not read")
            line.segments[k] = [replace(seg[0], text=text, left=left, width=right - left, conf=99.0)]
        line.words[:] = [w for s in line.segments for w in s]
