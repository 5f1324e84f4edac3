"""`kehoach validate` / `kehoach rules` end to end: output formats, config files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app
from kehoach.models import Finding
from kehoach.validate.exitcodes import exit_code

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PLAN_000 = SAMPLES / "000_4a6fe417c4c99215.txt"
PLAN_002 = SAMPLES / "002_86b98b1463db50d7.txt"

runner = CliRunner()


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return runner.invoke(app, list(args))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(app, list(args))


CLEAN = """ỦY BAN NHÂN DÂN
HUYỆN QUẾ SƠN

Số: 20/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quế Sơn, ngày 18 tháng 02 năm 2021

KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2021

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính.

II. NỘI DUNG

- Tuyên truyền kết quả thực hiện Kế hoạch cải cách hành chính năm 2021 của huyện.

III. TỔ CHỨC THỰC HIỆN

Phòng Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, đôn đốc thực hiện Kế hoạch này./.

Nơi nhận:
- UBND các xã, thị trấn;
- Lưu: VT, VHTT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Đinh Nguyên Vũ
"""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """Only a warning: the date line's month lacks its leading zero."""
    path = tmp_path / "warned.txt"
    path.write_text(CLEAN.replace("tháng 02", "tháng 2"), encoding="utf-8")
    return path


# ---- exit codes ------------------------------------------------------------------------


def test_exit_0_when_clean(clean):
    result = run("validate", str(clean))
    assert result.exit_code == 0, result.output
    assert "không có vấn đề nào" in result.stdout


def test_exit_0_when_only_warnings_and_fail_on_error(warned):
    result = run("validate", str(warned))
    assert result.exit_code == 0
    assert "KH406" in result.stdout and "date-format" in result.stdout


def test_exit_1_when_a_finding_reaches_fail_on(warned):
    assert run("validate", str(warned), "--fail-on", "warning").exit_code == 1
    assert run("validate", str(PLAN_000)).exit_code == 1  # errors at the default threshold


def test_exit_2_for_unreadable_input(tmp_path, clean):
    missing = tmp_path / "absent.txt"
    result = run("validate", str(missing))
    assert result.exit_code == 2
    assert "absent.txt" in result.stderr and "Traceback" not in result.output
    # one unreadable file among good ones still exits 2, the good ones are still reported
    result = run("validate", str(clean), str(missing), "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["summary"]["unreadable"] == 1 and report["summary"]["files"] == 2


def test_exit_2_for_binary_input(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary" * 50)
    result = run("validate", str(path))
    assert result.exit_code == 2 and "blob.txt" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--select", "no-such-rule"],
        ["--ignore", "KH999"],
        ["--fail-on", "fatal"],
        ["--lang", "fr"],
    ],
)
def test_exit_2_for_usage_errors(clean, args):
    result = run("validate", str(clean), *args)
    assert result.exit_code == 2
    assert result.stderr.strip() and "Traceback" not in result.output


def test_exit_code_function():
    warn = Finding(rule="date-format", code="KH406", severity="warning", message="m")
    err = Finding(rule="header-missing", code="KH401", severity="error", message="m")
    assert exit_code([], "error") == 0
    assert exit_code([warn], "error") == 0
    assert exit_code([warn], "warning") == 1
    assert exit_code([err], "error") == 1
    assert exit_code([warn], "info") == 1
    assert exit_code([], "error", input_errors=1) == 2
    assert exit_code([err], "error", usage_error=True) == 2
    assert exit_code([err], "error", input_errors=1, interrupted=True) == 130


# ---- formats ---------------------------------------------------------------------------


def test_json_shape_on_plan_000():
    result = run("validate", str(PLAN_000), "--format", "json")
    report = json.loads(result.stdout)
    assert isinstance(report["findings"], list) and report["findings"]
    for f in report["findings"]:
        assert set(f) >= {"rule", "code", "severity", "message", "excerpt", "location", "related", "file"}
        assert f["severity"] in ("error", "warning", "info")
        assert f["rule"].isascii() and f["code"].startswith("KH")
    dup = [f for f in report["findings"] if f["rule"] == "duplicate-paragraph"]
    assert len(dup) == 1 and dup[0]["location"]["line"] == 53
    assert report["summary"]["error"] == sum(1 for f in report["findings"] if f["severity"] == "error")


