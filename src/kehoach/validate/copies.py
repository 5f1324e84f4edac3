"""Copies across plans (`kehoach validate --against OTHER…`): an index of other plans' paragraphs
and task rows, and the passages of a plan found in it.

The units compared are those of the duplicate rule (`rules/duplicates.py`): its normalised
keys (tone placement, case, list markers), its notion of a "strong" paragraph (long enough,
not a heading, not a task's labelled field, not a formula repeated in the plan) and its
`match` verdict (exact, contained, near ≥ 90 %). Added here: the task rows of tables (a
district plan pasting the province's appendix), which the duplicate rule never compares.

Why a winnowed shingle index and not MinHash with LSH banding: MinHash estimates the Jaccard
similarity of whole units, so a province paragraph pasted inside a longer district paragraph
(containment) scores low and is missed, its banding trades false negatives against candidate
counts with tuning, and 100+ hash functions per unit are slow in pure Python. Winnowing
(Schleimer et al., the MOSS fingerprinting) keeps the minimum hash of every window of `WINDOW`
consecutive word `K`-grams: two texts sharing any run of `WINDOW + K - 1` normalised words are
guaranteed to share a fingerprint, whatever else surrounds it (containment and near copies
alike), and only about 2/(WINDOW+1) of the shingles are stored. Short units keep all their
shingles, so a near copy of a 10-word sentence edited in its middle is still a candidate.
Candidates are then verified exactly by `repeats.match`, as the duplicate rules do. Deterministic (crc32),
no dependency, a few dict look-ups per paragraph: checking a plan is independent of how many
plans are indexed except through the candidates it really shares.
"""

from __future__ import annotations

import difflib
import zlib
from collections import Counter
from dataclasses import dataclass, field

import regex as re

from ..models import Location, Plan
from .repeats import MIN_CHARS, candidates, dkey, is_strong, match
from .util import excerpt, plan_years

K = 4  # words per shingle
WINDOW = 5  # winnowing window: any shared run of K + WINDOW - 1 = 8 words is found
SHORT = 24  # units of at most this many words keep every shingle
MAX_CANDIDATES = 12  # indexed units verified per unit of the plan (most shared fingerprints first)
MAX_VERIFIED = 3  # … until this many near (not exact) copies are confirmed
FORMULA_PLANS = 20  # a fingerprint found in more plans than this is boilerplate (not looked up)
EXCERPT = 160
GAP = 1  # units a run may skip on either side
WORD_BOUND = 0.8  # word-level similarity below which the character comparison is skipped


@dataclass
class Unit:
    """A strong paragraph or a table task of one plan, ready to be indexed or looked up."""

    key: str
    kind: str  # "paragraph" | "task"
    location: Location
    excerpt: str
    years: tuple[int, ...]  # years written in its text (deadlines), references to other documents left out
    tokens: frozenset[str] = field(default_factory=frozenset)
    strong: bool = True
    fps: tuple[int, ...] = ()  # its fingerprints, computed with the unit (in the batch workers)

    def __post_init__(self) -> None:
        if not self.tokens:
            self.tokens = frozenset(re.findall(r"\w+", self.key))
        if not self.fps:
            self.fps = tuple(fingerprints(self.key))


@dataclass
class PlanUnits:
    """What the index keeps of one plan: its name, its years, its units in document order."""

    name: str
    years: tuple[int, int] | None
    units: list[Unit]
    path: str = ""  # resolved path, so a plan is never compared with itself


