"""Word 97-2003 .doc files (kehoach.parsers.doc), converted by LibreOffice headless.

The real file is the Lâm Đồng draft plan on drug-free communes (TTr 196), a legacy .doc
with its tasks written in prose, per agency.
"""

from __future__ import annotations

import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from kehoach.errors import KehoachError
from kehoach.parsers import load
from kehoach.parsers.doc import soffice as doc_parser

HERE = Path(__file__).resolve().parent
REALDOCS = _REALDOCS
KMT = REALDOCS / "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr196.doc"

needs_soffice = pytest.mark.skipif(
    doc_parser.soffice_binary() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
)
needs_doc = pytest.mark.skipif(not KMT.exists(), reason=missing(REALDOCS))


def compound_file(names: list[str]) -> bytes:
    """A minimal OLE2 compound file whose directory lists `names` (streams left empty)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)  # directory starts in sector 1
    struct.pack_into("<I", header, 0x38, 4096)
    struct.pack_into("<II", header, 0x3C, 0xFFFFFFFE, 0)
    struct.pack_into("<II", header, 0x44, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * (sector // 4 - 2)
    fat_sector = struct.pack(f"<{sector // 4}I", *fat)
    entries = bytearray()
    for i, name in enumerate(["Root Entry"] + names):
        entry = bytearray(128)
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry[0 : len(raw)] = raw
        struct.pack_into("<H", entry, 0x40, len(raw))
        entry[0x42] = 5 if i == 0 else 2
        struct.pack_into("<III", entry, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, 1 if i == 0 else 0xFFFFFFFF)
        entries += entry
    entries += bytes(sector - len(entries) % sector) if len(entries) % sector else b""
    return bytes(header) + fat_sector + bytes(entries[:sector])


def test_ole_directory_reader():
    data = compound_file(["EncryptionInfo", "EncryptedPackage"])
    assert doc_parser.ole_stream_names(data) == ["Root Entry", "EncryptionInfo", "EncryptedPackage"]
    assert doc_parser.ole_stream_names(b"PK\x03\x04" + bytes(600)) == []


def test_encrypted_docx_in_ole_wrapper(tmp_path: Path):
    path = tmp_path / "protected.docx"
    path.write_bytes(compound_file(["EncryptionInfo", "EncryptedPackage"]))
    with pytest.raises(KehoachError) as info:
        load(path)
    assert info.value.reason == "encrypted_docx"
    assert str(path) in info.value.message()


def test_not_a_word_file(tmp_path: Path):
    path = tmp_path / "notes.doc"
    path.write_bytes(b"just some text, not a Word file\n" * 20)
    with pytest.raises(KehoachError) as info:
        load(path)
    assert info.value.reason == "bad_doc"


def test_missing_libreoffice_is_one_clear_error(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("KEHOACH_SOFFICE", str(tmp_path / "no-soffice"))
    path = tmp_path / "plan.doc"
    path.write_bytes(compound_file(["WordDocument", "1Table"]))
    with pytest.raises(KehoachError) as info:
        load(path)
    assert info.value.reason == "no_soffice"
    assert "libreoffice-writer" in info.value.message("en")


@needs_soffice
def test_broken_doc_is_reported_not_crashed(tmp_path: Path):
    path = tmp_path / "broken.doc"
    path.write_bytes(compound_file(["WordDocument"]))
    with pytest.raises(KehoachError) as info:
        load(path)
    assert info.value.reason in ("bad_doc", "no_text", "bad_docx")
    assert str(path) in info.value.message()


@pytest.fixture(scope="module")
def kmt_plan():
    from kehoach import api

    return api.parse(KMT)  # one conversion for the tests below (plan.document holds the blocks)


@needs_soffice
@needs_doc
def test_real_doc_parses_to_blocks(kmt_plan):
    document = kmt_plan.document
    assert document.source.format == "doc"
    assert document.source.path == str(KMT)
    assert "converted:libreoffice" in document.source.notes
    texts = [p.text for p in document.paragraphs]
    assert "ỦY BAN NHÂN DÂN" in texts and "TỈNH LÂM ĐỒNG" in texts
    assert "Số: /KH-UBND" in texts  # an unsigned draft: the number is blank
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Lâm Đồng, ngày tháng 3 năm 2026" in texts
    assert "KẾ HOẠCH" in texts
    assert "Tăng cường công tác đấu tranh phòng, chống ma túy" in texts
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "III. GIẢI PHÁP THỰC HIỆN VÀ PHÂN CÔNG NHIỆM VỤ" in texts
    assert len(document.paragraphs) > 100


@needs_soffice
@needs_doc
def test_real_doc_plan_header(kmt_plan):
    plan = kmt_plan
    header = plan.header
    assert header.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert header.number is None and header.number_raw == "/KH-UBND"
    assert header.date_partial == "2026-03"
    assert header.doc_type == "KẾ HOẠCH"
    assert header.title == (
        "Tăng cường công tác đấu tranh phòng, chống ma túy và xây dựng xã, phường, đặc khu không ma túy năm 2026"
    )
    assert header.signer.name == "Nguyễn Minh"
    assert plan.tasks, "tasks written per agency in prose"


@needs_soffice
@needs_doc
def test_parallel_conversions_do_not_collide(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("KEHOACH_DOC_CACHE", raising=False)  # two LibreOffice runs, not one
    copies = []
    for i in range(2):
        target = tmp_path / f"copy{i}.doc"
        target.write_bytes(KMT.read_bytes())
        copies.append(target)
    with ThreadPoolExecutor(max_workers=2) as pool:
        documents = list(pool.map(load, copies))
    assert [len(d.paragraphs) for d in documents] == [len(documents[0].paragraphs)] * 2
    assert all(d.source.path == str(c) for d, c in zip(documents, copies, strict=True))


# ---------------------------------------------------------------- pages (Word's count, LibreOffice's layout)

from kehoach.blocks import Document, Paragraph, Provenance  # noqa: E402
from kehoach.parsers.doc import ole  # noqa: E402
from kehoach.parsers.doc import pages as doc_pages  # noqa: E402

END, FREE = 0xFFFFFFFE, 0xFFFFFFFF


def summary_stream(pages: int) -> bytes:
    """A SummaryInformation property set holding only PIDSI_PAGECOUNT = `pages` (VT_I4)."""
    section = struct.pack("<II", 24, 1) + struct.pack("<II", ole.PIDSI_PAGECOUNT, 16) + struct.pack("<Ii", 3, pages)
    return (
        struct.pack("<HHI", 0xFFFE, 0, 0)
        + bytes(16)
        + struct.pack("<I", 1)
        + bytes(16)
        + struct.pack("<I", 48)
        + section
    )


def compound_with_summary(pages: int, big: bool) -> bytes:
    """A compound file whose "\\x05SummaryInformation" stream says `pages`: in the mini
    stream (the usual case, under 4096 bytes) or, padded, in regular sectors."""
    size = 512
    stream = summary_stream(pages)
    if big:
        stream += bytes(4200 - len(stream))
    data_sectors = -(-len(stream) // size) if big else 1  # a 512-byte mini-stream container
    fat = [0xFFFFFFFD, END, END] + [4 + i if i < data_sectors - 1 else END for i in range(data_sectors)]
    fat += [FREE] * (size // 4 - len(fat))
    minifat = [1, END] + [FREE] * (size // 4 - 2)
    header = bytearray(size)
    header[0:8] = ole.MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIII", header, 0x2C, 1, 1, 0, 4096, 2, 1, END)
    struct.pack_into("<109I", header, 0x4C, 0, *[FREE] * 108)

    def entry(name: str, kind: int, start: int, length: int) -> bytes:
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e[0 : len(raw)] = raw
        struct.pack_into("<HB", e, 0x40, len(raw), kind)
        struct.pack_into("<III", e, 0x44, FREE, FREE, 1 if kind == 5 else FREE)
        struct.pack_into("<II", e, 0x74, start, length)
        return bytes(e)

    root = entry("Root Entry", 5, END if big else 3, 0 if big else 128)
    summary = entry("\x05SummaryInformation", 2, 3 if big else 0, len(stream))
    directory = (root + summary).ljust(size, b"\x00")
    body = stream.ljust(data_sectors * size, b"\x00")
    return (
        bytes(header) + struct.pack(f"<{size // 4}I", *fat) + directory + struct.pack(f"<{size // 4}I", *minifat) + body
    )


@pytest.mark.parametrize("big", [False, True])
def test_word_page_count_from_the_summary_information(big: bool):
    data = compound_with_summary(14, big)
    assert ole.stream_names(data) == ["Root Entry", "\x05SummaryInformation"]
    assert ole.summary_page_count(data) == 14
    assert ole.summary_page_count(compound_with_summary(0, big)) is None  # 0 says nothing
    assert ole.summary_page_count(compound_file(["WordDocument"])) is None  # no summary stream
    assert ole.summary_page_count(data[:700]) is None  # cut short: no answer, no error


def test_block_pages_are_placed_in_the_rendered_layout_and_scaled_to_word_pages():
    paras = [
        "KẾ HOẠCH phòng, chống ma túy năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU của kế hoạch",
        "1. Công an tỉnh chủ trì, phối hợp với các sở",
        "text LibreOffice never drew",
        "2. Sở Y tế tổ chức cai nghiện ma túy",
        "Nơi nhận: như trên",
    ]
    document = Document(blocks=[Paragraph(text=t, prov=Provenance(page=1, page_approx=True)) for t in paras])
    # LibreOffice's substitute fonts fill four pages where Word filled two
    rendered = [
        doc_pages._norm(" ".join(paras[0:2])),
        doc_pages._norm(paras[2]),
        doc_pages._norm(paras[4]) + "3",
        doc_pages._norm(paras[5]),
    ]
    found = doc_pages.assign_pages(document, rendered, word_pages=2)
    assert found == 5
    assert [b.prov.page for b in document.blocks] == [1, 1, 1, 1, 2, 2]  # the block not found keeps the page before
    assert all(b.prov.page_approx for b in document.blocks)
    found = doc_pages.assign_pages(document, rendered, word_pages=None)  # no count from Word: the layout's own
    assert [b.prov.page for b in document.blocks] == [1, 1, 2, 2, 3, 4]


def test_blocks_are_placed_when_a_fallback_font_drew_the_vietnamese_letters_apart():
    """Where the substitute for Times New Roman lacks "ậ", "ụ" … LibreOffice draws them from a
    fallback font later in the page's text ("LUN…Ậ"): the blocks are then found by their ASCII
    letters and digits, which keep their order, not all left on page 1."""
    paras = [
        "KẾ HOẠCH phòng, chống ma túy năm 2026 của Ủy ban nhân dân tỉnh",
        "I. MỤC ĐÍCH, YÊU CẦU của kế hoạch triển khai thực hiện",
        "1. Công an tỉnh chủ trì, phối hợp với các sở, ban, ngành liên quan",
        "2. Sở Y tế tổ chức cai nghiện ma túy tại cộng đồng, gia đình",
    ]
    document = Document(blocks=[Paragraph(text=t, prov=Provenance(page=1, page_approx=True)) for t in paras])

    def drawn_apart(text: str) -> str:  # the page's text: the fallback font's letters come last
        key = doc_pages._norm(text)
        return "".join(c for c in key if c.isascii()) + "".join(c for c in key if not c.isascii())

    rendered = [drawn_apart(" ".join(paras[0:2])), drawn_apart(" ".join(paras[2:4]))]
    found = doc_pages.assign_pages(document, rendered, word_pages=2)
    assert found == 4
    assert [b.prov.page for b in document.blocks] == [1, 1, 2, 2]


REAL_DOCS = sorted(REALDOCS.glob("*.doc"))


@needs_soffice
@pytest.mark.skipif(not REAL_DOCS, reason=missing(REALDOCS))
@pytest.mark.parametrize("path", REAL_DOCS, ids=lambda p: p.name)
def test_real_doc_pages_are_words_count_and_tasks_spread_over_them(path: Path):
    from kehoach import api

    plan = api.parse(path)
    word_pages = ole.summary_page_count(path.read_bytes())
    assert plan.source.pages == word_pages or plan.source.pages is None
    if word_pages:
        assert plan.source.pages_approx is False
    pages = [t.location.page for t in plan.tasks if t.location]
    assert all(p is None or 1 <= p <= (plan.source.pages or 0) for p in pages)
    known = [p for p in pages if p is not None]
    if plan.source.pages and plan.source.pages > 1 and known:
        assert set(known) != {1}, "every task on page 1 of a multi-page plan"
        if len(known) >= 5:
            assert len(set(known)) > 1, f"every task on page {set(known)}"
        # tasks come in document order: their pages never go back
        assert known == sorted(known)


@needs_soffice
@pytest.mark.skipif(not REAL_DOCS, reason=missing(REALDOCS))
def test_without_a_layout_block_pages_are_unknown_not_page_1(monkeypatch):
    """LibreOffice could not lay the file out as PDF: Word's count stays, block pages are null."""
    path = min(REAL_DOCS, key=lambda p: p.stat().st_size)
    real_convert = doc_parser.convert

    def no_pdf(source, workdir, target, suffix, timeout=doc_parser.TIMEOUT_S):
        if suffix == "pdf":
            raise KehoachError(str(source), "bad_doc", error="no PDF")
        return real_convert(source, workdir, target, suffix, timeout)

    monkeypatch.setattr(doc_parser, "convert", no_pdf)
    document = load(path)
    assert document.source.pages == ole.summary_page_count(path.read_bytes())
    assert all(p.prov.page is None for p in document.paragraphs)
    assert any(n.startswith("doc: no page layout from LibreOffice") for n in document.source.notes)
