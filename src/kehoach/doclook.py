"""Does a `.txt`/`.md` file found in a folder walk look like a Vietnamese administrative document?

A folder of plans often also holds a README, notes, a licence or code. Those are not
documents; parsing them gives an empty "plan" that would be counted as a success. A text
file is taken when its first 64 KB (decoded like the text parser does, TCVN3/VNI converted)
show either

- a marker every administrative document prints (ND 30/2020 layout): the national motto
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc", a number line
  "Số: 12/KH-UBND", a line that is a document type in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH", …),
  or the recipients' block "Nơi nhận:"; or
- Vietnamese prose: at least ``MIN_WORDS`` words, of which at least ``MIN_VIET_SHARE`` are
  Vietnamese syllables, and at least ``MIN_MARKED_SHARE`` of the letters carry Vietnamese
  diacritics (a plan pasted without its header is still taken; English or code is not).

Files given by name are always attempted: this only filters what a folder walk finds.
A file that is empty, cannot be decoded, is not a regular file, or is a PDF/DOCX/DOC under
a text name is kept: its parse then says what it is or why it failed.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from . import fastre as re
from .doctypes import DOC_TYPE_WORDS
from .vntext import key

SAMPLE_BYTES = 64 * 1024
MIN_WORDS = 40
MIN_VIET_SHARE = 0.6
MIN_MARKED_SHARE = 0.12
TEXT_SUFFIXES = (".txt", ".md")

# every marker must open a line or a table cell: a README that quotes "CỘNG HÒA XÃ HỘI CHỦ
# NGHĨA VIỆT NAM" inside a sentence is not a document for that
_MOTTO_STARTS = (key("CỘNG HÒA XÃ HỘI"), key("Độc lập - Tự do - Hạnh phúc"))  # web copies split the motto
_LEAD = r"^[ \t*_#>~]*"
# "Số: 12/KH-UBND", "Số:      /KH-UBND" (a draft)
_NUMBER = re.compile(_LEAD + r"Số\s*:\s*[\d\s./]*/\s*\p{Lu}{1,8}(?:-\p{Lu}{1,10})*")
_TYPE = re.compile(_LEAD + r"(?:" + "|".join(DOC_TYPE_WORDS) + r")(?:[\s*_,]|$)")
_RECIPIENTS = re.compile(_LEAD + r"Nơi\s+nhận\s*:")
_CELLS = re.compile(r"[\n|\t]")
_WORD = re.compile(r"\p{L}+")
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def needs_check(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def looks_like_document(path: str | Path) -> bool:
    """True when the text file at `path` looks like an administrative document (see module doc)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True  # a FIFO or a device named .txt: never opened here (it could block)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(SAMPLE_BYTES)
    except OSError:
        return True  # unreadable: attempted, so the user sees why
    if not data.strip() or data.startswith(_BINARY_MAGIC):
        return True  # empty, or a PDF/DOCX/DOC under a text name: the parser says what it is
    text = _decode(data)
    if text is None:
        return True
    return text_looks_like_document(text)


def text_looks_like_document(text: str) -> bool:
    text = unicodedata.normalize("NFC", text)
    for cell in _CELLS.split(text):
        if not cell.strip():
            continue
        if _NUMBER.match(cell) or _TYPE.match(cell) or _RECIPIENTS.match(cell):
            return True
        if key(cell.strip(" *_#>~")).startswith(_MOTTO_STARTS):
            return True
    return _vietnamese_prose(text)


def _vietnamese_prose(text: str) -> bool:
    from .legacy import vietnamese_share

    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return False
    letters = sum(len(w) for w in words)
    marked = sum(1 for w in words for ch in w if not ch.isascii())
    if marked / letters < MIN_MARKED_SHARE:
        return False
    return vietnamese_share(text) >= MIN_VIET_SHARE


def _decode(data: bytes) -> str | None:
    """As the text parser reads it; a file cut inside a UTF-8 character at 64 KB still decodes."""
    from . import legacy
    from .errors import KehoachError
    from .parsers.text import decode

    if len(data) == SAMPLE_BYTES:
        for cut in range(4):  # do not fail on a character cut by the sample
            try:
                data[: len(data) - cut].decode("utf-8")
                data = data[: len(data) - cut]
                break
            except UnicodeDecodeError:
                continue
    try:
        text = decode(data, "")
    except KehoachError:
        return None
    converted = legacy.decode_legacy_bytes(data)
    return converted[0] if converted else text
