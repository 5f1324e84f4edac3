"""Resource bounds for everything a document can ask us to compute or hold.

A number, a size or a count read from a file is attacker-controlled: a `w:start` of 2^63,
a deflate stream whose header says 19 MB but holds 2 GB, a page with 33 million path
operators. Every such quantity is bounded here, in one place, with room to spare over the
largest real plan (plans are a few hundred KB of XML and a few thousand glyphs per page).

A bound can be lowered (or raised) for one run with an environment variable
`KEHOACH_LIMIT_<NAME>` (an integer), which is how the hostile-input tests exercise a bound
without building a gigabyte-sized file.
"""

from __future__ import annotations

import os

MB = 1024 * 1024

_DEFAULTS: dict[str, int] = {
    # DOCX (ZIP) container
    "DOCX_TOTAL_BYTES": 200 * MB,  # all members inflated, media included
    "DOCX_XML_BYTES": 48 * MB,  # XML parts inflated (parsed into trees: ~10x in memory)
    # PDF
    "PDF_STREAM_BYTES": 64 * MB,  # one decoded (inflated) stream
    "PDF_PAGE_OBJECTS": 1_000_000,  # content-stream tokens (operators + operands) read per page (real: < 10,000)
    "PDF_PAGE_GLYPHS": 60_000,  # glyphs on one page (a dense A4 page has ~3,000-5,000)
    "PDF_PAGE_GRAPHICS": 60_000,  # lines, rectangles and curves kept from one page
    "PDF_TOTAL_GLYPHS": 500_000,  # glyphs in the whole document (~150 dense pages)
    "PDF_TABLE_GRID": 2500,  # ruling-line crossings on a page looked at for tables (50 x 50)
    # numbers taken from a document
    "NUMBER": 32767,  # a list counter (Word's own "Start at" maximum)
    "GRID": 63,  # table columns (Word's maximum)
}


def get(name: str) -> int:
    """The bound `name`, from `KEHOACH_LIMIT_<NAME>` when set to a positive integer."""
    raw = os.environ.get(f"KEHOACH_LIMIT_{name}")
    if raw:
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value > 0:
            return value
    return _DEFAULTS[name]


def clamp(value: int, low: int, high: int) -> int:
    return low if value < low else high if value > high else value


def size_text(n: int) -> str:
    """A byte count for a message: '150 MB', '640 KB', '12 B'."""
    if n >= MB:
        return f"{n / MB:.0f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"
