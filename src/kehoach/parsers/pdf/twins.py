"""Glyphs drawn twice: the fake-bold trick, found and undone before lines are made.

In: a page's glyph dicts (either PDF reader's). Out: the same glyphs less the second copy of
each glyph drawn twice at (almost) the same place, the kept one marked "_fakebold"
(`dedupe`); `_no_twins` is the cheap pass that tells most pages have none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lines import CharStats


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
