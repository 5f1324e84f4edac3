"""DOCX speed against the python-docx floor, file by file (in-process CPU time, median of --repeat).

    python bench/bench_docx.py [FILE_OR_FOLDER ...]   # default: ../shared/realdocs and ../shared/corpus

For each .docx: kehoach's full parse (`api.parse`: blocks + plan), the DOCX front-end alone
(`parsers.load`: blocks), and the floor — python-docx loading the file and reading every
paragraph's text and every table cell's text (`Document(path)`, `doc.paragraphs`,
`doc.tables` -> rows -> cells). Prints each, the ratio kehoach / floor and the worst file;
then `kehoach parse` of one 3-page DOCX as a process (median wall and CPU time, process start
included). PDFs: bench_pdf.py / bench_speed.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _timing import median_run

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "realdocs", ROOT.parent / "shared" / "corpus"]
SMALL = ROOT.parent / "shared" / "realdocs" / "laocai-sct_KH-3898_30.6.2026_Huan-luyen-nguoi-quan-ly.docx"


STAT = statistics.median


def median(fn, path: Path, repeat: int) -> float:
    """Median CPU time of `fn(path)` (process time: steadier than wall time on a shared machine;
    `--stat min` takes the least, steadier still when other processes share the CPUs)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn(path)
        times.append(time.process_time() - t)
    return STAT(times)


def floor(path: Path) -> None:
    import docx

    doc = docx.Document(str(path))
    for p in doc.paragraphs:
        _ = p.text  # the property is the work measured
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                _ = cell.text


def kehoach_parse(path: Path) -> None:
    from kehoach import api

    api.parse(path)


def kehoach_blocks(path: Path) -> None:
    from kehoach.parsers import load

    load(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cmd", default=str(ROOT / ".venv" / "bin" / "kehoach"))
    ap.add_argument("--runs", type=int, default=10, help="process runs of `kehoach parse` (0: skip)")
    ap.add_argument("--stat", choices=("median", "min"), default="median", help="of the --repeat CPU times")
    args = ap.parse_args()
    global STAT
    STAT = min if args.stat == "min" else statistics.median
    files: list[Path] = []
    for p in args.paths or DEFAULT:
        files += sorted(p.glob("*.docx")) if p.is_dir() else [p]
    for f in files[:1]:  # warm up: imports, caches
        floor(f), kehoach_parse(f)
    print(f"{'file':<58} {'kehoach':>8} {'blocks':>8} {'floor':>8} {'ratio':>6}")
    worst = (0.0, "")
    for f in files:
        k, b, fl = (
            median(kehoach_parse, f, args.repeat),
            median(kehoach_blocks, f, args.repeat),
            median(floor, f, args.repeat),
        )
        ratio = k / fl
        worst = max(worst, (ratio, f.name))
        print(f"{f.name[:58]:<58} {k * 1000:7.1f}ms {b * 1000:7.1f}ms {fl * 1000:7.1f}ms {ratio:6.2f}")
    print(f"worst kehoach / floor: {worst[0]:.2f} ({worst[1]})")
    if args.runs and SMALL.exists():
        wall, cpu = median_run([args.cmd, "parse", str(SMALL)], args.runs)
        print(f"`kehoach parse {SMALL.name}` as a process, median of {args.runs}: wall {wall:.3f} s, cpu {cpu:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
