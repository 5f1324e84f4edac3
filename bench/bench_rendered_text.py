"""Text plans rendered as DOCX and PDF: do the three formats give the same register?

    python bench/bench_rendered_text.py OUT_DIR [FOLDER ...]   # default: ../shared/webcopies ../shared/corpus
    python bench/bench_rendered_text.py OUT_DIR -v             # list every task that differs

Every .md / .txt plan of the folders is written as a UBND-style DOCX by the fixture generator
(`tests/fixtures/make_docx.seed_docx`, typed and Word-numbered variants), the DOCX printed to
PDF by LibreOffice, and the three files parsed; tasks are compared on content, lead, support
and timeline.raw with tone-insensitive keys (as tests/test_cross_format.py does for real
DOCX). Prints one line per file that differs and the share of agreeing tasks text/DOCX,
DOCX/PDF and text/PDF. Not a test: the generator lays out web copies as best it can (a
"|"-per-line appendix stays paragraphs in the DOCX, which no issuer writes), so the figure is
a search light for PDF layout the parser misreads — e.g. justified lines widened by a line
break, found this way — not a score. Needs `soffice`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import make_docx  # noqa: E402

from kehoach import api  # noqa: E402
from kehoach.parsers.doc import soffice_binary  # noqa: E402
from test_cross_format import agreement, task_keys  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "webcopies", ROOT.parent / "shared" / "corpus"]


def render(sources: list[Path], out: Path) -> list[tuple[Path, Path, Path]]:
    """(text plan, DOCX, PDF) for every source, typed and Word-numbered."""
    exe = soffice_binary()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    (out / "docx").mkdir(parents=True, exist_ok=True)
    (out / "pdf").mkdir(exist_ok=True)
    made = []
    for src in sources:
        for autonum in (False, True):
            docx = out / "docx" / f"{src.stem}{'.autonum' if autonum else ''}.docx"
            make_docx.seed_docx(src, docx, autonum)
            made.append((src, docx, out / "pdf" / f"{docx.stem}.pdf"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
            + ["--outdir", str(out / "pdf"), *(str(d) for _, d, _ in made)],
            capture_output=True,
            check=False,
        )
    return [m for m in made if m[2].exists()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sources = sorted(p for f in args.folders if f.is_dir() for p in f.iterdir() if p.suffix in (".md", ".txt"))
    sources = [p for p in sources if p.name != "SOURCES.md"]
    totals = {"text/docx": [0, 0], "docx/pdf": [0, 0], "text/pdf": [0, 0]}
    for src, docx, pdf in render(sources, args.out):
        t, d, p = api.parse(src).tasks, api.parse(docx).tasks, api.parse(pdf).tasks
        pairs = {"text/docx": (t, d), "docx/pdf": (d, p), "text/pdf": (t, p)}
        got = {k: agreement(a, b) for k, (a, b) in pairs.items()}
        for k, (agree, n) in got.items():
            totals[k][0] += agree
            totals[k][1] += n
        if any(agree < n for agree, n in got.values()):
            print(" ".join(f"{k} {a}/{n}" for k, (a, n) in got.items()), docx.name)
            if args.verbose:
                for k in ("text/docx", "docx/pdf"):
                    a, b = pairs[k]
                    ka, kb = [task_keys(x) for x in a], [task_keys(x) for x in b]
                    for mark, only in (("<", [x for x in ka if x not in kb]), (">", [x for x in kb if x not in ka])):
                        for keys in only:
                            print(f"    {k} {mark}", [s[:60] for s in keys])
    for k, (agree, n) in totals.items():
        print(f"{k}: {agree}/{n} = {agree / n if n else 1.0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
