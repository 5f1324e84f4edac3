"""Word-level differences between two versions of a text (difflib on word tokens).

Words are compared by their `vntext.key` (case and tone placement do not count as a change),
while the pieces returned keep the source text verbatim.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import regex as re

from ..vntext import key, nfc

_TOKEN_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    op: str  # equal | insert | delete | replace
    old: str
    new: str


def tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(nfc(text or ""))


def word_diff(old: str | None, new: str | None) -> list[Piece]:
    """The old and new text cut into equal / inserted / deleted / replaced runs of words."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [key(w) for w in a], [key(w) for w in b], autojunk=False)
    return [Piece(op, " ".join(a[i1:i2]), " ".join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def same_words(old: str | None, new: str | None) -> bool:
    """True when the two texts have the same words by `key` (spacing, case, tone placement aside)."""
    return [key(w) for w in tokens(old)] == [key(w) for w in tokens(new)]
