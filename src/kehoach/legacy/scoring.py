"""How Vietnamese a text reads: the share of common words (`vi_lexicon`), the motto, the
anchor phrases every plan prints. Detection and the glyph repair both score with these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import fastre as re
from ..vi_lexicon import frequencies
from ..vntext import key

if TYPE_CHECKING:
    pass

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
# Known pairs: phrases every plan prints, used to anchor the glyph map before the lexicon.
ANCHORS = (
    MOTTO,
    MOTTO_2,
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "TỜ TRÌNH",
    "THÔNG BÁO",
    "BÁO CÁO",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "Nơi nhận",
    "TỔ CHỨC THỰC HIỆN",
)


_WORD_RE = re.compile(r"\p{L}+")
_VIET_ONLY = re.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


_LEX_CACHE: dict[str, int] = {}


def _lexicon() -> dict[str, int]:
    """Lexicon words in both tone placements (hoà/hòa) plus the anchor phrases' words."""
    if _LEX_CACHE:
        return _LEX_CACHE
    base = dict(frequencies())
    for phrase in ANCHORS:
        for word in _WORD_RE.findall(phrase.lower()):
            base[word] = base.get(word, 0) + 50
    out: dict[str, int] = {}
    from ..vntext import _NEW_RE, _OLD_RE, _OLD_TO_NEW

    new_to_old = {v: k for k, v in _OLD_TO_NEW.items()}
    for word, count in base.items():
        out[word] = out.get(word, 0) + count
        old = _NEW_RE.sub(lambda m: new_to_old[m.group(0)], word)
        new = _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(0)], word)
        for variant in (old, new):
            if variant != word:
                out[variant] = out.get(variant, 0) + count
    _LEX_CACHE.update(out)
    return _LEX_CACHE


def vietnamese_share(text: str) -> float:
    """Share of the words of `text` that are common Vietnamese syllables (0..1)."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return 0.0
    lex = _lexicon()
    return sum(1 for w in words if w in lex) / len(words)


def _has_motto(text: str) -> bool:
    folded = key(text)
    return key(MOTTO) in folded or key(MOTTO_2) in folded