# a cited document: its number ("1737/QĐ-UBND", "12/2025/NQ-HĐND") and the date after it
_REFERENCE = re.compile(
    r"\b\d+(?:/(?:19|20)\d\d)?/[A-ZĐ][\w./-]*(?:[^;]{0,40}?\bngày\s+\d{1,2}"
    r"(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|\s+tháng\s+\d{1,2}\s+năm\s+)(?:19|20)\d\d)?"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def years_in(text: str) -> tuple[int, ...]:
    """Years a text mentions, except inside a cited document's number and date."""
    bare = _REFERENCE.sub(" ", text)
    return tuple(sorted({int(y) for y in _YEAR.findall(bare)}))


def plan_units(plan: Plan, name: str, path: str = "") -> PlanUnits:
    """The strong paragraphs (as the duplicate rule sees them) and table tasks of a plan."""
    found: list[tuple[tuple[int, int], Unit]] = []
    for p in candidates(plan):
        if p.strong:
            found.append(
                (
                    (p.block, 0),
                    Unit(p.key, "paragraph", p.loc, excerpt(p.para.text, EXCERPT), years_in(p.para.text), p.tokens),
                )
            )
    for task in plan.tasks:
        loc = task.location
        if loc is None or loc.table is None:
            continue  # a task written in prose is a paragraph already
        k = dkey(task.content)
        if not is_strong(task.content, k):
            continue
        when = task.timeline.raw if task.timeline else ""
        text = f"{task.content} — {when}" if when else task.content
        found.append(
            (
                (loc.block if loc.block is not None else 10**9, loc.row or 0),
                Unit(k, "task", loc, excerpt(text, EXCERPT), years_in(text)),
            )
        )
    found.sort(key=lambda x: x[0])
    return PlanUnits(name, plan_years(plan), [u for _, u in found], path)


def fingerprints(key: str) -> set[int]:
    """The winnowed word-shingle hashes of a normalised text (every shingle for a short one)."""
    words = key.split()
    if len(words) < K:
        return {zlib.crc32(key.encode())}
    hashes = [zlib.crc32(" ".join(words[i : i + K]).encode()) for i in range(len(words) - K + 1)]
    if len(words) <= SHORT or len(hashes) <= WINDOW:
        return set(hashes)
    out: set[int] = set()
    for i in range(len(hashes) - WINDOW + 1):
        window = hashes[i : i + WINDOW]
        m = min(window)
        out.add(m)
    return out


@dataclass
class Match:
    """Unit `i` of the checked plan matches unit `j` of indexed plan `plan`."""

    i: int
    plan: int
    j: int
    kind: str  # exact | contained | contains | near
    ratio: float


class Index:
    """Fingerprint -> the indexed units holding it (plan number, unit number)."""

    def __init__(self, plans: list[PlanUnits]) -> None:
        self.plans = plans
        self.postings: dict[int, list[int]] = {}
        self.exact: dict[str, list[int]] = {}
        self._shift = 20
        for p, pu in enumerate(plans):
            for j, unit in enumerate(pu.units):
                ref = (p << self._shift) | j
                self.exact.setdefault(unit.key, []).append(ref)
                for fp in unit.fps:
                    self.postings.setdefault(fp, []).append(ref)
        self._seen: dict[tuple[str, str], tuple[str, float] | None] = {}
        self.formula = {
            fp
            for fp, refs in self.postings.items()
            if len(refs) > FORMULA_PLANS and len({r >> self._shift for r in refs}) > FORMULA_PLANS
        }

    def _verify(self, a: Unit, b: Unit) -> tuple[str, float] | None:
        """The duplicate rule's verdict, after a word-level bound that spares most character
        comparisons (a pair under 80 % alike in words is not 90 % alike in characters, in
        practice), memoised: the same pair of texts recurs across versions of a plan."""
        pair = (a.key, b.key)
        if pair in self._seen:
            return self._seen[pair]
        found = None
        if len(a.tokens & b.tokens) * 2 >= len(a.tokens | b.tokens) or a.key in b.key or b.key in a.key:
            wa, wb = a.key.split(), b.key.split()
            words = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
            contained = a.key in b.key or b.key in a.key
            if contained or (words.quick_ratio() >= WORD_BOUND and words.ratio() >= WORD_BOUND):
                found = match(a, b)
        self._seen[pair] = found
        return found

    def __len__(self) -> int:
        return len(self.plans)

    def unit(self, ref: int) -> tuple[int, int]:
        return ref >> self._shift, ref & ((1 << self._shift) - 1)

    def matches(self, query: PlanUnits) -> list[Match]:
        """Every verified match of the query's units (several per unit: one per indexed plan)."""
        skip = {p for p, pu in enumerate(self.plans) if query.path and pu.path == query.path}
        out: list[Match] = []
        for i, unit in enumerate(query.units):
            best: dict[int, Match] = {}
            same = self.exact.get(unit.key, [])
            if len(same) > FORMULA_PLANS and len({r >> self._shift for r in same}) > FORMULA_PLANS:
                same = []  # the same text in that many plans is the genre's formula
            for ref in same:
                p, j = self.unit(ref)
                if p not in skip and p not in best:
                    best[p] = Match(i, p, j, "exact", 1.0)
            counts: Counter[int] = Counter()
            for fp in unit.fps:
                if fp not in self.formula:
                    counts.update(self.postings.get(fp, ()))
            verified = 0
            for ref, _ in counts.most_common(MAX_CANDIDATES):
                p, j = self.unit(ref)
                if p in skip or (p in best and best[p].kind == "exact"):
                    continue
                found = self._verify(self.plans[p].units[j], unit)
                if found and (p not in best or found[1] > best[p].ratio):
                    best[p] = Match(i, p, j, found[0], found[1])
                    verified += 1
                    if verified >= MAX_VERIFIED:
                        break  # enough near copies of this unit: the costly comparison stops
            out.extend(best.values())
        return out


@dataclass
class Run:
    """Consecutive units [i, i+n) of the checked plan copying consecutive units [j, j+n) of one plan."""

    plan: int
    pairs: list[Match]

    @property
    def n(self) -> int:
        return len(self.pairs)


def runs(matches: list[Match]) -> list[Run]:
    """Matches joined into runs (in order on both sides, same other plan, at most `GAP` units
    skipped on either side: a pasted paragraph that became a heading in its new place, or was
    edited beyond recognition, does not cut the block in two); each unit of the checked plan
    ends in one run only, the longest one (ties: the first plan indexed)."""
    ends: dict[tuple[int, int, int], Run] = {}  # (plan, last i, last j) -> its run
    found: list[Run] = []
    steps = [(di, dj) for di in range(1, GAP + 2) for dj in range(1, GAP + 2)]
    for m in sorted(matches, key=lambda m: (m.plan, m.i, m.j)):
        run = next((ends.pop(k) for k in ((m.plan, m.i - di, m.j - dj) for di, dj in steps) if k in ends), None)
        if run is None:
            run = Run(m.plan, [])
            found.append(run)
        run.pairs.append(m)
        ends[(m.plan, m.i, m.j)] = run
    taken: set[int] = set()
    kept: list[Run] = []
    for run in sorted(found, key=lambda r: (-r.n, r.plan, r.pairs[0].i)):
        mine = [p for p in run.pairs if p.i not in taken]
        if not mine:
            continue  # wholly inside a longer run already kept
        taken.update(p.i for p in mine)
        kept.append(Run(run.plan, mine))
    return sorted(kept, key=lambda r: r.pairs[0].i)


def stale_years(query: PlanUnits, original: PlanUnits, run: Run) -> list[int]:
    """Years the copy carries over from the other plan's period that lie before this plan's:
    a 2026 plan keeping "trước 30/6/2025" from the 2025 plan it copied."""
    if not query.years or not original.years:
        return []
    lo = query.years[0]
    o_lo, o_hi = original.years
    out: set[int] = set()
    for m in run.pairs:
        mine = set(query.units[m.i].years)
        theirs = set(original.units[m.j].years)
        out |= {y for y in mine & theirs if y < lo and o_lo <= y <= o_hi}
    return sorted(out)


def sharp(run: Run, query: PlanUnits) -> bool:
    """A run worth reporting: two units or more, or one long unit copied whole (a single
    sentence shared by two plans is often the genre's formula, not a copy)."""
    if run.n >= 2:
        return True
    m = run.pairs[0]
    key = query.units[m.i].key
    return m.kind == "exact" and len(key) >= 3 * MIN_CHARS
