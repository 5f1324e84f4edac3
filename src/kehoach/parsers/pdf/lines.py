"""PDF characters -> visual lines: the geometric primitives the PDF parser builds on.

pdfplumber gives one dict per glyph (text, x0, x1, top, bottom, fontname, size). This
module turns them into `Line`s made of `Seg`ments (runs of words on one baseline with no
wide gap), which is all the layout code needs. It also does the character-level hygiene:
glyphs drawn twice (fake bold) are dropped but remembered as bold, combining diacritics
drawn as separate glyphs are re-attached to the letter under them, and word spaces are
inferred from gaps when the PDF has no space glyphs.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

import regex as re

# A gap wider than this many ems splits a line into segments (columns, tab stops, blanks
# left in a draft such as "Số:      /KH-UBND").
SEG_GAP_EM = 1.6
# A gap wider than this share of the font size is a word space.
SPACE_GAP_EM = 0.13

_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold|[,-]b$|[,-]bd$", re.I)
_ITALIC_RE = re.compile(r"italic|oblique|[,-]i$|[,-]it$", re.I)
_CID_RE = re.compile(r"\(cid:\d+\)")


def font_is_bold(fontname: str) -> bool:
    return _font_flags(fontname)[0]


def font_is_italic(fontname: str) -> bool:
    return _font_flags(fontname)[1]


_FONT_FLAGS: dict[str, tuple[bool, bool]] = {}  # font name -> (bold, italic): a page has a few fonts


def _font_flags(fontname: str) -> tuple[bool, bool]:
    flags = _FONT_FLAGS.get(fontname)
    if flags is None:
        name = base_font(fontname)
        flags = (bool(_BOLD_RE.search(name)), bool(_ITALIC_RE.search(name)))
        if len(_FONT_FLAGS) > 4096:
            _FONT_FLAGS.clear()
        _FONT_FLAGS[fontname] = flags
    return flags


def base_font(fontname: str) -> str:
    """Drop the subset prefix: "ABCDEF+TimesNewRomanPS-BoldMT" -> "TimesNewRomanPS-BoldMT"."""
    name = fontname or ""
    if len(name) > 7 and name[6] == "+":
        name = name[7:]
    return name


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


@dataclass
class Seg:
    """A run of words on one line with no wide gap inside."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: float  # share of letters in a bold font (or drawn twice)
    italic: float
    font: str
    first_word_w: float  # width of the first word (to tell a wrap from a hard break)
    nchars: int = 0
    refs: list[tuple[int, int]] = field(default_factory=list)  # spans of raised small digits/* in `text`


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

    @property
    def top(self) -> float:
        return min(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs if s.text)

    @property
    def size(self) -> float:
        return max(self.segs, key=lambda s: s.nchars).size

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
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class CharStats:
    """Per-document counters the parser reports in SourceInfo."""

    total: int = 0
    unmapped: int = 0
    duplicates: int = 0
    marks: int = 0
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


_NEAR = {-1: (-1, 0), 0: (-1, 0, 1), 1: (0, 1)}  # which neighbouring buckets a twin can be in


