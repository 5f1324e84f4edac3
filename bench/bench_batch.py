"""kehoach against the raw-extraction floor and a peer converter, then batch scaling.

    python bench/bench_batch.py                     # everything (a few minutes)
    python bench/bench_batch.py --docs 500 --repeat 3 --max-jobs 4
    pip install -e '.[bench]'                       # pypdfium2, MarkItDown (Docling: used if installed)

Part 1, per file, in this process, best of --repeat runs after one warm-up run, on the same files:
  kehoach      api.parse + JSON (the whole pipeline: blocks, plan, tasks)
  floor        DOCX: python-docx load + paragraph and table-cell text; PDF: pypdfium2 text
  pdfplumber   PDF: page.extract_text() (the plain-text mode of the library kehoach uses)
  markitdown   MarkItDown().convert (DOCX via mammoth, PDF via pdfminer)
  docling      only if importable
It prints the totals, ms per page, the ratios kehoach / floor (/ pdfplumber) and kehoach /
markitdown, and each tool's peak memory (max RSS of a fresh process running it over the files).

Part 2, batch: a corpus of >= --docs documents (copies of the seed TXT plans and of the DOCX/PDF
fixtures under tests/fixtures, in a temp dir) converted to JSON with --jobs 1..N through
`batch.convert`; prints seconds, docs/s, speed-up over 1 job, peak RSS per worker, and checks
that the outputs of 1 and 2 jobs are byte-identical.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
REALDOCS = SHARED / "realdocs"
FIXTURES = ROOT / "tests" / "fixtures"


# ---------------------------------------------------------------- the tools


def kehoach(path: Path) -> None:
    from kehoach import api
    from kehoach.export.json_out import plan_json

    plan_json(api.parse(path))


def floor_docx(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)


def floor_pdf(path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def pdfplumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


_MARKITDOWN = None


def markitdown(path: Path) -> None:
    global _MARKITDOWN
    if _MARKITDOWN is None:
        from markitdown import MarkItDown

        _MARKITDOWN = MarkItDown()
    _MARKITDOWN.convert(str(path))


_DOCLING = None


def docling(path: Path) -> None:
    global _DOCLING
    if _DOCLING is None:
        from docling.document_converter import DocumentConverter

        _DOCLING = DocumentConverter()
    _DOCLING.convert(str(path)).document.export_to_markdown()


TOOLS: dict[str, Callable[[Path], None]] = {
    "kehoach": kehoach,
    "floor_docx": floor_docx,
    "floor_pdf": floor_pdf,
    "pdfplumber": pdfplumber_text,
    "markitdown": markitdown,
    "docling": docling,
}


def available(name: str) -> bool:
    module = {"markitdown": "markitdown", "docling": "docling", "floor_pdf": "pypdfium2"}.get(name)
    if module is None:
        return True
    import importlib.util

    return importlib.util.find_spec(module) is not None


# ---------------------------------------------------------------- part 1


def corpus() -> dict[str, list[Path]]:
    """The DOCX and PDF files kehoach converts (a scan or an encrypted file measures nothing)."""
    from kehoach import api
    from kehoach.errors import KehoachError

    found: dict[str, list[Path]] = {"docx": [], "pdf": []}
    for kind in found:
        candidates = sorted((FIXTURES / kind).glob(f"*.{kind}")) + sorted(REALDOCS.glob(f"*.{kind}"))
        for path in candidates:
            try:
                api.parse(path)
            except KehoachError:
                continue
            found[kind].append(path)
    return found


def pages_of(path: Path) -> int:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
        try:
            return len(document)
        finally:
            document.close()
    from kehoach import api

    return api.parse(path).source.pages or 1


def best_of(fn: Callable[[Path], None], path: Path, repeat: int) -> float:
    fn(path)  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mb(tool: str, paths: list[Path]) -> float:
    """Max RSS of a fresh interpreter that imports the tool and runs it over `paths`."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork+exec, so a child of this (big)
    # process would report this process's peak
    here = str(Path(__file__).parent)
    code = (
        f"import sys; sys.path.insert(0, {here!r}); import bench_batch as b; from pathlib import Path\n"
        f"for p in sys.argv[1:]: b.TOOLS[{tool!r}](Path(p))\n"
        "from kehoach.batch import _peak_rss_mb; print(_peak_rss_mb())"
    )
    done = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        return float("nan")
    return float(done.stdout.strip().splitlines()[-1])


