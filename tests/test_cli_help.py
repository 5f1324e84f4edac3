"""`kehoach --help` printed from the stored text (launch.py) is typer's, byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from kehoach import launch

_RUN = """
import json, sys
sys.argv = [{argv0!r}] + {args!r}
from kehoach.{module} import {func}
try:
    {func}()
    code = 0
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
sys.stderr.write("\\nRESULT " + json.dumps([code, "typer" in sys.modules]))
"""


def _run(module: str, func: str, args: list[str], columns: int = 100, argv0: str = "kehoach"):
    env = {**os.environ, "COLUMNS": str(columns)}
    r = subprocess.run(
        [sys.executable, "-c", _RUN.format(argv0=argv0, args=args, module=module, func=func)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    err, _, tail = r.stderr.rpartition("\nRESULT ")
    code, typer_loaded = json.loads(tail)
    return r.stdout, err, code, typer_loaded


def test_the_stored_help_is_up_to_date():
    assert launch.write([]) == 0, "src/kehoach/cli_help.py is out of date: python -m kehoach.launch --write"


def test_help_and_bare_command_match_typer_without_importing_it():
    for args in (["--help"], []):
        mine = _run("launch", "main", args)
        theirs = _run("cli", "app", args)
        assert mine[:3] == theirs[:3], args  # stdout, stderr, exit code
        assert "Commands:" in mine[0] + mine[1]
        assert mine[3] is False and theirs[3] is True  # the stored text needs no typer


def test_anything_else_goes_to_typer():
    # a narrow terminal wraps differently; another program name; any other argument
    for args, columns, argv0 in (
        (["--help"], 60, "kehoach"),
        (["--help"], 100, "python -m kehoach"),
        (["rules"], 100, "kehoach"),
    ):
        mine = _run("launch", "main", args, columns, argv0)
        theirs = _run("cli", "app", args, columns, argv0)
        assert mine[:3] == theirs[:3], (args, columns, argv0)
        assert mine[3] is True
