"""An instant CLI: `kehoach --help` and `kehoach rules` import nothing heavy.

Checked by the modules a fresh interpreter holds after running the command, not by time
(speed is measured in bench/bench_cli.py). A command imports what it needs when it runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# what the two commands must never load: our models and parsers, the rule modules' bodies,
# the batch machinery, and the heavy libraries behind them
HEAVY = (
    "kehoach.models",
    "kehoach.batch",
    "kehoach.api",
    "kehoach.parsers",
    "kehoach.plan",
    "kehoach.validate.rules",
    "kehoach.validate.registry",
    "kehoach.validate.engine",
    "kehoach.report.page",
    "kehoach.diff.compare",
    "kehoach.export",
    "docx",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "openpyxl",
    "jinja2",
    "lxml",
    "regex",
    "PIL",
    "rich",
)

_PROBE = """
import json, sys
from kehoach.cli import app
sys.argv = ["kehoach"] + {args!r}
try:
    app()
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""


def _modules_after(*args: str) -> tuple[str, set[str]]:
    r = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=list(args))], capture_output=True, text=True, timeout=120
    )
    head, _, tail = r.stderr.rpartition("\nMODULES ")
    assert tail, r.stderr
    return r.stdout, set(json.loads(tail))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_imports_nothing_heavy():
    out, modules = _modules_after("--help")
    assert "parse" in out and "validate" in out and "rules" in out  # the help was printed
    assert _heavy(modules) == []
    assert "pydantic" not in modules  # typer loads it only to convert a command's options


@pytest.mark.parametrize("args", [("rules",), ("rules", "KH101", "--lang", "en"), ("rules", "-f", "json")])
def test_rules_reads_the_catalog_not_the_rule_modules(args):
    out, modules = _modules_after(*args)
    assert "KH101" in out
    assert _heavy(modules) == []
    # running a command converts its options: plain ones without Pydantic (cli_coercion)
    assert "pydantic" not in modules


def test_subcommand_help_imports_nothing_heavy():
    for command in ("parse", "validate", "report", "diff"):
        out, modules = _modules_after(command, "--help")
        assert "--lang" in out or "--format" in out, command
        assert _heavy(modules) == [], command


def test_parse_imports_what_it_needs_when_it_runs(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\nI. MỤC ĐÍCH\n1. Tổ chức hội nghị.\n", encoding="utf-8")
    out, modules = _modules_after("parse", str(plan))
    assert json.loads(out)["document_type"] == "ke_hoach"
    assert {"kehoach.batch", "kehoach.models", "kehoach.parsers.text"} <= modules
    # reading `ocr = true` from kehoach.toml checks rule names against the catalog, so the
    # rule modules stay unloaded; one file runs in this process, without multiprocessing
    assert not [m for m in modules if m.startswith("kehoach.validate.rules.")]
    assert "kehoach.batch.pool" not in modules and "multiprocessing" not in modules


_PARSE_PROBE = """
import json, sys
from kehoach.cli import app
from kehoach import models
sys.argv = ["kehoach", "parse", {path!r}]
try:
    app()
except SystemExit:
    pass
sys.stdout.flush()
built = [n for n in ("Plan", "Task", "Header", "Signer", "Location", "Section") if getattr(models, n).__pydantic_complete__]
sys.stderr.write("\\nSTATE " + json.dumps({{"modules": sorted(sys.modules), "built": built}}))
"""


def test_parse_of_a_docx_builds_no_schema_and_loads_no_python_docx():
    """The DOCX package is read with zipfile + lxml, and the plan's models are made with
    model_construct and written by json_out.plan_data: no Pydantic schema is built (nor the
    plugin lookup through importlib.metadata that comes with one), python-docx is not loaded."""
    docx = Path(__file__).resolve().parent / "fixtures" / "docx" / "focused" / "hyperlink.docx"
    r = subprocess.run(
        [sys.executable, "-c", _PARSE_PROBE.format(path=str(docx))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    head, _, tail = r.stderr.rpartition("\nSTATE ")
    assert tail, r.stderr
    state = json.loads(tail)
    assert json.loads(r.stdout)["source"]["format"] == "docx"
    assert state["built"] == []
    modules = set(state["modules"])
    assert "kehoach.parsers.docx.package" in modules
    assert "docx" not in modules and "importlib.metadata" not in modules


# --------------------------------------------------------------- the console script's exit

_RUN_PROBE = """
import sys
sys.argv = ["kehoach"] + {args!r}
from kehoach.launch import run
run()
"""


def _console(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-c", _RUN_PROBE.format(args=args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_the_console_script_exits_with_the_command_s_code_and_complete_outputs(tmp_path):
    """`run` leaves without the interpreter's teardown (launch._leave): the output file is
    whole, stdout is flushed, the exit code is the command's, and the atexit handlers ran (the
    pattern store, written at exit, is there)."""
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\nI. MỤC ĐÍCH\n1. Tổ chức hội nghị.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    out = tmp_path / "plan.json"
    r = _console(["parse", str(plan), "-o", str(out), "-f", "json"], {"KEHOACH_CACHE_DIR": str(cache)})
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["document_type"] == "ke_hoach"
    assert list(cache.iterdir()), "the atexit handler that writes the pattern store did not run"

    r = _console(["parse", str(plan)], {"KEHOACH_CACHE_DIR": ""})
    assert r.returncode == 0 and json.loads(r.stdout)["document_type"] == "ke_hoach"  # flushed

    r = _console(["parse", str(tmp_path / "missing.docx")], {"KEHOACH_CACHE_DIR": ""})
    assert r.returncode == 2
    assert "missing.docx" in r.stderr and "Traceback" not in r.stderr

    r = _console(["validate", str(plan), "--fail-on", "info"], {"KEHOACH_CACHE_DIR": ""})
    assert r.returncode == 1, r.stderr  # the plan has findings: the CI exit code survives


def test_leave_exits_only_when_it_is_safe(monkeypatch):
    """A message to print (a string code) or a thread still running: Python's own exit."""
    import atexit
    import os
    import threading

    from kehoach import launch

    calls: list = []
    monkeypatch.setattr(os, "_exit", lambda code: calls.append(("exit", code)))
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: calls.append("atexit"))
    launch._leave(SystemExit("lỗi: a message for Python to print"))
    assert calls == []
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        launch._leave(SystemExit(0))
    finally:
        stop.set()
        worker.join()
    assert calls == []
    launch._leave(SystemExit(None))
    launch._leave(SystemExit(3))
    assert calls == ["atexit", ("exit", 0), "atexit", ("exit", 3)]
