"""Batch conversion: discovery, the worker pool (order, time limits, crashes, memory), the
`kehoach parse` command on many inputs (mirrored outputs, registers, summaries, exit codes,
never clobbering a good output, Ctrl-C leaving only complete files)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEEDS_DIR, missing
from helpers import mixed_job
from kehoach import batch
from kehoach.cli import app
from kehoach.i18n import t

SEEDS = SEEDS_DIR
SEED_FILES = sorted(SEEDS.glob("*.txt"))
pytestmark = pytest.mark.skipif(len(SEED_FILES) < 5, reason=missing(SEEDS))
KEHOACH = [sys.executable, "-m", "kehoach"]
runner = CliRunner()


# ---------------------------------------------------------------- jobs run by workers (module level)


def echo_job(source: batch.Source, options: object) -> str:
    return f"{source.name}|{options}"


def _tree(root: Path) -> Path:
    (root / "a" / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(SEED_FILES[0], root / "a" / "b" / "one.txt")
    shutil.copy(SEED_FILES[1], root / "a" / "two.md")
    shutil.copy(SEED_FILES[2], root / "three.txt")
    shutil.copy(SEED_FILES[3], root / ".hidden" / "skip.txt")
    (root / "~$owner.docx").write_bytes(b"\x00" * 162)
    (root / "notes.json").write_text("{}")
    return root


# ---------------------------------------------------------------- discovery


def test_discover_walks_folders_sorted_and_filters(tmp_path: Path):
    root = _tree(tmp_path / "in")
    found = batch.discover([str(root)])
    assert [s.rel for s in found] == ["a/b/one.txt", "a/two.md", "three.txt"]
    assert all(Path(s.name).is_file() for s in found)


def test_discover_globs_files_and_duplicates(tmp_path: Path):
    root = _tree(tmp_path / "in")
    one = root / "a" / "b" / "one.txt"
    found = batch.discover([str(one), str(root / "**" / "*.txt"), str(root / "*.json")])
    # the explicit file first, then the glob without it again; *.json gives no plan file
    assert [s.name for s in found[:2]] == [str(one), str(root / "three.txt")]
    assert found[1].rel == "three.txt"
    assert found[2].problem == ("no_match", ())
    assert len(found) == 3


def test_discover_keeps_missing_files_as_failures_and_any_suffix(tmp_path: Path):
    odd = tmp_path / "plan.rtf"
    odd.write_text("x")
    found = batch.discover([str(tmp_path / "missing.docx"), str(odd)])
    assert [s.name for s in found] == [str(tmp_path / "missing.docx"), str(odd)]


def test_discover_stdin_and_usage_errors(tmp_path: Path):
    found = batch.discover(["-"], stdin=io.BytesIO("KẾ HOẠCH".encode()))
    assert found[0].is_stdin and found[0].name == batch.STDIN_NAME and found[0].data == "KẾ HOẠCH".encode()
    with pytest.raises(batch.UsageError) as info:
        batch.discover(["-", "-"], stdin=io.BytesIO(b"x"))
    assert info.value.reason == "stdin_twice"
    (tmp_path / "empty").mkdir()
    with pytest.raises(batch.UsageError) as info:
        batch.discover([str(tmp_path / "empty")])
    assert info.value.reason == "empty_folder"
    assert str(tmp_path / "empty") in info.value.message("en") and ".docx" in info.value.message("en")
    assert batch.discover_paths([str(SEEDS)]) == [str(p) for p in SEED_FILES]


def test_output_targets_mirror_and_resolve_clashes(tmp_path: Path):
    sources = [
        batch.Source("x/a/b.docx", "a/b.docx"),
        batch.Source("x/a/b.pdf", "a/b.pdf"),
        batch.Source("y/c.txt", "c.txt"),
        batch.Source("z/c.txt", "c.txt"),
        batch.Source("<stdin>", "stdin"),
    ]
    targets = batch.output_targets(sources, tmp_path, ["json"])
    names = [targets[(i, "json")].relative_to(tmp_path).as_posix() for i in range(len(sources))]
    assert names == ["a/b.docx.json", "a/b.pdf.json", "c.txt.json", "c.txt.2.json", "stdin.json"]
    assert len(set(names)) == len(names)


def test_layout_decisions(tmp_path: Path):
    decide = batch.Layout.decide
    assert decide(1, ["json"], None, False).mode == "stdout"
    assert decide(1, ["json"], tmp_path / "x.json", False).mode == "file"
    folder = decide(3, ["json", "xlsx"], tmp_path / "out", True)
    assert (folder.mode, folder.per_file, folder.registers) == ("folder", ("json", "xlsx"), ("xlsx", "csv"))
    folder = decide(3, ["json", "xlsx"], tmp_path / "out", False)  # one workbook per input, no register
    assert (folder.per_file, folder.registers) == (("json", "xlsx"), ())
    assert decide(1, ["xlsx"], str(tmp_path / "out") + "/", False).per_file == ("xlsx",)
    assert decide(1, ["xlsx"], tmp_path / "out", False).mode == "file"
    assert decide(2, ["json", "csv"], tmp_path / "out", False).registers == ()
    with pytest.raises(batch.UsageError):
        decide(2, ["xlsx"], None, False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(batch.UsageError):
        decide(2, ["json"], tmp_path / "file", False)
    clash = [batch.Source("a/kehoach-register.txt", "kehoach-register.txt"), batch.Source("b.txt", "b.txt")]
    with pytest.raises(batch.UsageError) as info:
        batch.convert(clash, ["csv"], output=tmp_path / "out", combined=True)
    assert info.value.reason == "output_clash"


# ---------------------------------------------------------------- the pool


def test_pool_returns_input_order_same_as_one_job():
    sources = batch.discover([str(p) for p in SEED_FILES])
    one = batch.run(sources, batch.parse_job, batch.ParseOptions(formats=("json", "csv")), jobs=1, in_process=False)
    two = batch.run(sources, batch.parse_job, batch.ParseOptions(formats=("json", "csv")), jobs=2)
    assert [o.source for o in two.outcomes] == sources
    assert [o.value.texts for o in one.outcomes] == [o.value.texts for o in two.outcomes]
    assert all(json.loads(o.value.texts["json"])["source"]["path"] == o.source.name for o in two.outcomes)
    assert all(0 < o.peak_rss_mb < 1024 for o in two.outcomes)


def test_pool_survives_hang_crash_bug_and_memory_hog(tmp_path: Path):
    words = ["ok1", "hang", "ok2", "crash", "bug", "hog", "ok3"]
    for i, word in enumerate(words):
        (tmp_path / f"{i}.txt").write_text(word, encoding="utf-8")
    sources = batch.discover([str(tmp_path)])
    result = batch.run(sources, mixed_job, None, jobs=2, timeout=3, lang="en", memory_mb=1024)
    errors = {Path(o.source.name).read_text(): o.error for o in result.outcomes}
    assert [o.value for o in result.outcomes if o.ok] == ["ok1", "ok2", "ok3"]
    assert errors["hang"] == f"{sources[1].name}: {t('timeout', 'en', seconds='3')}"
    assert t("worker_crashed", "en", detail="SIGKILL") in errors["crash"]
    assert errors["bug"].startswith(f"{sources[4].name}: ") and "ValueError: a bug" in errors["bug"]
    assert errors["hog"] == f"{sources[5].name}: {t('out_of_memory', 'en')}"
    assert all("\n" not in e for e in errors.values() if e)
    assert not result.interrupted


def test_in_process_time_limit(tmp_path: Path):
    (tmp_path / "h.txt").write_text("hang", encoding="utf-8")
    result = batch.run(batch.discover([str(tmp_path / "h.txt")]), mixed_job, None, timeout=1, lang="en")
    assert result.jobs == 1 and result.outcomes[0].error.endswith(t("timeout", "en", seconds="1"))


def test_workers_are_recycled_and_results_still_ordered(tmp_path: Path):
    sources = [batch.Source(f"f{i}", f"f{i}") for i in range(9)]
    result = batch.run(sources, echo_job, "opt", jobs=2, max_tasks_per_child=2)
    assert [o.value for o in result.outcomes] == [f"f{i}|opt" for i in range(9)]


# ---------------------------------------------------------------- the command


def _cli(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CI": "1"}
    return subprocess.run([*KEHOACH, *args], input=input, capture_output=True, cwd=cwd, env=env, timeout=120)


def test_single_file_json_to_stdout_and_single_failure_exit_2(tmp_path: Path):
    done = _cli("parse", str(SEED_FILES[0]), "--format", "json")
    assert done.returncode == 0 and done.stderr == b""
    assert json.loads(done.stdout)["source"]["path"] == str(SEED_FILES[0])
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\x00" * 100)
    done = _cli("parse", str(bad))
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode().strip().count("\n") == 0 and str(bad) in done.stderr.decode()


def test_stdin_plan(tmp_path: Path):
    done = runner.invoke(app, ["parse", "-", "-f", "csv"], input=SEED_FILES[1].read_bytes())
    assert done.exit_code == 0
    rows = list(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert rows[0][0] == "id" and len(rows) > 5
    empty = runner.invoke(app, ["parse", "-"], input=b"")
    assert empty.exit_code == 2 and batch.STDIN_NAME in empty.stderr


def test_batch_to_folder_mirrors_tree_with_register(tmp_path: Path):
    root = _tree(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["parse", str(root), "-o", str(out), "-f", "json,csv", "--combined", "--summary", "json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["total"] == summary["ok"] == 3 and summary["failures"] == []
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert produced == [
        "a/b/one.csv",
        "a/b/one.json",
        "a/two.csv",
        "a/two.json",
        "kehoach-register.csv",
        "three.csv",
        "three.json",
    ]
    register = list(csv.reader(io.StringIO((out / "kehoach-register.csv").read_text(encoding="utf-8-sig"))))
    assert register[0][0] == "source"
    sources = [r[0] for r in register[1:]]
    expected = [str(root / "a/b/one.txt"), str(root / "a/two.md"), str(root / "three.txt")]
    assert list(dict.fromkeys(sources)) == [
        s for s in expected if json.loads((out / Path(s).relative_to(root).with_suffix(".json")).read_text())["tasks"]
    ]
    for rel in ("a/b/one", "a/two", "three"):
        per_file = list(csv.reader(io.StringIO((out / f"{rel}.csv").read_text(encoding="utf-8-sig"))))
        assert len(per_file) - 1 == sum(
            1 for s in sources if s.endswith(Path(rel).name + (".md" if rel == "a/two" else ".txt"))
        )


def test_failed_run_never_clobbers_a_good_output(tmp_path: Path):
    plan = tmp_path / "in" / "plan.txt"
    other = tmp_path / "in" / "other.txt"
    plan.parent.mkdir()
    shutil.copy(SEED_FILES[0], plan)
    shutil.copy(SEED_FILES[1], other)
    out = tmp_path / "out"
    assert _cli("parse", str(plan.parent), "-o", str(out), "-q").returncode == 0
    good = (out / "plan.json").read_bytes()
    plan.write_bytes(b"\x00\x01binary now" * 50)  # the plan is damaged since
    os.utime(other)
    done = _cli("parse", str(plan.parent), "-o", str(out), "--summary", "json")
    assert done.returncode == 1
    summary = json.loads(done.stdout)
    assert [f["file"] for f in summary["failures"]] == [str(plan)]
    assert (out / "plan.json").read_bytes() == good
    assert not list(out.glob(".*.tmp"))


def test_usage_errors_exit_2(tmp_path: Path):
    for args in (
        ["parse", str(SEED_FILES[0]), "-f", "yaml"],
        ["parse", str(SEED_FILES[0]), "-f", "xlsx"],
        ["parse", str(SEED_FILES[0]), "-j", "0"],
        ["parse", str(tmp_path)],
        ["parse", str(SEED_FILES[0]), "--summary", "xml"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_batch_exit_1_and_text_summary_lists_failures(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    done = runner.invoke(app, ["parse", str(SEED_FILES[0]), str(bad), "--lang", "en"])
    assert done.exit_code == 1
    assert json.loads(done.stdout)[0]["source"]["path"] == str(SEED_FILES[0])  # a list for several inputs
    err = done.stderr
    assert "1/2 files converted, 1 failed" in err and f"{bad} → " in err and "Traceback" not in err


def test_jobs_1_and_2_write_identical_bytes(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(2):
        for seed in SEED_FILES:
            shutil.copy(seed, inputs / f"{i}_{seed.name}")
    trees = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        result = batch.convert(
            batch.discover([str(inputs)]), ["json", "csv", "xlsx"], output=out, combined=True, jobs=jobs
        )
        assert result.failed == 0 and result.batch.jobs == jobs
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))})
    assert len(trees[0]) == 3 * 10 + 2 and trees[0] == trees[1]  # json, csv, xlsx per input + 2 registers


def test_ctrl_c_leaves_only_complete_files(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i, seed in enumerate(SEED_FILES):
        shutil.copy(seed, inputs / f"a{i}.txt")
    slow = SEED_FILES[1].read_bytes() * 300  # a few seconds of parsing each, under the 10 MB text cap
    for i in range(3):
        (inputs / f"z{i}.txt").write_bytes(slow)
    out = tmp_path / "out"
    env = {**os.environ, "CI": "1"}
    proc = subprocess.Popen(
        [*KEHOACH, "parse", str(inputs), "-o", str(out), "-j", "1", "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not (out / "a4.json").exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr and b"stopped on request" in stdout
    written = sorted(p.name for p in out.iterdir())
    assert written[:5] == [f"a{i}.json" for i in range(5)] and not any(n.endswith(".tmp") for n in written)
    for p in out.iterdir():
        json.loads(p.read_text(encoding="utf-8"))  # every file left is complete


def test_registers_from_worker_rows_equal_registers_from_plans(tmp_path: Path):
    """Workers send plain rows, not Plans; the registers are the same bytes either way."""
    from kehoach import api
    from kehoach.export.csv_out import plan_csv
    from kehoach.export.xlsx_out import plans_xlsx

    result = batch.convert(
        batch.discover([str(p) for p in SEED_FILES]), ["csv", "xlsx"], output=tmp_path, combined=True, jobs=2
    )
    assert result.failed == 0
    plans = [api.parse(p) for p in SEED_FILES]
    assert (tmp_path / "kehoach-register.csv").read_bytes() == plan_csv(plans, with_source=True).encode("utf-8")
    assert (tmp_path / "kehoach-register.xlsx").read_bytes() == plans_xlsx(plans)
