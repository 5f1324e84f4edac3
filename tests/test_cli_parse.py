"""`kehoach parse` and `kehoach schema` end to end: the JSON contract, the CSV register, -o,
and one-line errors for bad input (exit 2, no traceback, no output file).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LOC_HA = SAMPLES / "001_095502a10b21373e.txt"
KIEN_TUONG = SAMPLES / "003_de44e36b6cf76cb3.txt"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real console entry point, so a traceback would show on stderr."""
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


# --- JSON ----------------------------------------------------------------------------------


def test_parse_json_has_the_contract_keys():
    result = run("parse", KIEN_TUONG, "-f", "json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert {"schema_version", "source", "is_plan", "header", "sections", "appendices", "tasks", "references"} <= set(
        plan
    )
    assert {"issuer", "number", "place", "date", "title", "signer"} <= set(plan["header"])
    assert {"authority", "position", "name"} <= set(plan["header"]["signer"])
    for section in plan["sections"]:
        assert {"number", "title", "kinds", "children"} <= set(section)
    for t in plan["tasks"]:
        assert {"id", "origin", "group", "content", "products", "lead", "support", "timeline", "notes"} <= set(t)
        assert t["origin"] in ("appendix", "body", "assignment")
        assert t["timeline"] is None or "raw" in t["timeline"]
    for r in plan["references"]:
        assert {"number", "doc_type", "date", "issuer"} <= set(r)


def test_parse_json_values_of_a_seed():
    plan = json.loads(run("parse", KIEN_TUONG).stdout)  # json is the default format
    assert plan["header"]["signer"]["name"] == "Nguyễn Văn Vũ"
    assert [s["number"] for s in plan["sections"]] == ["I", "II", "III", "III"]
    assert len(plan["tasks"]) == 31
    first = plan["tasks"][0]
    assert (first["origin"], first["content"]) == (
        "body",
        "Tuyên truyền CCHC trong nội bộ cơ quan, đơn vị, UBND các xã phường",
    )
    assert first["timeline"]["kind"] == "ongoing"
    assert plan["source"]["path"] == str(KIEN_TUONG)


def test_json_is_utf8_not_ascii_escaped():
    out = run("parse", KIEN_TUONG).stdout
    assert "Phòng Nội vụ" in out
    assert "\\u" not in out


def test_several_files_give_a_json_list_in_order():
    result = run("parse", LOC_HA, KIEN_TUONG, "-f", "json")
    assert result.exit_code == 0
    plans = json.loads(result.stdout)
    assert [p["source"]["path"] for p in plans] == [str(LOC_HA), str(KIEN_TUONG)]


# --- CSV -----------------------------------------------------------------------------------


def test_csv_on_stdout_has_no_bom_unless_asked_and_one_row_per_task():
    result = run("parse", LOC_HA, "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("id,")  # a pipe gets no BOM
    with_bom = run("parse", LOC_HA, "-f", "csv", "--bom")
    assert with_bom.exit_code == 0 and with_bom.stdout == "\ufeff" + result.stdout
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["id", "origin", "number", "group", "content"]
    plan = json.loads(run("parse", LOC_HA, "-f", "json").stdout)
    assert len(body) == len(plan["tasks"]) == 26
    assert [r[0] for r in body] == [t["id"] for t in plan["tasks"]]


def test_csv_joins_lists_with_semicolons():
    out = run("parse", LOC_HA, "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out[1:])))
    first = next(r for r in rows if r["content"].startswith("Phát huy hiệu quả các chuyên trang"))
    assert first["lead"] == "Cổng/Trang Thông tin điện tử huyện/xã; Trung tâm VH TT"
    assert first["support"] == "Văn phòng HĐND-UBND; Phòng Tư pháp"
    assert (first["timeline"], first["timeline_kind"], first["start"], first["end"]) == (
        "Thường xuyên trong năm 2024",
        "ongoing",
        "2024-01-01",
        "2024-12-31",
    )


def test_csv_file_is_utf8_with_bom_on_disk(tmp_path):
    target = tmp_path / "so_dang_ky.csv"
    result = run("parse", KIEN_TUONG, "-f", "csv", "-o", target)
    assert result.exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 31 + 1
    assert "PHÒNG NỘI VỤ" in text


# --- -o ------------------------------------------------------------------------------------


def test_output_option_writes_the_file_and_nothing_to_stdout(tmp_path):
    target = tmp_path / "out" / "plan.json"
    result = run("parse", LOC_HA, "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert str(target) in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["header"]["place"] == "Lộc Hà"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]  # no temporary file left behind


def test_output_folder_for_several_files_and_formats(tmp_path):
    result = run("parse", LOC_HA, KIEN_TUONG, "-f", "json,csv", "-o", tmp_path)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{LOC_HA.stem}.json", f"{LOC_HA.stem}.csv", f"{KIEN_TUONG.stem}.json", f"{KIEN_TUONG.stem}.csv"]
    )


# --- errors --------------------------------------------------------------------------------


def _bad_inputs(folder: Path) -> dict[str, Path]:
    empty = folder / "rong.txt"
    empty.write_bytes(b"")
    garbage = folder / "ke_hoach.txt"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    rtf = folder / "ke_hoach.rtf"
    rtf.write_text("{\\rtf1 KẾ HOẠCH}", encoding="utf-8")
    return {"missing": folder / "khong_co.txt", "empty": empty, "binary": garbage, "unsupported": rtf}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "unsupported"])
