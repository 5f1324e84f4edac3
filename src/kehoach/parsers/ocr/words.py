"""Tesseract's words and the lines they make on a page.

`parse_tsv` turns Tesseract's TSV output into word boxes; `group_lines` rebuilds lines
from its block/paragraph/line numbers and cuts a line into segments at wide gaps (the two
columns of a header: "BỘ CÔNG AN ... CỘNG HÒA XÃ HỘI ..."); `drop_noise` removes what
stamps, signatures and specks leave as low-confidence "words".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ...vntext import clean


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # (block, paragraph, line)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Line:
    words: list[Word]
    key: tuple[int, int, int]
    segments: list[list[Word]] = field(default_factory=list)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> int:
        heights = sorted(w.height for w in self.words)
        return heights[len(heights) // 2]


def parse_tsv(tsv: str, min_conf: float = -1.0) -> list[Word]:
    """Tesseract TSV -> word boxes (level 5 rows with text)."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
        except ValueError:
            continue
        if conf < min_conf:
            continue
        words.append(Word(text, left, top, width, height, conf, key))
    return words


def group_lines(words: list[Word], gap_factor: float = 2.5) -> list[Line]:
    """Words -> lines in reading order; each line cut into segments at wide gaps."""
    by_key: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        by_key.setdefault(w.key, []).append(w)
    lines = [Line(sorted(ws, key=lambda w: w.left), k) for k, ws in by_key.items()]
    lines.sort(key=lambda ln: (ln.top, ln.words[0].left))
    for line in lines:
        limit = gap_factor * max(line.height, 1)
        segment = [line.words[0]]
        for prev, word in pairwise(line.words):
            if word.left - prev.right > limit:
                line.segments.append(segment)
                segment = []
            segment.append(word)
        line.segments.append(segment)
    return lines


def seg_text(segment: list[Word]) -> str:
    return clean(" ".join(w.text for w in segment))


def is_noise(words: list[Word]) -> bool:
    """Stamps, signatures and specks read as text: low confidence throughout, or no letter."""
    confs = [w.conf for w in words]
    alnum = sum(sum(ch.isalnum() for ch in w.text) for w in words)
    return (sum(confs) / len(confs) < 45 and max(confs) < 70) or alnum == 0


def drop_noise(lines: list[Line]) -> list[Line]:
    kept = []
    for line in lines:
        for seg in line.segments:  # an underline read as "_" at either end of a segment
            while seg and seg[-1].text.strip("_—-=~'`") == "" and len(seg) > 1:
                seg.pop()
            while seg and seg[0].text.strip("_—=~'`") == "" and len(seg) > 1:
                seg.pop(0)
        line.segments = [seg for seg in line.segments if seg and not is_noise(seg)]
        line.words = [w for seg in line.segments for w in seg]
        if line.words:
            kept.append(line)
    return kept
