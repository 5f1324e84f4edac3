"""OCR of the real scans measured against their typed twins (issue 17).

    nice python bench/bench_ocr.py [--only NAME-PART] [--workers N]

Each scan of ../shared/realdocs that has a typed twin (the same plan as a .doc) is OCR'd
(`api.parse(..., ocr=True)`) and compared with the typed file:
- task agreement (`diff.agreement.task_agreement`: pairs agreeing on content similarity,
  lead and timeline.raw, over the larger register);
- word accuracy of the OCR text against the typed text, with and without tone marks;
- the ceiling: how many of the typed tasks have their text in the scan's OCR text at all
  (a scan of another draft cannot agree on tasks it does not hold);
- seconds per page (wall clock, pages that were not blank), CPU seconds per page (this
  process and Tesseract, which the machine's load does not change) and the load average:
  the machine is shared and the wall clock depends on it. Set KEHOACH_OCR_CACHE to a folder
  to re-run without OCR (the figures are then not speeds).
Scans without a twin are timed and their header printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("KEHOACH_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "realdocs"

PAIRS = [  # (scan, typed twin or None)
    ("lamdong-cat_TTr-196-kem-du-thao-KH-khong-ma-tuy_2026_scan.pdf", "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr196.doc"),
    ("lamdong-cat_TTr-91-kem-du-thao-KH-khong-ma-tuy_2026_scan.pdf", "lamdong-ubnd_KH-khong-ma-tuy-2026_TTr91.doc"),
    ("bca-tctlntw_KH-996-KH-TCTLNTW-C04_2026_scan.pdf", None),
    ("bca_KH-589-KH-BCA-C04_2025_scan.pdf", None),
]


def doc_text(plan) -> str:
    """All text of a parsed document, paragraphs and table cells, in order."""
    from kehoach.blocks import Paragraph, Table

    out = []
    for block in plan.document.blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(cell.text for row in block.rows for cell in row.cells if cell.text)
    return "\n".join(out)


def ceiling(typed_tasks, ocr_text: str, least: float = 0.8) -> int:
    """Typed tasks whose text is in the scan's OCR text at all: at least `least` of their words
    (marks aside) found in order within one stretch of the OCR text. An upper bound for the
    agreement when the scan is another draft than the typed file."""
    import difflib

    from kehoach.diff.agreement import text_words
    from kehoach.vntext import fold

    words = [fold(w) for w in text_words(ocr_text)]
    found = 0
    for task in typed_tasks:
        mine = [fold(w) for w in text_words(" ".join(p for p in (task.content, task.details) if p))]
        if not mine:
            continue
        block = max(
            difflib.SequenceMatcher(None, mine, words, autojunk=False).get_matching_blocks(), key=lambda b: b.size
        )
        start = max(block.b - block.a - 20, 0)
        near = words[start : block.b - block.a + len(mine) + 20]
        matched = sum(b.size for b in difflib.SequenceMatcher(None, mine, near, autojunk=False).get_matching_blocks())
        found += matched / len(mine) >= least
    return found


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract): independent of the
    machine's load, unlike the wall clock; on an idle machine wall ≈ CPU / workers at best."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    from kehoach import api
    from kehoach.diff.agreement import task_agreement, word_accuracy

    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--dump", type=Path, help="write each OCR text to this folder")
    ap.add_argument("--workers", type=int, default=0, help="ocr_workers (default: the CPUs)")
    ap.add_argument("--dpi", type=int, default=0, help="rendering resolution (default: the OCR front-end's)")
    args = ap.parse_args()
    print(f"cpus: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    for scan, typed in PAIRS:
        if args.only not in scan:
            continue
        started, cpu0 = time.perf_counter(), _cpu()
        extra = {k: v for k, v in (("ocr_workers", args.workers), ("dpi", args.dpi)) if v}
        plan = api.parse(REAL / scan, ocr=True, **extra)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu0
        notes = plan.document.source.notes
        read = sum(1 for n in notes if n.startswith("ocr:page") and n.endswith("s") and "blank" not in n)
        h = plan.header
        print(
            f"\n{scan}\n  {seconds:.1f} s, {read} pages read, {seconds / max(read, 1):.2f} s/page wall, "
            f"{cpu / max(read, 1):.2f} CPU-s/page (this process and Tesseract; load {os.getloadavg()[0]:.1f});"
            f" {len(plan.tasks)} tasks; type {plan.document_type}"
            f"{' (wrapper ' + plan.wrapper.document_type + ')' if plan.wrapper else ''}"
        )
        print(f"  header: issuer={h.issuer!r} number={h.number!r} date={h.date!r} place={h.place!r}")
        print(f"          title={(h.title or '')[:90]!r} signer={getattr(h, 'signer', None)!r}")
        extra = [n for n in notes if not n.startswith("ocr:page")][:8]
        if extra:
            print("  notes:", "; ".join(extra))
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / (Path(scan).stem + ".txt")).write_text(doc_text(plan), encoding="utf-8")
        if typed is None:
            continue
        twin = api.parse(REAL / typed)
        ag = task_agreement(twin.tasks, plan.tasks)
        text_a, text_b = doc_text(twin), doc_text(plan)
        print(f"  typed twin {typed}: {len(twin.tasks)} tasks")
        print(f"  task agreement {ag.share:.3f} ({ag.agree}/{ag.total}; typed {ag.typed}, scan {ag.scanned})")
        top = ceiling(twin.tasks, text_b)
        print(f"  ceiling: {top}/{len(twin.tasks)} typed tasks have their text in the scan at all")
        print(
            f"  word accuracy {word_accuracy(text_a, text_b):.3f} (without tone marks "
            f"{word_accuracy(text_a, text_b, tones=False):.3f})"
        )


if __name__ == "__main__":
    main()