def test_sarif_is_valid_2_1_0():
    result = run("validate", str(PLAN_000), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    assert len(sarif["runs"]) == 1
    run0 = sarif["runs"][0]
    driver = run0["tool"]["driver"]
    assert driver["name"] == "kehoach"
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and "KH101" in ids
    for r in driver["rules"]:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run0["results"]
    for res in run0["results"]:
        assert res["ruleId"] in ids
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].endswith("000_4a6fe417c4c99215.txt")
        assert isinstance(loc["region"]["startLine"], int) and loc["region"]["startLine"] >= 1
    dup = [r for r in run0["results"] if r["ruleId"] == "KH101"]
    assert dup[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 53


def test_github_annotations():
    result = run("validate", str(PLAN_000), "--format", "github", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    dup = [line for line in lines if "duplicate-paragraph" in line]
    assert dup[0].startswith("::warning file=") and ",line=53," in dup[0]
    assert "title=KH101 duplicate-paragraph::" in dup[0]
    assert "\n" not in dup[0]


def test_text_output_groups_by_file_with_a_summary_line(tmp_path, clean):
    result = run("validate", str(PLAN_000), str(clean))
    out = result.stdout
    assert out.index("000_4a6fe417c4c99215.txt") < out.index("clean.txt")
    assert "dòng 53" in out and "cảnh báo" in out and "KH101 duplicate-paragraph" in out
    assert out.strip().splitlines()[-1].startswith("Tổng cộng:") and "trong 2 tệp" in out
    en = run("validate", str(PLAN_000), "--lang", "en").stdout
    assert "line 53" in en and en.strip().splitlines()[-1].startswith("Total:")


def test_directory_is_walked_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "plan.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / "top.md").write_text(CLEAN, encoding="utf-8")
    result = run("validate", str(tmp_path), "--format", "json")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert [Path(p).name for p in paths] == ["plan.txt", "top.md"]
    assert result.exit_code == 0


# ---- config ----------------------------------------------------------------------------


def test_pyproject_config_is_found_upward(tmp_path, warned):
    (tmp_path / "pyproject.toml").write_text('[tool.kehoach]\nfail-on = "warning"\n', encoding="utf-8")
    assert run("validate", str(warned)).exit_code == 1


def test_kehoach_toml_severity_and_ignore(tmp_path, warned):
    (tmp_path / "kehoach.toml").write_text('ignore = ["date-format"]\n', encoding="utf-8")
    result = run("validate", str(warned), "--fail-on", "info")
    assert result.exit_code == 0 and "KH406" not in result.stdout
    (tmp_path / "kehoach.toml").write_text('[severity]\ndate-format = "error"\n', encoding="utf-8")
    assert run("validate", str(warned)).exit_code == 1


def test_explicit_config_and_bad_config(tmp_path, warned):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('select = ["KH4"]\nlang = "en"\nfail-on = "warning"\n', encoding="utf-8")
    result = run("validate", str(warned), "--config", str(cfg))
    assert result.exit_code == 1 and "months 1 and 2" in result.stdout
    cfg.write_text("select = [", encoding="utf-8")
    result = run("validate", str(warned), "--config", str(cfg))
    assert result.exit_code == 2 and "elsewhere.toml" in result.stderr


def test_known_units_from_config(tmp_path):
    table = (
        "STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian thực hiện\n"
        "1\tCung cấp thông tin về kiểm soát thủ tục hành chính cho người dân\tVăn phòng HDND và huyện\tThường xuyên\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(
        CLEAN.replace(
            "Đinh Nguyên Vũ\n",
            "Đinh Nguyên Vũ\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 20/KH-UBND ngày 18/02/2021 của UBND huyện Quế Sơn)\n\n"
            + table,
        ),
        encoding="utf-8",
    )
    (tmp_path / "kehoach.toml").write_text('units = ["Văn phòng HĐND và UBND huyện"]\n', encoding="utf-8")
    report = json.loads(run("validate", str(path), "--format", "json", "--select", "unit-near-miss").stdout)
    assert [f["excerpt"] for f in report["findings"]] == ["Văn phòng HDND và huyện"]


# ---- rules -----------------------------------------------------------------------------


def test_rules_lists_every_rule():
    result = run("rules", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) >= 20
    assert any(line.startswith("KH101  duplicate-paragraph") and "warning" in line for line in lines)


def test_rules_name_prints_its_documentation():
    result = run("rules", "duplicate-paragraph")
    assert result.exit_code == 0 and "PASS::" in result.stdout and "FAIL::" in result.stdout
    assert run("rules", "KH501").stdout.startswith("reference-type-mismatch (KH501, lỗi)")  # Vietnamese by default
    assert run("rules", "KH501", "--lang", "en").stdout.startswith("reference-type-mismatch (KH501, error)")
    assert run("rules", "nope").exit_code == 2


def test_stdin_and_globs(tmp_path):
    result = runner.invoke(
        app,
        ["validate", "-", "--format", "json", "--select", "KH5"],
        input="KẾ HOẠCH\nTuyên truyền năm 2024\n\nCăn cứ Quyết định số 07/KH-UBND ngày 20/01/2024 của UBND tỉnh.\n",
    )
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["reference-type-mismatch"]
    assert report["findings"][0]["file"] == "<stdin>" and result.exit_code == 1
    result = run(
        "validate", str(SAMPLES / "00[13]_*.txt"), "--format", "json", "--select", "draft-blank,heading-numbering"
    )
    files = [Path(f["path"]).name[:3] for f in json.loads(result.stdout)["files"]]
    assert files == ["001", "003"] and result.exit_code == 0
    result = run("validate", str(tmp_path / "nothing-*.txt"))
    assert result.exit_code == 2 and "nothing-*.txt" in result.stderr


def test_english_summary_line(warned):
    out = run("validate", str(warned), "--lang", "en").stdout
    assert out.strip().splitlines()[-1] == "Total: 0 errors, 1 warning, 0 info in 1 file(s)"


def test_folder_walk_validates_documents_not_readmes_or_code(tmp_path, clean):
    """In a folder, a README or a source file is not a draft plan: it is not validated."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "plan.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "README.md").write_text(
        "# Drafts\n\nThis folder holds the drafts we send for comments.\n", encoding="utf-8"
    )
    result = run("validate", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    names = [Path(f["path"]).name for f in json.loads(result.stdout)["files"]]
    assert names == ["plan.txt"]
