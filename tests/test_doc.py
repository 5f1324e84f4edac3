"""Word 97-2003 .doc files (kehoach.parsers.doc), converted by LibreOffice headless.

The real file is the Lâm Đồng draft plan on drug-free communes (TTr 196), a legacy .doc
with its tasks written in prose, per agency.
"""
from __future__ import annotations

import os
import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import REALDOCS as _REALDOCS, missing

from kehoach.errors import KehoachError
from kehoach.parsers import doc as doc_parser
from kehoach.parsers import load

HERE = Path(__file__).resolve().parent
REALDOCS = _REALDOCS
KMT = REALDOCS / "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr196.doc"

needs_soffice = pytest.mark.skipif(doc_parser.soffice_binary() is None,
                                   reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
needs_doc = pytest.mark.skipif(not KMT.exists(), reason=missing(REALDOCS))


def compound_file(names: list[str]) -> bytes:
    """A minimal OLE2 compound file whose directory lists `names` (streams left empty)."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)             # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)             # directory starts in sector 1
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
        entry[0:len(raw)] = raw
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

    return api.parse(KMT)      # one conversion for the tests below (plan.document holds the blocks)


@needs_soffice
@needs_doc
def test_real_doc_parses_to_blocks(kmt_plan):
    document = kmt_plan.document
    assert document.source.format == "doc"
    assert document.source.path == str(KMT)
    assert "converted:libreoffice" in document.source.notes
    texts = [p.text for p in document.paragraphs]
    assert "ỦY BAN NHÂN DÂN" in texts and "TỈNH LÂM ĐỒNG" in texts
    assert "Số: /KH-UBND" in texts                      # an unsigned draft: the number is blank
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
    assert header.title == ("Tăng cường công tác đấu tranh phòng, chống ma túy và xây dựng xã, phường, "
                            "đặc khu không ma túy năm 2026")
    assert header.signer.name == "Nguyễn Minh"
    assert plan.tasks, "tasks written per agency in prose"


@needs_soffice
@needs_doc
def test_parallel_conversions_do_not_collide(tmp_path: Path):
    copies = []
    for i in range(2):
        target = tmp_path / f"copy{i}.doc"
        target.write_bytes(KMT.read_bytes())
        copies.append(target)
    with ThreadPoolExecutor(max_workers=2) as pool:
        documents = list(pool.map(load, copies))
    assert [len(d.paragraphs) for d in documents] == [len(documents[0].paragraphs)] * 2
    assert all(d.source.path == str(c) for d, c in zip(documents, copies))
