"""Two Plans -> a PlanDiff: tasks aligned (align.py), task fields compared by `vntext.key`,
header fields, section headings and body paragraphs compared."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..models import Plan, Section, Task
from ..vntext import key, words
from .align import align, moved_pairs, overlap
from .hungarian import assign
from .schema import (
    TASK_FIELDS,
    Files,
    HeaderChange,
    ParagraphChanges,
    ParagraphEdit,
    PlanDiff,
    SectionChanges,
    SectionEdit,
    SectionRef,
    Summary,
    TaskChange,
    WordOp,
)
from .textdiff import same_words, word_diff

HEADER_FIELDS = (
    "number",
    "date",
    "date_partial",
    "title",
    "doc_type",
    "issuer",
    "issuer_parent",
    "place",
    "signer.authority",
    "signer.position",
    "signer.name",
    "recipients",
    "draft",
)


def _text(task: Task, field: str) -> str:
    """A field as one text, for comparison and the word diff."""
    if field == "content":
        return "\n".join(p for p in (task.content, task.details) if p)
    if field in ("lead", "support"):
        return "; ".join(u.name for u in getattr(task, field))
    if field == "products":
        return "; ".join(task.products)
    if field == "timeline":
        return task.timeline.raw if task.timeline else ""
    return task.notes or ""


def _same(a: Task, b: Task, field: str) -> bool:
    if field in ("lead", "support"):  # units: the same set of names, order aside
        return sorted(u.key for u in getattr(a, field)) == sorted(u.key for u in getattr(b, field))
    if field == "products":
        return sorted(key(p) for p in a.products) == sorted(key(p) for p in b.products)
    return same_words(_text(a, field), _text(b, field))


def changed_fields(a: Task, b: Task) -> list[str]:
    return [f for f in TASK_FIELDS if not _same(a, b, f)]


def _words(a: Task, b: Task, fields: Iterable[str]) -> dict[str, list[WordOp]]:
    return {f: [WordOp(op=p.op, old=p.old, new=p.new) for p in word_diff(_text(a, f), _text(b, f))] for f in fields}


def task_changes(old: list[Task], new: list[Task]) -> list[TaskChange]:
    """Every task of both plans once, in the new plan's order (a removed task where it stood)."""
    al = align(old, new)
    moved = moved_pairs(old, new, al.pairs)
    entries: list[tuple[float, float, TaskChange]] = []
    pos_of_old: dict[int, int] = {}
    for i, j, score in al.pairs:
        pos_of_old[i] = j
        fields = changed_fields(old[i], new[j])
        status = "moved" if i in moved else "changed" if fields else "unchanged"
        entries.append(
            (
                j,
                0,
                TaskChange(
                    status=status,
                    old=old[i],
                    new=new[j],
                    changed=fields,
                    similarity=round(score, 3),
                    words=_words(old[i], new[j], fields),
                ),
            )
        )
    for j in al.added:
        entries.append((j, 0, TaskChange(status="added", new=new[j])))
    for i in al.removed:
        before = [pos_of_old[k] for k in range(i) if k in pos_of_old]
        entries.append(((max(before) if before else -1) + 0.5, i, TaskChange(status="removed", old=old[i])))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [e[2] for e in entries]


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = getattr(obj, part, None)
    return obj


def header_changes(old: Plan, new: Plan) -> list[HeaderChange]:
    out = []
    for field in HEADER_FIELDS:
        a, b = _get(old.header, field), _get(new.header, field)
        if isinstance(a, list):
            differ = [key(x) for x in a] != [key(x) for x in b or []]
        elif isinstance(a, str) or isinstance(b, str):
            differ = key(a) != key(b)
        else:
            differ = a != b
        if differ:
            out.append(HeaderChange(field=field, old=a, new=b))
    return out


