"""Checks on a DOCX container before any XML is parsed (no python-docx import here).

- an OLE2 compound file is either a password-protected Office file (it holds an
  "EncryptedPackage" stream) or a legacy Word 97-2003 .doc;
- a ZIP must be a sane size: member count and uncompressed size (all members, and XML
  parts alone) are capped (zip bombs) — measured by inflating each member as a stream
  against a running budget, never by trusting the sizes in the headers;
- no XML part may carry a DTD (entity expansion, "billion laughs"), whatever its encoding
  (a UTF-16 or UTF-32 part is decoded before the prolog is looked at);
- `repaired(path)`: a package whose XML parts are not well-formed (a flipped byte) is
  rebuilt in memory from what lxml's recovering parser can read, the way Word offers to
  repair it; the caller says so in the notes.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from ...errors import KehoachError
from .. import limits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBERS = 2000
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_FLOOR
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


def check(path: Path) -> dict[str, bytes]:
    """Raise KehoachError when `path` is not a DOCX we are willing to open; else return its
    XML members as inflated here (member name -> bytes), for `package.read` to parse without
    inflating them a second time.

    Every member is inflated once, as a stream, against a running byte budget (all members,
    and XML parts on their own): sizes written in the ZIP headers are never trusted to let a
    file in, only to refuse it early. A member whose content disagrees with its header (size
    or CRC) is damaged, and said so in one line."""
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
            total_budget, xml_budget = limits.get("DOCX_TOTAL_BYTES"), limits.get("DOCX_XML_BYTES")
            total = sum(i.file_size for i in infos)
            if total > total_budget:
                raise KehoachError(str(path), "zip_bomb", detail=f"{limits.size_text(total)} uncompressed")
            xml_total = sum(i.file_size for i in infos if _is_xml(i.filename))
            if xml_total > xml_budget:
                raise KehoachError(
                    str(path),
                    "zip_bomb",
                    detail=f"{limits.size_text(xml_total)} of XML (limit {limits.size_text(xml_budget)})",
                )
            for info in infos:
                if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise KehoachError(
                        str(path),
                        "zip_bomb",
                        detail=f"{info.filename} expands {info.file_size // max(1, info.compress_size)}x",
                    )
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise KehoachError(str(path), "bad_docx", error="no [Content_Types].xml")
            budget = _Budget(str(path), total_budget, xml_budget)
            members: dict[str, bytes] = {}
            with path.open("rb") as raw:
                for info in infos:
                    xml = _is_xml(info.filename)
                    data = inflate(raw, info, budget, keep=xml)
                    if xml and declares_dtd(io.BytesIO(as_utf8(data, str(path), info.filename))):
                        raise KehoachError(str(path), "bad_docx", error=f"{info.filename} declares a DTD")
                    if xml:
                        members[info.filename] = data
            return members
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        RuntimeError,
        EOFError,
        OSError,
        zlib.error,
    ) as exc:  # zlib.error: a damaged deflate stream in a member
        raise KehoachError(str(path), "bad_docx", error=str(exc) or exc.__class__.__name__) from None


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


class _Budget:
    """Bytes inflated so far, against the limits for all members and for XML parts."""

    def __init__(self, path: str, total: int, xml: int) -> None:
        self.path, self.total, self.xml = path, total, xml
        self.used_total = self.used_xml = 0

    def spend(self, n: int, xml: bool, name: str) -> None:
        self.used_total += n
        if xml:
            self.used_xml += n
        if self.used_total > self.total:
            raise KehoachError(
                self.path, "zip_bomb", detail=f"{name}: more than {limits.size_text(self.total)} uncompressed in all"
            )
        if xml and self.used_xml > self.xml:
            raise KehoachError(
                self.path, "zip_bomb", detail=f"{name}: more than {limits.size_text(self.xml)} of XML uncompressed"
            )


_CHUNK = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")


def inflate(raw: BinaryIO, info: zipfile.ZipInfo, budget: _Budget, keep: bool = False) -> bytes:
    """Inflate one member from the raw file, counting every byte against `budget` as it comes
    (zlib with max_length: a stream never yields more than one chunk past the budget).
    Returns the content when `keep`, else b"" (the member is only measured and checked)."""
    name = info.filename
    if info.flag_bits & 0x1:
        raise KehoachError(budget.path, "bad_docx", error=f"{name} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise KehoachError(budget.path, "bad_docx", error=f"{name}: unsupported compression {info.compress_type}")
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise KehoachError(budget.path, "bad_docx", error=f"{name}: bad local header")
    fields = _LOCAL_HEADER.unpack(header)
    raw.seek(fields[-2] + fields[-1], io.SEEK_CUR)  # file name and extra field
    left = info.compress_size
    out: list[bytes] = []
    size, crc = 0, 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None

    def take(piece: bytes) -> None:
        nonlocal size, crc
        if not piece:
            return
        size += len(piece)
        budget.spend(len(piece), keep, name)
        crc = zlib.crc32(piece, crc)
        if keep:
            out.append(piece)

    while left > 0 or (inflater is not None and inflater.unconsumed_tail):
        chunk = raw.read(min(_CHUNK, left)) if left > 0 else b""
        left -= len(chunk)
        if not chunk and left > 0:
            raise KehoachError(budget.path, "bad_docx", error=f"{name}: the file is cut short")
        if inflater is None:
            take(chunk)
            continue
        data = inflater.unconsumed_tail + chunk
        while data:
            take(inflater.decompress(data, _CHUNK))
            data = inflater.unconsumed_tail
            if inflater.eof:
                break
        if inflater.eof:
            break
        if not chunk:
            break
    if inflater is not None:
        take(inflater.flush())
        if not inflater.eof:
            raise KehoachError(budget.path, "bad_docx", error=f"{name} is damaged (deflate stream cut short)")
    if size != info.file_size:
        raise KehoachError(
            budget.path, "bad_docx", error=f"{name} is damaged ({size} bytes, the header says {info.file_size})"
        )
    if crc != info.CRC:
        raise KehoachError(budget.path, "bad_docx", error=f"{name} is damaged (CRC check failed)")
    return b"".join(out)


def as_utf8(data: bytes, path: str, name: str) -> bytes:
    """An XML part's bytes re-encoded as UTF-8 (per its BOM, NUL pattern or declaration), so a
    DOCTYPE written in UTF-16 or UTF-32 is seen; refuses an encoding Python does not know."""
    codec = xml_encoding(data[:256])
    if codec in ("utf-8", None):
        return data
    try:
        return data.decode(codec, errors="replace").encode("utf-8")
    except LookupError:
        raise KehoachError(path, "bad_docx", error=f"{name}: unknown XML encoding {codec}") from None


_XML_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_XML_WIDE = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def xml_encoding(head: bytes) -> str | None:
    """The encoding of an XML document from its first bytes (XML 1.0 appendix F), or None
    when it says nothing (UTF-8)."""
    for bom, codec in _XML_BOMS:
        if head.startswith(bom):
            return codec
    for start, codec in _XML_WIDE:
        if head.startswith(start):
            return codec
    m = re.match(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']", head)
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return declared


def declares_dtd(stream, chunk: int = 65536) -> bool:
    """True when an XML prolog holds a <!DOCTYPE> (entities: external, "billion laughs").

    Only the prolog can declare one, but it may be padded with comments and processing
    instructions of any length, so they are skipped (streamed, not kept) instead of
    looking at a fixed number of leading bytes.
    """
    buf, pos, eof = b"", 0, False

    def fill(n: int) -> None:  # make n bytes from pos available, if the data has them
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
        head = buf[pos : pos + 9]
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
            pos = max(pos, len(buf) - len(mark) + 1)  # the mark may straddle two reads
            fill(len(buf) - pos + 1)


def repaired(path: Path) -> tuple[io.BytesIO, list[str]]:
    """The package rebuilt in memory with every XML part that is not well-formed replaced by
    what lxml's recovering parser reads of it (no DTD, no entities, no network), and one
    note per repaired part. Call after `check` (sizes and DTDs already vetted). Raises
    KehoachError when a part yields nothing at all."""
    from lxml import etree

    from .xmlparts import RECOVER as recover
    from .xmlparts import SAFE as strict

    notes: list[str] = []
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            data = src.read(info)
            if _is_xml(info.filename):
                try:
                    etree.fromstring(data, strict)
                except etree.XMLSyntaxError as exc:
                    if _over_limit(exc):  # a parser limit (depth, size), not damage: refuse
                        raise KehoachError(
                            str(path), "bad_docx", error=f"{info.filename}: {_first_line(exc)}"
                        ) from None
                    root = _recovered(data, recover)
                    if root is None:
                        raise KehoachError(
                            str(path), "bad_docx", error=f"{info.filename}: {_first_line(exc)}"
                        ) from None
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                    notes.append(
                        f"docx: {info.filename} is not well-formed XML ({_first_line(exc)}); "
                        "read what could be recovered, as Word's repair does — check the text near that place"
                    )
            dst.writestr(info, data)
    out.seek(0)
    return out, notes


def _recovered(data: bytes, recover):
    """What the recovering parser reads of a damaged part, or None. A damaged start (a NUL
    byte before or in place of the XML declaration's "<") makes libxml2 see an empty document
    even in recovery: the NULs are dropped, then the bytes before the first tag, and the part
    read again."""
    from lxml import etree

    clean = data.replace(b"\x00", b"")
    first_tag = clean.find(b"<")
    for attempt in (data, clean, clean[first_tag:] if first_tag > 0 else b""):
        if not attempt:
            continue
        try:
            root = etree.fromstring(attempt, recover)
        except etree.XMLSyntaxError:
            continue
        if root is not None:
            return root
    return None


def _over_limit(exc: BaseException) -> bool:
    text = str(exc)
    return any(k in text for k in ("Excessive depth", "XML_PARSE_HUGE", "Huge input", "huge"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:120]
