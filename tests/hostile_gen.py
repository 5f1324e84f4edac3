"""Builders of hostile inputs for `test_hostile_resources.py` (nothing large is committed).

Each builder returns the file's bytes; big ones are built from repeated compressed chunks
so that making a stream that inflates to a gigabyte takes a second, not a minute.
"""

from __future__ import annotations

import io
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'
PLAN_LINES = (
    "ỦY BAN NHÂN DÂN TỈNH A",
    "KẾ HOẠCH",
    "Triển khai nhiệm vụ chuyển đổi số năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích: nâng cao chất lượng phục vụ người dân.",
    "II. NHIỆM VỤ",
    "1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý I năm 2026.",
)

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/>'
    b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.numbering+xml"/></Types>'
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'numbering" Target="numbering.xml"/></Relationships>'
)
EMPTY_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
)


# ---------------------------------------------------------------- text


def plan_text(repeat: int = 1) -> str:
    return "\n".join(PLAN_LINES * repeat) + "\n"


# ---------------------------------------------------------------- DOCX


def paragraphs_xml(lines: tuple[str, ...] = PLAN_LINES, numbered: int = 0) -> str:
    """Body paragraphs; the first `numbered` of them carry list numbering (numId 1)."""
    out = []
    for i, line in enumerate(lines):
        num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if i < numbered else ""
        out.append(f'<w:p>{num}<w:r><w:t xml:space="preserve">{_esc(line)}</w:t></w:r></w:p>')
    return "".join(out)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_xml(body: str, prolog: str = "", encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>{prolog}'
        f"<w:document {W}><w:body>{body}</w:body></w:document>"
    )


def numbering_xml(start: str, fmt: str, override: str | None = None) -> bytes:
    over = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>' if override else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{over}</w:num></w:numbering>'
    ).encode()


def docx_package(
    document: bytes,
    numbering: bytes | None = None,
    extra: dict[str, bytes] | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A minimal but complete WordprocessingML package."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS if numbering is not None else EMPTY_RELS)
        zf.writestr("word/document.xml", document)
        if numbering is not None:
            zf.writestr("word/numbering.xml", numbering)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def plan_docx() -> bytes:
    return docx_package(document_xml(paragraphs_xml()).encode())


def numbering_docx(start: str, fmt: str, override: str | None = None, paragraphs: int = 3) -> bytes:
    """Numbered paragraphs whose list starts at `start` (any string: 2^63, -5, 10^5000 …)."""
    return docx_package(document_xml(paragraphs_xml(numbered=paragraphs)).encode(), numbering_xml(start, fmt, override))


def gridspan_docx(span: str) -> bytes:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>Sở Nội vụ</w:t></w:r></w:p></w:tc>'
    table = f"<w:tbl><w:tr>{cell}<w:tc><w:p><w:r><w:t>Quý I</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    return docx_package(document_xml(paragraphs_xml() + table).encode())


def incompressible_xml_docx(megabytes: int) -> bytes:
    """A document.xml of `megabytes` MB that deflates only ~2-3x (varied words)."""
    import random

    rng = random.Random(11)
    words = [
        bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(2, 9)))
        for _ in range(3000)
    ]
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    tail = b"</w:body></w:document>"
    target = megabytes << 20
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            written = len(head)
            para = b"<w:p><w:r><w:t>" + b" ".join(rng.choice(words) for _ in range(200)) + b"</w:t></w:r></w:p>"
            block = (
                b"".join(
                    b"<w:p><w:r><w:t>" + b" ".join(rng.choice(words) for _ in range(200)) + b"</w:t></w:r></w:p>"
                    for _ in range(400)
                )
                or para
            )
            while written < target:
                fh.write(block)
                written += len(block)
            fh.write(tail)
    return out.getvalue()


def lying_member_docx(claimed: int, actual: int, name: str = "word/document.xml") -> bytes:
    """A plan package whose member `name` has headers claiming `claimed` bytes while its
    deflate stream holds `actual` bytes (the plan's XML, then spaces); the CRC is that of
    the first `claimed` bytes, as if the headers were honest about a shorter member."""
    xml = document_xml(paragraphs_xml()).encode() if name == "word/document.xml" else b"\x89PNG" + b"\0" * 60
    xml = xml[:actual]
    comp = zlib.compressobj(1, zlib.DEFLATED, -15)
    parts = [comp.compress(xml)]
    crc, seen = zlib.crc32(xml[:claimed]), min(len(xml), claimed)
    left = actual - len(xml)
    chunk = b" " * (1 << 22)
    while left > 0:
        piece = chunk[: min(left, len(chunk))]
        parts.append(comp.compress(piece))
        if seen < claimed:
            crc = zlib.crc32(piece[: claimed - seen], crc)
            seen += min(len(piece), claimed - seen)
        left -= len(piece)
    parts.append(comp.flush())
    base = (
        plan_docx()
        if name == "word/document.xml"
        else docx_package(document_xml(paragraphs_xml()).encode(), extra={name: b"\x89PNG" + b"\0" * 60})
    )
    return _swap_member(base, name, b"".join(parts), claimed, crc)


