"""Every rule's own PASS and FAIL fragments (from its docstring), parsed by the real text
parser: a new rule is tested the moment it is written."""

from __future__ import annotations

import pytest

from kehoach import api
from kehoach.blocks import PageSetup
from kehoach.validate import Config, all_rules, validate

CASES = [(rule.name, verdict, kind, text) for rule in all_rules() for verdict, kind, text in rule.examples()]


OPENER = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n\n"


def plan_of(kind: str, text: str, plans_only: bool = True):
    if kind == "text":
        if plans_only and "KẾ HOẠCH" not in [line.strip() for line in text.splitlines()]:
            text = OPENER + text  # a plan-only rule needs the fragment to read as a plan
        return api.parse_text(text, name="fragment.txt")
    # "facts" fragments describe what a DOCX/PDF parser measured
    plan = api.parse_text("KẾ HOẠCH\n\nTuyên truyền cải cách hành chính năm 2024\n", name="fragment.docx")
    source = plan.document.source
    for line in text.splitlines():
        name, _, value = line.partition(":")
        value = value.strip()
        if name == "format":
            source.format = value
        elif name == "page":
            w, h = (float(v) for v in value.split("x"))
            source.page_setups = source.page_setups or [PageSetup()]
            source.page_setups[0].width_mm, source.page_setups[0].height_mm = w, h
        elif name == "margins":
            top, bottom, left, right = (float(v) for v in value.split())
            source.page_setups = source.page_setups or [PageSetup()]
            s = source.page_setups[0]
            s.margin_top_mm, s.margin_bottom_mm, s.margin_left_mm, s.margin_right_mm = top, bottom, left, right
        elif name == "font":
            font, size = value.rsplit(" ", 1)
            source.body_font, source.body_font_size = font, float(size)
    return plan


def test_every_rule_documents_a_pass_and_a_fail_fragment():
    for rule in all_rules():
        verdicts = {verdict for verdict, _, _ in rule.examples()}
        assert verdicts == {"PASS", "FAIL"}, rule.name
        assert rule.doc.startswith(f"{rule.name} ({rule.code}, {rule.severity})"), rule.name


def test_rule_names_and_codes_are_stable_and_unique():
    rules = all_rules()
    assert len({r.name for r in rules}) == len({r.code for r in rules}) == len(rules)
    for r in rules:
        assert r.name == r.name.lower() and " " not in r.name and r.name.isascii()
        assert r.code.startswith("KH") and r.code[2:].isdigit()
        assert set(r.summary) == {"vi", "en"}


@pytest.mark.parametrize("name,verdict,kind,text", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_fragment(name, verdict, kind, text):
    rule = next(r for r in all_rules() if r.name == name)
    config = Config(select=[name])
    if kind == "against":  # the other plan, a line ----, the plan checked
        from kehoach.validate.copies import Index, plan_units

        other, _, text = text.partition("\n----\n")
        config.against = Index([plan_units(api.parse_text(other, name="other.txt"), "other.txt")])
        kind = "text"
    plan = plan_of(kind, text, rule.plans_only)
    found = [f for f in validate(plan, config) if f.rule == name]
    if verdict == "PASS":
        assert found == [], [f.message for f in found]
    else:
        assert found, f"{name} did not fire on its FAIL fragment"
        assert all(f.code for f in found)
        assert all(f.message for f in found)


def test_every_message_has_vietnamese_and_english_with_the_same_fields():
    import importlib
    import string

    for where in {r.check.__module__ for r in all_rules()}:  # a family is a module or a package of them
        module = importlib.import_module(where)
        for name, texts in getattr(module, "MESSAGES", {}).items():
            assert set(texts) == {"vi", "en"}, (where, name)
            fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in ("vi", "en")]
            assert fields[0] == fields[1], (where, name)


def test_rule_catalog_matches_the_rules():
    """`kehoach rules` reads validate/rule_catalog.py instead of importing the rule modules;
    it must say what the @rule decorators say (regenerate: python -m kehoach.validate.catalog --write)."""
    from pathlib import Path

    from kehoach.validate import catalog

    live = [r.info() for r in all_rules()]
    assert catalog.all_rules() == live, "rule_catalog.py is out of date: python -m kehoach.validate.catalog --write"
    assert Path(catalog.__file__).with_name("rule_catalog.py").read_text(encoding="utf-8") == catalog.render()
    assert catalog.get_rule("kh101") == live[0] and catalog.get_rule("no-such-rule") is None


def test_appendix_numbering_reads_numerals_past_ten_and_not_a_lettered_appendix():
    # the numerals come from kehoach.roman: "Phụ lục XI" follows "Phụ lục X" (a ten-entry table
    # read it as unnumbered); "Phụ lục C" is a letter and "Phụ lục IIII" no numeral
    def findings(labels: list[str]) -> list[str]:
        blocks = "".join(
            f"\n\n{label}\nDANH MỤC SỐ {n}\n(Kèm theo Kế hoạch này)\n\nNội dung.\n" for n, label in enumerate(labels)
        )
        plan = api.parse_text(OPENER + "I. MỤC ĐÍCH\n\nNội dung." + blocks, name="fragment.txt")
        assert len(plan.appendices) == len(labels)
        return [f.excerpt or "" for f in validate(plan, Config(select=["appendix-numbering"]))]

    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert findings([f"PHỤ LỤC {r}" for r in roman]) == []
    assert findings([f"PHỤ LỤC {r}" for r in roman[:10]] + ["PHỤ LỤC XII"]) != []
    assert findings(["PHỤ LỤC I", "PHỤ LỤC IIII"]) != []
    assert findings(["PHỤ LỤC I", "PHỤ LỤC C"]) != []  # not a hundredth appendix, not the second either


def test_a_family_is_the_module_or_package_right_under_rules():
    """`--select header` and the catalog's families name what sits in validate/rules/: a family
    module, or a family package whose modules each hold part of its rules."""
    import pkgutil

    from kehoach.validate import registry, rules

    assert registry.families() == sorted(m.name for m in pkgutil.iter_modules(rules.__path__))
    split = [r for r in all_rules() if r.check.__module__.count(".") > 3]
    assert split and all(r.check.__module__.split(".")[3] == r.family for r in split)


def test_a_party_committees_plan_is_checked_by_the_party_s_own_format():
    """Hướng dẫn 36-HD/VPTW: a Party committee's document has "ĐẢNG CỘNG SẢN VIỆT NAM" where a
    State body's has the Quốc hiệu and Tiêu ngữ, numbers itself "Số 12-KH/ĐU" and files its
    copy as "- Lưu Văn phòng Đảng ủy." None of these is a defect there; without the Party's
    name the same plan is a State body's and each is reported."""
    from test_plan_header import PARTY_PLAN

    def rules(text: str) -> list[str]:
        return sorted({f.rule for f in validate(api.parse_text(text, name="party.txt"), Config())})

    assert rules(PARTY_PLAN) == []
    state = rules(PARTY_PLAN.replace("ĐẢNG CỘNG SẢN VIỆT NAM\n", ""))
    assert {"header-missing", "number-format"} <= set(state)
    findings = validate(api.parse_text(PARTY_PLAN.replace("ĐẢNG CỘNG SẢN VIỆT NAM\n", "")), Config())
    assert {f.message for f in findings if f.rule == "header-missing"} >= {
        'thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (Nghị định 30/2020, Điều 8)'
    }
