"""Outputs never destroy what is not ours, and a batch reports a bad file alone (issue 11).

Each case is built here and run through the real entry point (a traceback would show on
stderr): `-o` naming an input in every spelling, devices and FIFOs written into and never
replaced, unwritable places, names that are not UTF-8 or too long, the folder walk that
skips text files which are not documents, non-plans and diagnostics counted apart, the
empty-folder message, the CSV BOM only where Excel needs it.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach import batch, outputs
from kehoach.cli import app
from kehoach.doclook import looks_like_document, text_looks_like_document
from kehoach.models import Diagnostic

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PLAN_A = SAMPLES / "000_4a6fe417c4c99215.txt"
PLAN_B = SAMPLES / "001_095502a10b21373e.txt"
pytestmark = pytest.mark.skipif(
    not PLAN_A.exists() or not PLAN_B.exists(), reason=f"the committed samples are missing: {SAMPLES}"
)

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 15/UBND-VP
V/v báo cáo tình hình thực hiện nhiệm vụ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Kính gửi: Các sở, ban, ngành tỉnh.

Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị báo cáo tình hình thực hiện nhiệm vụ
năm 2026, gửi về Văn phòng Ủy ban nhân dân tỉnh trước ngày 15/6/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""

ENGLISH_README = """# notes

