"""The hand-filled number and day of a signed document, read again on their own.

The number and the day are often written by hand in the blank left for them ("Số:
589/KH-…", "ngày 02 tháng …"). Tesseract reads printed text well and handwriting badly,
so those two slots are read again: the coloured ink is separated from the black print,
the slot is OCR'd as one line of digits, and common letter-for-digit confusions (Q/O/Ø ->
0, l/I -> 1 …) are undone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import regex as re

from ...vntext import fold
from .words import Line, Word

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


def as_digits(text: str) -> str:
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


def fix_slots(line: Line, image, binary: str, workdir: Path, notes: list[str], page: int) -> None:
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
        guess = as_digits(old)
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
        guess = as_digits(old)
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
