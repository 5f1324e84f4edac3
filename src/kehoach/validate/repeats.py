"""Which paragraphs of a plan repeat each other: the long paragraphs worth comparing, how two
are matched (exact, one inside the other, ≥ 90 % similar) and the maximal runs of matching
pairs. In: a `Plan`. Out: the candidates and their `Repeat` runs, computed once per document.

Used by the duplicate rules (validate/rules/duplicates.py, which decide each run's severity and
word its finding) and by `copies` (the same matching across plans). What repeats by design is
marked here: a paragraph that is not `strong` (short, a heading with text under it, a task's
labelled field, a sentence used as a formula) can extend a run but never make one alone.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import regex as re

from ..blocks import Paragraph
from ..models import Location, Plan
from ..plan.fields import FIELD_RE as _TASK_FIELD  # the parser's own task-field labels (one list)
from ..vntext import is_upper_title, key
from .util import location, paragraphs

MIN_CHARS = 60  # a paragraph shorter than this (normalised) is "short"
MIN_WORDS = 8
FORMULA_COPIES = 3  # a sentence found in this many places is a formula, not a pasted copy
FORMULA_CHARS = 160  # … when it is one sentence, not a long paragraph
NEAR = 0.90  # SequenceMatcher ratio for a near-duplicate

_MARKER = re.compile(r"^(?:[-+*•–]|\(?\d{1,3}[.)]|[a-zđ]\)|[ivxlc]{1,6}[.)])\s+")
_FIELD = re.compile(r"^(?:[-+*•–]\s*)?([^:\d]{2,45}):\s*(.*)$")


@dataclass
class Para:
    block: int
    para: Paragraph
    key: str
    strong: bool  # long enough to be reported on its own
    tokens: frozenset[str]
    appendix: bool = False  # after the start of the first appendix

    @property
    def loc(self) -> Location:
        return location(self.para.prov, self.block)


def dkey(text: str) -> str:
    k = key(text)
    return _MARKER.sub("", k, count=1).strip()


_ATTACHED = re.compile(r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.I)


def is_strong(text: str, k: str, title: str = "") -> bool:
    if len(k) < MIN_CHARS or len(k.split()) < MIN_WORDS:
        return False
    if is_upper_title(text) or _ATTACHED.match(text):
        return False  # headings; "(Kèm theo Kế hoạch số …)" under every appendix
    if title and (k in title or title in k):
        return False  # the plan's title restated in its opening sentence
    if _is_task_field(text):
        return False  # "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch …" is shared by many tasks
    field = _FIELD.match(text)
    # "- Cơ quan thực hiện: …" repeats by design
    return not (field and len(field.group(1).split()) <= 6 and len(dkey(field.group(2))) < 100)


def _is_task_field(text: str) -> bool:
    """A task's labelled field (lead, support, time, products, funding), not its "Nội dung: …"."""
    m = _TASK_FIELD.match(text)
    return bool(m and not m.group("content"))


def _heading_blocks(plan: Plan) -> set[int]:
    """Blocks holding the title of a section that has text or sub-sections under it: a heading
    restating an objective ("2. Thông tin tuyên truyền …" under Nội dung) names a part, it is
    not a pasted paragraph. A point that is one sentence with nothing under it stays a paragraph."""
    out: set[int] = set()
    stack = list(plan.sections)
    while stack:
        sec = stack.pop()
        stack.extend(sec.children)
        if (sec.children or sec.text) and sec.location and sec.location.block is not None:
            out.add(sec.location.block)
    return out


def candidates(plan: Plan) -> list[Para]:
    title = dkey(plan.header.title or "")
    headings = _heading_blocks(plan)
    out = []
    for block, para in paragraphs(plan, layout=False):
        if para.role == "footnote":
            continue
        k = dkey(para.text)
        if not k:
            continue
        strong = block not in headings and is_strong(para.text, k, title)
        out.append(Para(block, para, k, strong, frozenset(re.findall(r"\w+", k))))
    _running_heads(out)
    copies: dict[str, int] = {}
    for p in out:
        copies[p.key] = copies.get(p.key, 0) + 1
    for p in out:
        if copies[p.key] >= FORMULA_COPIES and len(p.key) < FORMULA_CHARS:
            p.strong = False
    start = _appendix_start(plan)
    for p in out:
        p.appendix = start is not None and p.block >= start
    return out


_APPENDIX_TITLE = re.compile(r"^(?:phụ\s+lục|danh\s+mục)\b", re.I)


def _appendix_start(plan: Plan) -> int | None:
    """Block index where the appendices begin (their own location, or a PHỤ LỤC / DANH MỤC title)."""
    starts = [a.location.block for a in plan.appendices if a.location and a.location.block is not None]
    for block, para in paragraphs(plan):
        first = para.lines[0] if para.lines else para.text
        if _APPENDIX_TITLE.match(first) and is_upper_title(first):
            starts.append(block)
            break
    return min(starts) if starts else None


def _running_heads(paras: list[Para]) -> None:
    """A text repeated at the top or bottom of several pages is a running header, not a copy."""
    by_key: dict[str, list[Para]] = {}
    for p in paras:
        if p.para.prov.page and p.para.prov.line is not None and p.para.prov.source in ("pdf", "ocr"):
            by_key.setdefault(p.key, []).append(p)
    for same in by_key.values():
        pages = {p.para.prov.page for p in same}
        if len(pages) >= 2 and all((p.para.prov.line or 99) <= 3 for p in same):
            for p in same:
                p.strong = False


