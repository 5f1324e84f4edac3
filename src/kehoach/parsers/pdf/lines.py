"""PDF characters -> visual lines: the geometric primitives the PDF parser builds on.

In: one dict per glyph (text, x0, x1, top, bottom, fontname, size), from either PDF reader,
after `twins.dedupe` dropped the glyphs drawn twice (fake bold). Out: `Line`s made of
`Seg`ments (runs of words on one baseline with no wide gap), which is all the layout code
needs, and the glyph counts of `CharStats`. Combining diacritics drawn as separate glyphs
are re-attached to the letter under them here; a line is cut into segments, and word spaces
inferred from gaps, in `segments`.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

import regex as re

from .segments import (
    _FONTNAME,
    _SIZE,
    _TEXT,
    _X0,
    Seg,
    _quick_segments,
    _segments,
    _space_index,
    _SpacesNear,
    base_font,
)

_CID_RE = re.compile(r"\(cid:\d+\)")


def is_unmapped(text: str) -> bool:
    """A glyph whose text the PDF does not map to Unicode: "(cid:N)", U+FFFD or private use."""
    if text.startswith("(cid:"):
        return True
    return any(ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF for ch in text)


_UNMAPPED: dict[str, bool] = {}  # glyph text -> is_unmapped (a page has a few hundred distinct texts)


def _is_unmapped_memo(text: str) -> bool:
    u = _UNMAPPED.get(text)
    if u is None:
        u = is_unmapped(text)
        if len(_UNMAPPED) > 65536:
            _UNMAPPED.clear()
        _UNMAPPED[text] = u
    return u


def strip_unmapped(text: str) -> str:
    text = _CID_RE.sub("", text)
    return "".join(ch for ch in text if not (ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF))


_NCHARS = attrgetter("nchars")


@dataclass
class Line:
    """One visual line: its segments left to right, and where it is."""

    segs: list[Seg]
    page: int
    index: int = 0  # 1-based line number on the page (provenance)

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    # most lines are one segment: that one's values, without a generator or a key function

    @property
    def top(self) -> float:
        segs = self.segs
        return segs[0].top if len(segs) == 1 else min(s.top for s in segs)

    @property
    def bottom(self) -> float:
        segs = self.segs
        return segs[0].bottom if len(segs) == 1 else max(s.bottom for s in segs)

    @property
    def text(self) -> str:
        segs = self.segs
        if len(segs) == 1:
            return segs[0].text
        return " ".join(s.text for s in segs if s.text)

    @property
    def size(self) -> float:
        segs = self.segs
        return segs[0].size if len(segs) == 1 else max(segs, key=_NCHARS).size

    @property
    def bold(self) -> float:
        n = sum(s.nchars for s in self.segs) or 1
        return sum(s.bold * s.nchars for s in self.segs) / n

    @property
    def italic(self) -> float:
        n = sum(s.nchars for s in self.segs) or 1
        return sum(s.italic * s.nchars for s in self.segs) / n

    @property
    def first_word_w(self) -> float:
        return self.segs[0].first_word_w

    @property
    def stretched(self) -> bool:
        """A justified line widened to the margin: it ended at a line break, not a wrap."""
        return len(self.segs) == 1 and self.segs[0].stretched

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class CharStats:
    """Per-document counters the parser reports in SourceInfo."""

    total: int = 0
    unmapped: int = 0
    duplicates: int = 0
    marks: int = 0
    misprinted: int = 0  # glyphs given back their letter (glyph_text)
    foreign: int = 0  # glyphs read as letters of scripts Vietnamese does not use
    foreign_example: str = ""
    fonts: dict[tuple[str, float], int] = field(default_factory=dict)
    body_fonts: dict[tuple[str, float], int] = field(default_factory=dict)  # text outside tables

    def count_body(self, lines: list[Line]) -> None:
        for ln in lines:
            for seg in ln.segs:
                key = (seg.font, round(seg.size * 2) / 2)
                self.body_fonts[key] = self.body_fonts.get(key, 0) + seg.nchars

    def count_font(self, fontname: str, size: float, n: int = 1) -> None:
        key = (base_font(fontname), round(size * 2) / 2)
        self.fonts[key] = self.fonts.get(key, 0) + n


def _is_mark(text: str) -> bool:
    return len(text) == 1 and unicodedata.combining(text) > 0


# Glyphs whose middles lie exactly the threshold apart (12 pt text 5.4 pt from the line's
# middle: 0.45 × 12) are two lines. A tie is common in generated PDFs (round sizes and
# spacings), and the readers' coordinates differ in the sixth digit (pdfium's are single
# precision): the margin makes both readers settle it the same way.
_TIE = 1e-3


def group_lines(chars: Iterable[dict], page: int, stats: CharStats | None = None) -> list[Line]:
    """Cluster glyphs into visual lines (top to bottom), then split each line into segments."""
    letters: list[dict] = []
    marks: list[dict] = []
    spaces: list[dict] = []
    # the letters by (middle, x0), ties in reading order: the index settles them as a stable sort would
    order: list[tuple[float, float, int]] = []
    combining = unicodedata.combining
    for ch in chars:
        text = ch.get("text", "")
        if not text or ch.get("upright") is False:
            continue
        if text.isspace():
            spaces.append(ch)
        elif len(text) == 1 and combining(text) > 0:
            marks.append(ch)
        else:
            order.append(((ch["top"] + ch["bottom"]) / 2, ch["x0"], len(letters)))
            letters.append(ch)
    if not letters:
        return []
    order.sort()
    clusters: list[list[dict]] = []
    spans: list[list[float]] = []  # per cluster: its glyphs' lowest and highest middle
    ref_mid = ref_half = 0.0
    cluster: list[dict] = []
    span = [0.0, 0.0]
    for mid, _, i in order:
        ch = letters[i]
        if clusters and abs(mid - ref_mid) < ref_half - _TIE:
            cluster.append(ch)
            span[1] = mid  # the middles come in rising order
            continue
        cluster = [ch]
        clusters.append(cluster)
        span = [mid, mid]
        spans.append(span)
        ref_mid = mid
        ref_half = max(1.5, (ch["bottom"] - ch["top"]) * 0.45)
    sized = {id(cl): (len(cl), sp) for cl, sp in zip(clusters, spans, strict=True)}
    clusters = _merge_raised(clusters)
    x0_of = _X0
    for cl in clusters:
        cl.sort(key=x0_of)
    if marks:
        _attach_marks(clusters, marks, stats)
    space_x = _space_index(_off_letters(clusters, sized, spaces) if spaces else spaces)
    lines: list[Line] | None = None
    if _QUICK:
        try:
            lines = _quick_lines(clusters, sized, space_x, page)
        except KeyError:  # a glyph without a key the quick segmenter reads (hand-made dicts)
            lines = None
    if lines is None:
        lines = [Line(segs=_segments(cl, space_x), page=page) for cl in clusters]
    lines.sort(key=lambda ln: (round(ln.bottom, 1), ln.x0))
    for i, ln in enumerate(lines, 1):
        ln.index = i
    if stats is not None:
        _count_chars(clusters, stats)
    return lines


def _off_letters(clusters: list[list[dict]], sized: dict, spaces: list[dict]) -> list[dict]:
    """The space glyphs that are not drawn under a letter of their line.

    A signed PDF stamps the number over the blank a draft left for it ("Số:        /KH-…"
    with "90" set over the spaces): a space lying under a letter is no gap between words
    ("9 0"). A space counts as under the letters when nine tenths of its width are (one letter
    or the two it straddles); a condensed line's letters overlap the spaces beside them by far
    less."""
    by_mid = sorted(((s["top"] + s["bottom"]) / 2, s["x0"], s["x1"], k) for k, s in enumerate(spaces))
    mids = [b[0] for b in by_mid]
    left, right = bisect.bisect_left, bisect.bisect_right
    under: set[int] = set()
    for cl in clusters:
        n, (lo, hi) = sized.get(id(cl), (0, (0.0, 0.0)))
        if n != len(cl):  # raised glyphs merged in (or a cluster the merge made)
            ms = [(c["top"] + c["bottom"]) / 2 for c in cl]
            lo, hi = min(ms), max(ms)
        i, j = left(mids, lo - 1.01), right(mids, hi + 1.01)
        if i == j:
            continue
        x0s = list(map(_X0, cl))
        last = len(cl) - 1
        for _, s0, s1, k in by_mid[i:j]:
            p = right(x0s, (s0 + s1) / 2) - 1
            if s1 <= s0 or p < 0 or cl[p]["x1"] <= s0:
                continue  # the space starts where no letter reaches (the usual case)
            covered = 0.0
            for q in (p - 1, p, p + 1) if p < last else (p - 1, p):
                if q >= 0:
                    a, b = x0s[q], cl[q]["x1"]
                    covered += max(0.0, (b if b < s1 else s1) - (a if a > s0 else s0))
            if covered >= 0.9 * (s1 - s0):
                under.add(k)
    return [sp for k, sp in enumerate(spaces) if k not in under] if under else spaces


_QUICK = True  # segments through `segments._quick_segments` (False: the reference `_segments`)


def _quick_lines(clusters: list[list[dict]], sized: dict, space_x: list, page: int) -> list[Line]:
    """The lines through the quick segmenter. It reads every glyph's keys (text, x0, x1, top,
    bottom, size, fontname) with `operator.itemgetter`; a KeyError (a glyph without one)
    comes before anything is changed, and the caller then takes the reference segmenter, which
    reads the missing ones with defaults. Segments it hands to `_make_seg` read as there."""
    near = _SpacesNear(space_x)
    lines = []
    for cl in clusters:
        n, (lo, hi) = sized[id(cl)]
        if n != len(cl):  # raised glyphs merged in: their middles too
            mids = [(c["top"] + c["bottom"]) / 2 for c in cl]
            lo, hi = min(mids), max(mids)
        lines.append(Line(segs=_quick_segments(cl, near(lo, hi)), page=page))
    return lines


# "(cid:" or one character `is_unmapped` flags (U+FFFD, private use): in the text of some
# unmapped glyph (a text with none has nothing to strip or count)
has_unmapped = re.compile("\\(cid:|[\ufffd\ue000-\uf8ff]").search


def _count_chars(clusters: list[list[dict]], stats: CharStats) -> None:
    """Glyph, unmapped-glyph and font counts; fonts counted per (name, size) first, then folded
    into `stats.fonts` in order of first appearance (as one call per glyph would). Unmapped
    glyphs are counted per distinct text, in the lines whose text holds one at all."""
    n = 0
    texts: Counter[str] = Counter()
    fonts: Counter[tuple[str, float]] = Counter()
    for cl in clusters:
        k = len(cl)
        n += k
        line = list(map(_TEXT, cl))
        if has_unmapped("".join(line)):
            texts.update(line)
        try:
            names, sizes = list(map(_FONTNAME, cl)), list(map(_SIZE, cl))
        except KeyError:  # a glyph without a font name or size (hand-made dicts)
            fonts.update([(ch.get("fontname", ""), ch.get("size", 0.0)) for ch in cl])
            continue
        if names.count(names[0]) == k and sizes.count(sizes[0]) == k:
            fonts[names[0], sizes[0]] += k  # a line in one font and size
        else:
            fonts.update(zip(names, sizes, strict=True))
    stats.total += n
    stats.unmapped += sum(k for text, k in texts.items() if _is_unmapped_memo(text))
    for (fontname, size), k in fonts.items():
        stats.count_font(fontname, size, k)


_RAISED_MARKS = frozenset("*()’'′″”")  # besides digits: what is set small and raised beside a word


def _merge_raised(clusters: list[list[dict]]) -> list[list[dict]]:
    """Put a cluster of small raised or lowered glyphs (a footnote mark, an exponent, the prime
    of minutes in "20 giờ 45’") into the line of normal-size text it overlaps."""

    def box(cl: list[dict]) -> tuple[float, float, float]:
        return min(c["top"] for c in cl), max(c["bottom"] for c in cl), max(c.get("size", 0.0) for c in cl)

    out: list[list[dict]] = []
    for i, cl in enumerate(clusters):
        if len(cl) > 3 or not all(c["text"].isdigit() or c["text"] in _RAISED_MARKS for c in cl):
            out.append(cl)  # only marks: a run of small text is a line of its own
            continue
        top, bottom, size = box(cl)
        best, best_overlap = None, 0.0
        for j in (i - 1, i + 1):
            if 0 <= j < len(clusters) and clusters[j]:
                t2, b2, s2 = box(clusters[j])
                overlap = min(bottom, b2) - max(top, t2)
                if size <= 0.8 * s2 and overlap > 0.3 * size and overlap > best_overlap:
                    best, best_overlap = j, overlap
        if best is None:
            out.append(cl)
        else:
            clusters[best].extend(cl)
            cl.clear()
    return [cl for cl in out if cl]


def _attach_marks(clusters: list[list[dict]], marks: list[dict], stats: CharStats | None) -> None:
    """Put each detached combining mark after the letter it sits on (NFC later composes them)."""
    for mk in marks:
        mid_x = (mk["x0"] + mk["x1"]) / 2
        mid_y = (mk["top"] + mk["bottom"]) / 2
        best, best_d = None, None
        for cl in clusters:
            top = min(c["top"] for c in cl)
            bottom = max(c["bottom"] for c in cl)
            size = cl[0]["bottom"] - cl[0]["top"]
            if not (top - 0.6 * size <= mid_y <= bottom + 0.4 * size):
                continue
            for ch in cl:
                d = abs((ch["x0"] + ch["x1"]) / 2 - mid_x)
                if ch["x0"] - 1 <= mid_x <= ch["x1"] + 1 and (best_d is None or d < best_d):
                    best, best_d = ch, d
        if best is not None:
            best["_marks"] = best.get("_marks", "") + mk["text"]
            if stats:
                stats.marks += 1


def remove_refs(seg: Seg, marks: set[str]) -> int:
    """Cut the reference marks whose text is in `marks` out of a segment; return how many."""
    cut = 0
    for start, end in reversed(seg.refs):
        if seg.text[start:end] in marks:
            seg.text = (seg.text[:start] + seg.text[end:]).replace("  ", " ")
            cut += 1
    seg.refs = []
    return cut
