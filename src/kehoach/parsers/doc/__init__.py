"""Word 97-2003 front-end: a .doc path in, a `blocks.Document` out.

In: an OLE2 compound file (`ole` lists its streams; an encrypted DOCX in an OLE wrapper is
named as such). `soffice` converts it to DOCX with LibreOffice headless and the DOCX
front-end reads it; `pages` sets each block's page from a PDF rendering. Out: the DOCX
front-end's blocks, `SourceInfo.format` "doc".
"""

from __future__ import annotations

from .soffice import parse, soffice_binary

__all__ = ["parse", "soffice_binary"]
