"""Which kind of broken text a document has (`detect_encoding`: unicode, tcvn3, vni,
garbled), decided on the text alone, and `repair` / `repair_lines` for lines of it."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Literal

from ..vntext import VIETNAMESE_LETTERS
from .codepages import _TCVN3_MARKERS, _VNI_MARKERS, tcvn3_to_unicode, to_unicode, vni_to_unicode
from .glyphs import _CID_RE, Repair, _glyph_count, _is_foreign
from .learn import repair_garbled
from .scoring import _VIET_ONLY, _has_motto, vietnamese_share

if TYPE_CHECKING:
    pass

Kind = Literal["unicode", "tcvn3", "vni", "garbled"]


def _legacy_candidates(text: str) -> bool:
    """Text that could be TCVN3/VNI: Latin-1 letters and no Vietnamese-only Unicode letters."""
    return not _VIET_ONLY.search(text)


def _plain_unicode_chars() -> frozenset[str]:
    """ASCII, every precomposed Vietnamese letter and common typographic marks."""
    ascii_ = {chr(i) for i in range(32, 127)} | {"\t", "\n", "\r"}
    typography = set("“”‘’–—…•·°§№«»×÷±\u00a0\u200b\ufeff")
    return frozenset(VIETNAMESE_LETTERS | ascii_ | typography)


_PLAIN = _plain_unicode_chars()


def detect_encoding(text: str) -> Kind:
    """Tell what `text` is: Unicode, TCVN3, VNI, or a garbled glyph-number text layer.

    Decided on the NFC form: Unicode typed with its tone marks as combining characters
    (Unikey's "Unicode tổ hợp", "Cô" + dot below + "ng") otherwise has no precomposed
    Vietnamese letter, splits into odd words at each mark and counts its marks as glyph
    numbers, and read as VNI ("CỘNG" -> "CỢNG"); no 8-bit encoding has a combining mark.
    """
    if not text or not text.strip():
        return "unicode"
    text = unicodedata.normalize("NFC", text)
    if "(cid:" not in text and set(text) <= _PLAIN:  # fast path: clean Vietnamese Unicode, nothing to weigh
        return "unicode"
    glyphs, letters = _glyph_count([text])
    beyond_latin1 = bool(_CID_RE.search(text)) or any(ord(ch) > 0xFF and _is_foreign(ch) for ch in text)
    # "(cid:N)" is garbled for sure; odd letters in text that reads as Vietnamese are
    # real foreign words (a Russian name), not glyph numbers
    if (
        beyond_latin1
        and letters
        and glyphs / letters >= 0.02
        and not _has_motto(text)
        and (_CID_RE.search(text) or vietnamese_share(text) < 0.6)
    ):
        return "garbled"
    # lines with Vietnamese-only Unicode letters are Unicode; the others may be legacy
    text = "\n".join(line for line in text.split("\n") if _legacy_candidates(line))
    has_tcvn = any(ch in _TCVN3_MARKERS for ch in text)
    has_vni = any(ch in _VNI_MARKERS for ch in text)
    if not (has_tcvn or has_vni):
        return "unicode"
    base = vietnamese_share(text)
    scores = {"unicode": base}
    if has_tcvn:
        scores["tcvn3"] = vietnamese_share(tcvn3_to_unicode(text))
    if has_vni:
        scores["vni"] = vietnamese_share(vni_to_unicode(text))
    best = max(scores, key=lambda k: scores[k])
    if best != "unicode" and scores[best] >= base + 0.1:
        converted = to_unicode(text, best)
        if _has_motto(converted) or scores[best] >= 0.4:
            return best  # type: ignore[return-value]
    return "unicode"


def _line_is_legacy(line: str, kind: str) -> bool:
    line = unicodedata.normalize("NFC", line)  # see detect_encoding
    if not _legacy_candidates(line):
        return False
    markers = _TCVN3_MARKERS if kind == "tcvn3" else _VNI_MARKERS
    if not any(ch in markers for ch in line):
        return False
    return vietnamese_share(to_unicode(line, kind)) >= vietnamese_share(line)


def repair(lines: list[str]) -> Repair:
    """Detect the encoding of `lines` as a whole and repair them (line count is kept)."""
    text = "\n".join(lines)
    kind = detect_encoding(text)
    if kind == "unicode":
        return Repair(lines=list(lines), kind=None)
    if kind == "garbled":
        result = repair_garbled(lines)
        if not result.trusted and not _CID_RE.search(text):
            # letters that are real characters (a Russian or Chinese name?) are not
            # rewritten on a guess; "(cid:N)" text is unreadable anyway, so it is
            result.lines = list(lines)
            result.notes.append("repair not trusted: text left as it was")
        return result
    # a legacy encoding: convert the lines that are in it (a document can mix fonts)
    out = [to_unicode(line, kind) if _line_is_legacy(line, kind) else line for line in lines]
    changed = sum(1 for a, b in zip(lines, out, strict=True) if a != b)
    return Repair(lines=out, kind=kind, notes=[f"{kind}: {changed} of {len(lines)} lines converted to Unicode"])


def repair_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """Repaired lines and the kind repaired ("tcvn3", "vni", "garbled"), or None if none."""
    result = repair(lines)
    return result.lines, result.kind
