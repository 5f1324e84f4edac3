"""PDF front-end (pdfplumber): a text PDF -> `blocks.Document`.

Reading one file, top to bottom:

1. `_open` — encrypted and broken files become one-line `KehoachError`s.
2. `_read_page` for each page, closing it right after (memory stays flat however long the
   file): glyphs drawn twice are deduped, ruled tables are read into `TableFrag`s, the
   other glyphs are grouped into `Line`s (`pdf_lines`). This is the step a page-image ->
   text (OCR) reader would replace: it only has to return the same `PageData`.
3. A scan (no text layer on most pages) stops here with "scanned_pdf", or goes to
   `kehoach.parsers.ocr.ocr_pdf` when `ocr=True`.
4. `_repair_text` (the single call point for repairing garbled text layers), then glyphs the
   PDF does not map to Unicode ("(cid:N)") are counted, reported and dropped.
5. Page furniture goes (`pdf_layout.drop_furniture`), footnotes move to the end, two-column
   zones (header, signature) become layout paragraphs, other lines become body paragraphs,
   and table pieces on consecutive pages with the same columns are joined into one `Table`
   (`pdf_tables.table_rows`). Scanned pages inside a text PDF are read by OCR when asked.
"""
from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..blocks import Cell, Document, PageSetup, Paragraph, Provenance, Row, SourceInfo, Table
from ..errors import KehoachError
from ..vntext import clean
from . import limits, pdf_limits
from .pdf_annots import annotation_chars
from . import pdf_layout as L
from .pdf_lines import CharStats, Line, dedupe, group_lines, is_unmapped, strip_unmapped
from .pdf_tables import FragRow, TableFrag, find_tables, read_table, ruling_grid, same_layout, table_rows

PT_TO_MM = 25.4 / 72
TEXT_PAGE_MIN_CHARS = 40        # a page with fewer glyphs has no real text layer (a stamp, a page number)
SCANNED_SHARE = 0.5             # more than this share of pages without text: a scan
UNMAPPED_FATAL = 0.9            # this share of glyphs without Unicode: nothing usable to read
SIDEWAYS_SHARE = 0.6            # more than this share of a page's glyphs not upright: the page is sideways
IMAGE_PAGE_COVER = 0.5          # a page without text whose images cover this much of it is a scanned page


