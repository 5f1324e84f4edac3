"""Repairs applied to whole documents (`repair_document`: TCVN3/VNI paragraphs and cells)
and to the bytes of a text export (`decode_legacy_bytes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .codepages import to_unicode
from .detect import _line_is_legacy, detect_encoding

if TYPE_CHECKING:
    from ..blocks import Document


def repair_document(document: Document, kinds: tuple[str, ...] = ("tcvn3", "vni")) -> str | None:
    """Convert a parsed document's TCVN3/VNI text to Unicode in place; return the kind.

    For the DOCX and text front-ends, whose text is otherwise Unicode: the whole text
    decides the encoding, then each paragraph line and cell line in it is converted (a
    document can mix a legacy font with Unicode ones). `raw` keeps the source text and a
    note "repaired:<kind>" is added to the document's source notes.
    """
    from ..blocks import Paragraph, Table
    from ..vntext import clean

    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            texts.extend(block.lines or [block.text])
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    texts.extend(cell.lines)
    kind = detect_encoding("\n".join(texts))
    if kind not in kinds:
        return None

    def fix(line: str) -> str:
        return clean(to_unicode(line, kind)) if _line_is_legacy(line, kind) else line

    changed = 0
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines = [fix(line) for line in block.lines]
            text = fix(block.text)
            if lines != block.lines or text != block.text:
                changed += 1
            block.lines, block.text = lines, text
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    cell.lines = [fix(line) for line in cell.lines]
    document.source.notes.append(f"repaired:{kind}")
    document.source.notes.append(f"{kind}: {changed} paragraphs converted to Unicode")
    return kind


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """A text file in TCVN3 or VNI: (Unicode text, kind), else None.

    Such files are single-byte and not UTF-8; read as Windows-1258 their bytes would turn
    into combining marks and wrong letters, so they are read as Windows-1252 (Latin-1
    for the letters that matter) and converted here.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    kind = detect_encoding(text)
    if kind not in ("tcvn3", "vni"):
        return None
    lines = text.split("\n")
    return "\n".join(to_unicode(line, kind) if _line_is_legacy(line, kind) else line for line in lines), kind
