"""Checks on a DOCX container before any XML is parsed (no python-docx import here).

- an OLE2 compound file is either a password-protected Office file (it holds an
  "EncryptedPackage" stream) or a legacy Word 97-2003 .doc;
- a ZIP must be a sane size: member count and total uncompressed size are capped
  (zip bombs), and no XML part may carry a DTD (entity expansion, "billion laughs").
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ..errors import KehoachError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 2000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200            # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 20 * 1024 * 1024
_ENCRYPTED_NAMES = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_OLE_SCAN_LIMIT = 64 * 1024 * 1024


def is_ole2(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(8).startswith(OLE2_MAGIC[:4])


def is_encrypted_ole(path: Path) -> bool:
    """True when an OLE2 file is an encrypted OOXML package (its directory names the streams)."""
    with path.open("rb") as fh:
        data = fh.read(_OLE_SCAN_LIMIT)
    if not data.startswith(OLE2_MAGIC[:4]):
        return False
    return all(name in data for name in _ENCRYPTED_NAMES)


def check(path: Path) -> None:
    """Raise KehoachError when `path` is not a DOCX we are willing to open."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE2_MAGIC[:4]):
        if is_encrypted_ole(path):
            raise KehoachError(str(path), "encrypted_docx")
        raise KehoachError(str(path), "doc_as_docx")
    if not head:
        raise KehoachError(str(path), "empty")
    if not zipfile.is_zipfile(path):
        raise KehoachError(str(path), "bad_docx", error="not a ZIP/Office Open XML file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise KehoachError(str(path), "zip_bomb", detail=f"{len(infos)} members")
            total = sum(i.file_size for i in infos)
            if total > MAX_TOTAL_BYTES:
                raise KehoachError(str(path), "zip_bomb", detail=f"{total // (1024 * 1024)} MB uncompressed")
            for info in infos:
                if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise KehoachError(str(path), "zip_bomb", detail=f"{info.filename} expands {info.file_size // max(1, info.compress_size)}x")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise KehoachError(str(path), "bad_docx", error="no [Content_Types].xml")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as member:
                        if declares_dtd(member):
                            raise KehoachError(str(path), "bad_docx", error=f"{info.filename} declares a DTD")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError,
            zlib.error) as exc:   # zlib.error: a damaged deflate stream in a member
        raise KehoachError(str(path), "bad_docx", error=str(exc) or exc.__class__.__name__) from None


def declares_dtd(stream, chunk: int = 65536) -> bool:
    """True when an XML prolog holds a <!DOCTYPE> (entities: external, "billion laughs").

    Only the prolog can declare one, but it may be padded with comments and processing
    instructions of any length, so they are skipped (streamed, not kept) instead of
    looking at a fixed number of leading bytes.
    """
    buf, pos, eof = b"", 0, False

    def fill(n: int) -> None:     # make n bytes from pos available, if the data has them
        nonlocal buf, pos, eof
        while len(buf) - pos < n and not eof:
            more = stream.read(chunk)
            eof = not more
            buf, pos = buf[pos:] + more, 0

    while True:
        fill(9)
        while pos < len(buf) and buf[pos] in b" \t\r\n":
            pos += 1
            if pos == len(buf):
                fill(9)
        fill(9)
        head = buf[pos:pos + 9]
        if head.startswith(b"\xef\xbb\xbf"):
            pos += 3
            continue
        if not head.startswith((b"<!--", b"<?")):
            return head.upper().startswith(b"<!DOCTYPE") or head.startswith(b"<!ENTITY")
        mark = b"-->" if head.startswith(b"<!--") else b"?>"
        pos += 2
        while True:
            end = buf.find(mark, pos)
            if end >= 0:
                pos = end + len(mark)
                break
            if eof:
                return False
            pos = max(pos, len(buf) - len(mark) + 1)     # the mark may straddle two reads
            fill(len(buf) - pos + 1)
