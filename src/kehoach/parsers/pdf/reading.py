"""Reading a PDF's pages: glyphs and ruling lines -> `PageData` (lines and table pieces).

In: a PDF path. Out: one `PageData` per page. Two readers give the glyphs and the shapes:
pypdfium2 (`pdfium_reader`, the default, fast) and pdfplumber (the reference, and the one
that reads what pdfium's reader declines: fonts without a ToUnicode map, rotated pages,
damaged, encrypted or hostile files). Both hand the same dicts to `_page_data`: glyphs
drawn twice are deduped, ruled tables are read into `TableFrag`s, the other glyphs are
grouped into `Line`s. Each page is closed right after it was read (memory stays flat).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path

from ...errors import KehoachError
from .. import limits
from ..pdfium_lock import PDFIUM
from . import pdfium_reader, pdfminer_limits, plumber_reader, preflight
from .glyph_text import mend
from .lines import CharStats, Line, group_lines
from .stamps import stamp_chars, with_stamps
from .tables import TableFrag, find_tables_in, read_table, ruling_grid
from .twins import dedupe

TEXT_PAGE_MIN_CHARS = 40  # a page with fewer glyphs has no real text layer (a stamp, a page number)

SIDEWAYS_SHARE = 0.6  # more than this share of a page's glyphs not upright: the page is sideways

ENGINES = ("pdfium", "pdfplumber")  # the readers of a page: the fast one first (see `_read`)


@dataclass
class PageData:
    """What one page yields; the rest of the parser never sees pdfplumber objects."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableFrag] = field(default_factory=list)
    nchars: int = 0
    image_cover: float = 0.0  # share of the page covered by images
    rotation: int = 0  # the page's /Rotate
    turn: int = 0  # degrees to add to it for the text to read upright (0: it does)
    skipped: str = ""  # why the page was not read (a resource bound), "" when it was
    no_tables: int = 0  # > 0: so many ruling-line crossings that tables were not looked for


def engine_option(options: dict) -> str:
    """The page reader: the `pdf_engine` option, else $KEHOACH_PDF_ENGINE (set by the CLI's
    --pdf-engine, so worker processes see it too), else pdfium."""
    engine = str(options.get("pdf_engine") or os.environ.get("KEHOACH_PDF_ENGINE") or "pdfium").lower()
    return engine if engine in ENGINES else "pdfium"


def _read(path: Path, engine: str, name: Path | None = None) -> tuple[list[PageData], CharStats]:
    """Every page read by `engine`. The pdfium reader gives the same glyphs and shapes as the
    pdfplumber one; a file it does not reproduce exactly (`pdfium_reader.Unsupported`: a font
    without a ToUnicode map, a rotated page, a resource bound, a damaged file …) is read by
    pdfplumber, which also words the errors and notes for damaged and hostile files."""
    if engine == "pdfium":
        stats = CharStats()
        try:
            with PDFIUM:  # pdfium is not thread-safe (pdfium_lock)
                return _read_pages_fast(path, stats), stats
        except pdfium_reader.Unsupported:
            pass
        except MemoryError:
            raise
        except Exception:  # anything unforeseen in the fast reader: the reference reader reads the file
            pass
    stats = CharStats()
    return _read_pages(path, stats, name), stats


def _read_pages_fast(path: Path, stats: CharStats) -> list[PageData]:
    stamps: dict[int, list[dict]] = {}
    fonts = preflight.check(path, stamps)
    out: list[PageData] = []
    total_glyphs, glyph_budget = 0, limits.get("PDF_TOTAL_GLYPHS")
    for raw in pdfium_reader.read_pages(path, fonts):
        shapes = _Shapes(raw.lines, raw.rects, raw.curves, (0.0, 0.0, raw.width, raw.height))
        chars = with_stamps(raw.chars, stamps.get(raw.number, []))
        out.append(
            _page_data(raw.number, raw.width, raw.height, 0, chars, lambda raw=raw: raw.image_area, shapes, stats)
        )
        total_glyphs += out[-1].nchars
        if total_glyphs > glyph_budget:
            raise pdfium_reader.Unsupported("past the document's glyph budget")
    if not out:
        raise pdfium_reader.Unsupported("no pages")
    return out


class _Shapes:
    """A page's ruling lines (from either reader), as `_page_data` asks for them."""

    def __init__(self, lines: list[dict], rects: list[dict], curves: list[dict], bbox: tuple) -> None:
        self.lines, self.rects, self.curves, self.bbox = lines, rects, curves, bbox

    def grid(self) -> int:
        return ruling_grid(self.lines, self.rects)

    def tables(self) -> list:
        return find_tables_in(self.lines, self.rects, self.curves, self.bbox)


