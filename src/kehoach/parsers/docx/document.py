"""DOCX -> blocks: the body in document order, rendered as Word prints it.

`package` reads the parts with zipfile + lxml (python-docx only for an unusual package);
the XML is read directly, because python-docx's `paragraph.text` and `row.cells` miss what
matters in real plans:

- `text.Reader` reads a paragraph's printed text (hyperlinks, fields, content
  controls, tracked insertions; no deletions) and renders its automatic number
  (`numbering.Numbering`), so an auto-numbered "II." heading reads "II. NỘI DUNG";
- `tables` reads tables by cell element (gridSpan, vMerge, gridBefore/After,
  tblHeader) and flattens layout tables (header and signature blocks) into
  paragraphs with role="layout";
- a header or signature typed with tab stops instead of a table is read column by
  column too (`tabs`);
- a one-cell table is a frame: its paragraphs and tables are read as if outside it;
- text boxes become separate paragraphs with role="textbox", emitted after the block
  that anchors them, so a "DỰ THẢO" stamp never joins the number line;
- an empty body paragraph is skipped even when Word numbers it (a bare number is no
  content); in a table cell the number is kept (Word numbers empty "TT" cells);
- page numbers are approximate: counted from the page breaks Word rendered when it
  last saved (w:lastRenderedPageBreak) or, when it saved none, from hard page and
  section breaks; the page count comes from docProps/app.xml.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from lxml import etree

from ...blocks import Block, Document, PageSetup, SourceInfo
from ...errors import KehoachError
from . import container as docx_container
from . import package as docx_package
from .numbering import Numbering
from .package import Parts
from .styles import Styles, find2
from .tables import is_layout, layout_paragraphs, read_table, single_cell, to_table
from .tabs import regroup
from .text import MC, Reader, alternate_content, sdt_content
from .xmlparts import SAFE, W

_TWIP_MM = 25.4 / 1440


def parse(path: str | Path, **options: object) -> Document:
    """Parse a .docx file into blocks. Raises KehoachError for unusable input."""
    path = Path(path)
    inflated = docx_container.check(path)
    notes: list[str] = []
    try:
        document = _open(path, inflated=inflated)
    except etree.XMLSyntaxError:  # a damaged XML part: read what Word's repair would
        package, notes = docx_container.repaired(path)
        document = _open(path, package)
    try:
        result = _Builder(document, path).build()
    except etree.XMLSyntaxError as exc:
        raise KehoachError(str(path), "bad_docx", error=_short(exc)) from None
    result.source.notes.extend(notes)
    from ... import legacy

    legacy.repair_document(result)  # text typed in TCVN3 (.VnTime) or VNI fonts -> Unicode
    return result


_WANTED = ("/theme1.xml", "/footnotes.xml", "/endnotes.xml", "/docProps/app.xml")


def _open(path: Path, package: io.BytesIO | None = None, inflated: dict[str, bytes] | None = None) -> Parts:
    """The parts of `path` (or of a repaired in-memory `package`): read directly
    (`package.read`), or by python-docx when the package is unusual.
    Lets XMLSyntaxError through (the caller repairs); anything else is one line."""
    try:
        parts = docx_package.read(package if package is not None else path, _WANTED, inflated)
        if parts is not None:
            return parts
        if package is not None:
            package.seek(0)
        return _python_docx(package if package is not None else path)
    except KehoachError:
        raise
    except etree.XMLSyntaxError:
        if package is not None:
            raise KehoachError(str(path), "bad_docx", error="XML not well-formed, even after repair") from None
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for a broken package
        raise KehoachError(str(path), "bad_docx", error=_short(exc)) from None


def _python_docx(source: Path | io.BytesIO) -> Parts:
    """The parts as python-docx reads them (its default styles when the package has none)."""
    import docx  # python-docx

    document = docx.Document(source if isinstance(source, io.BytesIO) else str(source))
    numbering_el = None
    try:
        numbering_el = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_el = None
    styles_el = None
    try:
        styles_el = document.styles.element
    except (KeyError, AttributeError):
        styles_el = None

    def part_xml(suffix: str) -> etree._Element | None:
        """The XML of the first package part whose name ends with `suffix` (parsed safely)."""
        for part in document.part.package.iter_parts():
            if str(part.partname).endswith(suffix):
                try:
                    return etree.fromstring(part.blob, SAFE)
                except etree.XMLSyntaxError:
                    return None
        return None

    return Parts(document.element, styles_el, numbering_el, part_xml)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:120]


class _Builder:
    def __init__(self, document: Parts, path: Path) -> None:
        self.document = document
        self.path = path
        body = document.body
        if body is None:  # e.g. Strict Open XML: other namespaces, python-docx sees no body
            raise KehoachError(
                str(path), "bad_docx", error="no document body (Strict Open XML? save as Word Document .docx)"
            )
        self.body = body
        self.styles = Styles(document.styles, document.part_xml("/theme1.xml"))
        self.numbering = Numbering(document.numbering, document.styles)
        rendered = next(body.iter(W + "lastRenderedPageBreak"), None) is not None
        self.reader = Reader(self.styles, self.numbering, rendered_breaks=rendered)
        self.blocks: list[Block] = []
        self.tables = 0
        self.sections: list[PageSetup] = []
        self.section_start = 1
        self.body_fonts: Counter = Counter()
        self.body_sizes: Counter = Counter()
        self.notes: list[str] = []
        self.note_refs: list[tuple[str, str, int]] = []  # (kind, id, page of the reference)
        self.tab_columns: dict[int, list[tuple[str, str]]] = {}

    # --- walking the body -------------------------------------------------------------

    def build(self) -> Document:
        self._container(self.body)
        final = self.body.find(W + "sectPr")
        if final is not None:
            self._section(final, last=True)
        if self.tab_columns:
            self.blocks = regroup(self.blocks, self.tab_columns)
        self._footnotes()
        return Document(blocks=self.blocks, source=self._source())

    def _container(self, el: etree._Element, role: str = "body") -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child, role)
            elif tag == W + "tbl":
                self._table(child, role)
            elif tag == W + "sdt":
                content = sdt_content(child)
                if content is not None:
                    self._container(content, role)
            elif tag == W + "altChunk":
                self.notes.append("embedded alternative content (w:altChunk) is not read")
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                self._container(child, role)
            elif tag == MC + "AlternateContent":
                branch = alternate_content(child)
                if branch is not None:
                    self._container(branch, role)

    def _paragraph(self, p: etree._Element, role: str) -> None:
        para = self.reader.read(p)
        if not para.empty and not (para.label is not None and para.lines == [para.label.text]):
            block = para.block(role)
            self.blocks.append(block)
            if para.tab_columns and role == "body":
                self.tab_columns[id(block)] = para.tab_columns
            if role == "body":
                self.body_fonts.update(para.fonts)
                self.body_sizes.update(para.sizes)
        self._textboxes(para.textboxes)
        self.note_refs.extend((kind, note_id, para.page) for kind, note_id in para.notes)
        sect = find2(p, W + "pPr", W + "sectPr")
        if sect is not None:
            self._section(sect)

    def _table(self, tbl: etree._Element, role: str) -> None:
        box = single_cell(tbl)
        if box is not None:  # a one-cell table is a frame around content: read what it holds
            self.tables += 1
            self._container(box, role)
            return
        raw = read_table(tbl, self.reader, self.styles)
        self.tables += 1
        index = self.tables
        for row in raw.rows:
            for cell in row.cells:
                if cell.dropped:
                    self.notes.append(
                        f"table {index}: text in a vertically merged cell is not shown by Word: {cell.dropped[:60]}"
                    )
        if role == "body" and is_layout(raw):
            self.blocks.extend(layout_paragraphs(raw, index))
        elif role == "textbox":
            for row in raw.rows:
                for cell in row.cells:
                    for para in cell.paras:
                        if not para.empty:
                            self.blocks.append(para.block("textbox"))
        else:
            self.blocks.append(to_table(raw, index))
        self._textboxes(raw.textboxes)

    def _footnotes(self) -> None:
        """Footnotes and endnotes the text refers to, in reference order, as role="footnote".

        They come last (as printed at the foot of the page or the end of the document), so
        they never split a section; the references they cite are still found.
        """
        parts = {kind: self.document.part_xml(f"/{kind}s.xml") for kind in ("footnote", "endnote")}
        seen = set()
        for kind, note_id, page in self.note_refs:
            root = parts.get(kind)
            if root is None or (kind, note_id) in seen:
                continue
            seen.add((kind, note_id))
            for note in root.iter(W + kind):
                if note.get(W + "id") == note_id and note.get(W + "type") in (None, "normal"):
                    for p in note.iter(W + "p"):
                        para = self.reader.read(p)
                        if not para.empty:
                            block = para.block("footnote")
                            block.prov.page = page
                            self.blocks.append(block)
                    break

    def _textboxes(self, boxes: list[etree._Element]) -> None:
        for box in boxes:
            self._container(box, role="textbox")

    # --- sections and source facts ----------------------------------------------------

    def _section(self, sect: etree._Element, last: bool = False) -> None:
        setup = PageSetup(first_page=self.section_start)
        size = sect.find(W + "pgSz")
        if size is not None:
            width, height = _twips(size.get(W + "w")), _twips(size.get(W + "h"))
            setup.width_mm, setup.height_mm = _mm(width), _mm(height)
            orient = size.get(W + "orient")
            if orient in ("portrait", "landscape"):
                setup.orientation = orient  # type: ignore[assignment]
            elif width and height:
                setup.orientation = "landscape" if width > height else "portrait"
        margins = sect.find(W + "pgMar")
        if margins is not None:
            setup.margin_top_mm = _mm(_twips(margins.get(W + "top")))
            setup.margin_bottom_mm = _mm(_twips(margins.get(W + "bottom")))
            setup.margin_left_mm = _mm(_twips(margins.get(W + "left")))
            setup.margin_right_mm = _mm(_twips(margins.get(W + "right")))
        self.sections.append(setup)
        if not last:
            kind = sect.find(W + "type")
            if not self.reader.rendered_breaks and (kind is None or kind.get(W + "val") != "continuous"):
                self.reader.page += 1
            self.section_start = self.reader.page

    def _pages(self, app_pages: int | None) -> int:
        """Word's own count (docProps/app.xml) when it has one; hard breaks are a lower bound,
        rendered breaks in long tables overcount, so they only stand in when app.xml is silent."""
        if self.reader.rendered_breaks:
            return app_pages or self.reader.page
        return max(app_pages or 0, self.reader.page)

    def _source(self) -> SourceInfo:
        default_font, default_size = self.styles.defaults()
        pages = _app_pages(self.document)
        info = SourceInfo(
            path=str(self.path),
            format="docx",
            pages=self._pages(pages),
            pages_approx=True,
            page_setups=self.sections,
            body_font=self.body_fonts.most_common(1)[0][0] if self.body_fonts else default_font,
            body_font_size=self.body_sizes.most_common(1)[0][0] if self.body_sizes else default_size,
            default_font=default_font,
            default_font_size=default_size,
            notes=self.notes,
        )
        if not self.reader.rendered_breaks:
            info.notes.append(
                "page numbers estimated from hard page and section breaks (Word saved no rendered breaks)"
            )
        return info


def _twips(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _mm(twips: float | None) -> float | None:
    return round(abs(twips) * _TWIP_MM, 1) if twips is not None else None


def _app_pages(document: Parts) -> int | None:
    app = document.part_xml("/docProps/app.xml")
    if app is None:
        return None
    for el in app.iter():
        text = (el.text or "").strip()
        if (
            isinstance(el.tag, str) and el.tag.endswith("}Pages") and text.isdigit() and len(text) <= 5
        ):  # a page count, not a number made to be huge
            return int(text) or None
    return None
