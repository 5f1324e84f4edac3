"""Time `kehoach parse` on the PDF fixtures against plain text extraction, in the same run.

    python bench/bench_pdf.py [PDF ...]        # default: tests/fixtures/pdf/*.pdf (text PDFs only)

For each file: kehoach's full parse in-process (`api.parse`: blocks + plan), the PDF front-end
alone (`parsers.load`), pdfplumber's plain `page.extract_text()` and pypdfium2's raw text
(`get_text_range`), each the best of `--repeat` runs. Prints ms per page and the ratios
kehoach / pdfplumber and kehoach / pypdfium2, then one CLI run (process start included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted(
    p
    for p in (ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf")
    if not p.name.endswith((".encrypted.pdf", ".scanned.pdf"))
)


def best(fn, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return min(times)


def kehoach_parse(path: Path) -> None:
    from kehoach import api

    api.parse(path)


def kehoach_blocks(path: Path) -> None:
    from kehoach.parsers import load

    load(path)


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    doc.close()


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    doc.close()
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.pdfs:
        sys.exit("no PDFs (run tests/fixtures/make_pdf.py first)")
    kehoach_parse(args.pdfs[0])  # warm imports before timing
    cols = ("kehoach", "blocks", "plumber", "pdfium")
    totals = dict.fromkeys(cols, 0.0)
    total_pages = 0
    print(
        f"{'file':42} {'pages':>5} " + " ".join(f"{c + ' ms/p':>13}" for c in cols) + f" {'÷plumber':>9} {'÷pdfium':>9}"
    )
    for path in args.pdfs:
        n = pages_of(path)
        t = {
            "kehoach": best(kehoach_parse, path, args.repeat),
            "blocks": best(kehoach_blocks, path, args.repeat),
            "plumber": best(plumber_text, path, args.repeat),
            "pdfium": best(pdfium_text, path, args.repeat),
        }
        for c in cols:
            totals[c] += t[c]
        total_pages += n
        print(
            f"{path.name[:42]:42} {n:5d} "
            + " ".join(f"{1000 * t[c] / n:13.1f}" for c in cols)
            + f" {t['kehoach'] / t['plumber']:9.2f} {t['kehoach'] / t['pdfium']:9.1f}"
        )
    print(
        f"{'ALL':42} {total_pages:5d} "
        + " ".join(f"{1000 * totals[c] / total_pages:13.1f}" for c in cols)
        + f" {totals['kehoach'] / totals['plumber']:9.2f} {totals['kehoach'] / totals['pdfium']:9.1f}"
    )
    exe = Path(sys.executable).with_name("kehoach")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "kehoach"]
    target = max(args.pdfs, key=pages_of)
    t = time.perf_counter()
    subprocess.run([*cmd, "parse", str(target), "-f", "json"], check=True, stdout=subprocess.DEVNULL)
    print(f"CLI: kehoach parse {target.name} -f json: {time.perf_counter() - t:.2f} s (process start included)")


if __name__ == "__main__":
    main()
