"""Plain-text and Markdown exports -> blocks.

Handles the warts of real text exports: Markdown emphasis, headings, escapes and links;
tab-separated and pipe tables; HTML lists inside cells; a table's header repeated after a
page break (the pieces are joined and a row cut by the break is glued back); sentences
split by a page break; page numbers and page-header fragments left at the end.
"""

from __future__ import annotations

from pathlib import Path

from ... import fastre as re
from ...blocks import Cell, Document, Paragraph, Provenance, Row, SourceInfo, Table
from ...errors import KehoachError
from ...vntext import clean, dash_goes_on
from ..layout_tables import flatten_layout, is_layout_table
from . import encoding as text_encoding
from .layout_text import is_layout_text, layout_text_blocks, two_column_zones, zone_blocks
from .pipe_rows import join_broken_rows
from .web import is_type_line, join_emphasis_wraps, layout_zone

MAX_BYTES = 10 * 1024 * 1024  # a plan exported as text is well under 1 MB; 10 MB leaves room, 50 MB is refused at once

_LIST_START = re.compile(r"^\s*(?:[-+•*–]\s+|\(?\d{1,2}[.)]\s+|[a-zđ]\)\s+|[IVXLC]{1,6}[.)]\s+)")
_HTML_TAG = re.compile(r"</?(?:i|b|u|em|strong|span|sup|sub|font|p|div)\b[^>]*>", re.I)
_LI_SPLIT = re.compile(r"</?li[^>]*>|<br\s*/?>|</?ul[^>]*>|</?ol[^>]*>", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:Trang|Page)\s+\d+(?:\s*/\s*\d+)?\s*$", re.I)


def decode(data: bytes, path: str) -> str:
    """Bytes -> str (see `encoding`: BOMs, UTF-16/32 without BOM, UTF-8, Windows-1258/1252)."""
    return text_encoding.decode(data, path)[0]


