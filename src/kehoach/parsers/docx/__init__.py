"""DOCX front-end: a .docx path in, a `blocks.Document` out.

In: a Word 2007+ package (checked for zip bombs and DTDs by `container`, repaired when a
part is damaged). Out: the body in document order as `Paragraph` blocks (printed text with
its automatic number, style, bold/italic/alignment, role "layout"/"textbox" where it
applies) and `Table` blocks (cells by grid position, merged cells, header rows), each with
an approximate page; `SourceInfo` gives the page count and page setup.

Modules: `document` (the walk over the body), `container` (the zip package), `styles`
(style chains), `numbering` (Word's automatic numbers), `text` (a paragraph's printed
text), `tables` (cells and layout tables), `tabs` (columns typed with tab stops).
"""

from __future__ import annotations

from .document import parse

__all__ = ["parse"]
