"""The CLI's small edges: --version / `kehoach version`, --lang vi|en only, flags shown as flags
in help, and `validate` on an unreadable file (the reason once, a summary that says so)."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "002_86b98b1463db50d7.txt"


def run(*args: str):
    return runner.invoke(app, list(args))


# ---- version ---------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--version"], ["version"]])
def test_version_comes_from_the_package_metadata(args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"kehoach {version('kehoach')}"


# ---- --lang ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["parse", str(SAMPLE)], ["validate", str(SAMPLE)], ["rules"]])
@pytest.mark.parametrize("value", ["fr", "vn", ""])
def test_lang_other_than_vi_or_en_is_a_one_line_usage_error(command, value):
    result = run(*command, "--lang", value)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{value!r}" in lines[0] and "vi" in lines[0] and "en" in lines[0]
    assert result.stdout == "" and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["en", "EN", "vi"])
def test_lang_vi_and_en_are_accepted_in_any_case(value):
    result = run("rules", "--lang", value)
    assert result.exit_code == 0, result.output
    expected = "duplicate-paragraph" if value.lower() == "en" else "bị lặp lại"
    assert ("a paragraph (or a run of paragraphs) is repeated" in result.stdout) == (value.lower() == "en")
    assert expected in result.stdout


# ---- help ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["parse"], ["validate"], ["rules"], ["schema"], ["version"]])
def test_help_shows_flags_without_a_type(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout and "--help" in result.stdout


def test_parse_help_lists_its_flags_and_the_lang_choices():
    out = run("parse", "--help").stdout
    for flag in ("--combined", "--quiet", "--ocr"):
        assert any(line.split()[-1:] != ["<bool>"] and flag in line for line in out.splitlines())
    assert "--lang vi|en" in out


# ---- validate on an unreadable file ----------------------------------------------------

REASON = "nhị phân"  # part of the binary-content message


@pytest.fixture
def binary(tmp_path: Path) -> Path:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 50)
    return path


def test_text_report_gives_the_reason_once_and_does_not_call_the_file_clean(binary):
    result = run("validate", str(binary))
    assert result.exit_code == 2
    assert result.output.count(REASON) == 1 and REASON in result.stderr
    assert "blob.txt" in result.stderr
    assert result.stdout.strip() == "1 tệp không đọc được; không kiểm tra được tệp nào"
    assert "không có vấn đề" not in result.output.lower()


def test_text_report_in_english(binary):
    result = run("validate", str(binary), "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout.strip() == "1 file(s) unreadable; nothing was checked"
    assert result.stderr.count("binary") == 1


def test_text_summary_with_one_good_and_one_unreadable_file(binary):
    result = run("validate", str(SAMPLE), str(binary))
    assert result.exit_code == 2
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.endswith("trong 1 tệp đã kiểm tra; 1 tệp không đọc được"), summary
    assert result.output.count(REASON) == 1 and SAMPLE.name in result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_reports_carry_the_reason_and_stderr_says_it_once(binary, fmt):
    result = run("validate", str(binary), "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr.count(REASON) == 1
    doc = json.loads(result.stdout)
    if fmt == "json":
        assert doc["summary"]["unreadable"] == 1 and doc["findings"] == []
        assert REASON in doc["files"][0]["error"]
    else:
        notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert len(notes) == 1 and REASON in notes[0]["message"]["text"]


def test_github_format_reason_is_its_error_command_only(binary):
    result = run("validate", str(binary), "--format", "github")
    assert result.exit_code == 2
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=") and REASON in lines[0]
    assert result.stderr == ""


# ---- rule documentation in both languages ----------------------------------------------


def _rules():
    from kehoach.validate.registry import all_rules

    return all_rules()


def test_every_rule_is_documented_in_vietnamese_with_the_fragments_written_once():
    import unicodedata

    from kehoach.validate.report import SEVERITY_WORDS

    for r in _rules():
        vi, en = r.doc_text("vi"), r.doc_text("en")
        assert r.doc_vi.startswith(f"{r.name} ({r.code}, {SEVERITY_WORDS['vi'][r.severity]}): "), r.name
        assert unicodedata.is_normalized("NFC", r.doc_vi), r.name
        assert "PASS" not in r.doc_vi and "FAIL" not in r.doc_vi, r.name  # fragments live in the docstring
        assert len(r.doc_vi.split("\n\n")) >= 2, r.name  # a summary line and an explanation
        assert en == r.doc and vi != en
        fragments = en[en.index("PASS") :]
        assert fragments.startswith(("PASS::", "PASS (facts)::", "PASS (against)::")), r.name
        assert vi.endswith(fragments) and vi.count("PASS") == en.count("PASS") == 1, r.name


def test_rules_name_prints_the_documentation_in_the_chosen_language():
    rule = next(r for r in _rules() if r.name == "header-missing")
    vi = run("rules", "KH401")
    assert vi.exit_code == 0
    assert (
        vi.stdout.startswith("header-missing (KH401, lỗi): ")
        and "Quốc hiệu và Tiêu ngữ, tên cơ quan ban hành" in vi.stdout
    )
    assert "the issuing body" not in vi.stdout and "PASS::" in vi.stdout and "FAIL::" in vi.stdout
    en = run("rules", "header-missing", "--lang", "en")
    assert en.stdout.strip() == rule.doc
    doc = json.loads(run("rules", "KH401", "-f", "json").stdout)["doc"]
    assert doc == rule.doc_text("vi")


def test_sarif_rule_descriptions_follow_the_language(tmp_path):
    plan = tmp_path / "p.txt"
    plan.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for lang, needle in (("vi", "phần đầu văn bản có đủ các thành phần"), ("en", "the header has every component")):
        doc = json.loads(run("validate", str(plan), "-f", "sarif", "--lang", lang).stdout)
        driver = {r["name"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
        assert needle in driver["header-missing"]["help"]["text"]
