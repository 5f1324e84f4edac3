"""The DOCX package reader (parsers/docx/package.py) reads what python-docx reads.

The direct reader (zipfile + lxml, no python-docx) is the fast path; python-docx opens only an
unusual package. Both must give the same blocks: every focused fixture, generated fixture and
realdocs DOCX is parsed both ways and compared block for block.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import REALDOCS, missing
from kehoach.blocks import Paragraph
from kehoach.parsers.docx import package as docx_package
from kehoach.parsers.docx import parse

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docx"


def _both_ways(path: Path, monkeypatch: pytest.MonkeyPatch):
    direct = parse(path)
    with monkeypatch.context() as m:
        m.setattr(docx_package, "read", lambda source, wanted, inflated=None: None)  # python-docx opens it
        via_python_docx = parse(path)
    return direct, via_python_docx


def test_direct_reader_equals_python_docx_on_the_fixtures(monkeypatch: pytest.MonkeyPatch):
    files = sorted(FIXTURES.rglob("*.docx"))
    assert len(files) > 20
    for path in files:
        assert docx_package.read(path, ("/theme1.xml",)) is not None, path.name  # the fast path reads them all
        direct, slow = _both_ways(path, monkeypatch)
        assert direct == slow, path.name


@pytest.mark.skipif(not REALDOCS.is_dir(), reason=missing(REALDOCS))
def test_direct_reader_equals_python_docx_on_the_realdocs(monkeypatch: pytest.MonkeyPatch):
    files = sorted(REALDOCS.glob("*.docx"))
    for path in files:
        direct, slow = _both_ways(path, monkeypatch)
        assert direct == slow, path.name
        assert direct.source.pages == slow.source.pages and direct.source.default_font == slow.source.default_font


def _minimal(path: Path, styles: bool) -> None:
    """A package of one paragraph, with or without a styles part."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    doc_rels = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}styles" Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{ct}document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{ct}styles+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>',
        )
        if styles:
            z.writestr("word/_rels/document.xml.rels", doc_rels)
            z.writestr(
                "word/styles.xml",
                f'<w:styles xmlns:w="{w}"><w:docDefaults><w:rPrDefault><w:rPr>'
                '<w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
                "</w:styles>",
            )


def test_a_package_without_styles_is_read_by_python_docx(tmp_path: Path):
    """No styles part: python-docx supplies its default styles, so it reads that package."""
    bare, styled = tmp_path / "bare.docx", tmp_path / "styled.docx"
    _minimal(bare, styles=False)
    _minimal(styled, styles=True)
    assert docx_package.read(bare, ()) is None
    assert docx_package.read(styled, ()) is not None
    for path in (bare, styled):
        doc = parse(path)
        assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["KẾ HOẠCH"]
    assert parse(styled).source.default_font == "Times New Roman" and parse(styled).source.default_font_size == 14
    assert parse(bare).source.default_font_size is not None  # from python-docx's default styles


def test_part_xml_finds_parts_by_name_ending(tmp_path: Path):
    path = tmp_path / "styled.docx"
    _minimal(path, styles=True)
    parts = docx_package.read(path, ())
    assert parts is not None and parts.body is not None
    assert parts.part_xml("/document.xml") is parts.root
    assert parts.part_xml("/theme1.xml") is None  # no such part


def test_xml_parts_are_inflated_once(monkeypatch: pytest.MonkeyPatch):
    """`container.check` inflates every XML member to vet it; the reader parses those bytes
    instead of asking the zip for them again."""
    real = zipfile.ZipFile.read
    asked: list[str] = []

    def spy(self, name, pwd=None):
        asked.append(name if isinstance(name, str) else name.filename)
        return real(self, name, pwd)

    monkeypatch.setattr(zipfile.ZipFile, "read", spy)
    docs = sorted(FIXTURES.glob("*.docx"))
    assert docs
    for path in docs:
        parse(path)
    assert not [n for n in asked if n.endswith((".xml", ".rels"))], asked[:5]