def _swap_member(package: bytes, name: str, stream: bytes, size: int, crc: int) -> bytes:
    """Rewrite `package` with member `name` replaced by the raw deflate `stream`, its local
    and central headers saying `size` and `crc` (whatever the stream really holds)."""
    import struct

    src = zipfile.ZipFile(io.BytesIO(package))
    out = bytearray()
    central = bytearray()
    for info in src.infolist():
        if info.filename == name:
            raw, usize, ucrc = stream, size, crc
        else:
            raw = _raw_member(package, info)
            usize, ucrc = info.file_size, info.CRC
        fname = info.filename.encode()
        offset = len(out)
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0, ucrc, len(raw), usize, len(fname), 0)
        out += fname + raw
        central += struct.pack(
            "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, ucrc, len(raw), usize, len(fname), 0, 0, 0, 0, 0, offset
        )
        central += fname
    start = len(out)
    count = len(src.infolist())
    out += central
    out += struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def _raw_member(package: bytes, info: zipfile.ZipInfo) -> bytes:
    """The member's data re-deflated raw (whatever method it was stored with)."""
    data = zipfile.ZipFile(io.BytesIO(package)).read(info)
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def dtd_docx(codec: str, bom: bool = True) -> bytes:
    """An XXE document.xml encoded in UTF-16/UTF-32 (`codec` like "utf-16-le"), with or
    without a byte-order mark."""
    label = codec[:6].upper()  # "UTF-16" / "UTF-32"
    xml = document_xml(
        "<w:p><w:r><w:t>KẾ HOẠCH &x;</w:t></w:r></w:p>",
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        encoding=label,
    )
    return docx_package(("\ufeff" if bom else "").encode(codec) + xml.encode(codec))


def flipped_byte_docx() -> bytes:
    """A plan whose document.xml has one byte flipped inside a tag (not well-formed any more)."""
    xml = document_xml(paragraphs_xml()).encode()
    at = xml.index(b"</w:t>", len(xml) // 2)
    damaged = xml[: at + 2] + b"\x01" + xml[at + 3 :]  # "</w:t>" -> "</w\x01t>"
    return docx_package(damaged)


def crc_damaged_docx() -> bytes:
    """A plan whose stored (uncompressed) document.xml has one byte changed after the CRC was written."""
    data = bytearray(docx_package(document_xml(paragraphs_xml()).encode(), method=zipfile.ZIP_STORED))
    at = data.index("Triển khai".encode())
    data[at] ^= 0x20
    return bytes(data)


# ---------------------------------------------------------------- PDF


def pdf_objects(objects: list[bytes], root: int | None = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    root_ref = b" /Root %d 0 R" % root if root else b""
    out += b"trailer\n<< /Size %d%s%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root_ref, trailer_extra, xref)
    return bytes(out)


def stream_obj(data: bytes, flate: bool = False) -> bytes:
    filt = b"/Filter /FlateDecode " if flate else b""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), filt) + data + b"\nendstream"


def pdf_pages(contents: list[bytes], flate: bool = False) -> bytes:
    """One page per content stream, Helvetica as /F1 (streams given already compressed when `flate`)."""
    n = len(contents)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)) + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(stream_obj(content, flate))
    return pdf_objects(objects)


def signed_pdf(page: bytes, stamp: bytes, rect: tuple[int, int, int, int], widget: bytes = b"/T (Signature2)") -> bytes:
    """One Helvetica page with a signature widget at `rect` whose appearance draws `stamp`.

    `widget` adds entries to the widget dictionary (its name, its flags: /F 132 is print+locked).
    """
    appearance = b"BT /F1 12 Tf 2 4 Td (" + stamp + b") Tj ET"
    x0, y0, x1, y1 = rect
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 5 0 R /Annots [6 0 R] >>",
            stream_obj(page),
            b"<< /Type /Annot /Subtype /Widget /FT /Sig %s /P 4 0 R /Rect [%d %d %d %d] /AP << /N 7 0 R >> >>"
            % (widget, x0, y0, x1, y1),
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> /Length %d >>"
            b"\nstream\n%s\nendstream" % (x1 - x0, y1 - y0, len(appearance), appearance),
        ]
    )


