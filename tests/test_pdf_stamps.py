"""A signed PDF's number and day live in signature-widget appearances, not in the page text.

Vietnamese signing software numbers a document at signing: "362" after "Số:" and "14" after
"ngày" are drawn by a widget's /AP /N stream. They must reach the header like page text; a
long signature box ("Ký bởi: …") must not be read into the document.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import CORPUS, needs
from hostile_gen import signed_pdf
from kehoach.blocks import Paragraph
from kehoach.cli import app
from kehoach.parsers import pdf as pdf_parser

_PAGE = (
    b"BT /F1 13 Tf 100 760 Td (So:          /KH-UBND) Tj ET\n"
    b"BT /F1 13 Tf 100 700 Td (KE HOACH) Tj ET\n"
    b"BT /F1 13 Tf 100 680 Td (Trien khai cong tac nam 2026 tren dia ban) Tj ET"
)


def _signed_pdf(stamp: bytes, rect: tuple[int, int, int, int]) -> bytes:
    """One page "So:      /KH-UBND" with a widget at `rect` whose appearance draws `stamp`."""
    return signed_pdf(_PAGE, stamp, rect)


def _lines(path: Path) -> list[str]:
    return [b.text for b in pdf_parser.parse(path).blocks if isinstance(b, Paragraph)]


def test_a_stamped_number_joins_the_line_it_stands_on(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(_signed_pdf(b"362", (125, 755, 160, 775)))  # over the blanks after "So:"
    first = _lines(path)[0]
    assert "362" in first and first.replace(" ", "").startswith("So:362/KH-UBND"), first


def test_a_long_signature_box_is_not_document_text(tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(
        _signed_pdf(b"Ky boi: So Giao duc va Dao tao, thoi gian ky 15.04.2026 08:56", (300, 300, 560, 330))
    )
    text = " ".join(_lines(path))
    assert "Ky boi" not in text and "362" not in text


@needs(CORPUS)
def test_a_signed_plan_reads_its_stamped_number_and_day_and_its_draft_has_none(tmp_path):
    """Real documents: the Sở GDĐT Đồng Tháp plan as signed (PDF) and as sent for signing (DOC)."""
    out = {}
    for name in (
        "dongthap-sgddt_KH-362-don-doan-kiem-tra-STEM_2026_signed.pdf",
        "dongthap-sgddt_KH-362-don-doan-kiem-tra-STEM_2026_unnumbered.doc",
        "lamdong-stp_CV-125-gop-y-du-thao-KH_2026.pdf",
    ):
        result = CliRunner().invoke(app, ["parse", str(CORPUS / name), "-f", "json"])
        assert result.exit_code == 0, result.output[-500:]
        out[name] = json.loads(result.stdout)["header"]
    signed = out["dongthap-sgddt_KH-362-don-doan-kiem-tra-STEM_2026_signed.pdf"]
    assert (signed["number"], signed["date"]) == ("362/KH-SGDĐT", "2026-04-14")
    draft = out["dongthap-sgddt_KH-362-don-doan-kiem-tra-STEM_2026_unnumbered.doc"]
    assert (draft["number"], draft["date"]) == (None, None)
    letter = out["lamdong-stp_CV-125-gop-y-du-thao-KH_2026.pdf"]
    assert (letter["number"], letter["date"]) == ("125/STP-VP", "2026-01-15")