@dataclass
class PageData:
    """What one page yields; the rest of the parser never sees pdfplumber objects."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableFrag] = field(default_factory=list)
    nchars: int = 0
    image_cover: float = 0.0        # share of the page covered by images
    rotation: int = 0               # the page's /Rotate
    turn: int = 0                   # degrees to add to it for the text to read upright (0: it does)
    skipped: str = ""               # why the page was not read (a resource bound), "" when it was
    no_tables: int = 0              # > 0: so many ruling-line crossings that tables were not looked for


def parse(path: str | Path, **options: object) -> Document:
    path = Path(path)
    stats = CharStats()
    pages = _read_pages(path, stats)
    turned = [p.number for p in pages if p.turn]
    if turned:                      # sideways pages: read an upright copy instead
        with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
            upright = _upright_copy(path, pages, Path(tmp) / "upright.pdf")
            stats = CharStats()
            pages = _read_pages(upright, stats, name=path)
    if not pages:
        raise KehoachError(str(path), "bad_pdf", error="no pages")
    skipped = [p for p in pages if p.skipped]
    if len(skipped) == len(pages):
        raise KehoachError(str(path), "pdf_too_complex", detail=f"page {skipped[0].number}: {skipped[0].skipped}")
    read = [p for p in pages if not p.skipped]
    text_pages = sum(1 for p in read if p.nchars >= TEXT_PAGE_MIN_CHARS)
    if (len(read) - text_pages) > SCANNED_SHARE * len(read):
        if options.get("ocr"):
            return _ocr(path, **options)
        raise KehoachError(str(path), "scanned_pdf")

    notes: list[str] = [f"pdf: page {p.number} not read: {p.skipped}" for p in skipped]
    notes += [f"pdf: page {p.number} has {p.no_tables:,} ruling-line crossings; its text was read without "
              "looking for tables" for p in read if p.no_tables]
    notes += _apply_text_repair(pages)
    if turned:
        notes.append(f"pdf: pages {', '.join(map(str, turned))} ran sideways and were read turned upright")
    if "repaired:garbled:untrusted" in notes and options.get("ocr"):
        return _ocr(path, **options)   # the learnt glyph map is not trusted: read the pixels
    unmapped = _drop_unmapped(pages)
    if unmapped:
        share = unmapped / max(1, stats.total)
        notes.append(f"pdf: {unmapped} of {stats.total} glyphs have no Unicode mapping (cid) and were dropped")
        if share >= UNMAPPED_FATAL:
            if options.get("ocr"):
                return _ocr(path, **options)
            raise KehoachError(str(path), "pdf_unmapped", share=f"{share:.0%}")
    if stats.duplicates:
        notes.append(f"pdf: {stats.duplicates} glyphs drawn twice (fake bold) were deduplicated")
    if stats.marks:
        notes.append(f"pdf: {stats.marks} detached combining marks re-attached")

    body_font, body_size = _dominant_font(stats)
    blocks, dropped, geoms = _blocks(pages, body_size)
    if dropped:
        notes.append(f"pdf: {dropped} running page numbers / page header or footer lines dropped")
    image_pages = [p.number for p in pages if p.nchars < TEXT_PAGE_MIN_CHARS and p.image_cover >= IMAGE_PAGE_COVER]
    if image_pages and options.get("ocr"):
        blocks = _with_ocr_pages(path, blocks, image_pages, notes, options)
    elif image_pages:
        notes.append(f"pdf: pages {', '.join(map(str, image_pages))} are images without a text layer "
                     "and were not read (use --ocr)")
    source = SourceInfo(
        path=str(path),
        format="pdf",
        pages=len(pages),
        page_setups=_page_setups(pages, geoms),
        body_font=body_font,
        body_font_size=body_size,
        notes=notes,
    )
    return Document(blocks=blocks, source=source)


# ---------------------------------------------------------------- reading pages


def _open(path: Path, name: Path | None = None):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    name = name or path
    try:
        return pdfplumber.open(str(path))
    except Exception as exc:   # pdfplumber wraps pdfminer errors; sort them into encrypted / broken
        cause = exc.__cause__ or exc.__context__ or exc
        for err in (exc, cause, *getattr(exc, "args", ())):
            if isinstance(err, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise KehoachError(str(name), "encrypted_pdf") from None
        raise _damaged(name, exc) from None


def _resource_limit(exc: BaseException) -> pdf_limits.PDFResourceLimit | None:
    """The bound behind `exc` (pdfplumber wraps pdfminer's exceptions), if one is.
    A MemoryError behind it (the memory limit) is raised as itself: one line upstream."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, pdf_limits.PDFResourceLimit):
            return err
        if isinstance(err, MemoryError):
            raise MemoryError() from None
        todo.extend([err.__cause__, err.__context__, *err.args])
    return None


def _damaged(name: Path, exc: BaseException) -> KehoachError:
    """A PDF whose structure cannot be read: past a bound, or damaged."""
    bound = _resource_limit(exc)
    if bound is not None:
        return KehoachError(str(name), "pdf_too_complex", detail=bound.what)
    return KehoachError(str(name), "bad_pdf", error=_short(exc))


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text.splitlines()[0][:120]


def _read_pages(path: Path, stats: CharStats, name: Path | None = None) -> list[PageData]:
    """Read every page, closing each right after. `name` is the file named in errors.

    A page past a resource bound (`pdf_limits`: a stream inflating too far, too many
    operators, glyphs or shapes) is skipped and marked; the document as a whole is bounded
    by `PDF_TOTAL_GLYPHS`."""
    name = name or path
    pdf_limits.install()
    pdf = _open(path, name)
    out: list[PageData] = []
    total_glyphs, glyph_budget = 0, limits.get("PDF_TOTAL_GLYPHS")
    try:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _damaged(name, exc) from None
        for page in pages:
            pdf_limits.page_budget()
            try:
                out.append(_read_page(page, stats))
            except KehoachError:
                raise
            except Exception as exc:
                bound = _resource_limit(exc)
                if bound is None:
                    raise KehoachError(str(name), "bad_pdf", error=f"page {page.page_number}: {_short(exc)}") from None
                out.append(PageData(number=page.page_number, width=float(page.width), height=float(page.height),
                                    skipped=bound.what))
            finally:
                pdf_limits.end_page()
                page.close()
            total_glyphs += out[-1].nchars
            if total_glyphs > glyph_budget:
                raise KehoachError(str(name), "pdf_too_complex",
                                   detail=f"more than {glyph_budget:,} glyphs by page {page.page_number}")
    finally:
        try:
            pdf.close()
        except Exception:   # closing walks the page tree again: a broken one has given its reason above
            pass
    return out


def _read_page(page, stats: CharStats) -> PageData:
    """One page -> lines outside tables + table pieces. The page is closed by the caller."""
    data = PageData(number=page.page_number, width=float(page.width), height=float(page.height),
                    rotation=int(getattr(page, "rotation", 0) or 0))
    chars = dedupe(list(page.chars) + _annotation_chars(page), stats)
    data.nchars = sum(1 for c in chars if c.get("text", "").strip())
    data.turn = _sideways_turn(chars)
    if data.turn:
        return data                 # read again from an upright copy (see `parse`)
    area = float(page.width * page.height) or 1.0
    data.image_cover = min(1.0, sum(float(im["width"] * im["height"]) for im in page.images) / area)
    if not data.nchars:
        return data
    inside: list[tuple[float, float, float, float]] = []
    grid = ruling_grid(page)
    if grid > limits.get("PDF_TABLE_GRID"):
        data.no_tables = grid
    for tb in (find_tables(page) if not data.no_tables else []):
        data.tables.append(read_table(tb, chars, data.number, data.width, stats))
        inside.append(tb.bbox)
    free = [c for c in chars if not _inside(c, inside)]
    data.lines = group_lines(free, data.number, stats)
    stats.count_body(data.lines)
    return data


def _annotation_chars(page) -> list[dict]:
    """Text stamped by signature widgets (the number and date of a signed document); a page
    whose annotations cannot be read gives none, as the rest of the page is still read."""
    try:
        return annotation_chars(page)
    except Exception:
        return []


def _sideways_turn(chars: list[dict]) -> int:
    """A page whose text runs up or down the page (a landscape page shown sideways): the turn
    (-90 or 90 degrees) that makes it read left to right; 0 for an upright page."""
    text = [c for c in chars if c.get("text", "").strip()]
    sideways = [c for c in text if c.get("upright") is False]
    if len(text) < TEXT_PAGE_MIN_CHARS or len(sideways) <= SIDEWAYS_SHARE * len(text):
        return 0
    steps = [b["top"] - a["top"] for a, b in zip(sideways, sideways[1:]) if abs(b["x0"] - a["x0"]) < 2]
    down = sum(1 for d in steps if d > 0)
    return -90 if down >= len(steps) - down else 90


def _upright_copy(path: Path, pages: list[PageData], target: Path) -> Path:
    """A copy of the PDF with the sideways pages turned upright (pypdfium2, pdfplumber's renderer)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        for p in pages:
            if p.turn:
                doc[p.number - 1].set_rotation((p.rotation + p.turn) % 360)
        doc.save(str(target))
    finally:
        doc.close()
    return target


def _inside(ch: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _ocr(path: Path, **options: object) -> Document:
    try:
        from . import ocr   # written separately; imported only when asked for
    except ModuleNotFoundError as exc:
        raise KehoachError(str(path), "ocr_failed", page="-", error=f"OCR module unavailable: {exc.name}") from None
    return ocr.ocr_pdf(path, **options)


def _with_ocr_pages(path: Path, blocks: list, image_pages: list[int], notes: list[str],
                    options: dict) -> list:
    """A text PDF with some scanned pages: OCR those pages only and put their blocks in page order."""
    opts = {k: v for k, v in options.items() if k != "pages"}
    try:
        from . import ocr
    except ModuleNotFoundError as exc:
        raise KehoachError(str(path), "ocr_failed", page=image_pages[0], error=f"OCR module unavailable: {exc.name}") \
            from None
    scanned = ocr.ocr_pdf(path, pages=image_pages, **opts)
    notes.extend(scanned.source.notes)
    notes.append(f"pdf: pages {', '.join(map(str, image_pages))} read by OCR")
    extra = sorted(scanned.blocks, key=lambda b: b.prov.page or 0)
    out: list = []
    for block in blocks:
        page = block.prov.page or 0
        while extra and (extra[0].prov.page or 0) < page:
            out.append(extra.pop(0))
        out.append(block)
    return out + extra


# ---------------------------------------------------------------- text hygiene


def _repair_text(lines: list[str], places: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Repair a garbled text layer or a legacy encoding (TCVN3/VNI) — the single call point.

    `kehoach.legacy.repair` detects the kind and repairs it (for a font embedded without a
    Unicode map it learns the glyph map from the document itself). Returns the lines (same
    count) and notes: "repaired:<kind>", with ":untrusted" when the repair is not trusted,
    and one note per letter guessed with little evidence, at its place (`places[i]` names
    where line `i` is).
    """
    from .. import legacy

    result = legacy.repair(lines)
    if result.kind is None or len(result.lines) != len(lines):
        return lines, []
    notes = [f"repaired:{result.kind}" + ("" if result.trusted else ":untrusted")]
    notes.extend(f"pdf: {n}" for n in result.notes)
    notes.extend(f"pdf: {n}" for n in result.uncertain_notes(lambda i: places[i] if places else f"text line {i + 1}"))
    return result.lines, notes


def _apply_text_repair(pages: list[PageData]) -> list[str]:
    """Run `_repair_text` over every piece of text (segments and table cell lines) at once."""
    texts: list[str] = []
    slots: list[tuple[object, int]] = []
    places: list[str] = []
    for p in pages:
        for ln in p.lines:
            for seg in ln.segs:
                texts.append(seg.text)
                slots.append((seg, -1))
                places.append(f"page {p.number} line {ln.index}")
        for t_index, frag in enumerate(p.tables, 1):
            for r_index, row in enumerate(frag.rows, 1):
                for cell in row.cells:
                    for i, t in enumerate(cell.lines):
                        texts.append(t)
                        slots.append((cell, i))
                        places.append(f"page {p.number} table {t_index} row {r_index}")
    fixed, notes = _repair_text(texts, places)
    if fixed is not texts:
        for (obj, i), t in zip(slots, fixed):
            if i < 0:
                if t != obj.text:     # type: ignore[attr-defined]
                    obj.refs = []     # type: ignore[attr-defined]   (the marks' offsets no longer hold)
                obj.text = t          # type: ignore[attr-defined]
            else:
                obj.lines[i] = t      # type: ignore[attr-defined]
    return notes


def _drop_unmapped(pages: list[PageData]) -> int:
    """Strip "(cid:N)" and other unmapped glyphs from all text; return how many there were."""
    count = 0
    for p in pages:
        for ln in p.lines:
            for seg in ln.segs:
                if "(cid:" in seg.text or any(is_unmapped(ch) for ch in seg.text):
                    count += _count_unmapped(seg.text)
                    seg.text = clean(strip_unmapped(seg.text))
                    seg.refs = []
            ln.segs = [s for s in ln.segs if s.text] or ln.segs
        p.lines = [ln for ln in p.lines if ln.text.strip()]
        for frag in p.tables:
            for row in frag.rows:
                for cell in row.cells:
                    new = []
                    for t in cell.lines:
                        count += _count_unmapped(t)
                        t = clean(strip_unmapped(t))
                        if t:
                            new.append(t)
                    cell.lines = new
    return count


def _count_unmapped(text: str) -> int:
    import regex as re

    return len(re.findall(r"\(cid:\d+\)", text)) + sum(
        1 for ch in text if ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF)


# ---------------------------------------------------------------- assembly


def _blocks(pages: list[PageData], body_size: float) -> tuple[list, int, list[L.PageGeom]]:
    """Pages -> blocks in reading order. Returns (blocks, furniture lines dropped, page geometry)."""
    geoms = [L.PageGeom(p.number, p.width, p.height) for p in pages]
    page_lines, dropped = L.drop_furniture([p.lines for p in pages], geoms)
    L.fill_margins(page_lines, geoms)
    footnotes: list[Paragraph] = []
    for k, (lines, g) in enumerate(zip(page_lines, geoms)):
        body, notes = L.split_footnotes(lines, g)
        if notes:
            page_lines[k] = body
            footnotes.extend(notes)
    metrics = L.measure(page_lines, geoms, body_size)
    items = _reading_order(pages, page_lines, geoms)
    blocks = _assemble(items, {g.number: g for g in geoms}, metrics)
    blocks = [b for b in blocks if not isinstance(b, Paragraph) or b.text] + footnotes
    return blocks, dropped, geoms


def _reading_order(pages: list[PageData], page_lines: list[list[Line]],
                   geoms: list[L.PageGeom]) -> list[tuple[str, object, int]]:
    """One stream of (kind, object, page): "line", "zone" (lines of a two-column run), "table"."""
    zones = [L.find_zones(lines, g) for lines, g in zip(page_lines, geoms)]
    zone_lines = [[lines[z.start:z.end] for z in zs] for lines, zs in zip(page_lines, zones)]
    # a zone that ends its page may go on at the top of the next (a long Nơi nhận list)
    carried = [0] * len(pages)
    for k in range(len(pages) - 1):
        lines, nxt = page_lines[k], page_lines[k + 1]
        if not zones[k] or zones[k][-1].end != len(lines) or abs(geoms[k].width - geoms[k + 1].width) > 1:
            continue
        if any(f.bbox[1] > lines[-1].bottom for f in pages[k].tables):
            continue
        limit = zones[k + 1][0].start if zones[k + 1] else len(nxt)
        top_table = min((f.bbox[1] for f in pages[k + 1].tables), default=float("inf"))
        limit = min(limit, sum(1 for ln in nxt if ln.bottom < top_table))
        n = min(L.zone_continuation(zone_lines[k][-1], zones[k][-1], nxt[:limit], geoms[k + 1]), limit)
        if n:
            zone_lines[k][-1] = zone_lines[k][-1] + nxt[:n]
            carried[k + 1] = n

    items: list[tuple[str, object, int]] = []
    for p, lines, zs, zl, skip in zip(pages, page_lines, zones, zone_lines, carried):
        page_items: list[tuple[float, str, object]] = []
        in_zone = set(range(skip))
        for z, zlines in zip(zs, zl):
            page_items.append((lines[z.start].top, "zone", (zlines, z)))
            in_zone.update(range(z.start, z.end))
        page_items.extend((ln.top, "line", ln) for i, ln in enumerate(lines) if i not in in_zone)
        page_items.extend((frag.bbox[1], "table", frag) for frag in p.tables)
        page_items.sort(key=lambda t: t[0])
        items.extend((kind, obj, p.number) for _, kind, obj in page_items)
    return items


def _assemble(items: list[tuple[str, object, int]], geoms: dict[int, L.PageGeom], metrics: L.Metrics) -> list:
    """Runs of lines -> body paragraphs (across page breaks), zones -> layout paragraphs, and
    a table that is the last thing on a page and the first on the next -> one table."""
    blocks: list = []
    run: list[Line] = []
    table_index = 0
    i = 0
    while i < len(items):
        kind, obj, page = items[i]
        if kind == "line":
            run.append(obj)   # type: ignore[arg-type]
            i += 1
            continue
        if run:
            blocks.extend(L.body_paragraphs(run, geoms, metrics))
            run = []
        if kind == "zone":
            lines, z = obj    # type: ignore[misc]
            blocks.extend(L.zone_paragraphs(lines, z, geoms[page]))
            i += 1
            continue
        frags = [obj]
        j = i + 1
        while j < len(items) and items[j][0] == "table" and items[j][2] == frags[-1].page + 1 \
                and same_layout(frags[-1], items[j][1]):   # type: ignore[arg-type]
            frags.append(items[j][1])
            j += 1
        tables = _tables(frags, table_index + 1)   # type: ignore[arg-type]
        table_index += len(tables)
        blocks.extend(tables)
        i = j
    if run:
        blocks.extend(L.body_paragraphs(run, geoms, metrics))
    return blocks


def _tables(frags: list[TableFrag], index: int) -> list[Table]:
    """One ruled table (its pieces on consecutive pages joined) as `Table` blocks.

    A header row repeated in the middle of a page is where the source has a table break
    (two tables drawn against each other, as a document typed from a text export has):
    the table is cut there into pieces marked `continued`, as the DOCX front-end gives them,
    so the plan joins them — and repairs the row the break cut — the same way for both."""
    rows = table_rows(frags)
    pieces: list[list[FragRow]] = [[]]
    for i, row in enumerate(rows):
        if row.header and i and not rows[i - 1].header and pieces[-1]:
            pieces.append([])
        pieces[-1].append(row)
    out = []
    for k, piece in enumerate(pieces):
        out_rows = [_row(row, index + k, r) for r, row in enumerate(piece, 1)]
        out.append(Table(rows=out_rows, prov=Provenance(page=piece[0].page, table=index + k, source="pdf"),
                         continued=k > 0))
    return out


def _row(row: FragRow, table: int, r: int) -> Row:
    cells = []
    for c in row.cells:
        lines = [clean(t) for t in c.lines if clean(t)]
        cells.append(Cell(
            lines=lines,
            span=c.span,
            merged_up=c.merged_up,
            bold=True if c.bold >= 0.9 and lines else (False if lines and c.bold <= 0.1 else None),
            raw="\n".join(c.lines),
        ))
    return Row(cells=cells, is_header=row.header, prov=Provenance(page=row.page, table=table, row=r, source="pdf"))


# ---------------------------------------------------------------- source facts


def _dominant_font(stats: CharStats) -> tuple[str | None, float | None]:
    """The body font: the most used family and size in the text outside tables (tables are
    often set smaller), or in all text when there is nothing outside tables."""
    fonts = stats.body_fonts or stats.fonts
    if not fonts:
        return None, None
    by_size: Counter[float] = Counter()
    by_name: Counter[str] = Counter()
    for (name, size), n in fonts.items():
        by_size[size] += n
        by_name[_family(name)] += n
    return by_name.most_common(1)[0][0], by_size.most_common(1)[0][0]


def _family(name: str) -> str:
    """'TimesNewRomanPS-BoldMT' -> 'TimesNewRomanPS' (bold and regular count as one body font)."""
    return name.split("-")[0].split(",")[0] or name


def _page_setups(pages: list[PageData], geoms: list[L.PageGeom]) -> list[PageSetup]:
    """One PageSetup per run of pages of the same size. Left/right margins are where the text
    of full lines starts and ends (top/bottom cannot be told from the text and stay None)."""
    setups: list[PageSetup] = []
    for p, g in zip(pages, geoms):
        w, h = round(p.width * PT_TO_MM, 1), round(p.height * PT_TO_MM, 1)
        if setups and abs((setups[-1].width_mm or 0) - w) < 1 and abs((setups[-1].height_mm or 0) - h) < 1:
            continue
        setups.append(PageSetup(width_mm=w, height_mm=h, orientation="landscape" if w > h else "portrait",
                                margin_left_mm=round(g.left * PT_TO_MM, 1) if g.measured else None,
                                margin_right_mm=round((g.width - g.right) * PT_TO_MM, 1) if g.measured else None,
                                first_page=p.number))
    return setups
