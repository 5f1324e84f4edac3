"""Facts kept from the coloured ink taken off a scanned page: the seal, the incoming stamp.

`clean.separate_ink` removes red and blue ink before recognition; what it was is said
in the source notes, one fact a note, for the plan builder (`plan/ocr_facts.py`):

- ``seal``: a red patch as large as a seal and about round (the issuer's seal over the
  signature);
- ``incoming stamp số 1614 ngày 2026-02-24``: the receiving office's stamp, a red box
  whose printed words (read from the red ink alone) include "ĐẾN"; the number and the day
  are written into it by hand, usually in blue, and read from that ink alone with digits
  only; a figure Tesseract is not sure of (confidence under `MIN_HAND_CONF`) is ``?``,
  never guessed.
"""

from __future__ import annotations

from pathlib import Path

import regex as re

from ...vntext import fold
from .clean import InkBlob, InkFacts, ink_only
from .run import run_tesseract

_STAMP_MIN_MM = 15  # an incoming stamp's box is at least this wide


def _words(tsv: str) -> list[tuple[str, int, int, int, int]]:
    """(text, left, top, right, bottom) of the words of a Tesseract TSV."""
    out = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            left, top, width, height = (int(c) for c in cols[6:10])
            out.append((cols[11].strip(), left, top, left + width, top + height))
    return out


def _read(image, binary: str, workdir: Path, name: str, args: list[str]) -> str:
    from PIL import ImageOps

    target = workdir / name
    ImageOps.expand(image, border=20, fill=255).save(target)
    result = run_tesseract(binary, target, args, timeout=60)
    return result.stdout if result.returncode == 0 else ""


MIN_HAND_CONF = 70  # Tesseract's confidence needed to take a handwritten figure


def _hand_lines(image, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """Boxes of the lines of coloured (blue) handwriting inside `box`, top to bottom."""
    blue = ink_only(image.crop(box), "blue")
    w, h = blue.size
    data = blue.tobytes()
    rows = [sum(1 for v in data[y * w : (y + 1) * w] if v < 128) for y in range(h)]
    lines, start = [], None
    for y, count in enumerate(rows + [0]):
        if count > 2 and start is None:
            start = y
        elif count <= 2 and start is not None:
            if y - start >= 12:
                strip = blue.crop((0, start, w, y))
                bbox = _ink_bbox(strip)
                if bbox:
                    lines.append((box[0] + bbox[0], box[1] + start, box[0] + bbox[2], box[1] + y))
            start = None
    return lines


def _ink_bbox(strip):
    from PIL import ImageOps

    return ImageOps.invert(strip).getbbox()


def _hand_figure(image, box: tuple[int, int, int, int], binary: str, workdir: Path) -> str:
    """Digits and slashes of one line of coloured handwriting; '' unless Tesseract is sure."""
    blue = ink_only(image.crop(box), "blue")
    tsv = _read(
        blue,
        binary,
        workdir,
        "hand.png",
        ["-l", "eng", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789/", "tsv"],
    )
    words = [row.split("\t") for row in tsv.splitlines()[1:]]
    words = [cols for cols in words if len(cols) >= 12 and cols[0] == "5" and cols[11].strip()]
    if not words or min(float(cols[10]) for cols in words) < MIN_HAND_CONF:
        return ""
    return "".join(cols[11].strip() for cols in words)


def _date(text: str) -> str | None:
    """'24/2/2026' -> '2026-02-24' when it is a real day, else None."""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})", text)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    year += 2000 if year < 100 else 0
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1990 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


STAMP_WORDS = ("den", "chuyen", "ky hieu", "luu ho so")  # printed words of an incoming stamp


def read_incoming_stamp(image, blob: InkBlob, binary: str, workdir: Path) -> tuple[str | None, str | None] | None:
    """(số, ngày ISO) of an incoming stamp in `blob`, each None when not legible; None when
    the red box is not an incoming stamp (none of its printed words is a stamp's).

    The stamp prints "ĐẾN / Số: … / Ngày: … / Chuyển: …" and the clerk writes the number and
    the day on the first two dotted lines: the first two lines of coloured handwriting.
    """
    x0, y0, x1, y1 = blob.box
    pad = 16
    box = (max(x0 - pad, 0), max(y0 - pad, 0), min(x1 + pad, image.width), min(y1 + pad, image.height))
    printed = ink_only(image.crop(box), "red")
    text = fold(_read(printed, binary, workdir, "stamp.png", ["-l", "vie", "--psm", "11"]))
    if not any(word in text for word in STAMP_WORDS):
        return None
    lines = _hand_lines(image, box)
    number = _hand_figure(image, lines[0], binary, workdir) if lines else ""
    day = _hand_figure(image, lines[1], binary, workdir) if len(lines) > 1 else ""
    return (number if re.fullmatch(r"\d{1,6}", number) else None), _date(day)


def ink_notes(facts: InkFacts, image, dpi: float, binary: str, workdir: Path) -> list[str]:
    """The facts of one page's coloured ink, as source notes (see the module docstring)."""
    notes = ["seal"] if facts.seals(dpi) else []
    least = _STAMP_MIN_MM / 25.4 * dpi
    for blob in facts.blobs:
        w, h = blob.box[2] - blob.box[0], blob.box[3] - blob.box[1]
        if blob.colour != "red" or w < least or h < least / 3 or blob.corners < 0.15:
            continue
        stamp = read_incoming_stamp(image, blob, binary, workdir)
        if stamp is not None:
            number, day = stamp
            notes.append(f"incoming stamp số {number or '?'} ngày {day or '?'}")
    return notes


_COPY_STAMP_RE = re.compile(r"^(?:SAO Y|BẢN SAO|SAO LỤC|TRÍCH SAO)\s*[;:,].*\d{1,2}:\d{2}(?::\d{2})?", re.IGNORECASE)


def is_copy_stamp(text: str) -> bool:
    """The line an electronic copy prints at the top ("SAO Y; CÔNG AN TỈNH …; 18/03/2026; 08:32:14;
    +07:00"): who copied it and when, not the document's header."""
    return bool(_COPY_STAMP_RE.match(text.strip()))
