"""Glyph texts a PDF's Unicode map got wrong: one known misprint undone, the rest counted.

In: the glyph dicts of a page (from either reader). Out: the same dicts, a glyph whose text
is a Vietnamese letter misprinted in the font's ToUnicode map given that letter, a glyph
mapped to a letter and its marks given the composed letter (NFC), and counts for the source
notes (`CharStats.misprinted`, `CharStats.foreign`).

The misprint. A font that draws a Vietnamese letter as a base letter and a combining mark
maps that glyph to two UTF-16 units ("A" U+0041 + acute U+0301 for "Á"). Ghostscript's
pdfwrite (PDFs passed through it to shrink or "optimise" them) writes such two-unit values
with their bytes out of step, in one of two ways, and extractors then read two characters
of other scripts: "KẾ HO䄃⌀CH" for "KẾ HOẠCH", "ch唃ऀ tịch" for "chủ tịch", "tư뀀ng" for
"từng":

- a base letter below U+0100 loses its zero byte and a zero byte is added at the end:
  00 41 03 23 ("A" + dot below) is written 41 03 23 00 and read U+4103 U+2300;
- a base letter from U+0100 up keeps its two bytes and the mark's first byte (03) is replaced
  by a copy of the byte before it: 01 B0 03 00 ("ư" + grave) is written 01 B0 B0 00.

A two-unit glyph text is read back only when it is not already a letter and its mark and
one of the two layouts gives a Latin letter and a combining mark that compose to one
Vietnamese letter, so no real text matches it (its units are letters of Han, Yi, Hangul or
Devanagari, or marks, run together).

Anything else read as a letter of a script other than Latin, Greek and Cyrillic is counted,
with an example: a Vietnamese plan does not use those scripts, so such glyphs say that the
PDF's Unicode map is wrong there and the words around them may be misread.
"""

from __future__ import annotations

import unicodedata
from operator import methodcaller

import regex as re

from ...vntext import VIETNAMESE_LETTERS

# a letter of a script a Vietnamese administrative text does not use
_FOREIGN = re.compile(r"[\p{L}--[\p{Latin}\p{Greek}\p{Cyrillic}\p{Common}\p{Inherited}]]", flags=re.V1)
# a quick look for anything past Latin, Greek, Cyrillic, the marks, Vietnamese letters,
# punctuation and symbols, and the private use area of symbol fonts, before `_FOREIGN`
_RARE = re.compile(r"[^\x00-\u052f\u1e00-\u1fff\u2000-\u2bff\ue000-\uf8ff]")
_TEXT = methodcaller("get", "text", "")  # a glyph dict without text (none is known) reads as ""


def misprinted_letter(text: str) -> str | None:
    """The Vietnamese letter a misprinted two-unit glyph text stands for (module docstring)."""
    if len(text) != 2 or unicodedata.normalize("NFC", text) in VIETNAMESE_LETTERS:
        return None  # not two units, or a true letter and mark ("ă" + acute: 01 03 03 01)
    u1, u2 = ord(text[0]), ord(text[1])
    if u2 == 0xFFFE:  # pdfium's stand-in for a zero unit
        u2 = 0
    b = ((u1 >> 8) & 0xFF, u1 & 0xFF, (u2 >> 8) & 0xFF, u2 & 0xFF)
    candidates = []
    if b[1] == 0x03 and b[3] == 0:  # 00 L 03 M written L 03 M 00
        candidates.append((b[0], 0x0300 | b[2]))
    if b[0] and b[1] == b[2]:  # H L 03 M written H L L M
        candidates.append(((b[0] << 8) | b[1], 0x0300 | b[3]))
    for base, mark in candidates:
        letter = unicodedata.normalize("NFC", chr(base) + chr(mark))
        if letter in VIETNAMESE_LETTERS and unicodedata.combining(chr(mark)):
            return letter
    return None


def mend(chars: list[dict]) -> tuple[int, int, str]:
    """Give misprinted glyphs their letter and compose a glyph's letter and marks (NFC), in
    place; (mended, foreign, an example of these).

    Composing: a font that draws "Ộ" for "Ô" + dot below maps the glyph to those two
    characters; composed here, every rule of the parser that reads words ("CỘNG HÒA", "Số:")
    sees the letter, as it sees it in any other PDF."""
    texts = list(map(_TEXT, chars))
    joined = "".join(texts)
    if joined.isascii():
        return 0, 0, ""
    # the common page: one composed character a glyph, no other script; a text that is NFC as a
    # whole has no character that is not NFC alone, and no one-character text is a misprint
    if (
        len(joined) == len(texts)
        and "" not in texts
        and unicodedata.is_normalized("NFC", joined)
        and not (_RARE.search(joined) and _FOREIGN.search(joined))
    ):
        return 0, 0, ""
    mended = foreign = 0
    example = ""
    is_nfc, compose = unicodedata.is_normalized, unicodedata.normalize
    for ch in chars:
        text = ch.get("text", "")
        if text.isascii():
            continue
        letter = misprinted_letter(text)
        if letter is not None:
            ch["text"] = letter
            mended += 1
            continue
        if not is_nfc("NFC", text):
            ch["text"] = text = compose("NFC", text)
        if _FOREIGN.search(text):
            foreign += 1
            example = example or text
    return mended, foreign, example
