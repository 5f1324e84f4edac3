"""Glyph texts a PDF's Unicode map got wrong (parsers/pdf/glyph_text.py), and Unicode typed
with its tone marks apart, on real PDFs made by tests/fixtures/make_pdf.py --tone-marks:

- tone_marks_apart.pdf: LibreOffice's PDF of a short plan typed with combining tone marks, so
  its fonts map glyphs to two characters ("Ô" + dot below for "Ộ");
- tone_marks_apart.gs.pdf: the same PDF through Ghostscript's pdfwrite, whose maps of those
  glyphs have their bytes out of step ("KẾ HO䄃⌀CH").
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import SEEDS_DIR
from kehoach import api
from kehoach.parsers import load
from kehoach.parsers.pdf.glyph_text import mend, misprinted_letter

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"
PLAIN = FIXTURES / "tone_marks_apart.pdf"
THROUGH_GS = FIXTURES / "tone_marks_apart.gs.pdf"
DOCX = FIXTURES / "src" / "tone_marks_apart.docx"


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        # as Ghostscript 10 wrote them (seen in real plans passed through it)
        ("䄃Ā", "Á"),  # 00 41 03 01 written 41 03 01 00
        ("䄃⌀", "Ạ"),
        ("䄃\x00", "À"),  # pdfminer reads the zero unit as U+0000 …
        ("䄃\ufffe", "À"),  # … pdfium as U+FFFE
        ("唃ऀ", "Ủ"),
        ("퐃⌀", "Ộ"),  # Ô (00 D4) + dot below
        ("\uf403Ā", "ố"),  # ô + acute: the first unit lands in the private use area
        ("Ơꀉ", "Ở"),  # 01 A0 03 09 written 01 A0 A0 09
        ("ư뀀", "ừ"),
        ("ư뀣", "ự"),
        ("䄃\u0300", "Ã"),  # 00 41 03 03 written 41 03 03 00: the second unit is a grave accent
    ],
)
def test_a_misprinted_map_gives_back_its_letter(text, letter):
    assert misprinted_letter(text) == letter


def test_real_text_is_never_taken_for_a_misprint():
    samples = ["中文", "한국어", "Ελληνικά", "Русский", "“Ủy ban”", "ừ", "A\u0301", "fi", "ﬁ", "Ā", "⌀"]
    for text in samples:
        assert misprinted_letter(text) is None, text


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"{SEEDS_DIR} not found (../shared/seeds)")
def test_no_two_characters_of_the_seed_plans_read_as_a_misprint():
    pairs = set()
    for seed in SEEDS_DIR.glob("*.txt"):
        text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
        pairs.update(text[i : i + 2] for i in range(len(text) - 1))
    assert len(pairs) > 1000
    assert [p for p in pairs if misprinted_letter(p) is not None] == []


def test_mend_counts_letters_of_other_scripts_and_keeps_one_example():
    chars = [{"text": t} for t in ("K", "䄃⌀", "中", "Ơꀉ", "ệ", "•", "\uf0b7")]
    assert mend(chars) == (2, 1, "中")
    assert [c["text"] for c in chars] == ["K", "Ạ", "中", "Ở", "ệ", "•", "\uf0b7"]


def _texts(path: Path, engine: str) -> list[str]:
    doc = load(path, pdf_engine=engine)
    out = []
    for b in doc.blocks:
        out.extend(
            [b.text] if hasattr(b, "text") else [" | ".join(" / ".join(c.lines) for c in r.cells) for r in b.rows]
        )
    return out


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_pdf_through_ghostscript_reads_as_the_pdf_it_was_made_from(engine):
    plain, through = _texts(PLAIN, engine), _texts(THROUGH_GS, engine)
    assert through == plain
    assert "KẾ HOẠCH" in plain and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in plain
    notes = load(THROUGH_GS, pdf_engine=engine).source.notes
    assert any("out of step" in n and "Ghostscript" in n for n in notes), notes
    assert not any("scripts Vietnamese does not use" in n for n in notes), notes


def test_a_plan_typed_with_tone_marks_apart_reads_the_same_as_docx_and_pdf():
    """Not read as VNI (it had "CỢNG HÒA"), the wrapped national name is not the issuer, and
    the PDFs give the DOCX's header and tasks."""
    want = api.parse(DOCX)
    for path in (PLAIN, THROUGH_GS):
        plan = api.parse(path)
        assert not any(n.startswith("repaired:") for n in plan.source.notes), plan.source.notes
        assert [d.code for d in plan.diagnostics if d.code == "text-layer-suspect"] == []
        for field in ("issuer", "issuer_parent", "number", "date", "title", "motto"):
            assert getattr(plan.header, field) == getattr(want.header, field), (path.name, field)
        assert plan.header.signer.name == want.header.signer.name == "Nguyễn Văn Hưởng"
        assert [(t.content, [u.name for u in t.lead]) for t in plan.tasks] == [
            (t.content, [u.name for u in t.lead]) for t in want.tasks
        ]
    assert want.header.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO" and len(want.tasks) == 2


def test_glyphs_of_other_scripts_are_a_note_and_a_diagnostic(monkeypatch):
    """A glyph whose map no layout explains is kept as read, counted in a note that shows one,
    and the plan says the text layer is suspect (diagnostic text-layer-suspect)."""
    from kehoach.parsers.pdf import glyph_text, reading

    real = glyph_text.mend

    def one_unexplained(chars):
        for ch in chars:
            if ch.get("text") == "K":
                ch["text"] = "中"
                break
        return real(chars)

    monkeypatch.setattr(reading, "mend", one_unexplained)
    plan = api.parse(PLAIN)
    notes = [n for n in plan.source.notes if "scripts Vietnamese does not use" in n]
    assert notes == [
        "pdf: 1 glyphs read as letters of scripts Vietnamese does not use (e.g. '中'): the PDF's Unicode "
        "map is wrong for them, words around them may be misread"
    ]
    assert [d.code for d in plan.diagnostics if d.code == "text-layer-suspect"] == ["text-layer-suspect"]