def _flatten(sections: Iterable[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_flatten(s.children))
    return out


def section_changes(old: Plan, new: Plan) -> SectionChanges:
    """Headings added or removed, by title (a renumbered heading is neither)."""
    a, b = _flatten(old.sections), _flatten(new.sections)
    left = Counter(key(s.title) for s in b)
    removed = []
    for s in a:
        if left[key(s.title)] > 0:
            left[key(s.title)] -= 1
        else:
            removed.append(s)
    left = Counter(key(s.title) for s in a)
    added = []
    for s in b:
        if left[key(s.title)] > 0:
            left[key(s.title)] -= 1
        else:
            added.append(s)

    def ref(s: Section) -> SectionRef:
        return SectionRef(number=s.number, level=s.level, title=s.title, location=s.location)

    # a reworded heading: the same level and most of its words kept -> changed, not removed + added
    cost = [
        [
            -overlap(frozenset(words(r.title)), frozenset(words(a.title)))
            if r.level == a.level and overlap(frozenset(words(r.title)), frozenset(words(a.title))) >= 0.6
            else 0.0
            for a in added
        ]
        for r in removed
    ]
    edits: list[SectionEdit] = []
    paired_r, paired_a = set(), set()
    if removed and added:
        for i, j in enumerate(assign(cost)):
            if j is not None and cost[i][j] < 0:
                paired_r.add(i)
                paired_a.add(j)
                edits.append(
                    SectionEdit(
                        old=ref(removed[i]),
                        new=ref(added[j]),
                        words=[
                            WordOp(op=p.op, old=p.old, new=p.new) for p in word_diff(removed[i].title, added[j].title)
                        ],
                    )
                )
    return SectionChanges(
        added=[ref(s) for j, s in enumerate(added) if j not in paired_a],
        removed=[ref(s) for i, s in enumerate(removed) if i not in paired_r],
        changed=edits,
    )


def _pair_similar(a: list[str], b: list[str], minimum: float) -> list[tuple[int, int]]:
    """Optimal pairs (i, j) of texts sharing at least `minimum` of their words."""
    if not a or not b:
        return []
    wa, wb = [frozenset(words(x)) for x in a], [frozenset(words(y)) for y in b]
    cost = [[-o if (o := overlap(x, y)) >= minimum else 0.0 for y in wb] for x in wa]
    return [(i, j) for i, j in enumerate(assign(cost)) if j is not None and cost[i][j] < 0]


def paragraph_changes(old: Plan, new: Plan) -> ParagraphChanges:
    """Body paragraphs (the `text` under each heading) in document order: runs that differ are
    paired by shared words (a reworded paragraph, word-diffed) or reported added / removed."""

    def paragraphs(plan: Plan) -> list[tuple[str, str]]:
        return [(p, f"{s.number}. {s.title}"[:120]) for s in _flatten(plan.sections) for p in s.text if p.strip()]

    a, b = paragraphs(old), paragraphs(new)
    out = ParagraphChanges()
    matcher = difflib.SequenceMatcher(None, [key(p) for p, _ in a], [key(p) for p, _ in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.unchanged += i2 - i1
            continue
        left, right = a[i1:i2], b[j1:j2]
        pairs = _pair_similar([p for p, _ in left], [p for p, _ in right], 0.5)
        for i, j in sorted(pairs, key=lambda ij: ij[1]):
            out.changed.append(
                ParagraphEdit(
                    section=right[j][1],
                    old=left[i][0],
                    new=right[j][0],
                    words=[WordOp(op=p.op, old=p.old, new=p.new) for p in word_diff(left[i][0], right[j][0])],
                )
            )
        used_l, used_r = {i for i, _ in pairs}, {j for _, j in pairs}
        out.removed += [p for i, (p, _) in enumerate(left) if i not in used_l]
        out.added += [p for j, (p, _) in enumerate(right) if j not in used_r]
    return out


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    tasks = task_changes(list(old.tasks), list(new.tasks))
    counts = Counter(t.status for t in tasks)
    summary = Summary(**{k: counts.get(k, 0) for k in ("added", "removed", "changed", "moved", "unchanged")})
    return PlanDiff(
        files=Files(old=old.source, new=new.source),
        same=all(t.status == "unchanged" for t in tasks),
        summary=summary,
        tasks=tasks,
        header=header_changes(old, new),
        sections=section_changes(old, new),
        paragraphs=paragraph_changes(old, new),
    )
