"""Vietnamese text helpers: NFC, detached combining marks, tone-placement-insensitive keys.

Everything that compares Vietnamese names goes through `key()` so that "hoà" and "hòa",
"Thuỷ" and "Thủy", upper and lower case, NFD and NFC all compare equal, while the text
that is shown to users keeps its diacritics exactly as written.
"""

from __future__ import annotations

import re as _std_re
import unicodedata
from functools import lru_cache

from . import fastre as re

_COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
VIETNAMESE_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
# every letter of the Vietnamese alphabet, composed, in both cases
VIETNAMESE_LETTERS = frozenset(VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper())

# Old-style (hoà, thuỷ) -> new-style (hòa, thủy) tone placement, both cases.
_OLD_TO_NEW: dict[str, str] = {}
for _pair in ("oa", "oe", "uy"):
    for _mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
        for _up in (False, True):
            a, b = (_pair[0].upper(), _pair[1].upper()) if _up else (_pair[0], _pair[1])
            _OLD_TO_NEW[a + unicodedata.normalize("NFC", b + _mark)] = unicodedata.normalize("NFC", a + _mark) + b
# "qu" is a consonant: "quý", "quỳnh" have no vowel pair to rewrite
# and only a word-final pair has two placements: "hoà"/"hòa", but "đoàn", "hoạch" have one
_OLD_RE = re.compile("(?<![qQ])(?:" + "|".join(sorted(map(re.escape, _OLD_TO_NEW), key=len, reverse=True)) + r")(?!\w)")
# A tone-marked "o/u" followed by a/e/y is new-style; the reverse pair is old-style.
_NEW_RE = re.compile(
    "(?<![qQ])(?:" + "|".join(sorted(map(re.escape, _OLD_TO_NEW.values()), key=len, reverse=True)) + r")(?!\w)"
)

_SPACE_RE = re.compile(r"[\s\u00a0\u200b\u2009\u202f\ufeff]+")
_DETACHED_MARK_RE = re.compile(rf"(\p{{L}})\s+([{_COMBINING}])")
_HAS_MARK = _std_re.compile(f"[{_COMBINING}]").search  # stdlib re: 3x faster than a set test here
_KEY_QUOTES_RE = re.compile(r"[“”\"'`*_]")
_KEY_DASH_RE = re.compile(r"\s*([-–—&/])\s*")


def nfc(text: str) -> str:
    """NFC with detached combining marks re-attached ("nga ̀ y" -> "ngày") and Ð fixed to Đ."""
    if not text:
        return ""
    if _HAS_MARK(text):  # the substitution costs; most text has no combining mark
        text = _DETACHED_MARK_RE.sub(r"\1\2", text)
    text = unicodedata.normalize("NFC", text)
    # U+00D0 (Icelandic eth) is used for Đ by some fonts; NFC does not fix it.
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return text


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def clean(text: str) -> str:
    """NFC, collapse whitespace (including non-breaking and zero-width spaces), and read the
    hyphen and Word's non-breaking hyphen (U+2010, U+2011: "296‑QĐ/TW" kept from wrapping) as "-"."""
    text = nfc(text)
    if "\u2011" in text or "\u2010" in text:
        text = text.translate(_HYPHENS)
    if "\u200b" in text or "\ufeff" in text:
        return _SPACE_RE.sub(" ", text).strip()
    return " ".join(text.split())  # str.split knows every other Unicode space, and is fast


def new_tone(text: str) -> str:
    """Rewrite old-style tone placement (hoà) as new-style (hòa)."""
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(0)], text)


@lru_cache(maxsize=65536)
def key(text: str | None) -> str:
    """A comparison key: NFC, new-style tones, case-folded, punctuation-light, spaces collapsed."""
    if not text:
        return ""
    text = new_tone(clean(text).casefold())  # casefold first: "Uỷ" has no mixed-case entry
    text = _KEY_QUOTES_RE.sub("", text)
    text = _KEY_DASH_RE.sub(r" \1 ", text)
    return _SPACE_RE.sub(" ", text).strip(" .;:,-–")


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Strip diacritics too (đ -> d): for matching labels and typo-tolerant lookups."""
    text = key(text).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def within_one_edit(a: str, b: str) -> bool:
    """True when `b` is `a` with at most one letter changed, added or dropped (OCR near-misses)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", key(text))


def tone_styles(text: str) -> tuple[int, int]:
    """Count (old-style, new-style) tone placements, for the mixed-style info rule."""
    return len(_OLD_RE.findall(nfc(text))), len(_NEW_RE.findall(nfc(text)))


def is_upper_title(text: str) -> bool:
    """True when the letters of `text` are (almost) all upper case: "I. MỤC ĐÍCH, YÊU CẦU"."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85


def has_decomposed(text: str) -> bool:
    """True when the source text is not NFC (decomposed marks, from macOS or some PDFs)."""
    return unicodedata.normalize("NFC", text) != text


_DASH_AFTER = re.compile(r"[-–]\s*(\S)").match


def dash_goes_on(ptext: str, text: str) -> bool:
    """`text` may open with the dash of a range, a name or a compound that `ptext` began, when a
    wrap fell before the dash: "2026" / "- 2030", "Đài Phát thanh" / "- Truyền hình", "chính trị"
    / "- xã hội" (a number after a number, a word after a word: `ptext` ends no sentence). The
    PDF and text readers ask it of a line that opens with a dash."""
    m = _DASH_AFTER(text)
    if m is None or not ptext:
        return False
    after = m.group(1)
    return ptext[-1].isdigit() if after.isdigit() else after.isalpha() and ptext[-1].isalpha()


# the commonest Vietnamese family names: a line that opens with one and goes on in capitals is a
# person's name (none ends in "oa", "oe" or "uy", so the older tone placement spells each the same)
_SURNAME_LIST = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh "
    "Trương Lâm Phùng Mai Tô Hà Tạ Cao Lương Lưu Đinh Châu Quách Thái Tăng Kiều Triệu Lại Chu Đồng "
    "Khổng Mạc Thân Nông Hứa Lục Vi Tống Doãn Âu Lò Hầu"
)
SURNAMES = frozenset(_SURNAME_LIST.split())


def is_full_name(text: str) -> bool:
    """ "Đỗ Mạnh Cường", "Nguyễn Thị Thúy Nhung": a family name, then two or three more names,
    each capitalised."""
    words = nfc(text).split()
    return 3 <= len(words) <= 4 and words[0] in SURNAMES and all(w[:1].isupper() and w.isalpha() for w in words)


def opens_a_name(text: str) -> bool:
    """ "Vũ Việt Linh", "Nguyễn Thị thúy": a family name and a capitalised name after it."""
    words = nfc(text).split()
    return len(words) >= 2 and words[0] in SURNAMES and words[1][:1].isupper() and words[1].isalpha()
