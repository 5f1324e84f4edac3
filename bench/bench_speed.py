"""kehoach against the raw-text floor and MarkItDown, file by file, for any folder (issue 12).

    python bench/bench_speed.py ../shared/realdocs            # every .pdf and .docx in the folder
    python bench/bench_speed.py a.pdf b.docx --repeat 5 --pdf-engine pdfplumber

For each file, in this process, the median of `--repeat` runs (after one warm-up run that
imports everything; CPU time of the process by default, `--clock wall` for wall time) of:

- kehoach: `api.parse` (blocks and plan), the PDF reader chosen by `--pdf-engine`;
- floor: what any reader must do at least — for a PDF pypdfium2's raw text of every page
  (`get_text_range`), for a DOCX python-docx's load plus a walk over the paragraphs and the
  table cells;
- MarkItDown (`pip install 'markitdown[docx,pdf]'`, the `bench` extra): a generic converter
  that extracts no structure; "-" when it is not installed.

Prints a Markdown table with the ratios kehoach / floor and kehoach / MarkItDown, and the
worst ratio of each kind. Scanned PDFs (no text layer) are listed as such and not timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SUFFIXES = (".pdf", ".docx")


def files_of(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if q.suffix.lower() in SUFFIXES))
        elif p.suffix.lower() in SUFFIXES:
            out.append(p)
    return out


CLOCK: Callable[[], float] = time.process_time  # CPU time: stable on a loaded machine


def median_time(fn: Callable[[Path], object], path: Path, repeat: int) -> float:
    fn(path)  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        t = CLOCK()
        fn(path)
        times.append(CLOCK() - t)
    return statistics.median(times)


def kehoach(path: Path) -> object:
    from kehoach import api
    from kehoach.parsers.pdf.fontmetrics import forget_maps

    forget_maps()  # a file read alone: no font map kept from the run before
    return api.parse(path)


def floor_pdf(path: Path) -> object:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage()
            text.get_text_range()
            text.close()
            page.close()
    finally:
        doc.close()
    return None


def floor_docx(path: Path) -> object:
    import docx

    d = docx.Document(str(path))
    n = sum(len(p.text) for p in d.paragraphs)
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


_MARKITDOWN = None


def markitdown(path: Path) -> object:
    global _MARKITDOWN
    if _MARKITDOWN is None:
        from markitdown import MarkItDown

        _MARKITDOWN = MarkItDown()
    return _MARKITDOWN.convert(str(path))


def has_markitdown() -> bool:
    try:
        import markitdown  # noqa: F401
    except ImportError:
        return False
    return True


def pages_of(path: Path) -> str:
    if path.suffix.lower() != ".pdf":
        return ""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception:  # encrypted with a password pdfium does not try
        return "? p"
    n = len(doc)
    doc.close()
    return f"{n} p"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="files or folders (.pdf, .docx)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="CPU time (default) or wall time")
    args = ap.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    os.environ["KEHOACH_PDF_ENGINE"] = args.pdf_engine
    from kehoach.errors import KehoachError

    mkd = has_markitdown()
    print("| file | kehoach | floor | MarkItDown | kehoach / floor | kehoach / MarkItDown |")
    print("| --- | --- | --- | --- | --- | --- |")
    worst_floor = worst_mkd = 0.0
    for path in files_of(args.paths):
        pdf = path.suffix.lower() == ".pdf"
        name = f"{path.name} ({path.suffix[1:]}{', ' + pages_of(path) if pdf else ''})"
        try:
            k = median_time(kehoach, path, args.repeat)
        except KehoachError as exc:
            print(f"| {name} | {exc.reason} | | | | |")
            continue
        try:
            f = median_time(floor_pdf if pdf else floor_docx, path, args.repeat)
        except Exception as exc:  # an encrypted PDF kehoach reads (empty password) but the floor cannot
            print(f"| {name} | {k:.3f} s | floor fails: {type(exc).__name__} | | | |")
            continue
        try:
            m = median_time(markitdown, path, args.repeat) if mkd else None
        except Exception:
            m = None
        rf = k / f if f else float("inf")
        worst_floor = max(worst_floor, rf)
        rm = f"{k / m:.2f}" if m else "-"
        if m:
            worst_mkd = max(worst_mkd, k / m)
        floor_kind = "pypdfium2 text" if pdf else "python-docx"
        print(f"| {name} | {k:.3f} s | {f:.3f} s ({floor_kind}) | {f'{m:.3f} s' if m else '-'} | {rf:.1f} | {rm} |")
    print(
        f"\nworst kehoach / floor {worst_floor:.1f}"
        + (f", worst kehoach / MarkItDown {worst_mkd:.2f}" if mkd else "")
        + f" (PDF engine {args.pdf_engine}, {args.clock} time, median of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