def strip_markdown(line: str) -> tuple[str, int | None, bool]:
    """Remove Markdown/HTML markup from one line; return (text, heading level, all bold)."""
    heading = None
    m = re.match(r"^\s{0,3}(#{1,6})\s+", line)
    if m:
        heading = len(m.group(1))
        line = line[m.end() :]
    line = _MD_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = line.replace("\\*", "\x00STAR\x00").replace("\\_", "\x00US\x00").replace("\\#", "#").replace("\\-", "-")
    stripped = line.strip()
    bold = bool(re.fullmatch(r"(\*\*|__).+?\1[\s.:;,]*(\*\([^)]*\)\*)?", stripped)) if stripped else False
    line = re.sub(r"\*\*|__", "", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1", line)  # *italic*
    line = re.sub(r"(?<![\w_])_(?![\s_])([^_]+?)(?<!\s)_(?![\w_])", r"\1", line)  # _italic_, not TH_{LNH}
    line = line.replace("\x00STAR\x00", "*").replace("\x00US\x00", "_")
    return line, heading, bold


def _cell(raw: str) -> Cell:
    # list items, <br>, and runs of 3+ spaces (line breaks flattened by the export)
    parts = [q for p in _LI_SPLIT.split(raw) for q in re.split(r"\S\K\s{3,}(?=\S)", p)]
    lines = []
    for part in parts:
        text, _, bold = strip_markdown(part)
        text = clean(text)
        if text:
            lines.append(text)
    return Cell(lines=lines, raw=raw)


def _split_row(line: str) -> list[str]:
    if "\t" in line:
        return line.rstrip("\r\n").split("\t")
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return inner.split("|")


def _is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def _is_pipe_separator(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*", line))


def _is_table_line(line: str) -> bool:
    return "\t" in line.strip("\r\n") and bool(line.strip()) or _is_pipe_row(line)


def parse(path: str | Path, **_options: object) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KehoachError(str(path), "too_large", size=f"{size // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise KehoachError(str(path), "unreadable", error=exc.strerror or exc.__class__.__name__) from None
    text, encoding_notes = text_encoding.decode(data, str(path))
    from ... import legacy

    legacy_text = legacy.decode_legacy_bytes(data)  # a TCVN3/VNI file, not Windows-1258
    kind = "converted" if legacy_text else legacy.detect_encoding(text)  # one look at the whole text
    unsure: list[str] = []
    repaired = ""  # the kind of repair, noted below
    if legacy_text:
        text, repaired = legacy_text
    elif kind == "garbled":  # pasted from a PDF with a broken font map
        result = legacy.repair(text.split("\n"))
        if result.kind:
            text, repaired = "\n".join(result.lines), result.kind
            unsure = [f"text: {n}" for n in result.uncertain_notes(lambda i: f"line {i + 1}")]
    fmt = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    doc = parse_string(text, source=SourceInfo(path=str(path), format=fmt))
    doc.source.notes.extend(encoding_notes)
    if repaired:
        doc.source.notes.append(f"repaired:{repaired}")
        doc.source.notes.extend(unsure)
    elif kind in ("tcvn3", "vni"):  # legacy lines inside Unicode text
        legacy.repair_document(doc)
    if not any(b.text.strip() if isinstance(b, Paragraph) else b.rows for b in doc.blocks):
        raise KehoachError(str(path), "no_text")
    return doc


def parse_string(text: str, source: SourceInfo | None = None) -> Document:
    """Parse text already decoded. Used by `parse` and by tests with inline fragments."""
    source = source or SourceInfo()
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list = []
    # (source line number, text): a run wrapped inside emphasis is one logical line
    layout = is_layout_text(raw_lines)
    items = [] if layout else join_emphasis_wraps(raw_lines)
    items, rebuilt_rows = join_broken_rows(items)  # pipe-table rows broken over lines, joined
    if layout:
        blocks = layout_text_blocks(raw_lines)
    lines = [t for _, t in items]
    # a text with long lines was not wrapped by hand: each line is a paragraph written whole
    filled = [t for t in lines if t.strip() and not _pipe_text(t)]
    unwrapped = len(filled) >= 5 and sum(len(t) > 150 for t in filled) >= 0.2 * len(filled)
    # header / signature columns side by side in an otherwise plain text: {first line index: end}
    zones = (
        {}
        if layout
        else {a: b for a, b in two_column_zones(raw_lines) if not any("\t" in ln or "|" in ln for ln in raw_lines[a:b])}
    )
    i = 0
    para_lines: list[tuple[int, str, int | None, bool]] = []
    table_no = 0
    seen_type = False

    def flush_para() -> None:
        if not para_lines:
            return
        blocks.extend(_paragraphs_from_lines(para_lines, unwrapped=unwrapped))
        para_lines.clear()

    while i < len(lines):
        line = lines[i]
        if items[i][0] - 1 in zones:
            flush_para()
            end = zones[items[i][0] - 1]
            blocks.extend(zone_blocks(raw_lines, items[i][0] - 1, end))
            while i < len(lines) and items[i][0] - 1 < end:
                i += 1
            continue
        zone = layout_zone(items, i, not seen_type and i < 120, strip_markdown)
        if zone is not None:  # a header or signature table flattened cell by cell
            flush_para()
            i, paras, boilerplate = zone
            blocks.extend(paras)
            source.dropped.extend(boilerplate)
            continue
        if _is_table_line(line):
            flush_para()
            start = i
            rows_raw: list[tuple[int, str]] = []
            while i < len(lines) and _is_table_line(lines[i]):
                if not _is_pipe_separator(lines[i]):
                    rows_raw.append((items[i][0], lines[i]))
                i += 1
            table_no += 1
            rows = []
            for n, (lineno, raw) in enumerate(rows_raw, 1):
                cells = [_cell(c) for c in _split_row(raw)]
                rows.append(Row(cells=cells, prov=Provenance(line=lineno, table=table_no, row=n)))
            blocks.append(
                Table(
                    rows=_trim_width(rows),
                    prov=Provenance(line=items[start][0], table=table_no),
                    ragged=any(n in rebuilt_rows for n, _ in rows_raw),
                )
            )
            continue
        if not line.strip():
            flush_para()
            i += 1
            continue
        stripped, heading, bold = strip_markdown(line)
        hard_break = line.endswith("  ")
        type_line = is_type_line(stripped) and stripped.strip("*_ ").isupper()
        if type_line:  # "KẾ HOẠCH" stands alone, whatever follows it
            flush_para()
            seen_type = True
        para_lines.append((items[i][0], stripped, heading, bold))
        if (
            heading is not None
            or type_line
            or not hard_break
            and i + 1 < len(lines)
            and _LIST_START.match(nxt := strip_markdown(lines[i + 1])[0])
            and not _range_goes_on(stripped, nxt)
        ):
            flush_para()
        i += 1
    flush_para()
    blocks = _drop_page_noise(blocks, source.dropped)
    blocks = [p for b in blocks for p in (flatten_layout(b) if isinstance(b, Table) and is_layout_table(b) else [b])]
    blocks = _join_split_sentences(blocks)
    _renumber_tables(blocks)
    return Document(blocks=blocks, source=source)


# "I. …", "2. …", "3.1. …", "a) …": the numbering of a heading
_NUMBERED = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*)\.?\s|^\s*[a-zđ]\)\s")


def _bold_heading(item: tuple[int, str, int | None, bool]) -> bool:
    """A line that is wholly bold and numbered: a heading line of a web copy that writes one paragraph
    per line with no blank line between."""
    return item[3] and bool(_NUMBERED.match(item[1]))


# a line ending in a word that needs more after it ("5. Xây dựng Nghị định của") was wrapped, whatever the text
_OPEN_END = re.compile(r"\s(?:của|và|với|về|cho|các|những|trong|tại|theo|để|từ|đến|là|có|được)$", re.I)


def _open_heading(line: str) -> bool:
    """A numbered line that ends no sentence ("1. Đối với đội ngũ giáo viên"): a heading, in an unwrapped text."""
    text = line.rstrip()
    return (
        bool(_NUMBERED.match(text))
        and len(text) <= 200
        and not text.endswith((".", ";", ",", "!", "?", "-", "–"))
        and not _OPEN_END.search(text)
    )


def _pipe_text(line: str) -> bool:
    """A line of a flattened table ("| | 1 | Triển khai …"): a group row above it stays with it."""
    return line.lstrip().startswith("|")


def _paragraphs_from_lines(
    items: list[tuple[int, str, int | None, bool]], *, unwrapped: bool = False
) -> list[Paragraph]:
    """Consecutive non-blank lines form one paragraph; a line starting a list item starts a new one."""
    out: list[Paragraph] = []
    group: list[tuple[int, str, int | None, bool]] = []
    # in a text not wrapped by hand (`unwrapped`: it has long lines) a numbered line that ends no sentence
    # ("I. MỤC ĐÍCH, YÊU CẦU", "1. Đối với Ban Giám hiệu") over a capitalised line is a heading of its own

    def emit() -> None:
        if not group:
            return
        texts = [clean(t) for _, t, _, _ in group]
        texts = [t for t in texts if t]
        if not texts:
            group.clear()
            return
        raw = "\n".join(t for _, t, _, _ in group)
        heading = next((h for _, _, h, _ in group if h is not None), None)
        bold = all(b for _, _, _, b in group)
        out.append(
            Paragraph(
                text=" ".join(texts),
                raw=raw,
                lines=texts,
                bold=bold or None,
                heading_level=heading,
                prov=Provenance(line=group[0][0]),
            )
        )
        group.clear()

    for item in items:
        # a list item starts a new paragraph; so does a capitalised line after a finished
        # sentence (exports that put one Word paragraph per line, with no blank line between);
        # a wholly bold numbered heading ("**I. MỤC ĐÍCH, YÊU CẦU**") is a paragraph of its own
        if group and (
            (_LIST_START.match(item[1]) and not _range_goes_on(group[-1][1], item[1]))
            or (_bold_heading(item) and not _pipe_text(group[-1][1]))
            or (_bold_heading(group[-1]) and not _pipe_text(item[1]))
            or (unwrapped and len(group) == 1 and _open_heading(group[0][1]) and item[1].lstrip()[:1].isupper())
            or (
                group[-1][1].rstrip().endswith((".", ";", ":", "!", "?"))
                and len(group[-1][1]) >= 60
                and item[1].lstrip()[:1].isupper()
            )
        ):
            emit()
        group.append(item)
    emit()
    return out


def _range_goes_on(line: str, nxt: str) -> bool:
    """A hard-wrapped copy broke a range of years before its dash ("… giai đoạn 2026" / "- 2030,
    tập trung …"): a long line ending with a number, then a dash and a number, is one sentence,
    not a dash item (`dash_goes_on`, the number case only: a dash before a word at the line
    start is an item in a text copy)."""
    line = line.rstrip()
    return len(line) >= 50 and line[-1:].isdigit() and dash_goes_on(line, nxt.lstrip())


def _trim_width(rows: list[Row]) -> list[Row]:
    """Drop trailing empty cells beyond the widest row that has text in its last cell."""
    width = 0
    for row in rows:
        filled = [i for i, c in enumerate(row.cells) if not c.empty]
        if filled:
            width = max(width, filled[-1] + 1)
    width = max(width, max((len(r.cells) for r in rows[:1]), default=0))
    for row in rows:
        if len(row.cells) > width:
            row.cells = row.cells[:width]
        while len(row.cells) < width:
            row.cells.append(Cell())
    return rows


def _drop_page_noise(blocks: list, dropped: list[Paragraph] | None = None) -> list:
    """Drop page numbers, and short page-header fragments left after the last table/content.

    Fragments with words in them are kept in ``dropped`` (a bare page number is not worth a word)."""
    kept = [b for b in blocks if not (isinstance(b, Paragraph) and _PAGE_NUMBER.match(b.text))]
    # trailing fragments: short all-caps or tiny paragraphs after the last table
    last_table = max((i for i, b in enumerate(kept) if isinstance(b, Table)), default=-1)
    if last_table >= 0:
        tail = kept[last_table + 1 :]
        if tail and all(isinstance(b, Paragraph) and _looks_like_page_header(b.text) for b in tail):
            kept = kept[: last_table + 1]
            if dropped is not None:
                dropped.extend(b for b in tail if sum(c.isalpha() for c in b.text) >= 2)
    return kept


def _looks_like_page_header(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text) <= 60 and (not letters or sum(c.isupper() for c in letters) / len(letters) > 0.8)


_TERMINAL = (".", ";", ":", "!", "?", "…", ")", "”", '"', "*")


def _join_split_sentences(blocks: list) -> list:
    """Glue a paragraph that a page break cut in two back together."""
    out: list = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, Paragraph) and isinstance(prev, Paragraph) and _continues_sentence(prev, block):
            prev.text = f"{prev.text} {block.text}"
            prev.raw = f"{prev.raw}\n\n{block.raw}"
            prev.lines = prev.lines + block.lines
            continue
        out.append(block)
    return out


def _continues_sentence(prev: Paragraph, nxt: Paragraph) -> bool:
    if prev.heading_level or nxt.heading_level or _LIST_START.match(nxt.text):
        return False
    first = nxt.text[:1]
    if not first:
        return False
    if first.islower():
        return not prev.text.rstrip().endswith((".", "!", "?", ":")) or prev.text.rstrip().endswith("...")
    if len(prev.text) < 80 or prev.text.rstrip().endswith(_TERMINAL):
        return False
    word = nxt.text.split(" ", 1)[0]
    # a date or an acronym ("07/12/2018 của …", "CCHC ở …") continuing a long unfinished sentence
    return (
        bool(re.match(r"^\d{1,2}/\d{1,2}/\d{4}$|^[A-ZĐ]{2,}$", word))
        and len(nxt.text) > len(word) + 1
        and nxt.text[len(word) + 1 : len(word) + 2].islower()
    )


def _renumber_tables(blocks: list) -> None:
    n = 0
    for block in blocks:
        if isinstance(block, Table):
            n += 1
            block.prov.table = n
            for r, row in enumerate(block.rows, 1):
                row.prov.table = n
                row.prov.row = r