This folder holds the plans we collected last year. Each file is a plan of a provincial
department; the scripts in tools/ convert them. Run make to rebuild the index, then open
the index in a browser. Questions go to the team channel.
"""

PYTHON = '''"""A helper script."""
import sys


def main() -> int:
    for line in sys.stdin:
        print(line.strip().upper())
    return 0
'''

# a plan pasted without its header: no marker, Vietnamese prose all the same
PROSE = (
    "Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố tổ chức triển khai thực hiện "
    "các nhiệm vụ cải cách hành chính năm 2026; tăng cường kiểm tra, đôn đốc việc giải quyết "
    "thủ tục hành chính; nâng cao chất lượng phục vụ người dân và doanh nghiệp; báo cáo kết quả "
    "thực hiện về Sở Nội vụ trước ngày 15 tháng 12 năm 2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
)


def kehoach(*args: object, cwd: Path, stdout: int | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    """The real console entry point (a traceback would show on stderr)."""
    env = {k: v for k, v in os.environ.items() if k != "KEHOACH_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *map(os.fsencode, map(str, args))],
        cwd=cwd,
        env=env,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    text = proc.stderr.decode("utf-8")
    assert "Traceback" not in text, text
    return [line for line in text.splitlines() if line.strip()]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(os.fsdecode(p) for p in os.listdir(folder))


# ---------------------------------------------------------------- 1. an output naming an input


@pytest.mark.parametrize("spelling", ["direct", "dotted", "absolute", "symlink", "hardlink"])
def test_output_naming_an_input_is_refused(tmp_path: Path, spelling: str):
    plan = tmp_path / "x" / "f.txt"
    plan.parent.mkdir()
    plan.write_bytes(PLAN_A.read_bytes())
    before = digest(plan)
    if spelling == "symlink":
        (tmp_path / "link.json").symlink_to(plan)
    if spelling == "hardlink":
        os.link(plan, tmp_path / "hard.json")
    target = {
        "direct": "x/f.txt",
        "dotted": "./x/./f.txt",
        "absolute": str(plan),
        "symlink": "link.json",
        "hardlink": "hard.json",
    }[spelling]
    files_before = listing(tmp_path), listing(plan.parent)
    proc = kehoach("parse", "x/f.txt", "-o", target, cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2
    assert len(lines) == 1 and target.lstrip("./").replace("/./", "/") in lines[0]
    assert "tệp đầu vào" in lines[0]
    assert digest(plan) == before and (listing(tmp_path), listing(plan.parent)) == files_before
    if spelling == "symlink":
        assert (tmp_path / "link.json").is_symlink()


def test_output_naming_an_input_in_english(tmp_path: Path):
    plan = tmp_path / "f.txt"
    plan.write_bytes(PLAN_A.read_bytes())
    proc = kehoach("parse", "f.txt", "-o", "f.txt", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc) == ["error: f.txt: the output is one of the inputs; an input is never overwritten"]


def test_batch_output_landing_on_an_input_fails_that_file_only(tmp_path: Path):
    folder = tmp_path / "d"
    folder.mkdir()
    named_like_output = folder / "p.json"  # a plan given by name; its output would be itself
    named_like_output.write_bytes(PLAN_A.read_bytes())
    (folder / "q.txt").write_bytes(PLAN_B.read_bytes())
    before = digest(named_like_output)
    proc = kehoach("parse", "d/p.json", "d/q.txt", "-o", "d/", "--summary", "json", "--lang", "en", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 1
    summary = json.loads(proc.stdout)
    assert [f["file"] for f in summary["failures"]] == ["d/p.json"]
    assert "is one of the inputs" in summary["failures"][0]["reason"]
    assert digest(named_like_output) == before
    assert json.loads((folder / "q.json").read_text(encoding="utf-8"))["tasks"]


def test_batch_never_writes_through_a_symlink_to_an_input(tmp_path: Path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    out.mkdir()
    (inputs / "x.txt").write_bytes(PLAN_A.read_bytes())
    (inputs / "y.txt").write_bytes(PLAN_B.read_bytes())
    (out / "x.json").symlink_to(inputs / "x.txt")
    before = digest(inputs / "x.txt")
    proc = kehoach("parse", "in", "-o", "out", "--summary", "json", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 1
    summary = json.loads(proc.stdout)
    assert [f["file"] for f in summary["failures"]] == ["in/x.txt"]
    assert digest(inputs / "x.txt") == before and (out / "x.json").is_symlink()
    assert (out / "y.json").is_file() and summary["written"] == ["out/y.json"]


def test_input_guard_compares_real_paths_and_inodes(tmp_path: Path):
    plan = tmp_path / "a.txt"
    plan.write_text("x", encoding="utf-8")
    os.link(plan, tmp_path / "b.txt")
    (tmp_path / "c.txt").symlink_to(plan)
    guard = outputs.InputGuard([str(plan)])
    assert guard.hits(tmp_path / "b.txt") and guard.hits(tmp_path / "c.txt")
    assert guard.hits(tmp_path / "." / "a.txt") and not guard.hits(tmp_path / "d.txt")
    (tmp_path / "d.txt").write_text("x", encoding="utf-8")  # same bytes, another file
    assert not guard.hits(tmp_path / "d.txt")


# ---------------------------------------------------------------- 2. devices, FIFOs, sockets


def _device(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_mode, st.st_rdev


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_dev_null_is_written_into_and_stays_a_device(tmp_path: Path):
    before = _device("/dev/null")
    assert stat.S_ISCHR(before[0])
    for fmt in ("json", "csv", "xlsx"):
        proc = kehoach("parse", PLAN_A, "-o", "/dev/null", "-f", fmt, cwd=tmp_path)
        err_lines(proc)
        assert proc.returncode == 0
        assert _device("/dev/null") == before
    assert listing(Path("/dev")).count("null") == 1 and not any(n.startswith(".kh-") for n in listing(Path("/dev")))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_dev_full_is_one_line_exit_2_and_stays_a_device(tmp_path: Path):
    before = _device("/dev/full")
    proc = kehoach("parse", PLAN_A, "-o", "/dev/full", "--lang", "en", cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2
    assert lines == ["error: /dev/full: cannot write the output (no space left on the device [ENOSPC])"]
    assert _device("/dev/full") == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_stdout_on_a_full_device_is_one_line_exit_2(tmp_path: Path):
    with open("/dev/full", "wb") as full:
        proc = kehoach("parse", PLAN_A, cwd=tmp_path, stdout=full.fileno())
    lines = err_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1 and "<stdout>" in lines[0] and "ENOSPC" in lines[0]


def test_fifo_is_streamed_to_and_stays_a_fifo(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    proc = kehoach("parse", PLAN_A, "-o", fifo, "-f", "csv", cwd=tmp_path)
    reader.join(timeout=60)
    err_lines(proc)
    assert proc.returncode == 0
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith("\ufeffid,".encode())  # a file: Excel's BOM kept
    assert listing(tmp_path) == ["pipe"]


def test_socket_is_refused(tmp_path: Path):
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        proc = kehoach("parse", PLAN_A, "-o", path, "--lang", "en", cwd=tmp_path)
    finally:
        server.close()
    lines = err_lines(proc)
    assert proc.returncode == 2 and lines == [f"error: {path}: the output is a socket; cannot write to it"]
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_block_device_is_refused(tmp_path: Path):
    path = tmp_path / "blk"
    try:
        os.mknod(path, 0o600 | stat.S_IFBLK, os.makedev(7, 200))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a block device node here ({exc.strerror}): needs root and mknod")
    proc = kehoach("parse", PLAN_A, "-o", path, cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1 and str(path) in lines[0] and "thiết bị khối" in lines[0]
    assert stat.S_ISBLK(os.lstat(path).st_mode)


def test_a_folder_where_an_output_file_goes_fails_that_input(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(PLAN_A.read_bytes())
    (tmp_path / "in" / "b.txt").write_bytes(PLAN_B.read_bytes())
    (tmp_path / "out" / "a.json").mkdir(parents=True)
    proc = kehoach("parse", "in", "-o", "out", "--summary", "json", "--lang", "en", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 1
    summary = json.loads(proc.stdout)
    assert summary["failures"] == [{"file": "in/a.txt", "reason": "in/a.txt: out/a.json: the output is a folder"}]
    assert (tmp_path / "out" / "a.json").is_dir() and (tmp_path / "out" / "b.json").is_file()


def test_symlink_to_a_regular_output_is_written_through(tmp_path: Path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    proc = kehoach("parse", PLAN_A, "-o", "link.json", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 0 and (tmp_path / "link.json").is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["tasks"]


# ---------------------------------------------------------------- 3. unwritable places


@pytest.mark.parametrize(
    "target", ["/proc/kehoach-test.json", "/sys/kehoach-test.json", "/proc/kehoach-test/out/", "plan.txt/out.json"]
)
def test_unwritable_output_is_one_line_exit_2(tmp_path: Path, target: str):
    top = "/" + target.split("/")[1]
    if target.startswith("/") and not os.path.ismount(top):
        pytest.skip(f"{top} is not mounted here")
    (tmp_path / "plan.txt").write_bytes(PLAN_A.read_bytes())
    proc = kehoach("parse", "plan.txt", "-o", target, cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2
    assert len(lines) == 1 and target.rstrip("/") in lines[0] and "không ghi được" in lines[0]
    assert listing(tmp_path) == ["plan.txt"]


@pytest.mark.parametrize(
    "code,words",
    [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system"), (errno.EIO, "input/output error")],
)
def test_write_errors_are_named_in_one_line(tmp_path: Path, monkeypatch, code: int, words: str):
    """A read-only folder does not stop root, so the refusal is simulated at os.open."""
    real_open = os.open

    def refusing(path, flags, *args, **kw):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), path)
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(outputs.os, "open", refusing)
    target = tmp_path / "ro" / "out.json"
    with pytest.raises(outputs.OutputError) as info:
        outputs.write_output(target, "{}")
    assert info.value.message("en") == f"{target}: cannot write the output ({words} [{errno.errorcode[code]}])"
    with pytest.raises(outputs.OutputError):
        outputs.check_target(target)
    assert not (tmp_path / "ro").exists() or listing(tmp_path / "ro") == []


def test_cli_reports_a_refused_folder_in_one_line(tmp_path: Path, monkeypatch):
    real_open = os.open

    def refusing(path, flags, *args, **kw):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(outputs.os, "open", refusing)
    result = CliRunner().invoke(app, ["parse", str(PLAN_A), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"lỗi: {tmp_path / 'out.json'}: không ghi được tệp đầu ra (không có quyền ghi [EACCES])"
    )


def test_failed_write_leaves_no_temp_file_and_keeps_the_old_output(tmp_path: Path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "write", full)
    with pytest.raises(outputs.OutputError) as info:
        outputs.write_output(target, "new")
    monkeypatch.setattr(outputs.os, "write", real_write)
    assert "ENOSPC" in info.value.message("en")
    assert listing(tmp_path) == ["out.json"] and target.read_text(encoding="utf-8") == "old"


# ---------------------------------------------------------------- 4. names


def test_bad_and_long_names_fail_alone_and_later_files_are_written(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/b-bad\xff.txt"
    with open(bad, "wb") as fh:  # a good plan under a name that is not UTF-8
        fh.write(PLAN_A.read_bytes())
    with open(os.fsencode(folder) + b"/c-broken\xfe.txt", "wb") as fh:  # a bad file under such a name
        fh.write(b"\x00\x01\x02" * 200)
    long_name = "d" + "x" * 250 + ".txt"  # 255 bytes: its output name would be 256
    (folder / long_name).write_bytes(PLAN_B.read_bytes())
    (folder / "e-after.txt").write_bytes(PLAN_B.read_bytes())
    (folder / "a-before.txt").write_bytes(PLAN_A.read_bytes())
    proc = kehoach("parse", "in", "-o", "out", "--summary", "json", "--lang", "en", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 1
    summary = json.loads(proc.stdout.decode("utf-8"))
    failures = {f["file"]: f["reason"] for f in summary["failures"]}
    assert set(failures) == {"in/c-broken\\xfe.txt", f"in/{long_name}"}
    assert "file name too long" in failures[f"in/{long_name}"]
    out = os.fsencode(tmp_path / "out")
    assert sorted(os.listdir(out)) == [b"a-before.json", b"b-bad\xff.json", b"e-after.json"]
    with open(out + b"/b-bad\xff.json", "rb") as f:
        plan = json.loads(f.read())
    assert plan["source"]["path"] == "in/b-bad\\xff.txt" and plan["tasks"]
    assert "in/b-bad\\xff.txt" not in failures


def test_single_bad_name_error_is_shown_with_escapes(tmp_path: Path):
    name = os.fsencode(tmp_path) + b"/k\xff.txt"
    with open(name, "wb") as fh:
        fh.write(b"")
    proc = kehoach("parse", os.fsdecode(name), "--lang", "en", cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1 and "k\\xff.txt" in lines[0] and "empty" in lines[0]


def test_temp_names_stay_short_for_a_255_byte_output(tmp_path: Path):
    target = tmp_path / ("y" * 250 + ".json")  # 255 bytes: the old ".{name}.XXXX.tmp" could not exist
    outputs.write_output(target, "{}")
    assert target.read_text(encoding="utf-8") == "{}" and listing(tmp_path) == [target.name]
    name = outputs._temp_name()
    assert name.startswith(".kh-") and name.endswith(".tmp") and len(name) < 32


# ---------------------------------------------------------------- 5. the folder walk


def test_document_look_on_fragments():
    assert text_looks_like_document("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert text_looks_like_document("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
    assert text_looks_like_document("**CỘNG HÒA XÃ HỘI**\n**CHỦ NGHĨA VIỆT NAM**")  # a web copy's split motto
    assert text_looks_like_document("Số: 12/KH-UBND\nabc")
    assert text_looks_like_document("Số:      /KH-UBND")  # a draft
    assert text_looks_like_document("**KẾ HOẠCH**\nTriển khai")
    assert text_looks_like_document("Nơi nhận:\n- Như trên;")
    assert text_looks_like_document(PROSE)
    assert text_looks_like_document(CONG_VAN)
    assert not text_looks_like_document(ENGLISH_README)
    assert not text_looks_like_document(PYTHON)
    assert not text_looks_like_document(
        'The motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" heads every document; '
        "the number line `Số: 20/KH-UBND` sits on the left."
    )
    assert not text_looks_like_document("Hà Nội, Lào Cai, Lâm Đồng: the provinces whose plans are here.")
    assert not text_looks_like_document("Kế hoạch năm nay")  # too short to tell by its words


def test_document_look_keeps_what_the_parser_must_judge(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pdf.txt").write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    (tmp_path / "binary.md").write_bytes(bytes(range(256)) * 4)
    os.mkfifo(tmp_path / "fifo.txt")  # never opened: it would block
    (tmp_path / "readme.md").write_text(ENGLISH_README, encoding="utf-8")
    kept = {p.name: looks_like_document(p) for p in tmp_path.iterdir()}
    assert kept == {"empty.txt": True, "pdf.txt": True, "binary.md": True, "fifo.txt": True, "readme.md": False}


def _mixed_folder(root: Path) -> Path:
    folder = root / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "plan.txt").write_bytes(PLAN_A.read_bytes())
    (folder / "sub" / "prose.md").write_text(PROSE, encoding="utf-8")
    (folder / "cv.txt").write_text(CONG_VAN, encoding="utf-8")
    (folder / "README.md").write_text(ENGLISH_README, encoding="utf-8")
    (folder / "sub" / "tool.txt").write_text(PYTHON, encoding="utf-8")
    return folder


def test_folder_walk_skips_text_that_is_not_a_document_and_counts_it(tmp_path: Path):
    _mixed_folder(tmp_path)
    proc = kehoach("parse", "docs", "-o", "out", "--summary", "json", "--lang", "en", cwd=tmp_path)
    err_lines(proc)
    assert proc.returncode == 0
    summary = json.loads(proc.stdout)
    assert summary["skipped"] == 2 and summary["skipped_files"] == ["docs/README.md", "docs/sub/tool.txt"]
    assert summary["total"] == 3
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")) == [
        "cv.json",
        "plan.json",
        "sub/prose.json",
    ]
    text = kehoach("parse", "docs", "-o", "out2", cwd=tmp_path)
    assert "2 tệp .txt/.md bị bỏ qua (không giống văn bản hành chính)" in text.stdout.decode("utf-8")
    every = kehoach("parse", "docs", "-o", "out3", "--all-text", "--summary", "json", cwd=tmp_path)
    assert json.loads(every.stdout)["skipped"] == 0 and json.loads(every.stdout)["total"] == 5


def test_a_file_named_on_the_command_line_is_always_attempted(tmp_path: Path):
    (tmp_path / "README.md").write_text(ENGLISH_README, encoding="utf-8")
    proc = kehoach("parse", "README.md", "--lang", "en", cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 0 and json.loads(proc.stdout)["is_plan"] is False
    assert lines == ["note: README.md: not a plan — document type: not recognised (unknown)"]


# ---------------------------------------------------------------- 6. non-plans and diagnostics


def test_a_non_plan_is_noticed_in_both_languages(tmp_path: Path):
    (tmp_path / "cv.txt").write_text(CONG_VAN, encoding="utf-8")
    vi = kehoach("parse", "cv.txt", cwd=tmp_path)
    en = kehoach("parse", "cv.txt", "--lang", "en", cwd=tmp_path)
    assert vi.returncode == en.returncode == 0
    assert err_lines(vi) == ["lưu ý: cv.txt: không phải kế hoạch — loại văn bản: Công văn (cong_van)"]
    assert err_lines(en) == ["note: cv.txt: not a plan — document type: official letter (cong_van)"]
    quiet = kehoach("parse", "cv.txt", "-q", cwd=tmp_path)
    assert err_lines(quiet) == []


def test_batch_summary_counts_non_plans_apart(tmp_path: Path):
    _mixed_folder(tmp_path)
    proc = kehoach("parse", "docs", "-o", "out", "--summary", "json", cwd=tmp_path)
    summary = json.loads(proc.stdout)
    assert summary["ok"] == 3 and summary["not_a_plan"] == 2
    assert {f["file"]: f["document_type"] for f in summary["not_a_plan_files"]} == {
        "docs/cv.txt": "cong_van",
        "docs/sub/prose.md": "unknown",
    }
    text = kehoach("parse", "docs", "-o", "out2", "--lang", "en", cwd=tmp_path)
    assert "2 files are not a plan" in text.stdout.decode("utf-8")


@pytest.fixture
def with_diagnostic(monkeypatch):
    """Plans come back with one diagnostic (in-process runs: a single input)."""
    real = batch.parse_source

    def parse(source, ocr=False):
        plan = real(source, ocr)
        plan.diagnostics.append(Diagnostic(code="item-skipped", message="item 3 missing between 2 and 4"))
        return plan

    from kehoach.batch import conversion

    monkeypatch.setattr(conversion, "parse_source", parse)  # parse_job calls it from there


def test_strict_exits_1_when_a_plan_has_diagnostics(with_diagnostic, tmp_path: Path):
    runner = CliRunner()
    plain = runner.invoke(app, ["parse", str(PLAN_A), "-o", str(tmp_path / "a.json"), "--summary", "json"])
    assert plain.exit_code == 0
    assert json.loads(plain.stdout.splitlines()[-1])["with_diagnostics"] == 1
    strict = runner.invoke(app, ["parse", str(PLAN_A), "-o", str(tmp_path / "b.json"), "--strict", "--lang", "en"])
    assert strict.exit_code == 1
    assert "--strict: 1 files have diagnostics" in strict.output
    assert (tmp_path / "b.json").is_file()  # the output is still written


def test_strict_passes_a_plan_without_diagnostics(tmp_path: Path):
    result = CliRunner().invoke(app, ["parse", str(PLAN_A), "--strict"])
    assert result.exit_code == 0 and json.loads(result.stdout)["diagnostics"] == []


# ---------------------------------------------------------------- 7. the empty folder


def test_empty_folder_error_names_the_folder_and_the_suffixes(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    proc = kehoach("parse", "empty", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc) == ["error: nothing to process in the folder empty (looked for: .txt .md .docx .pdf .doc)"]
    (tmp_path / "empty" / "README.md").write_text(ENGLISH_README, encoding="utf-8")
    proc = kehoach("parse", "empty", cwd=tmp_path)
    lines = err_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1
    assert "thư mục empty" in lines[0] and "1 tệp .txt/.md bị bỏ qua" in lines[0] and "--all-text" in lines[0]


# ---------------------------------------------------------------- 8. the CSV BOM


def test_csv_bom_for_files_not_for_pipes(tmp_path: Path):
    piped = kehoach("parse", PLAN_A, "-f", "csv", cwd=tmp_path)
    assert piped.returncode == 0 and piped.stdout.startswith(b"id,")
    asked = kehoach("parse", PLAN_A, PLAN_B, "-f", "csv", "--bom", "-q", cwd=tmp_path)
    assert asked.stdout.startswith("\ufeffsource,id,".encode()) and asked.stdout.count("\ufeff".encode()) == 1
    kehoach("parse", PLAN_A, "-f", "csv", "-o", "a.csv", cwd=tmp_path)
    assert (tmp_path / "a.csv").read_bytes() == "\ufeff".encode() + piped.stdout


# ---------------------------------------------------------------- 10. the README says it


def test_readme_documents_exit_codes_and_output_rules():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    exit_codes = readme[readme.index("Exit codes:") :][:900]
    for needle in ("`0`", "`1`", "`2`", "`130`", "--strict"):
        assert needle in exit_codes, needle
    for needle in ("--bom", "--all-text", "/dev/null", "one workbook per input"):
        assert needle in readme, needle