class _Comparable(Protocol):
    """What `match` reads: a paragraph here, a `copies.Unit` of another plan there."""

    @property
    def key(self) -> str: ...
    @property
    def strong(self) -> bool: ...
    @property
    def tokens(self) -> frozenset[str]: ...


def match(a: _Comparable, b: _Comparable) -> tuple[str, float] | None:
    """How paragraph b repeats paragraph a: exact, contained, contains, near — or None."""
    if a.key == b.key:
        return "exact", 1.0
    if not (a.strong and b.strong):
        return None
    short, long_ = (a, b) if len(a.key) <= len(b.key) else (b, a)
    if short.tokens <= long_.tokens and short.key in long_.key:
        return ("contained" if short is b else "contains"), len(short.key) / len(long_.key)
    union = len(a.tokens | b.tokens)
    if not union or len(a.tokens & b.tokens) / union < 0.75:
        return None
    if min(len(a.key), len(b.key)) / max(len(a.key), len(b.key)) < 0.8:
        return None
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    if matcher.real_quick_ratio() < NEAR or matcher.quick_ratio() < NEAR:
        return None  # cheap upper bounds first
    ratio = matcher.ratio()
    return ("near", ratio) if ratio >= NEAR else None


def _candidate_pairs(paras: list[Para]) -> set[tuple[int, int]]:
    """Pairs of strong paragraphs that may be contained or near copies, without comparing all
    pairs: word-bigram prefix filtering (two texts ≥ 90 % alike share at least half their
    bigrams, so they share one of the rarer half) and, for containment, the shorter text's
    rarest inner bigram."""
    strong = [k for k, p in enumerate(paras) if p.strong]
    grams: dict[int, list[tuple[str, str]]] = {}
    df: dict[tuple[str, str], int] = {}
    index: dict[tuple[str, str], list[int]] = {}
    for k in strong:
        words = paras[k].key.split()
        g = list(dict.fromkeys(pairwise(words)))
        grams[k] = g
        for bigram in g:
            df[bigram] = df.get(bigram, 0) + 1
            index.setdefault(bigram, []).append(k)
    pairs: set[tuple[int, int]] = set()
    prefix_index: dict[tuple[str, str], list[int]] = {}
    for k in strong:
        ordered = sorted(grams[k], key=lambda b: (df[b], b))
        size = len(ordered) - -(-len(ordered) // 2) + 1  # |A| - ceil(|A|/2) + 1
        for bigram in ordered[:size]:
            for other in prefix_index.get(bigram, []):
                pairs.add((other, k))
            prefix_index.setdefault(bigram, []).append(k)
        inner = grams[k][1:-1] or grams[k]  # a substring may cut its end words
        if inner:
            rarest = min(inner, key=lambda b: (df[b], b))
            for other in index[rarest]:
                if other != k and len(paras[other].key) > len(paras[k].key):
                    pairs.add((min(other, k), max(other, k)))
    return pairs


@dataclass
class Repeat:
    """Paragraphs [i, i+n) of the candidates repeated at [j, j+n)."""

    i: int
    j: int
    pairs: list[tuple[str, float]]

    @property
    def n(self) -> int:
        return len(self.pairs)


_last: tuple[object, object, tuple] | None = None  # (document, title, result): both rules share one pass


def find_repeats(plan: Plan) -> tuple[list[Para], list[Repeat]]:
    """Every repeat run, computed once per document for the two duplicate rules."""
    global _last
    doc = plan.document
    if doc is not None and _last is not None and _last[0] is doc and _last[1] == plan.header.title:
        return _last[2]
    result = _find_repeats(plan)
    _last = (doc, plan.header.title, result) if doc is not None else None
    return result


def _find_repeats(plan: Plan) -> tuple[list[Para], list[Repeat]]:
    """Every maximal run of matching paragraph pairs that holds at least one strong pair."""
    paras = candidates(plan)
    matches: dict[tuple[int, int], tuple[str, float]] = {}
    by_key: dict[str, list[int]] = {}
    for j, p in enumerate(paras):
        for i in by_key.get(p.key, []):
            matches[(i, j)] = ("exact", 1.0)
        by_key.setdefault(p.key, []).append(j)
    for i, j in sorted(_candidate_pairs(paras)):
        if (i, j) not in matches:
            found = match(paras[i], paras[j])
            if found:
                matches[(i, j)] = found
    runs: list[Repeat] = []
    used: set[tuple[int, int]] = set()
    for i, j in sorted(matches):
        if (i, j) in used:
            continue
        pairs = []
        k = 0
        while (i + k, j + k) in matches and i + k < j:
            used.add((i + k, j + k))
            pairs.append(matches[(i + k, j + k)])
            k += 1
        if any(paras[i + t].strong and paras[j + t].strong for t in range(len(pairs))):
            runs.append(Repeat(i, j, pairs))
    # a third copy: report C against A only, not again against B
    reported: set[int] = set()
    kept = []
    for run in sorted(runs, key=lambda r: (r.j, r.i)):
        repeats = set(range(run.j, run.j + run.n))
        if repeats <= reported:
            continue
        reported |= repeats
        kept.append(run)
    return paras, kept
