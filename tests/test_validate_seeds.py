"""The validator on the real seed plans: the defects they really have are reported, where
they are, and nothing is reported as a duplicate that is not repeated."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REALDOCS as _REALDOCS
from conftest import missing
from kehoach import api
from kehoach.validate import Config, validate
from kehoach.vntext import key

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def findings(stem: str, **config):
    path = next(SAMPLES.glob(f"{stem}_*.txt"))
    return validate(api.parse(path), Config(**config))


def test_000_duplicated_block_is_one_run():
    dups = [f for f in findings("000") if f.rule == "duplicate-paragraph"]
    assert len(dups) == 1
    f = dups[0]
    assert f.severity == "warning" and f.location.line == 53
    original, repeat = f.related[0], f.related[1]
    assert (original["role"], repeat["role"]) == ("original", "repeat")
    assert repeat["start"]["line"] == 53 and repeat["end"]["line"] == 81
    assert original["end"]["line"] == 51 and original["paragraphs"] == repeat["paragraphs"] == 15
    excerpts = [key(r["excerpt"]) for r in f.related if r["role"] == "paragraph"]
    for start in (
        "07/12/2018 của Chủ tịch UBND tỉnh về nâng cao chất lượng",
        "Đối tượng là cán bộ, công chức, viên chức làm trong cơ quan",
        "Kinh phí thực hiện Kế hoạch này từ nguồn ngân sách nhà nước",
        "Có trách nhiệm chủ trì, phối hợp với các cơ quan, đơn vị và địa phương theo dõi",
    ):
        assert any(e.startswith(key(start)) or key(start) in e for e in excerpts), start
    # the first repeated paragraph is the tail of a page-broken sentence: contained, not exact
    assert f.related[2]["match"] == "contained"


def test_000_decision_cited_with_a_plan_number():
    refs = [f for f in findings("000") if f.rule == "reference-type-mismatch"]
    assert len(refs) == 1
    assert refs[0].severity == "error" and refs[0].location.line == 21
    assert "Quyết định số 07/KH-UBND" in refs[0].excerpt


def test_000_unit_near_miss():
    near = [f for f in findings("000") if f.rule == "unit-near-miss"]
    assert len(near) == 1
    assert near[0].excerpt == "Văn phòng HDND và huyện"
    assert "Văn phòng HĐND và UBND huyện" in near[0].message
    assert near[0].location.table == 1 and near[0].location.line == 112
    assert len([r for r in near[0].related if r["role"] == "variant"]) == 3


def test_003_two_sections_numbered_III():
    numbering = [f for f in findings("003") if f.rule == "heading-numbering"]
    assert [(f.location.line, f.severity) for f in numbering] == [(81, "warning")]
    assert '"III"' in numbering[0].message and "dòng 43" in numbering[0].message


def test_003_task_number_1_repeated_in_group_V():
    tasks = [f for f in findings("003") if f.rule == "task-numbering"]
    assert len(tasks) == 1
    f = tasks[0]
    assert f.location.line == 156 and f.location.table == 1
    assert "CÁC CƠ QUAN CHUYÊN MÔN" in f.message and f.related[0]["location"]["line"] == 155


def test_001_blank_number_and_date_are_info():
    drafts = [f for f in findings("001") if f.rule == "draft-blank"]
    assert [(f.severity, f.location.line) for f in drafts] == [("info", 3), ("info", 5)]
    assert not [f for f in findings("001") if f.rule in ("number-format", "date-format")]


def test_001_point_lettered_f():
    numbering = [f for f in findings("001") if f.rule == "heading-numbering"]
    assert [(f.location.line, f.severity) for f in numbering] == [(97, "warning")]
    assert '"f"' in numbering[0].message


def test_004_is_not_a_plan():
    found = findings("004")
    assert "not-a-plan" in {f.rule for f in found}
    assert not {f.rule for f in found} & {"header-missing", "missing-section", "signer-missing"}


@pytest.mark.parametrize(
    ("type_line", "vi", "en"),
    [("CÔNG ĐIỆN", "công điện", "an official telegram"), ("QUY CHẾ", "quy chế", "a regulation")],
)
def test_a_document_of_another_type_is_named_by_its_type(type_line, vi, en):
    """not-a-plan names a Công điện or a Quy chế as such, not as "an article / unknown type"."""
    plan = api.parse_text(f"BỘ TÀI CHÍNH\n\nSố: 12/XX-BTC\n\n{type_line}\nVề việc rà soát\n\n1. Các bộ rà soát.\n")
    for lang, kind in (("vi", vi), ("en", en)):
        found = [f for f in validate(plan, Config(lang=lang)) if f.rule == "not-a-plan"]
        assert len(found) == 1 and f"({kind})" in found[0].message


@pytest.mark.parametrize("stem", ["001", "002", "003", "004"])
def test_no_duplicate_warning_where_nothing_is_repeated(stem):
    assert [f for f in findings(stem) if "duplicate" in f.rule and f.severity != "info"] == []


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_no_rule_crashes_and_findings_are_sorted(stem):
    found = findings(stem)
    assert not [f for f in found if f.rule == "internal-error"]
    lines = [f.location.block for f in found if f.location and f.location.block is not None]
    assert lines == sorted(lines)


DOCX = Path(__file__).resolve().parent / "fixtures" / "docx"


@pytest.mark.parametrize("stem", ["000", "001", "003"])
@pytest.mark.parametrize("variant", ["docx", "autonum.docx"])
def test_docx_renderings_report_the_same_defects(stem, variant):
    """The rules read the parsed plan, not the format: a seed's DOCX rendering (typed or Word
    auto-numbered) gets the same findings as its text export."""
    txt = next(SAMPLES.glob(f"{stem}_*.txt"))
    docx_path = DOCX / f"{txt.stem}.{variant}"
    if not docx_path.exists():
        pytest.skip(f"{docx_path.name} not generated (tests/fixtures/make_docx.py)")
    want = sorted(f.code for f in validate(api.parse(txt), Config()))
    got = sorted(f.code for f in validate(api.parse(docx_path), Config()))
    assert got == want


REAL = _REALDOCS
real = pytest.mark.skipif(not REAL.is_dir(), reason=missing(REAL))


@real
def test_real_1105_cites_its_decision_with_two_dates_and_has_last_years_timelines():
    for name in ("laocai-sct_KH-1105-DKT_2026.repo-extract.txt", "laocai-sct_KH-1105-DKT_2026.pdf"):
        found = validate(api.parse(REAL / name), Config())
        dates = [f for f in found if f.rule == "reference-date-inconsistent"]
        assert len(dates) == 1 and "1050/QĐ-SCT" in dates[0].message and "06/03/2025" in dates[0].message
        assert not [f for f in found if "duplicate" in f.rule and f.severity != "info"]
    found = validate(api.parse(REAL / "laocai-sct_KH-1105-DKT_2026.pdf"), Config())
    late = sorted(f.message for f in found if f.rule == "timeline-outside-plan-year")
    assert len(late) == 2 and "25/3/2025" in late[0] and "27/3/2025" in late[1]


@real
def test_real_btnmt_appendix_left_blank_after_numbering():
    found = validate(api.parse(REAL / "btnmt_KH-09-KH-BTNMT_2024.index-text.md"), Config())
    blank = [f for f in found if f.rule == "appendix-number-mismatch"]
    assert len(blank) == 1 and blank[0].severity == "warning" and "09/KH-BTNMT" in blank[0].message
    assert "appendix-not-referenced" in {f.rule for f in found}


@real
def test_real_clause_pasted_as_its_own_point_is_a_duplicate():
    found = validate(api.parse(REAL / "lamdong-ubnd_KH-tuyen-truyen-CCHC-2026_v2.docx"), Config())
    dups = [f for f in found if f.rule == "duplicate-paragraph"]
    assert len(dups) == 1 and dups[0].excerpt.startswith(
        "g) Chủ trì, phối hợp với các cơ quan, đơn vị liên quan duy trì"
    )
    assert dups[0].related[2]["match"] == "contained"