def text_page(number: int = 1, lines: int = 40) -> bytes:
    """A page of plan text: a heading, then numbered tasks (about 3,000 glyphs for 40 lines)."""
    rows = [b"(KE HOACH) Tj 0 -18 Td (II. NHIEM VU) Tj 0 -18 Td"]
    rows += [
        b"(%d. So Noi vu chu tri ra soat thu tuc hanh chinh trang %d, thoi gian Quy I nam 2026.) Tj 0 -18 Td"
        % (k + 1, number)
        for k in range(lines - 2)
    ]
    return b"BT /F1 10 Tf 50 800 Td " + b" ".join(rows) + b" ET"


def plan_pdf(pages: int = 2) -> bytes:
    return pdf_pages([text_page(i + 1) for i in range(pages)])


def flate_bomb_pdf(size: int) -> bytes:
    """Page 1 is a plan page; page 2's content stream is `size` bytes of spaces, deflated."""
    return pdf_pages([zlib.compress(text_page(1)), spaces_deflated(size)], flate=True)


def spaces_deflated(size: int) -> bytes:
    """A zlib stream of `size` spaces (a PDF content stream of nothing but whitespace)."""
    comp = zlib.compressobj(1)
    chunk = b" " * (1 << 22)
    full, rest = divmod(size, len(chunk))
    return b"".join(comp.compress(chunk) for _ in range(full)) + comp.compress(chunk[:rest]) + comp.flush()


def path_ops_pdf(operators: int) -> bytes:
    """Page 1 a plan page; page 2 holds `operators` path operators (moveto/lineto, then one stroke)."""
    unit = b"10 10 m 20 20 l\n"  # two operators, six tokens
    block = unit * 65536
    comp = zlib.compressobj(9)
    full, rest = divmod(operators // 2, 65536)
    data = b"".join(comp.compress(block) for _ in range(full)) + comp.compress(unit * rest) + comp.compress(b"S\n")
    data += comp.flush()
    return pdf_pages([zlib.compress(text_page(1)), data], flate=True)


def rect_ops_pdf(rects: int) -> bytes:
    """Page 1 a plan page; page 2 fills `rects` little rectangles (each kept as a shape)."""
    unit = b"10 10 5 5 re f\n"
    comp = zlib.compressobj(9)
    data = comp.compress(unit * rects) + comp.flush()
    return pdf_pages([zlib.compress(text_page(1)), data], flate=True)


def long_line_pdf(items: int) -> bytes:
    """Page 1 a plan page; page 2 one line of `items` separately drawn words."""
    words = b" ".join(b"(%d) Tj 1 0 Td" % (i % 10) for i in range(items))
    return pdf_pages([text_page(1), b"BT /F1 1 Tf 10 400 Td " + words + b" ET"])


def pages_pdf(pages: int, lines: int = 40) -> bytes:
    """`pages` full pages of text (one content stream shared by all: the file stays small)."""
    content = zlib.compress(text_page(1, lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_obj(content, flate=True),
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 4 0 R >>"
        )
    return pdf_objects(objects)


def no_pages_pdf() -> bytes:
    return pdf_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def no_root_pdf() -> bytes:
    """A plan page whose trailer names no /Root (the catalog is there, unreferenced)."""
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 5 0 R >>",
            stream_obj(text_page(1)),
        ],
        root=None,
    )


def no_root_no_pages_pdf() -> bytes:
    """Neither a /Root nor any page: nothing to read at all."""
    return pdf_objects([b"<< /Producer (x) >>"], root=None)


def page_loop_pdf() -> bytes:
    """A page tree whose Pages node lists itself (and its parent) as kids."""
    return pdf_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        ]
    )


def grid_pdf(n: int) -> bytes:
    """Page 1 a plan page; page 2 ruled by an n x n grid of lines over a page of text."""
    lines = b"".join(
        b"%.2f 50 m %.2f 800 l S 20 %.2f m 580 %.2f l S "
        % (20 + i * 560 / n, 20 + i * 560 / n, 50 + i * 750 / n, 50 + i * 750 / n)
        for i in range(n)
    )
    return pdf_pages([text_page(1), lines + text_page(2)])


def corrupt_stream_pdf() -> bytes:
    """Page 1 a plan page; page 2's deflated content stream lost its last bytes (pdfminer
    recovers what it can and logs a warning, which must not reach the user's terminal)."""
    data = zlib.compress(text_page(2))
    return pdf_pages([zlib.compress(text_page(1)), data[:-12]], flate=True)


def cut_member_docx() -> bytes:
    """A plan package whose document.xml deflate stream stops halfway (headers intact)."""
    xml = document_xml(paragraphs_xml() * 1).encode()
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    stream = comp.compress(xml) + comp.flush()
    return _swap_member(plan_docx(), "word/document.xml", stream[: len(stream) // 2], len(xml), zlib.crc32(xml))
