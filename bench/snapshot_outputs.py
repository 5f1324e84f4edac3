"""Snapshot `kehoach parse` outputs (JSON and CSV) of every non-scan document in a set of
folders, to check that a refactor leaves them byte-identical.

    python bench/snapshot_outputs.py OUT_DIR [--cmd .venv/bin/kehoach] [folders...]
    diff -r OUT_BEFORE OUT_AFTER

Default folders: ../shared/realdocs, ../shared/seeds, ../shared/webcopies, ../shared/corpus, samples.
Scanned PDFs (``*_scan.pdf``) are skipped: without --ocr they only say "scanned".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DEFAULT = [
    HERE / "../shared/realdocs",
    HERE / "../shared/seeds",
    HERE / "../shared/webcopies",
    HERE / "../shared/corpus",
    HERE / "samples",
]
SUFFIXES = {".docx", ".doc", ".pdf", ".txt", ".md"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--cmd", default=str(HERE / ".venv/bin/kehoach"))
    ap.add_argument("--formats", default="json,csv")
    ap.add_argument("--skip-pdf", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    for folder in args.folders or DEFAULT:
        folder = folder.resolve()
        if not folder.is_dir():
            print(f"skip {folder}: not found", file=sys.stderr)
            continue
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.suffix.lower() in SUFFIXES
            and not p.name.endswith("_scan.pdf")
            and p.name != "SOURCES.md"
            and not (args.skip_pdf and p.suffix.lower() == ".pdf")
        )
        target = out / folder.name
        target.mkdir(parents=True, exist_ok=True)
        for f in files:
            for fmt in args.formats.split(","):
                r = subprocess.run([args.cmd, "parse", str(f), "-f", fmt, "-q"], capture_output=True)
                (target / f"{f.relative_to(folder)}.{fmt}").parent.mkdir(parents=True, exist_ok=True)
                (target / f"{f.relative_to(folder)}.{fmt}").write_bytes(
                    r.stdout + f"\n--- exit {r.returncode}\n".encode() + r.stderr
                )
        print(f"{folder.name}: {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