def test_bad_input_is_one_line_exit_2_no_traceback_no_output(tmp_path, case):
    bad = _bad_inputs(tmp_path)[case]
    target = tmp_path / "out.json"
    proc = run_process("parse", bad, "-o", target, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(bad) in lines[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert not target.exists()


def test_error_messages_name_the_problem_in_both_languages(tmp_path):
    bad = _bad_inputs(tmp_path)
    vi = {case: run("parse", path).stderr.strip() for case, path in bad.items()}
    assert vi["missing"] == f"lỗi: {bad['missing']}: không tìm thấy tệp"
    assert vi["empty"] == f"lỗi: {bad['empty']}: tệp rỗng, không có nội dung"
    assert vi["binary"] == f"lỗi: {bad['binary']}: tệp có đuôi văn bản nhưng chứa dữ liệu nhị phân"
    assert vi["unsupported"].startswith(f"lỗi: {bad['unsupported']}: định dạng không được hỗ trợ (.rtf)")
    en = run("parse", bad["missing"], "--lang", "en")
    assert en.stderr.strip() == f"error: {bad['missing']}: file not found"


def test_a_bad_file_in_a_batch_exits_1_and_the_good_ones_are_written(tmp_path):
    bad = _bad_inputs(tmp_path)["empty"]
    proc = run_process("parse", KIEN_TUONG, bad, "-o", tmp_path / "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert (tmp_path / "out" / f"{KIEN_TUONG.stem}.json").exists()
    assert not (tmp_path / "out" / "rong.json").exists()
    # with -o the batch summary (which lists the failures) goes to stdout
    assert f"{bad} → tệp rỗng, không có nội dung" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_unknown_output_format_is_a_usage_error(tmp_path):
    target = tmp_path / "x.xml"
    result = run("parse", KIEN_TUONG, "-f", "xml", "-o", target)
    assert result.exit_code == 2
    assert "xml" in result.stderr
    assert not target.exists()


# --- schema --------------------------------------------------------------------------------


def test_schema_prints_the_json_schema_of_the_plan():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Plan"
    assert {"header", "sections", "tasks", "references", "is_plan"} <= set(schema["properties"])
    task = schema["$defs"]["Task"]
    assert {"origin", "content", "lead", "support", "timeline", "products"} <= set(task["properties"])
    assert set(task["properties"]["origin"]["enum"]) == {"appendix", "body", "assignment"}


def test_parse_output_validates_against_the_printed_schema_shape():
    schema = json.loads(run("schema").stdout)
    plan = json.loads(run("parse", LOC_HA).stdout)
    assert set(plan) <= set(schema["properties"])
    for t in plan["tasks"]:
        assert set(t) <= set(schema["$defs"]["Task"]["properties"])
