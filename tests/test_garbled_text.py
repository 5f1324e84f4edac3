"""Text in a broken font map ("Ĉӝc lұp" for "Độc lập"): repaired on reading, reported by KH704."""

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from kehoach import api
from kehoach.validate.config import Config
from kehoach.validate.engine import validate

REALDOCS = _REALDOCS
GARBLED = """CӜNG HÒA XÃ HӜI CHӪ NGHƬA VIӊT NAM
Ĉӝc lұp - Tӵ do - Hҥnh phúc

Kӂ HOҤCH

KiӇm tra viӋc chҩp hành Quy ÿӏnh pháp luұt trong sӱ dөng và bҧo quҧn vұt liӋu nә công nghiӋp

I. MӨC ĈÍCH, YÊU CҪU

1. Mөc ÿích

- Ĉánh giá toàn diӋn tình hình chҩp hành các quy ÿӏnh cӫa pháp luұt.
"""


def _garbled_findings(plan):
    return [f for f in validate(plan, Config()) if f.rule == "garbled-text"]


def test_garbled_text_file_is_repaired_and_the_repair_reported_as_info(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(GARBLED, encoding="utf-8")
    plan = api.parse(path)
    assert plan.header.motto is True
    assert (
        plan.header.title
        == "Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật liệu nổ công nghiệp"
    )
    assert [(s.number, s.kinds) for s in plan.sections] == [("I", ["muc_dich", "yeu_cau"])]
    assert "repaired:garbled" in plan.source.notes
    (finding,) = _garbled_findings(plan)
    assert (finding.code, finding.severity) == ("KH704", "info")


def test_garbled_text_that_was_not_repaired_is_a_warning():
    plan = api.parse_text(GARBLED)  # inline text is not repaired: the rule sees the garbage
    (finding,) = _garbled_findings(plan)
    assert finding.severity == "warning" and "Ĉ" in finding.excerpt + finding.message


def test_clean_text_is_silent():
    assert (
        _garbled_findings(
            api.parse_text(
                GARBLED.replace("Ĉӝc lұp - Tӵ do - Hҥnh phúc", "Độc lập - Tự do - Hạnh phúc")
                .replace("CӜNG HÒA XÃ HӜI CHӪ NGHƬA VIӊT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .splitlines()[0]
            )
        )
        == []
    )


@pytest.mark.skipif(not (REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf").exists(), reason=missing(REALDOCS))
def test_real_pdf_with_a_broken_font_map_reads_as_the_plan_and_reports_the_repair():
    plan = api.parse(REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf")
    assert plan.header.number == "1105/KH-ĐKT" and plan.header.date == "2026-03-10"
    assert plan.header.title.startswith("Kiểm tra việc chấp hành Quy định pháp luật")
    findings = _garbled_findings(plan)
    assert [f.severity for f in findings] == ["info"]