def dedupe(chars: list[dict], stats: CharStats | None = None, tolerance: float = 1.0) -> list[dict]:
    """Drop glyphs drawn twice at (almost) the same place — the fake-bold trick — marking the kept one bold.

    Same idea as pdfplumber's `Page.dedupe_chars()`, but it remembers which glyphs were doubled.
    Glyphs are bucketed by text and position (buckets twice the tolerance wide); a glyph in the
    left half of its bucket can only have a twin in its bucket or the one to the left, one in
    the right half only there or to the right, so it looks in two buckets by two (three when
    it is on the middle line), in the same order as a three-by-three search.
    """
    if _no_twins(chars, tolerance):
        return list(chars)
    buckets: dict[tuple[str, int, int], list[dict]] = {}
    get = buckets.get
    out: list[dict] = []
    step = 2 * tolerance
    lo, hi = tolerance - 1e-9, tolerance + 1e-9  # a hair around the middle line: look both ways
    near_of = _NEAR
    for ch in chars:
        text = ch.get("text", "")
        if not text or text.isspace():
            out.append(ch)
            continue
        x, y = ch["x0"], ch["top"]
        kx, ky = int(x // step), int(y // step)
        fx, fy = x - kx * step, y - ky * step
        dxs = near_of[-1 if fx < lo else (1 if fx > hi else 0)]
        dys = near_of[-1 if fy < lo else (1 if fy > hi else 0)]
        dup = None
        for dx in dxs:
            for dy in dys:
                for other in get((text, kx + dx, ky + dy), ()):
                    if abs(other["x0"] - x) <= tolerance and abs(other["top"] - y) <= tolerance:
                        dup = other
                        break
                if dup is not None:
                    break
            if dup is not None:
                break
        if dup is not None:
            dup["_fakebold"] = True
            if stats:
                stats.duplicates += 1
            continue
        key = (text, kx, ky)
        bucket = get(key)
        if bucket is None:
            buckets[key] = [ch]
        else:
            bucket.append(ch)
        out.append(ch)
    return out


def _no_twins(chars: list[dict], tolerance: float) -> bool:
    """True when no two glyphs of `chars` can be twins for `dedupe` (same text, x0 and top both
    within `tolerance`); False when some may be. A cheap pass first: the glyphs in reading order
    fall into runs whose x0 grows by more than the tolerance at each step, top staying within it
    (a word, a line of one text object: no twins inside a run); only two runs whose x0 and top ranges come within the
    tolerance of each other can hold a twin pair. A page with no such runs (most pages: the
    fake-bold trick draws a run twice, right over itself) skips the bucket search."""
    tol = tolerance + 1e-6  # a hair wide: a pair the search could call twins is never missed here
    runs: list[tuple[float, float, float, float]] = []  # (top min, top max, x0 first, x0 last)
    px = py = gx0 = gy0 = gy1 = 0.0
    started = False
    append = runs.append
    for ch in chars:
        text = ch.get("text", "")
        if not text or text.isspace():
            continue
        x, y = ch["x0"], ch["top"]
        if started and x - px > tol and -tol <= y - py <= tol:
            if y < gy0:
                gy0 = y
            elif y > gy1:
                gy1 = y
        else:
            if started:
                append((gy0, gy1, gx0, px))
            gx0, gy0, gy1 = x, y, y
            started = True
        px, py = x, y
    if not started:
        return True
    append((gy0, gy1, gx0, px))
    runs.sort()
    active: list[tuple[float, float, float, float]] = []
    for run in runs:
        y0, _, x0, x1 = run
        active = [a for a in active if a[1] + tol >= y0]
        for a in active:
            if a[2] - tol <= x1 and x0 - tol <= a[3]:
                return False
        active.append(run)
    return True


def _is_mark(text: str) -> bool:
    return len(text) == 1 and unicodedata.combining(text) > 0


def group_lines(chars: Iterable[dict], page: int, stats: CharStats | None = None) -> list[Line]:
    """Cluster glyphs into visual lines (top to bottom), then split each line into segments."""
    letters: list[dict] = []
    marks: list[dict] = []
    spaces: list[dict] = []
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
            letters.append(ch)
    if not letters:
        return []
    # by (middle, x0), ties in reading order: the index settles them as a stable sort would
    order = sorted([((c["top"] + c["bottom"]) / 2, c["x0"], i) for i, c in enumerate(letters)])
    clusters: list[list[dict]] = []
    spans: list[list[float]] = []  # per cluster: its glyphs' lowest and highest middle
    ref_mid = ref_half = 0.0
    cluster: list[dict] = []
    span = [0.0, 0.0]
    for mid, _, i in order:
        ch = letters[i]
        if clusters and abs(mid - ref_mid) <= ref_half:
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
    space_x = _space_index(spaces)
    try:
        for cl in clusters:  # every glyph has the keys the quick segmenter reads
            list(map(_KEYS, cl))
        quick = True
    except KeyError:
        quick = False
    if quick:
        near = _SpacesNear(space_x)
        lines = []
        for cl in clusters:
            n, (lo, hi) = sized[id(cl)]
            if n != len(cl):  # raised glyphs merged in: their middles too
                mids = [(c["top"] + c["bottom"]) / 2 for c in cl]
                lo, hi = min(mids), max(mids)
            lines.append(Line(segs=_quick_segments(cl, near(lo, hi)), page=page))
    else:
        lines = [Line(segs=_segments(cl, space_x), page=page) for cl in clusters]
    lines.sort(key=lambda ln: (round(ln.bottom, 1), ln.x0))
    for i, ln in enumerate(lines, 1):
        ln.index = i
    if stats is not None:
        _count_chars(clusters, stats)
    return lines


_X0 = itemgetter("x0")
_TEXT, _FONT_SIZE = itemgetter("text"), itemgetter("fontname", "size")


def _count_chars(clusters: list[list[dict]], stats: CharStats) -> None:
    """Glyph, unmapped-glyph and font counts; fonts counted per (name, size) first, then folded
    into `stats.fonts` in order of first appearance (as one call per glyph would). Unmapped
    glyphs are counted per distinct text."""
    n = 0
    texts: Counter[str] = Counter()
    fonts: Counter[tuple[str, float]] = Counter()
    for cl in clusters:
        n += len(cl)
        texts.update(map(_TEXT, cl))
        try:
            keys = list(map(_FONT_SIZE, cl))
        except KeyError:  # a glyph without a font name or size (hand-made dicts)
            keys = [(ch.get("fontname", ""), ch.get("size", 0.0)) for ch in cl]
        fonts.update(keys)
    stats.total += n
    stats.unmapped += sum(k for text, k in texts.items() if _is_unmapped_memo(text))
    for (fontname, size), k in fonts.items():
        stats.count_font(fontname, size, k)


def _merge_raised(clusters: list[list[dict]]) -> list[list[dict]]:
    """Put a cluster of small raised or lowered glyphs (a footnote mark, an exponent) into the
    line of normal-size text it overlaps."""

    def box(cl: list[dict]) -> tuple[float, float, float]:
        return min(c["top"] for c in cl), max(c["bottom"] for c in cl), max(c.get("size", 0.0) for c in cl)

    out: list[list[dict]] = []
    for i, cl in enumerate(clusters):
        if len(cl) > 3 or not all(c["text"].isdigit() or c["text"] in "*()" for c in cl):
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


def _space_index(spaces: list[dict]) -> list[tuple[float, float, float]]:
    return sorted((s["x0"], s["top"], s["bottom"]) for s in spaces)


_KEYS = itemgetter("text", "x0", "x1", "top", "bottom", "size", "fontname")
_X1, _TOP, _BOTTOM, _SIZE, _FONTNAME = (itemgetter(k) for k in ("x1", "top", "bottom", "size", "fontname"))


class _SpacesNear:
    """The page's space glyphs a line's gaps can meet: `_has_space_between` asks for a space
    whose height holds the middle of the glyph before the gap (within 1 pt), so a line needs
    only the spaces reaching its own height; the others are left out, in the same order."""

    def __init__(self, space_x: list[tuple[float, float, float]]) -> None:
        self.by_top = sorted(space_x, key=itemgetter(1))
        self.tops = [s[1] for s in self.by_top]
        self.tallest = max((s[2] - s[1] for s in self.by_top), default=0.0)

    def __call__(self, lo: float, hi: float) -> list[tuple[float, float, float]]:
        """The spaces a glyph whose middle is between `lo` and `hi` can meet."""
        if not self.tops:
            return []
        lo, hi = lo - 1.01, hi + 1.01
        i = bisect.bisect_left(self.tops, lo - self.tallest)
        j = bisect.bisect_right(self.tops, hi)
        return sorted(s for s in self.by_top[i:j] if s[1] <= hi and s[2] >= lo)


def _quick_segments(chars: list[dict], space_x: list[tuple[float, float, float]]) -> list[Seg]:
    """`_segments` for glyphs that all have their keys: the gaps are measured once for the
    line, and a segment in one font size is made without a loop over its glyphs in Python
    (`_quick_seg`); other segments go to `_make_seg`. Same segments as `_segments`."""
    n = len(chars)
    x0s, x1s, sizes = list(map(_X0, chars)), list(map(_X1, chars)), list(map(_SIZE, chars))
    gaps = [b - a for a, b in zip(x1s, x0s[1:], strict=False)]  # gaps[k - 1]: before glyph k
    size0 = sizes[0]
    one_size = sizes.count(size0) == n
    if one_size:
        wide = SEG_GAP_EM * (size0 if size0 >= 1.0 else 1.0)
        cuts = [k for k, g in enumerate(gaps, 1) if g > wide]
    else:
        cuts = []
        for k in range(1, n):
            a, b = sizes[k - 1], sizes[k]
            size = b if b > a else a
            if size < 1.0:
                size = 1.0
            if gaps[k - 1] > SEG_GAP_EM * size:
                cuts.append(k)
    segs: list[Seg] = []
    start = 0
    for end in [*cuts, n]:
        part = chars[start:end] if (start or end < n) else chars
        if one_size or sizes[start:end].count(sizes[start]) == end - start:
            segs.append(_quick_seg(part, x0s[start:end], x1s[start:end], sizes[start], gaps[start : end - 1], space_x))
        else:
            segs.append(_make_seg(part, space_x))
        start = end
    return segs


def _spaced_pairs(space_x, chars: list[dict], x0s: list[float], x1s: list[float]) -> set[int]:
    """The k (1 .. n-1) for which `_has_space_between(space_x, chars[k - 1], chars[k])`, found
    from the spaces' side: glyphs run left to right, so a space at x can only sit in the gaps
    from the first glyph reaching x - 0.5 on, and, glyphs being no narrower than nothing, only
    up to the last one starting by x + 1."""
    n = len(chars)
    if any(b < a for a, b in zip(x0s, x1s, strict=True)):  # a glyph of negative width: ask each gap
        return {k for k in range(1, n) if _has_space_between(space_x, chars[k - 1], chars[k])}
    ends = [x + 0.5 for x in x0s]  # b["x0"] + 0.5 of each glyph, rising
    out: set[int] = set()
    for sx, top, bottom in space_x:
        k = bisect.bisect_left(ends, sx, 1)  # the first gap whose right glyph reaches it
        while k < n and x0s[k - 1] - 1.0 <= sx:
            if x1s[k - 1] - 1.0 <= sx and k not in out:
                a = chars[k - 1]
                if top - 1 <= (a["top"] + a["bottom"]) / 2 <= bottom + 1:
                    out.add(k)
            k += 1
    return out


def _quick_seg(chars: list[dict], x0s: list[float], x1s: list[float], size: float, gaps: list[float], space_x) -> Seg:
    """`_make_seg` for a segment whose glyphs share one font size (and have every key)."""
    main = round(size * 2) / 2
    if size <= 0.75 * main:  # its digits could be reference marks (tiny sizes): the full reading
        return _make_seg(chars, space_x)
    n = len(chars)
    texts = list(map(_TEXT, chars))
    space = SPACE_GAP_EM * (size if size >= 1.0 else 1.0)
    if space_x:
        spaced = _spaced_pairs(space_x, chars, x0s, x1s)
        breaks = [k for k, gap in enumerate(gaps, 1) if gap > space or (gap > -0.5 and k in spaced)]
    else:
        breaks = [k for k, gap in enumerate(gaps, 1) if gap > space]
    pieces = texts
    if any("_marks" in ch for ch in chars):
        pieces = [t + ch["_marks"] if ch.get("_marks") else t for t, ch in zip(texts, chars, strict=True)]
    if breaks:
        text = " ".join("".join(pieces[a:b]) for a, b in zip([0, *breaks], [*breaks, n], strict=True))
        first_word_end = x1s[breaks[0] - 1]
    else:
        text = "".join(pieces)
        first_word_end = x1s[-1]
    fontnames = list(map(_FONTNAME, chars))
    fonts = Counter(fontnames)
    fake = any("_fakebold" in ch for ch in chars)
    bold = italic = letters = 0
    if len(fonts) == 1 and not fake:
        is_bold, is_italic = _font_flags(fontnames[0])
        letters = sum(1 for t in texts if t.isalnum() or len(t) > 1)
        bold = letters if is_bold else 0
        italic = letters if is_italic else 0
    else:
        flags_of = _FONT_FLAGS
        for t, f, ch in zip(texts, fontnames, chars, strict=True):
            if t.isalnum() or len(t) > 1:
                letters += 1
                flags = flags_of.get(f) or _font_flags(f)
                if ch.get("_fakebold") or flags[0]:
                    bold += 1
                if flags[1]:
                    italic += 1
    x0 = x0s[0]
    return Seg(
        x0=x0,
        x1=x1s[-1],
        top=min(map(_TOP, chars)),
        bottom=max(map(_BOTTOM, chars)),
        text=text,
        size=main,
        bold=bold / letters if letters else 0.0,
        italic=italic / letters if letters else 0.0,
        font=base_font(max(fonts, key=fonts.__getitem__)),
        first_word_w=first_word_end - x0,
        nchars=n,
        refs=[],
    )


def _has_space_between(space_x: list[tuple[float, float, float]], a: dict, b: dict) -> bool:
    if not space_x:
        return False
    i = bisect.bisect_left(space_x, (a["x1"] - 1.0, -1e9, -1e9))
    mid = (a["top"] + a["bottom"]) / 2
    while i < len(space_x) and space_x[i][0] <= b["x0"] + 0.5:
        _, top, bottom = space_x[i]
        if top - 1 <= mid <= bottom + 1:
            return True
        i += 1
    return False


def _segments(chars: list[dict], space_x) -> list[Seg]:
    segs: list[Seg] = []
    start = 0
    prev = chars[0]
    prev_size = prev.get("size", 10.0)
    for i in range(1, len(chars)):
        ch = chars[i]
        ch_size = ch.get("size", 10.0)
        size = ch_size if ch_size > prev_size else prev_size  # max(prev, ch, 1.0)
        if size < 1.0:
            size = 1.0
        if ch["x0"] - prev["x1"] > SEG_GAP_EM * size:
            segs.append(_make_seg(chars[start:i], space_x))
            start = i
        prev, prev_size = ch, ch_size
    segs.append(_make_seg(chars[start:] if start else chars, space_x))
    return segs


def _make_seg(chars: list[dict], space_x) -> Seg:
    sizes: dict[float, int] = {}
    for ch in chars:
        size_key = round(ch.get("size", 0.0) * 2) / 2
        sizes[size_key] = sizes.get(size_key, 0) + 1
    main = max(sizes, key=sizes.__getitem__)
    baseline = max((c["bottom"] for c in chars if abs(c.get("size", 0.0) - main) < 0.6), default=0.0)
    small, raised = 0.75 * main, baseline - 0.2 * main  # a footnote reference: see _is_reference_mark
    parts: list[str] = []
    length = 0
    refs: list[tuple[int, int]] = []
    first_word_end: float | None = None
    bold = italic = letters = 0
    fonts: dict[str, int] = {}
    flags_of = _FONT_FLAGS
    first = chars[0]
    top, bottom = first["top"], first["bottom"]
    prev = None
    prev_x1 = prev_size = 0.0
    for ch in chars:
        text = ch["text"]
        ch_size = ch.get("size", 10.0)
        if prev is not None:
            size = ch_size if ch_size > prev_size else prev_size  # max(prev, ch, 1.0)
            if size < 1.0:
                size = 1.0
            gap = ch["x0"] - prev_x1
            if gap > SPACE_GAP_EM * size or (gap > -0.5 and space_x and _has_space_between(space_x, prev, ch)):
                parts.append(" ")
                length += 1
                if first_word_end is None:
                    first_word_end = prev_x1
            t, b = ch["top"], ch["bottom"]
            if t < top:
                top = t
            if b > bottom:
                bottom = b
        mark = ch.get("_marks")
        piece = text + mark if mark else text
        if (
            (text.isdigit() or text == "*")
            and ch.get("size", main) <= small
            and ch["bottom"] < raised  # _is_reference_mark, inline
        ):
            if refs and refs[-1][1] == length:
                refs[-1] = (refs[-1][0], length + len(piece))
            else:
                refs.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
        fontname = ch.get("fontname", "")
        if text.isalnum() or len(text) > 1:
            letters += 1
            flags = flags_of.get(fontname) or _font_flags(fontname)
            if ch.get("_fakebold") or flags[0]:
                bold += 1
            if flags[1]:
                italic += 1
        fonts[fontname] = fonts.get(fontname, 0) + 1
        prev, prev_x1, prev_size = ch, ch["x1"], ch_size
    x0, x1 = first["x0"], chars[-1]["x1"]
    if first_word_end is None:
        first_word_end = x1
    return Seg(
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        text="".join(parts),
        size=main,
        bold=bold / letters if letters else 0.0,
        italic=italic / letters if letters else 0.0,
        font=base_font(max(fonts, key=fonts.__getitem__)),
        first_word_w=first_word_end - x0,
        nchars=len(chars),
        refs=refs,
    )


def _is_reference_mark(ch: dict, main: float, baseline: float) -> bool:
    """A footnote reference: a digit or asterisk set small and raised above the line's baseline."""
    size = ch.get("size", main)
    return (ch["text"].isdigit() or ch["text"] == "*") and size <= 0.75 * main and ch["bottom"] < baseline - 0.2 * main


def remove_refs(seg: Seg, marks: set[str]) -> int:
    """Cut the reference marks whose text is in `marks` out of a segment; return how many."""
    cut = 0
    for start, end in reversed(seg.refs):
        if seg.text[start:end] in marks:
            seg.text = (seg.text[:start] + seg.text[end:]).replace("  ", " ")
            cut += 1
    seg.refs = []
    return cut
