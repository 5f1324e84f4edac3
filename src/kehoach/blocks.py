"""The neutral block model every format parser returns.

A parser turns bytes (TXT, DOCX, PDF …) into a `Document`: an ordered list of
`Paragraph` and `Table` blocks plus a few facts about the source. Everything after
the parsers (header, sections, tasks, validation, export) reads only these blocks and
never imports python-docx or pdfplumber.

Conventions every parser follows:
- `Paragraph.text` is NFC, whitespace-collapsed, markup-free, with an automatic
  number rendered in front exactly as printed ("II. NỘI DUNG" whether "II." was typed
  or produced by Word numbering). `raw` keeps the source text verbatim.
- A paragraph holds one logical paragraph; `lines` keeps its hard line breaks
  (a Markdown "  " break, a DOCX <w:br/>, a PDF line inside one paragraph).
- Layout tables (the borderless header and signature tables) are not `Table`s: the
  parser flattens them into paragraphs, column by column, with `role` set to
  "layout" and provenance pointing at the table.
- A `Table` keeps rows as they are in the source: a header row repeated after a page
  break stays (with `is_header` when the format says so); a vertically merged cell
  appears once, in its first row, and as `Cell(merged_up=True)` below it; a
  horizontally merged cell appears once with `span` > 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class Provenance:
    """Where a block came from. Page numbers from DOCX are approximate (rendered breaks)."""

    line: int | None = None  # 1-based source line (TXT) or paragraph index (DOCX) or line on page (PDF)
    page: int | None = None  # 1-based page
    page_approx: bool = False  # True when the page is estimated, not read from the file
    table: int | None = None  # 1-based index of the table in the document
    row: int | None = None  # 1-based row in that table
    col: int | None = None  # 1-based column (grid column) in that row
    source: str = "text"  # "text" | "docx" | "pdf" | "ocr"

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, False)}


@dataclass
class Paragraph:
    text: str
    raw: str = ""
    lines: list[str] = field(default_factory=list)
    bold: bool | None = None  # True when (nearly) all of the text is bold
    italic: bool | None = None
    align: Literal["left", "center", "right", "justify"] | None = None
    heading_level: int | None = None  # from a Markdown "#" or a Word "Heading N" style (a hint only)
    numbered: bool = False  # the leading number was produced by automatic numbering
    role: Literal["body", "layout", "textbox", "footnote"] = "body"
    prov: Provenance = field(default_factory=Provenance)

    kind: Literal["paragraph"] = "paragraph"

    def __post_init__(self) -> None:
        if not self.lines:
            self.lines = [self.text] if self.text else []
        if not self.raw:
            self.raw = self.text


@dataclass
class Cell:
    lines: list[str] = field(default_factory=list)  # one entry per paragraph / list item / line break
    span: int = 1  # grid columns covered (gridSpan)
    merged_up: bool = False  # continuation of a vertical merge (vMerge)
    bold: bool | None = None
    raw: str = ""
    # the cell's lines as drawn, top to bottom, where the format lays text out (PDF): a header
    # or signature table drawn with its grid is read from them, as its borderless twin is read
    # line by line; empty where the format keeps paragraphs (DOCX, text)
    drawn: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line).strip()

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass
class Row:
    cells: list[Cell]
    is_header: bool = False  # marked as a repeating header row by the format (w:tblHeader)
    prov: Provenance = field(default_factory=Provenance)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    rows: list[Row]
    prov: Provenance = field(default_factory=Provenance)
    continued: bool = False  # the parser knows this table continues the previous one
    ragged: bool = False  # rows rebuilt from broken text: a short row lacks cells at unknown places

    kind: Literal["table"] = "table"

    @property
    def width(self) -> int:
        return max((sum(c.span for c in r.cells) for r in self.rows), default=0)


Block = Paragraph | Table


@dataclass
class PageSetup:
    """One DOCX section / PDF page geometry, in millimetres."""

    width_mm: float | None = None
    height_mm: float | None = None
    orientation: Literal["portrait", "landscape"] | None = None
    margin_top_mm: float | None = None
    margin_bottom_mm: float | None = None
    margin_left_mm: float | None = None
    margin_right_mm: float | None = None
    first_page: int | None = None


@dataclass
class SourceInfo:
    path: str = ""
    format: str = "text"  # "text" | "markdown" | "docx" | "pdf" | "doc"
    pages: int | None = None
    pages_approx: bool = False
    page_setups: list[PageSetup] = field(default_factory=list)
    body_font: str | None = None  # dominant font name of body text
    body_font_size: float | None = None  # dominant size in points
    default_font: str | None = None
    default_font_size: float | None = None
    ocr: bool = False
    notes: list[str] = field(default_factory=list)  # facts the parser wants to report (repairs, warnings)
    dropped: list[Paragraph] = field(default_factory=list)  # text a parser dropped as page noise


@dataclass
class Document:
    blocks: list[Block]
    source: SourceInfo = field(default_factory=SourceInfo)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