def _open(path: Path, name: Path | None = None):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    name = name or path
    try:
        return pdfplumber.open(str(path))
    except Exception as exc:  # pdfplumber wraps pdfminer errors; sort them into encrypted / broken
        cause = exc.__cause__ or exc.__context__ or exc
        for err in (exc, cause, *getattr(exc, "args", ())):
            if isinstance(err, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise KehoachError(str(name), "encrypted_pdf") from None
        raise _damaged(name, exc) from None


def _resource_limit(exc: BaseException) -> pdfminer_limits.PDFResourceLimit | None:
    """The bound behind `exc` (pdfplumber wraps pdfminer's exceptions), if one is.
    A MemoryError behind it (the memory limit) is raised as itself: one line upstream."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, pdfminer_limits.PDFResourceLimit):
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
    pdfminer_limits.install()
    pdf = _open(path, name)
    out: list[PageData] = []
    total_glyphs, glyph_budget = 0, limits.get("PDF_TOTAL_GLYPHS")
    try:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise _damaged(name, exc) from None
        for page in pages:
            pdfminer_limits.page_budget()
            try:
                out.append(_read_page(page, stats))
            except KehoachError:
                raise
            except Exception as exc:
                bound = _resource_limit(exc)
                if bound is None:
                    raise KehoachError(str(name), "bad_pdf", error=f"page {page.page_number}: {_short(exc)}") from None
                out.append(
                    PageData(
                        number=page.page_number, width=float(page.width), height=float(page.height), skipped=bound.what
                    )
                )
            finally:
                pdfminer_limits.end_page()
                page.close()
            total_glyphs += out[-1].nchars
            if total_glyphs > glyph_budget:
                raise KehoachError(
                    str(name), "pdf_too_complex", detail=f"more than {glyph_budget:,} glyphs by page {page.page_number}"
                )
    finally:
        with contextlib.suppress(
            Exception
        ):  # closing walks the page tree again: a broken one has given its reason above
            pdf.close()
    return out


def _read_page(page, stats: CharStats) -> PageData:
    """One pdfplumber page -> lines outside tables + table pieces. The page is closed by the caller."""
    objs = plumber_reader.read_page(page)
    return _page_data(
        page.page_number,
        float(page.width),
        float(page.height),
        int(getattr(page, "rotation", 0) or 0),
        with_stamps(objs.chars, stamp_chars(page)),  # + a signed PDF's stamped number, day
        lambda: objs.image_area,
        _Shapes(objs.lines, objs.rects, objs.curves, objs.bbox),
        stats,
    )


def _page_data(
    number: int, width: float, height: float, rotation: int, chars: list[dict], image_area, shapes, stats: CharStats
) -> PageData:
    """Glyphs and ruling lines of one page (from either reader) -> lines outside tables + table pieces."""
    data = PageData(number=number, width=width, height=height, rotation=rotation)
    mended, foreign, example = mend(chars)
    stats.misprinted += mended
    stats.foreign += foreign
    stats.foreign_example = stats.foreign_example or example
    chars = dedupe(chars, stats)
    if False in map(_UPRIGHT, chars):  # (or a 0): some glyph may be set sideways
        text = [c for c in chars if c.get("text", "").strip()]
        data.nchars = len(text)
        data.turn = _sideways_turn(chars, text)
    else:  # every glyph upright: the page reads as it stands
        data.nchars = sum(map(bool, map(str.strip, map(_TEXT, chars))))
    if data.turn:
        return data  # read again from an upright copy (see `parse`)
    area = float(width * height) or 1.0
    data.image_cover = min(1.0, image_area() / area)
    if not data.nchars:
        return data
    inside: list[tuple[float, float, float, float]] = []
    grid = shapes.grid()
    if grid > limits.get("PDF_TABLE_GRID"):
        data.no_tables = grid
    for tb in shapes.tables() if not data.no_tables else []:
        data.tables.append(read_table(tb, chars, data.number, data.width, stats))
        inside.append(tb.bbox)
    free = _outside(chars, inside) if inside else chars
    data.lines = group_lines(free, data.number, stats)
    stats.count_body(data.lines)
    return data


_UPRIGHT, _TEXT = methodcaller("get", "upright"), methodcaller("get", "text", "")


def _sideways_turn(chars: list[dict], text: list[dict] | None = None) -> int:
    """A page whose text runs up or down the page (a landscape page shown sideways): the turn
    (-90 or 90 degrees) that makes it read left to right; 0 for an upright page. `text`: the
    glyphs of `chars` that are not blank, when the caller has them."""
    if text is None:
        text = [c for c in chars if c.get("text", "").strip()]
    sideways = [c for c in text if c.get("upright") is False]
    if len(text) < TEXT_PAGE_MIN_CHARS or len(sideways) <= SIDEWAYS_SHARE * len(text):
        return 0
    steps = [b["top"] - a["top"] for a, b in zip(sideways, sideways[1:], strict=False) if abs(b["x0"] - a["x0"]) < 2]
    down = sum(1 for d in steps if d > 0)
    return -90 if down >= len(steps) - down else 90


def _upright_copy(path: Path, pages: list[PageData], target: Path) -> Path:
    """A copy of the PDF with the sideways pages turned upright (pypdfium2, pdfplumber's renderer)."""
    import pypdfium2 as pdfium

    with PDFIUM:  # pdfium is not thread-safe (pdfium_lock)
        doc = pdfium.PdfDocument(str(path))
        try:
            for p in pages:
                if p.turn:
                    doc[p.number - 1].set_rotation((p.rotation + p.turn) % 360)
            doc.save(str(target))
        finally:
            doc.close()
    return target


def _outside(chars: list[dict], boxes: list[tuple[float, float, float, float]]) -> list[dict]:
    """The glyphs of `chars` whose centre is in none of `boxes`."""
    out = []
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                break
        else:
            out.append(ch)
    return out
