"""Start-up time of the CLI: median wall time of `kehoach --help`, `kehoach rules` and
`kehoach parse` of one small DOCX over N runs, plus the heaviest imports of `--help`.

    python bench/bench_cli.py [--cmd .venv/bin/kehoach] [--runs 10] [--docx FILE] [--compile]

Cached bytecode matters: where PYTHONDONTWRITEBYTECODE is set (or the tree is read-only)
and kehoach's modules have no .pyc, every run compiles them from source, about 80-110 ms of
CPU of a `kehoach parse`. An installed wheel has its bytecode; `--compile` writes it for the
source tree first (compileall), so the figures are those of an installed kehoach. The script
says which case it measured.

The compiled `regex` patterns are cached too (`kehoach.pattern_store`, in the user's cache
directory): `parse docx` is measured after one run that fills the store, as every run after
the first finds it, and again with the store off (`KEHOACH_CACHE_DIR=""`), as a first run is.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from _timing import median_run

HERE = Path(__file__).resolve().parent.parent
DOCX = HERE / "../shared/realdocs/laocai-sct_KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx"


def heaviest_imports(python: str, top: int) -> list[tuple[int, str]]:
    """(cumulative µs, module) of `import kehoach.cli`, from python -X importtime."""
    r = subprocess.run([python, "-X", "importtime", "-c", "import kehoach.cli"], capture_output=True, text=True)
    rows = []
    for line in r.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def bytecode_state(python: str) -> str:
    """Whether kehoach's modules (as `python` imports them) have up-to-date cached bytecode."""
    probe = (
        "import importlib.util, os, pathlib, kehoach; root = pathlib.Path(kehoach.__file__).parent; "
        "src = sorted(root.rglob('*.py')); "
        "ok = sum(1 for f in src if os.path.exists(importlib.util.cache_from_source(str(f))) and "
        "os.path.getmtime(importlib.util.cache_from_source(str(f))) >= os.path.getmtime(f)); "
        "print(root, ok, len(src))"
    )
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True).stdout.split()
    if len(out) != 3:
        return "unknown"
    root, ok, total = out
    flag = (
        " (PYTHONDONTWRITEBYTECODE is set: nothing is cached by a run)"
        if os.environ.get("PYTHONDONTWRITEBYTECODE")
        else ""
    )
    return f"{ok} of {total} modules of {root} have cached bytecode{flag}"


def compile_package(python: str) -> None:
    """Write the bytecode of kehoach's modules, as installing a wheel does."""
    root = subprocess.run(
        [python, "-c", "import kehoach, pathlib; print(pathlib.Path(kehoach.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([python, "-m", "compileall", "-q", root], env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default=str(HERE / ".venv/bin/kehoach"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--docx", default=str(DOCX))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--python", default=str(HERE / ".venv/bin/python"), help="for -X importtime")
    ap.add_argument("--compile", action="store_true", help="write kehoach's bytecode first (as a wheel has it)")
    args = ap.parse_args()
    cmd = args.cmd.split()
    python = args.python
    if args.compile:
        compile_package(python)
    print(bytecode_state(python))
    parse = ["parse", args.docx]
    median_run(cmd + parse, 1)  # fills the pattern store
    no_store = {**os.environ, "KEHOACH_CACHE_DIR": ""}
    for label, extra, env in (
        ("--help", ["--help"], None),
        ("rules", ["rules"], None),
        ("parse docx", parse, None),
        ("parse docx, no pattern store", parse, no_store),
    ):
        wall, cpu = median_run(cmd + extra, args.runs, env)
        print(f"kehoach {label:<12} median of {args.runs}: wall {wall:.3f} s  cpu {cpu:.3f} s")
    wall, cpu = median_run([python, "-c", "pass"], args.runs)
    print(f"python -c pass       median of {args.runs}: wall {wall:.3f} s  cpu {cpu:.3f} s")
    print("heaviest imports of `import kehoach.cli` (cumulative):")
    for us, name in heaviest_imports(python, args.top):
        print(f"  {us / 1000:8.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
