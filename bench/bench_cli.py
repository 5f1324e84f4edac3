"""Start-up time of the CLI: median wall time of `kehoach --help`, `kehoach rules` and
`kehoach parse` of one small DOCX over N runs, plus the heaviest imports of `--help`.

    python bench/bench_cli.py [--cmd .venv/bin/kehoach] [--runs 10] [--docx FILE]
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default=str(HERE / ".venv/bin/kehoach"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--docx", default=str(DOCX))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--python", default=str(HERE / ".venv/bin/python"), help="for -X importtime")
    args = ap.parse_args()
    cmd = args.cmd.split()
    python = args.python
    for label, extra in (("--help", ["--help"]), ("rules", ["rules"]), ("parse docx", ["parse", args.docx])):
        wall, cpu = median_run(cmd + extra, args.runs)
        print(f"kehoach {label:<12} median of {args.runs}: wall {wall:.3f} s  cpu {cpu:.3f} s")
    wall, cpu = median_run([python, "-c", "pass"], args.runs)
    print(f"python -c pass       median of {args.runs}: wall {wall:.3f} s  cpu {cpu:.3f} s")
    print("heaviest imports of `import kehoach.cli` (cumulative):")
    for us, name in heaviest_imports(python, args.top):
        print(f"  {us / 1000:8.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
