"""`kehoach validate --against`: copies from other plans (rule copied-from-other-plan), on DOCX
files built with python-docx from real plans of realdocs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import docx.table
import pytest

from conftest import REALDOCS, needs
from kehoach import api
from kehoach.validate import Config, validate
from kehoach.validate.copies import Index, fingerprints, plan_units, years_in
from kehoach.validate.util import plan_years

RULE = "copied-from-other-plan"
SOURCE = REALDOCS / "lamdong-ubnd_KH-tuyen-truyen-CCHC-2026_v2.docx"
TARGET = REALDOCS / "laocai-ubnd_KH-chi-thi-11-khoang-san_2026_draft.docx"
YEARLY = REALDOCS / "lamdong-ubnd_KH-kiem-tra-CCHC-2026_v2.docx"
# plans of different issuers and subjects (Lâm Đồng UBND; Lào Cai UBND and Sở Công Thương; two ministries)
LAMDONG = [
    "lamdong-ubnd_KH-CCHC-2026_v3.docx",
    "lamdong-ubnd_KH-tuyen-truyen-CCHC-2026_v2.docx",
    "lamdong-ubnd_KH-CTMTQG-PCMT-2030.docx",
    "lamdong-ubnd_KH-kiem-tra-CCHC-2026_v2.docx",
]
ELSEWHERE = [
    "laocai-ubnd_KH-chi-thi-11-khoang-san_2026_draft.docx",
    "laocai-sct_KH-de-an-08_2026.docx",
    "laocai-sct_KH-2242_23.4.2026_Kiem-tra-cap-GCN-28-don-vi.docx",
    "bnnmt_QD-2200-QD-BNNMT-ban-hanh-KH_2026.index-text.md",
    "btnmt_KH-09-KH-BTNMT_2024.index-text.md",
]


def _units(path: Path, name: str | None = None):
    return plan_units(api.parse(path), name or path.name, str(path.resolve()))


def _copies(plan, index: Index, lang: str = "vi"):
    config = Config(select=[RULE], lang=lang)
    config.against = index
    return [f for f in validate(plan, config) if f.rule == RULE]


def test_fingerprints_find_any_shared_run_of_eight_words():
    base = (
        "ủy ban nhân dân các huyện thị xã thành phố chủ động rà soát đơn giản hóa thủ tục hành chính "
        "nội bộ trong hệ thống hành chính nhà nước theo đúng lộ trình được giao"
    )
    words = base.split()
    for start in range(len(words) - 8):
        run = words[start : start + 8]
        host = " ".join(["khác"] * 7 + run + ["nữa"] * 9)
        assert fingerprints(" ".join(words)) & fingerprints(host), start


def test_years_leave_out_cited_documents():
    assert years_in("Hoàn thành trước ngày 30/6/2025; báo cáo quý I/2025.") == (2025,)
    assert years_in("Căn cứ Quyết định số 1737/QĐ-UBND ngày 17/10/2024 của UBND tỉnh") == ()


def _paste(target: Path, texts: list[str], out: Path) -> tuple[str, str]:
    """Insert `texts` as paragraphs in the middle of the target's body; (text before, text after)."""
    d = docx.Document(str(target))
    paras = d.paragraphs
    body = [i for i, p in enumerate(paras) if len(p.text.strip()) > 80]
    at = body[len(body) // 2]
    anchor = paras[at]
    before = next(p.text for p in reversed(paras[:at]) if p.text.strip())
    for text in texts:
        anchor.insert_paragraph_before(text)
    d.save(str(out))
    return before, anchor.text


@needs(SOURCE, TARGET)
def test_a_block_pasted_from_another_real_plan_is_found_with_both_locations(tmp_path):
    source_plan = api.parse(SOURCE)
    source = plan_units(source_plan, SOURCE.name, str(SOURCE.resolve()))
    paras = [u for u in source.units if u.kind == "paragraph"]
    start = len(paras) // 3
    block = paras[start : start + 4]
    assert [b.location.block for b in block] == sorted(b.location.block for b in block)
    texts = [source_plan.document.blocks[u.location.block].text for u in block]
    pasted = tmp_path / "pasted.docx"
    before, after = _paste(TARGET, texts, pasted)
    plan = api.parse(pasted)
    found = _copies(plan, Index([source]))
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert f.severity == "warning" and f.code == "KH103" and SOURCE.name in f.message
    original, copy, *pairs = f.related
    assert original["role"] == "original" and original["file"] == SOURCE.name
    assert copy["role"] == "copy" and len(pairs) == original["units"] >= 3
    # the copy's locations are pasted paragraphs, in order, between their new neighbours (a
    # pasted point that reads as a heading in its new place is skipped, the run goes on)
    blocks = plan.document.blocks
    shown = [blocks[p["location"]["block"]].text for p in pairs]
    assert shown[0] == texts[0] and shown[-1] == texts[-1] and all(t in texts for t in shown)
    lines = [p["location"]["line"] for p in pairs]
    assert lines == sorted(lines) and f.location.line == lines[0]
    at = {b.text: b for b in blocks if hasattr(b, "text")}
    assert at[before].prov.line < lines[0] and lines[-1] < at[after].prov.line
    assert copy["start"]["line"] == lines[0] and copy["end"]["line"] == lines[-1]
    # the original's locations are the source paragraphs
    where = {u.excerpt: u.location for u in block}
    for p in pairs:
        assert p["original_location"] == where[p["original_excerpt"]].model_dump(exclude_none=True)
        assert p["match"] == "exact" and p["excerpt"] == p["original_excerpt"]
    assert original["start"]["block"] == block[0].location.block
    assert original["end"]["block"] == block[-1].location.block
    # the same file without the paste: nothing
    assert _copies(api.parse(TARGET), Index([source])) == []


@needs(*(REALDOCS / n for n in LAMDONG + ELSEWHERE))
def test_no_finding_between_unrelated_real_plans():
    plans = {n: api.parse(REALDOCS / n) for n in LAMDONG + ELSEWHERE}
    units = {n: plan_units(p, n, str((REALDOCS / n).resolve())) for n, p in plans.items()}
    assert all(len(u.units) >= 10 for u in units.values())
    for mine, theirs in ((LAMDONG, ELSEWHERE), (ELSEWHERE, LAMDONG)):
        index = Index([units[n] for n in theirs])
        for n in mine:
            assert _copies(plans[n], index) == [], n
    # while two versions of one plan are one long copy
    index = Index([units["lamdong-ubnd_KH-kiem-tra-CCHC-2026_v2.docx"]])
    draft = api.parse(REALDOCS / "lamdong-ubnd_KH-kiem-tra-CCHC-2026_draft.docx")
    found = _copies(draft, index)
    assert found and max(f.related[0]["units"] for f in found) >= 30


def _year_edit(path: Path, out: Path, old: str, new: str, *, upto: str | None = None) -> None:
    """Replace a year in every run (in the paragraphs up to the one containing `upto`, when given)."""
    d = docx.Document(str(path))
    paragraphs = []  # in body order: the header table before the title
    for item in d.iter_inner_content():
        if isinstance(item, docx.table.Table):
            paragraphs += [p for row in item.rows for c in row.cells for p in c.paragraphs]
        else:
            paragraphs.append(item)
    for p in paragraphs:
        if old in p.text and p.runs:  # a year may be split over runs: the paragraph's text in its first run
            text = p.text.replace(old, new)
            for run in p.runs[1:]:
                run.text = ""
            p.runs[0].text = text
        if upto and upto in p.text:
            break
    d.save(str(out))


@needs(YEARLY)
def test_a_2026_plan_carrying_2025_deadlines(tmp_path):
    last_year = tmp_path / "kh-2025.docx"
    _year_edit(YEARLY, last_year, "2026", "2025")
    plan_2025 = api.parse(last_year)
    assert plan_years(plan_2025) == (2025, 2025)
    index = Index([plan_units(plan_2025, "kh-2025.docx", str(last_year.resolve()))])
    # the careless 2026 plan: last year's plan with only its header and title moved to 2026
    careless = tmp_path / "kh-2026-careless.docx"
    _year_edit(last_year, careless, "2025", "2026", upto=plan_2025.header.title[:30])
    plan = api.parse(careless)
    assert plan_years(plan) == (2026, 2026)
    found = _copies(plan, index, "en")
    stale = [f for f in found if f.severity == "error"]
    assert stale and all("2025" in f.message and "kh-2025.docx" in f.message for f in stale)
    for f in stale:  # each names a pair that carries the year on both sides
        assert any("2025" in p["excerpt"] and "2025" in p["original_excerpt"] for p in f.related[2:])
    # the real 2026 plan, its years updated: copies of last year's text, no carried deadline
    updated = _copies(api.parse(YEARLY), index, "en")
    assert updated and all(f.severity == "warning" for f in updated)


@needs(SOURCE, TARGET)
def test_cli_against_a_folder_never_compares_a_plan_with_itself(tmp_path):
    folder = tmp_path / "others"
    folder.mkdir()
    for p in (SOURCE, TARGET):
        (folder / p.name).write_bytes(p.read_bytes())
    mine = folder / TARGET.name
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach",
            "validate",
            str(mine),
            "--against",
            str(folder),
            "--select",
            RULE,
            "-f",
            "json",
            "-j",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["findings"] == []
    texts = [p.text for p in docx.Document(str(SOURCE)).paragraphs if len(p.text) > 100][3:6]
    _paste(TARGET, texts, mine)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach",
            "validate",
            str(mine),
            "--against",
            str(folder),
            "--select",
            RULE,
            "-f",
            "json",
            "-j",
            "1",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    findings = json.loads(r.stdout)["findings"]
    assert len(findings) == 1 and findings[0]["related"][0]["file"].endswith(SOURCE.name)
    r = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(mine), "--against", str(tmp_path / "missing.docx")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 2 and "missing.docx" in r.stderr and "Traceback" not in r.stderr


def test_rule_is_silent_without_against():
    plan = api.parse_text("KẾ HOẠCH\nCải cách hành chính năm 2026\n- " + "Rà soát thủ tục hành chính " * 5 + "\n")
    assert [f for f in validate(plan, Config(select=[RULE]))] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rule_is_listed(lang):
    r = subprocess.run(
        [sys.executable, "-m", "kehoach", "rules", RULE, "--lang", lang], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0 and "KH103" in r.stdout and "----" in r.stdout


BOILERPLATE = (
    "- Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời "
    "báo cáo về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết.\n"
    "- Giao Sở Nội vụ theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; định kỳ tổng hợp "
    "báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh theo quy định.\n"
)


def _fragment(n: int) -> str:
    return (
        f"KẾ HOẠCH\nNhiệm vụ số {n} năm 2026\n- Triển khai nội dung riêng thứ {n} của kế hoạch về lĩnh vực "
        f"chuyên ngành số {n} trên địa bàn các xã, phường.\n" + BOILERPLATE
    )


def test_text_shared_by_many_plans_is_the_genres_formula_not_a_copy():
    from kehoach.validate.copies import FORMULA_PLANS

    plan = api.parse_text(_fragment(0), name="p0.txt")
    few = Index([plan_units(api.parse_text(_fragment(n), name=f"p{n}.txt"), f"p{n}.txt") for n in (1, 2)])
    assert len(_copies(plan, few)) == 1  # the two closing paragraphs, one run
    many = Index(
        [plan_units(api.parse_text(_fragment(n), name=f"p{n}.txt"), f"p{n}.txt") for n in range(1, FORMULA_PLANS + 3)]
    )
    assert _copies(plan, many) == []
