"""Helpers shared by several test modules (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from kehoach import batch, legacy
from kehoach.vntext import nfc


def mixed_job(source: batch.Source, options: object) -> str:
    """A batch job (module level, so a worker process can import it): hang, crash, blow the
    memory limit or raise, by the file's first word; any other word is returned."""
    word = Path(source.name).read_text(encoding="utf-8").split()[0]
    if word == "hang":
        time.sleep(600)
    elif word == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    elif word == "hog":
        blob = bytearray(3 * 1024**3)
        return str(len(blob))
    elif word == "bug":
        raise ValueError("a bug\nwith two lines")
    return word


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tesseract_tsv(rows: list[tuple[int, int, int, int, int, int, int, str]]) -> str:
    """Tesseract's TSV output of page 1, one word row (level 5, confidence 95) per
    (block, paragraph, line, left, top, width, height, text)."""
    out = [TSV_HEADER]
    for block, par, line, left, top, width, height, text in rows:
        out.append(f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t95\t{text}")
    return "\n".join(out)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def tones_apart(text: str) -> str:
    """Each tone mark as a combining character after its letter, the other marks composed: what
    Unikey's "Unicode tổ hợp" types ("ộ" -> "ô" + dot below, "ừ" -> "ư" + grave)."""
    import unicodedata

    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)))
        out.append("".join(c for c in parts if c in TONE_MARKS))
    return "".join(out)


# ---------------------------------------------------------------- legacy encoders (tests and bench lights)


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as a .VnTime/.VnTimeH user typed it (capitals with lower-case codes)."""
    inverse = {u: t for t, u in legacy.TCVN3_TO_UNICODE.items()}
    out = []
    for ch in nfc(text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and ch.lower() != ch:
            low = inverse[ch.lower()]
            out.append(low)  # the .VnTimeH font draws this code as the capital
        else:
            out.append(ch)
    return "".join(out)


def to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for src, uni in legacy.VNI_TO_UNICODE.items():
        # prefer the all-lower / all-upper spelling of each letter
        if src == src.lower() or src == src.upper():
            inverse.setdefault(uni, src)
    return "".join(inverse.get(ch, ch) for ch in nfc(text))
