"""Tesseract's TSV -> words -> lines (a wide gap cuts a line into column segments) ->
paragraphs: header columns as role="layout", noise dropped, continuations joined, a
document-type name one letter off fixed ("KÉẺ HOẠCH" -> "KẾ HOẠCH")."""
from __future__ import annotations

from dataclasses import dataclass, field


from ...blocks import Paragraph, Provenance
from ...vntext import clean, fold, is_upper_title

@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]          # (block, paragraph, line)

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
        for prev, word in zip(line.words, line.words[1:]):
            if word.left - prev.right > limit:
                line.segments.append(segment)
                segment = []
            segment.append(word)
        line.segments.append(segment)
    return lines


def _seg_text(segment: list[Word]) -> str:
    return clean(" ".join(w.text for w in segment))


# --------------------------------------------------------------------------- handwritten slots

DOC_TYPES = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "TỜ TRÌNH", "CÔNG VĂN", "THÔNG BÁO", "BÁO CÁO", "CHỈ THỊ",
             "NGHỊ QUYẾT", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "HƯỚNG DẪN", "CÔNG ĐIỆN")
_DOC_TYPE_FOLDS = {fold(name): name for name in DOC_TYPES}


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or (len(a) == len(b) and a[i + 1:] == b[i + 1:])


def fix_doc_type(text: str) -> str:
    """"KÉẺ HOẠCH" -> "KẾ HOẠCH": a short capitals line close to a document-type name."""
    if len(text) > 20 or not text.isupper():
        return text
    folded = fold(text)
    if folded in _DOC_TYPE_FOLDS:
        return _DOC_TYPE_FOLDS[folded]
    for name_fold, name in _DOC_TYPE_FOLDS.items():
        if len(name_fold) >= 7 and _edit_distance_le1(folded, name_fold):
            return name
    return text


# --------------------------------------------------------------------------- pages -> blocks


def _is_noise(words: list[Word]) -> bool:
    """Stamps, signatures and specks read as text: low confidence throughout, or no letter."""
    confs = [w.conf for w in words]
    alnum = sum(sum(ch.isalnum() for ch in w.text) for w in words)
    return (sum(confs) / len(confs) < 45 and max(confs) < 70) or alnum == 0


def _drop_noise(lines: list[Line]) -> list[Line]:
    kept = []
    for line in lines:
        line.segments = [seg for seg in line.segments if seg and not _is_noise(seg)]
        line.words = [w for seg in line.segments for w in seg]
        if line.words:
            kept.append(line)
    return kept


def _blocks_from_lines(lines: list[Line], page: int, page_width: int = 0) -> list[Paragraph]:
    """Lines -> paragraphs: header regions column by column, body lines by Tesseract paragraph."""
    out: list[Paragraph] = []
    number = {id(ln): k for k, ln in enumerate(lines, 1)}   # line on the page, as for PDF text
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) >= 2:
            # a layout region (the header's two columns): this line and the following ones
            # whose gap overlaps this one's, or that sit wholly on one side of it
            gap_l, gap_r = line.segments[0][-1].right, line.segments[1][0].left
            region = [line]
            j = i + 1
            while j < len(lines):
                nxt = lines[j]
                if len(nxt.segments) >= 2:
                    a, b = nxt.segments[0][-1].right, nxt.segments[1][0].left
                    if a >= gap_r or b <= gap_l:
                        break
                    gap_l, gap_r = max(gap_l, a), min(gap_r, b)
                else:
                    seg = nxt.segments[0]
                    if not (seg[-1].right <= gap_l or seg[0].left >= gap_r):
                        break
                    centre = (seg[0].left + seg[-1].right) / 2
                    if page_width and abs(centre - page_width / 2) < 0.04 * page_width:
                        break   # a centred line (the type line "KẾ HOẠCH") ends the header
                region.append(nxt)
                j += 1
            left, right = [], []
            for ln in region:
                if len(ln.segments) >= 2:
                    left.append((ln, ln.segments[0]))
                    right.extend((ln, seg) for seg in ln.segments[1:])
                else:
                    seg = ln.segments[0]
                    (left if seg[-1].right <= gap_l else right).append((ln, seg))
            for ln, seg in left + right:
                text = fix_doc_type(_seg_text(seg))
                if text:
                    out.append(Paragraph(text=text, role="layout",
                                         prov=Provenance(line=number[id(ln)], page=page, source="ocr")))
            i = j
            continue
        # body: consecutive lines of one Tesseract paragraph make one Paragraph
        group = [line]
        j = i + 1
        while (j < len(lines) and lines[j].key[:2] == line.key[:2] and len(lines[j].segments) == 1
               and is_upper_title(_seg_text(lines[j].words)) == is_upper_title(_seg_text(group[-1].words))):
            group.append(lines[j])   # a capitals line (a type line, a heading) stands alone
            j += 1
        texts = [fix_doc_type(_seg_text(ln.words)) for ln in group]
        texts = [t for t in texts if t]
        if texts:
            out.append(Paragraph(text=clean(" ".join(texts)), lines=texts,
                                 prov=Provenance(line=number[id(line)], page=page, source="ocr")))
        i = j
    return _join_continuations(out)


def _join_continuations(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Glue a body paragraph to the previous one when the sentence clearly goes on.

    Tesseract starts a new paragraph at every indented or short line; a line that ends
    without closing punctuation followed by one that starts in lower case is one sentence.
    """
    out: list[Paragraph] = []
    for para in paragraphs:
        prev = out[-1] if out else None
        if (prev is not None and prev.role == "body" and para.role == "body"
                and prev.prov.page == para.prov.page and prev.text and para.text
                and prev.text[-1] not in ".:;!?" and para.text[0].islower()):
            prev.lines = prev.lines + para.lines
            prev.text = clean(prev.text + " " + para.text)
            prev.raw = prev.text
            continue
        out.append(para)
    return out
