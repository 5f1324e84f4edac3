"""Format parsers: each turns a path into a `blocks.Document`. Nothing else knows formats.

`load(path)` sniffs the real format from the first bytes (an extension can lie) and
dispatches to the parser module for it. A new format is one new module plus one line in
`_PARSERS`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..blocks import Document
from ..errors import KehoachError

# format name -> "module:function"
_PARSERS: dict[str, str] = {
    "text": "kehoach.parsers.text:parse",
    "docx": "kehoach.parsers.docx:parse",
    "pdf": "kehoach.parsers.pdf:parse",
    "doc": "kehoach.parsers.doc:parse",
}

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".doc"}


def sniff(path: Path) -> str:
    """Return the format name from the file's first bytes, falling back to its suffix."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise KehoachError(str(path), "not_found") from None
    except IsADirectoryError:
        raise KehoachError(str(path), "not_a_file") from None
    except OSError as exc:
        raise KehoachError(str(path), "unreadable", error=exc.strerror or exc.__class__.__name__) from None
    suffix = path.suffix.lower()
    if not head:
        raise KehoachError(str(path), "empty")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .doc, or an encrypted .docx
        # named .docx: the DOCX parser names the problem (password-protected, or a renamed .doc)
        return "docx" if suffix == ".docx" else "doc"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    if suffix in (".docx", ".pdf", ".doc"):
        # the name promises a binary format but the bytes do not match it
        return {"docx": "docx", "pdf": "pdf", "doc": "doc"}[suffix[1:]]
    raise KehoachError(str(path), "unsupported", kind=suffix or "?")


def load(path: str | Path, **options: object) -> Document:
    """Parse one file into blocks. Raises KehoachError with a one-line reason on bad input."""
    path = Path(path)
    if not path.exists():
        raise KehoachError(str(path), "not_found")
    if not path.is_file():
        raise KehoachError(str(path), "not_a_file")
    fmt = sniff(path)
    module_name, func_name = _PARSERS[fmt].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kehoach"):
            raise KehoachError(str(path), "unsupported", kind=fmt) from None
        raise
    return getattr(module, func_name)(path, **options)
