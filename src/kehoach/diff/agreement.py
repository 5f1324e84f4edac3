"""How far two registers of the same plan agree, and how well an OCR text matches a typed one.

Used to measure OCR against a typed twin of the same plan (a scan and the .doc it was printed
from): no annotation is needed, the typed file is the truth. A pair *agrees* when its contents
are similar (token overlap ≥ `MIN_CONTENT`), its lead units are the same and its timeline.raw is
the same (tone- and case-insensitive keys); tasks are paired one to one so that the most pairs
agree (an optimal assignment, ties broken by the diff's similarity `diff.align.similarity`). The
share is agreeing pairs over the larger register, so a task missing on either side counts
against it.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..models import Task
from ..vntext import fold, key
from .align import _facts, similarity
from .hungarian import assign

MIN_CONTENT = 0.8


@dataclass
class Agreement:
    agree: int
    total: int
    typed: int
    scanned: int

    @property
    def share(self) -> float:
        return self.agree / self.total if self.total else 1.0


def task_agreement(typed: Sequence[Task], scanned: Sequence[Task], min_content: float = MIN_CONTENT) -> Agreement:
    """Tasks of `typed` with a partner in `scanned` that agrees on content, lead and timeline.raw.

    The pairing is the one with the most agreeing pairs (ties broken by the diff's similarity),
    not the diff's alignment itself: that one maximises the summed similarity, and two middling
    pairs can outweigh one agreeing pair ("Sở Tài chính …" paired with another duty of the same
    unit because its own twin went to a third task), which would count a task the scan reads
    right as wrong."""
    fa, fb = [_facts(t) for t in typed], [_facts(t) for t in scanned]
    cost: list[list[float]] = []
    for i, a in enumerate(fa):
        row = []
        for j, b in enumerate(fb):
            content, score = similarity(a, b)
            same_lead = {u.key for u in typed[i].lead} == {u.key for u in scanned[j].lead}
            agrees = content >= min_content and same_lead and a.timeline == b.timeline
            row.append(-(1.0 + score) if agrees else 0.0)
        cost.append(row)
    chosen = assign(cost) if fa and fb else []
    agree = sum(1 for i, j in enumerate(chosen) if j is not None and cost[i][j] < 0)
    return Agreement(agree, max(len(typed), len(scanned)), len(typed), len(scanned))


_WORD_RE = re.compile(r"[\p{L}\p{N}]+(?:[/.,-][\p{L}\p{N}]+)*")


def text_words(text: str) -> list[str]:
    """Lower-case words (marks kept) of a text, punctuation dropped."""
    return [w.lower() for w in _WORD_RE.findall(text)]


def word_accuracy(typed: str, ocr: str, *, tones: bool = True) -> float:
    """Share of the typed text's words found, in order, in the OCR text (longest matching blocks).

    The OCR text may hold more than the typed one (a covering letter, stamps): extra words do
    not count against it. Words are compared by `vntext.key` (NFC, one tone placement), with
    `tones=False` by `vntext.fold` (no marks at all).
    """
    norm = key if tones else fold
    a, b = [norm(w) for w in text_words(typed)], [norm(w) for w in text_words(ocr)]
    if not a:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)
