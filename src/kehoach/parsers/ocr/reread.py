"""A line of a column that Tesseract's page pass garbled, read again on its own.

In a two-column part of a page (the signature block beside "Nơi nhận:") Tesseract may take
a line of the right column into a line of the left one and read it as noise ("- Như trên;
am :" where the page says "PHÓ GIÁM ĐỐC"). A noisy segment under a clean segment of the
same column is read again as one line, in a box as wide as the segment above and one line
high under it; the read replaces the noise only when Tesseract is sure of it (mean
confidence ≥ `MIN_CONF`, letters in every word). At most `LIMIT` such reads a page.
"""

from __future__ import annotations

from pathlib import Path

from .run import run_tesseract
from .words import Line, Word, is_noise, parse_tsv

MIN_CONF = 75
LIMIT = 3


def reread_noisy_segments(lines: list[Line], clean, binary: str, workdir: Path, lang: str) -> int:
    """Replace noisy segments of two-column lines by their read alone; the number replaced."""
    from PIL import ImageOps

    done = replaced = 0
    fresh: set[int] = set()  # segments read here: not a reference for the line under them
    for prev, line in zip(lines, lines[1:], strict=False):
        if len(line.segments) < 2 or done >= LIMIT:
            continue
        for k, seg in enumerate(line.segments):
            if not seg:
                continue  # cleared: part of a noise read already
            above = [
                p for p in prev.segments if not is_noise(p) and p[0].left < seg[-1].right and seg[0].left < p[-1].right
            ]
            if k == 0 or not is_noise(seg) or len(above) != 1 or id(above[0]) in fresh:
                continue
            top_seg = above[0]
            height = max(w.height for w in top_seg)
            x0, x1 = min(top_seg[0].left, seg[0].left) - height, max(top_seg[-1].right, seg[-1].right) + height
            y0 = max(w.bottom for w in top_seg) + 2
            box = (max(x0, 0), y0, min(x1, clean.width), min(y0 + int(1.8 * height), clean.height))
            middle = (min(w.top for w in seg) + max(w.bottom for w in seg)) / 2
            if box[2] - box[0] < 20 or not box[1] <= middle <= box[3]:
                continue  # the noise is not on the line under the clean segment
            done += 1
            target = workdir / "reread.png"
            ImageOps.expand(clean.crop(box), border=20, fill=255).save(target)
            result = run_tesseract(binary, target, ["-l", lang, "--psm", "7", "tsv"], timeout=60)
            words = [w for w in parse_tsv(result.stdout) if w.conf >= 0] if result.returncode == 0 else []
            if not words or sum(w.conf for w in words) / len(words) < MIN_CONF:
                continue
            if not all(any(ch.isalpha() for ch in w.text) for w in words):
                continue
            seg[:] = [
                Word(w.text, w.left - 20 + box[0], w.top - 20 + box[1], w.width, w.height, w.conf, seg[0].key)
                for w in words
            ]
            fresh.add(id(seg))
            replaced += 1
            for other in line.segments[k + 1 :]:  # the rest of the same noise, now read
                if is_noise(other) and box[0] <= other[0].left and other[-1].right <= box[2]:
                    other.clear()
        line.segments[:] = [s for s in line.segments if s]
        line.words[:] = [w for s in line.segments for w in s]
    return replaced
