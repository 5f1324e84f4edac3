"""A line of a column that Tesseract's page pass garbled, read again on its own.

In a two-column part of a page (the signature block beside "Nơi nhận:") Tesseract may take
a line of the right column into a line of the left one and read it as noise ("- Như trên;
am :" where the page says "PHÓ GIÁM ĐỐC"). A noisy segment under a clean segment of the
same column is read again as one line, in a box as wide as the segment above and one line
high under it; the read replaces the noise only when Tesseract is sure of it (mean
confidence ≥ `MIN_CONF`, letters in every word). At most `LIMIT` such reads a page.

A numbered or lettered line ("c) Đề nghị Viện Kiểm sát …", "5.2. Bộ Chỉ huy …") names the
unit that leads the items below it, and a word of it misread changes the lead. Such a line
with a word Tesseract was unsure of (confidence < `WEAK_CONF`, its mark aside) is read again
alone: the page pass reads bold italic headings worse than a line pass does ("Tòa du nhân
(đH tối cao" for "Tòa án nhân dân tối cao"). Word by word: a word of the page pass that was
unsure (confidence ≤ `UNSURE_CONF`) is replaced by the word the line pass reads in the same
place when that one is surer, and sure enough (≥ `SURE_CONF`); the other words, and the mark,
stay as the page pass read them (the line pass misreads other words in turn: "kiêm sút" 74 →
"kiếm vút" 82).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .paragraphs import MARKER_RE, MISREAD_MARK_RE
from .run import run_tesseract
from .words import Line, Word, is_noise, parse_tsv

MIN_CONF = 75
LIMIT = 3
WEAK_CONF = 50
UNSURE_CONF = 72
SURE_CONF = 60
HEADING_LIMIT = 6


def reread_noisy_segments(lines: list[Line], clean, binary: str, workdir: Path, lang: str) -> int:
    """Replace noisy segments of two-column lines by their read alone; the number replaced."""
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
            words = _read_box(clean, box, binary, workdir, lang)
            if not words or sum(w.conf for w in words) / len(words) < MIN_CONF:
                continue
            if not all(any(ch.isalpha() for ch in w.text) for w in words):
                continue
            seg[:] = [replace(w, key=seg[0].key) for w in words]
            fresh.add(id(seg))
            replaced += 1
            for other in line.segments[k + 1 :]:  # the rest of the same noise, now read
                if is_noise(other) and box[0] <= other[0].left and other[-1].right <= box[2]:
                    other.clear()
        line.segments[:] = [s for s in line.segments if s]
        line.words[:] = [w for s in line.segments for w in s]
    return replaced


def _read_box(clean, box: tuple[int, int, int, int], binary: str, workdir: Path, lang: str) -> list[Word]:
    """The words of one box of the page read as a single line, in page coordinates."""
    from PIL import ImageOps

    target = workdir / "reread.png"
    ImageOps.expand(clean.crop(box), border=20, fill=255).save(target)
    result = run_tesseract(binary, target, ["-l", lang, "--psm", "7", "tsv"], timeout=60)
    words = [w for w in parse_tsv(result.stdout) if w.conf >= 0] if result.returncode == 0 else []
    return [Word(w.text, w.left - 20 + box[0], w.top - 20 + box[1], w.width, w.height, w.conf, w.key) for w in words]


def reread_weak_headings(lines: list[Line], clean, binary: str, workdir: Path, lang: str) -> int:
    """Read again, alone, the numbered lines with an unsure word; the number of words replaced."""
    done = replaced = 0
    for line in lines:
        if done >= HEADING_LIMIT:
            break
        if len(line.segments) != 1 or len(line.words) < 2:
            continue
        opening = " ".join(w.text for w in line.words[:2])
        if not (MARKER_RE.match(opening) or MISREAD_MARK_RE.match(opening)) or opening[0] in "-–+•*":
            continue
        if min(w.conf for w in line.words[1:]) >= WEAK_CONF:
            continue
        done += 1
        h = line.height
        box = (
            max(line.words[0].left - h, 0),
            max(line.top - h // 4, 0),
            min(line.words[-1].right + h, clean.width),
            min(line.bottom + h // 4, clean.height),
        )
        new = _read_box(clean, box, binary, workdir, lang)
        for k, old in enumerate(line.words[1:], 1):  # the mark is left as read: markers.py mends it
            if old.conf > UNSURE_CONF:
                continue
            # the one word of the line pass in the same place: each one's middle inside the other
            same = [
                w
                for w in new
                if old.left <= (w.left + w.right) / 2 <= old.right and w.left <= (old.left + old.right) / 2 <= w.right
            ]
            if len(same) != 1 or same[0].conf <= old.conf or same[0].conf < SURE_CONF:  # conf is a float
                continue
            if not any(ch.isalnum() for ch in same[0].text):
                continue
            w = same[0]
            line.words[k] = Word(w.text, w.left, w.top, w.width, w.height, w.conf, old.key)
            replaced += 1
        line.segments[:] = [list(line.words)]
    return replaced
