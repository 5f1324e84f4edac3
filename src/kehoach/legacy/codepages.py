"""The legacy 8-bit encodings: TCVN3 (ABC, ".VnTime": one Latin-1 byte per letter, capitals
from a second font) and VNI (a base letter then a Latin-1 modifier), converted to Unicode."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .. import fastre as re
from ..vntext import nfc
from .scoring import _WORD_RE

if TYPE_CHECKING:
    pass

# --------------------------------------------------------------------------- TCVN3 (ABC)

_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_TO_UNICODE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
_TCVN3_MARKERS = frozenset(TCVN3_TO_UNICODE)

# --------------------------------------------------------------------------- VNI

_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # â/ê/ô + tone
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # ă + tone


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(src: str, base: str, *marks: str) -> None:
        out = unicodedata.normalize("NFC", base + "".join(marks))
        table[src] = out
        table[src.upper()] = out.upper()
        # an upper-case base with lower-case modifiers, as typed in capitalised words
        table[src[0].upper() + src[1:]] = out[0].upper() + out[1:]

    for vowel in "aeiouy":
        for mod, tone in _VNI_TONES.items():
            add(vowel + mod, vowel, tone)
    for vowel in "aeo":  # â ê ô
        add(vowel + "â", vowel, "\u0302")
        for mod, tone in _VNI_HAT_TONES.items():
            add(vowel + mod, vowel, "\u0302", tone)
    add("aê", "a", "\u0306")  # ă
    for mod, tone in _VNI_BREVE_TONES.items():
        add("a" + mod, "a", "\u0306", tone)
    for src, base in (("ô", "o"), ("ö", "u")):  # ơ ư (one byte each) + tone
        table[src] = unicodedata.normalize("NFC", base + "\u031b")
        table[src.upper()] = table[src].upper()
        for mod, tone in _VNI_TONES.items():
            add(src + mod, base, "\u031b", tone)
    # i and y with a tone are single bytes in VNI
    for src, out in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ")):
        table[src] = out
        table[src.upper()] = out.upper()
    table["ñ"], table["Ñ"] = "đ", "Đ"
    # bare vowels with tones already covered; drop identity/ambiguous entries
    return {k: v for k, v in table.items() if k != v}


VNI_TO_UNICODE = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))
_VNI_MARKERS = frozenset("øùûõïâáàåãäêéèúüëôöñÑÂÁÀÅÃÄÊÉÈÚÜËÔÖØÙÛÕÏæÆîÎóòÓÒíìÍÌ")

# --------------------------------------------------------------------------- legacy encodings


def _fix_legacy_case(text: str) -> str:
    """TCVN3 capitals come from an upper-case font with lower-case codes: "CỘNG" in "CéNG".

    A word whose ASCII letters are all capitals is a capitals word. A word with just one
    ASCII letter, a capital first ("Tù": "Tự" or "TỰ"), follows the rest of its line.
    """
    words = list(_WORD_RE.finditer(text))

    def ascii_letters(w: str) -> list[str]:
        return [c for c in w if c.isascii() and c.isalpha()]

    def is_caps(w: str) -> bool | None:
        letters = ascii_letters(w)
        if len(w) < 2 or not letters:
            return None
        if all(c.isupper() for c in letters):
            return True if len(letters) >= 2 or not w[0].isupper() else None
        return False

    verdicts = [is_caps(m.group(0)) for m in words]
    # only words with converted letters say which font the line was in ("KH-UBND" is
    # capitals in both)
    known = [v for m, v in zip(words, verdicts, strict=True) if v is not None and not m.group(0).isascii()]
    line_caps = bool(known) and sum(known) > len(known) / 2
    out, last = [], 0
    for m, verdict in zip(words, verdicts, strict=True):
        w = m.group(0)
        upper = verdict if verdict is not None else (line_caps and bool(ascii_letters(w)) and w[0].isupper())
        out.append(text[last : m.start()])
        out.append(w.upper() if upper else w)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def tcvn3_to_unicode(text: str) -> str:
    converted = "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text)
    return nfc(_fix_legacy_case(converted))


def vni_to_unicode(text: str) -> str:
    return nfc(_VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text))


def to_unicode(text: str, kind: str) -> str:
    """Convert `text` from `kind` ("tcvn3", "vni"; "unicode" and "garbled" as is) to NFC."""
    if kind == "tcvn3":
        return tcvn3_to_unicode(text)
    if kind == "vni":
        return vni_to_unicode(text)
    if kind == "garbled":
        from .detect import repair  # detect imports this module

        return repair([text]).lines[0]
    return nfc(text)