def part1(repeat: int) -> dict:
    files = corpus()
    report: dict = {}
    for kind, paths in files.items():
        if not paths:
            continue
        tools = ["kehoach", "floor_docx" if kind == "docx" else "floor_pdf", "markitdown", "docling"]
        if kind == "pdf":
            tools.insert(2, "pdfplumber")
        tools = [t for t in tools if available(t)]
        pages = sum(pages_of(p) for p in paths)
        totals = {t: 0.0 for t in tools}
        failed: dict[str, int] = {}
        for path in paths:
            for tool in tools:
                try:
                    totals[tool] += best_of(TOOLS[tool], path, repeat)
                except Exception:  # a peer that cannot read a file: counted, not timed
                    failed[tool] = failed.get(tool, 0) + 1
        peaks = {t: peak_rss_mb(t, paths) for t in tools}
        floor = "floor_docx" if kind == "docx" else "floor_pdf"
        report[kind] = {
            "files": len(paths),
            "pages": pages,
            "seconds": totals,
            "peak_rss_mb": peaks,
            "failed": failed,
            "ratios": {f"kehoach/{t}": totals["kehoach"] / totals[t] for t in tools if t != "kehoach" and totals[t]},
        }
        print(f"\n{kind.upper()}: {len(paths)} files, {pages} pages (best of {repeat})")
        print(f"  {'tool':<12}{'total s':>10}{'ms/page':>10}{'peak MB':>10}")
        for t in tools:
            print(
                f"  {t:<12}{totals[t]:>10.3f}{1000 * totals[t] / pages:>10.2f}{peaks[t]:>10.0f}"
                + (f"   ({failed[t]} files failed)" if t in failed else "")
            )
        for name, ratio in report[kind]["ratios"].items():
            print(f"  {name:<24}{ratio:>6.2f}x")
        if floor in totals:
            print(f"  -> kehoach is {totals['kehoach'] / totals[floor]:.2f}x the raw-extraction floor")
    return report


# ---------------------------------------------------------------- part 2


def build_corpus(target: Path, docs: int) -> int:
    """Copies of the seed TXT and the DOCX/PDF fixtures, round after round, until >= docs."""
    seeds = sorted(SEEDS.glob("*.txt"))
    fixtures = sorted((FIXTURES / "docx").glob("*.docx")) + sorted(
        p for p in (FIXTURES / "pdf").glob("*.pdf") if not p.name.endswith((".encrypted.pdf", ".scanned.pdf"))
    )
    pool = seeds + fixtures
    count = 0
    rnd = 0
    while count < docs:
        folder = target / f"round{rnd:03d}"
        folder.mkdir(parents=True)
        for path in pool:
            shutil.copy(path, folder / path.name)
            count += 1
        rnd += 1
    return count


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def free_cpus(jobs: int) -> float:
    """How many CPUs this machine really gives us now: `jobs` CPU-bound processes at once vs one.
    A shared machine (another process busy) shows fewer than `jobs`, and no pool can beat that."""
    import multiprocessing as mp

    n = 20_000_000
    start = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - start
    with mp.get_context("spawn").Pool(jobs) as pool:
        pool.map(_burn, [n // 100] * jobs)  # start-up outside the timing
        start = time.perf_counter()
        pool.map(_burn, [n] * jobs)
        many = time.perf_counter() - start
    return jobs * one / many


def part2(docs: int, max_jobs: int) -> dict:
    from kehoach import batch

    report: dict = {"runs": [], "free_cpus_before": free_cpus(max_jobs)}
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        tmp_path = Path(tmp)
        count = build_corpus(tmp_path / "in", docs)
        sources = batch.discover([str(tmp_path / "in")])
        kinds = {}
        for s in sources:
            kinds[Path(s.name).suffix] = kinds.get(Path(s.name).suffix, 0) + 1
        print(f"\nBATCH: {count} documents ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")
        print(f"  free CPUs now (calibration, {max_jobs} busy processes): {report['free_cpus_before']:.2f}")
        print(
            f"  {'jobs':>4}{'seconds':>10}{'docs/s':>9}{'speed-up':>10}{'CPU s':>8}{'failed':>8}{'peak MB/worker':>16}"
        )
        base = None
        for jobs in range(1, max_jobs + 1):
            out = tmp_path / f"out{jobs}"
            start = time.perf_counter()
            result = batch.convert(sources, ["json"], output=out, jobs=jobs, timeout=300)
            seconds = time.perf_counter() - start
            base = base or seconds
            peaks = [o.peak_rss_mb for o in result.batch.done]
            cpu = sum(o.cpu_seconds for o in result.batch.done)
            run = {
                "jobs": jobs,
                "seconds": seconds,
                "docs_per_s": count / seconds,
                "speedup": base / seconds,
                "cpu_seconds": cpu,
                "failed": result.failed,
                "peak_rss_mb_max": max(peaks),
                "peak_rss_mb_median": statistics.median(peaks),
            }
            report["runs"].append(run)
            print(
                f"  {jobs:>4}{seconds:>10.2f}{run['docs_per_s']:>9.1f}{run['speedup']:>9.2f}x{cpu:>8.1f}"
                f"{result.failed:>8}{run['peak_rss_mb_max']:>10.0f} (median {run['peak_rss_mb_median']:.0f})"
            )
        report["free_cpus_after"] = free_cpus(max_jobs)
        print(f"  free CPUs after: {report['free_cpus_after']:.2f}  (a speed-up cannot exceed what the machine gives)")
        if max_jobs >= 2:
            same = _identical(tmp_path / "out1", tmp_path / "out2")
            report["identical_1_vs_2"] = same
            print(f"  outputs of --jobs 1 and --jobs 2 byte-identical: {same}")
    return report


def _identical(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a], shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--max-jobs", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--skip-files", action="store_true", help="only the batch part")
    parser.add_argument("--skip-batch", action="store_true", help="only the per-file part")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    report = {}
    if not args.skip_files:
        report["files"] = part1(args.repeat)
    if not args.skip_batch:
        report["batch"] = part2(args.docs, args.max_jobs)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
