"""Task alignment between two versions of a plan: an optimal assignment, not a greedy match.

Each old/new pair gets a similarity from the content (token overlap of `vntext.key` words),
the lead units, the deadline, the number and the group. The Hungarian algorithm picks the
pairing of greatest total similarity; a pair under the thresholds is no pair at all (the old
task is removed, the new one added).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from ..models import Task
from ..vntext import key, words
from .hungarian import assign

# weights of the parts of the similarity (they sum to 1)
W_CONTENT, W_LEAD, W_TIMELINE, W_NUMBER, W_GROUP = 0.6, 0.15, 0.1, 0.08, 0.07
MIN_CONTENT = 0.4  # a pair whose texts share less than this is not the same task
MIN_SCORE = 0.5

_GROUP_NUMBER_RE = re.compile(r"^\s*(?:[IVXLCDM]+|\d+|[a-zđ])\s*[.)/-]\s*", re.IGNORECASE)


def group_key(group: str | None) -> str:
    """The group's name without its printed number: renumbering a group is not a move."""
    return key(_GROUP_NUMBER_RE.sub("", group or ""))


@dataclass
class _Facts:
    tokens: frozenset[str]
    content: str
    lead: frozenset[str]
    timeline: str
    number: str
    group: str


def _facts(task: Task) -> _Facts:
    text = " ".join(p for p in (task.content, task.details) if p)
    return _Facts(
        frozenset(words(text)),
        key(text),
        frozenset(u.key for u in task.lead),
        key(task.timeline.raw if task.timeline else ""),
        key(task.number or ""),
        group_key(task.group),
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def content_similarity(a: _Facts, b: _Facts) -> float:
    return 1.0 if a.content == b.content else overlap(a.tokens, b.tokens)


def similarity(a: _Facts, b: _Facts) -> tuple[float, float]:
    """(content similarity, overall similarity) of two tasks, each in [0, 1]."""
    content = content_similarity(a, b)
    score = (
        W_CONTENT * content
        + W_LEAD * overlap(a.lead, b.lead)
        + W_TIMELINE * (a.timeline == b.timeline)
        + W_NUMBER * (a.number == b.number)
        + W_GROUP * (a.group == b.group)
    )
    return content, score


@dataclass
class Alignment:
    pairs: list[tuple[int, int, float]]  # (old index, new index, similarity)
    removed: list[int]
    added: list[int]


def align(old: Sequence[Task], new: Sequence[Task]) -> Alignment:
    """Pair the tasks of two registers (indexes into `old` and `new`)."""
    fa, fb = [_facts(t) for t in old], [_facts(t) for t in new]
    scores: list[list[float]] = []
    cost: list[list[float]] = []
    for a in fa:
        row_s, row_c = [], []
        for b in fb:
            content, score = similarity(a, b)
            ok = content >= MIN_CONTENT and score >= MIN_SCORE
            row_s.append(score if ok else -1.0)
            row_c.append(-score if ok else 0.0)
        scores.append(row_s)
        cost.append(row_c)
    chosen = assign(cost) if fa and fb else [None] * len(fa)
    pairs = [(i, j, scores[i][j]) for i, j in enumerate(chosen) if j is not None and scores[i][j] >= 0]
    matched_old = {i for i, _, _ in pairs}
    matched_new = {j for _, j, _ in pairs}
    return Alignment(
        pairs,
        [i for i in range(len(old)) if i not in matched_old],
        [j for j in range(len(new)) if j not in matched_new],
    )


def moved_pairs(old: Sequence[Task], new: Sequence[Task], pairs: Sequence[tuple[int, int, float]]) -> set[int]:
    """Old indexes of the pairs whose task went to another group. A group renamed as a whole
    (its name gone from the new plan, the new name absent from the old one) is no move."""
    old_groups = {group_key(t.group) for t in old}
    new_groups = {group_key(t.group) for t in new}
    targets: dict[str, Counter[str]] = {}
    for i, j, _ in pairs:
        targets.setdefault(group_key(old[i].group), Counter())[group_key(new[j].group)] += 1
    renamed = {
        g: c.most_common(1)[0][0]
        for g, c in targets.items()
        if g not in new_groups and c.most_common(1)[0][0] not in old_groups
    }
    moved = set()
    for i, j, _ in pairs:
        g, h = group_key(old[i].group), group_key(new[j].group)
        if g != h and renamed.get(g) != h:
            moved.add(i)
    return moved
