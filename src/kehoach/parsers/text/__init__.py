"""Text front-end: a .txt/.md export (or a string) in, a `blocks.Document` out.

In: bytes in any of the encodings Vietnamese exports come in (`encoding`: BOMs, UTF-16/32,
UTF-8, Windows-1258/1252; TCVN3/VNI repaired by `legacy`), Markdown or plain text, web
copies of official documents. Out: `Paragraph` blocks (Markdown heading level, emphasis)
and `Table` blocks (pipe and tab-separated tables; a header/signature laid out in columns
is flattened into role="layout" paragraphs by `layout`, `layout_text`, `layout_table`;
web-page wrapping undone by `web`).
"""

from __future__ import annotations

from .document import decode, parse, parse_string, strip_markdown

__all__ = ["decode", "parse", "parse_string", "strip_markdown"]
