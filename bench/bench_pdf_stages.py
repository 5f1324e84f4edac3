"""Where a PDF's parse time goes, stage by stage, against the raw-text floor (issue 12).

    python bench/bench_pdf_stages.py tests/fixtures/pdf/001_095502a10b21373e.pdf [more.pdf …]

For each file, in this process, the median of `--repeat` runs (CPU time, after one warm-up):

- floor: pypdfium2's raw text of every page (`get_text_range`), as in `bench_speed.py`;
- skeleton: the least any reader of glyph geometry does in Python — per glyph the two
  ctypes calls the fast reader makes (text object, origin) and a tuple, then one sort, one
  clustering into lines and one join per line; no font metrics, tables, rules or plan. It
  is what a rewrite of the reader and the layout code could at best come down to;
- kehoach: `api.parse`, and the share of its stages (timed by wrapping the stage functions:
  preflight, glyphs, shapes, mending and deduping, table finding, table reading, body
  lines, block assembly, plan building; "other" is the rest: page loading, page checks, and
  the whole reading of a file the fast reader leaves to pdfplumber, which the table says).

The ratios to the floor are what issue 12 asks for (kehoach ≤ 8×).
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
from collections import defaultdict
from ctypes import byref, c_double, c_void_p
from pathlib import Path

import bench_speed  # the floor and the timing loop are bench_speed's (run from bench/)

CLOCK = bench_speed.CLOCK  # CPU time, as bench_speed measures
median = bench_speed.median_time  # one warm-up run, then the median of `repeat`
floor = bench_speed.floor_pdf  # the raw-text floor bench_speed compares with


def skeleton(path: Path) -> list[list[str]]:
    import pypdfium2 as pdfium

    from kehoach.parsers.pdf.pdfium_bindings import RAW, F, bind, handle

    bind()
    get_obj, origin = RAW["FPDFText_GetTextObject"], RAW["FPDFText_GetCharOrigin"]
    ox, oy = c_double(), c_double()
    pox, poy = byref(ox), byref(oy)
    out: list[list[str]] = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for k in range(len(doc)):
            page = doc[k]
            tp = page.get_textpage()
            h = handle(tp.raw)
            n = F["FPDFText_CountChars"](h)
            buf = (ctypes.c_ushort * (n + 1))()
            got = F["FPDFText_GetText"](h, 0, n, buf)
            text = bytes(buf)[: max(0, got - 1) * 2].decode("utf-16-le", "surrogatepass")
            cp = c_void_p(h)
            glyphs = []
            add = glyphs.append
            for i, t in enumerate(text):
                if not get_obj(cp, i):
                    continue
                origin(cp, i, pox, poy)
                add((-round(oy.value, 1), ox.value, t))
            glyphs.sort()
            lines: list[list[str]] = []
            last = None
            for y, _, t in glyphs:
                if last is None or abs(y - last) > 2:
                    lines.append([])
                    last = y
                lines[-1].append(t)
            out.append(["".join(line) for line in lines])
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


STAGES = (  # (module, function, stage)
    ("kehoach.parsers.pdf.preflight", "check", "preflight"),
    ("kehoach.parsers.pdf.pdfium_reader", "_chars", "glyphs"),
    ("kehoach.parsers.pdf.pdfium_reader", "_shapes", "shapes"),
    ("kehoach.parsers.pdf.reading", "mend", "mend + dedupe"),
    ("kehoach.parsers.pdf.reading", "dedupe", "mend + dedupe"),
    ("kehoach.parsers.pdf.reading", "find_tables_in", "table finding"),
    ("kehoach.parsers.pdf.reading", "read_table", "table reading"),
    ("kehoach.parsers.pdf.reading", "group_lines", "body lines"),
    ("kehoach.parsers.pdf.document", "_blocks", "blocks"),
    ("kehoach.api", "build_plan", "plan"),
)


def staged(path: Path, repeat: int) -> tuple[float, dict[str, float]]:
    """kehoach's median time and the mean time of each stage per run."""
    import importlib

    from kehoach import api
    from kehoach.parsers.pdf.fontmetrics import forget_maps

    spent: dict[str, float] = defaultdict(float)
    originals = []
    for module, name, stage in STAGES:
        mod = importlib.import_module(module)
        fn = getattr(mod, name)
        originals.append((mod, name, fn))

        def timed(*a, _fn=fn, _stage=stage, **k):
            t = CLOCK()
            try:
                return _fn(*a, **k)
            finally:
                spent[_stage] += CLOCK() - t

        setattr(mod, name, timed)
    try:
        api.parse(path)
        spent.clear()
        times = []
        for _ in range(repeat):
            forget_maps()  # a file read alone: no font map kept from the run before
            t = CLOCK()
            api.parse(path)
            times.append(CLOCK() - t)
    finally:
        for mod, name, fn in originals:
            setattr(mod, name, fn)
    return statistics.median(times), {k: v / repeat for k, v in spent.items()}


def declined(path: Path) -> str:
    """Why the fast reader leaves `path` to pdfplumber ("" when it reads it): then the
    pdfplumber reading is in "other"."""
    from kehoach.parsers.pdf import pdfium_reader, reading
    from kehoach.parsers.pdf.lines import CharStats

    try:
        reading._read_pages_fast(path, CharStats())
    except pdfium_reader.Unsupported as exc:
        return str(exc)
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from kehoach import api
    from kehoach.errors import KehoachError

    names = [stage for _, _, stage in STAGES]
    stages = list(dict.fromkeys(names)) + ["other"]
    print("| file | floor | skeleton | kehoach | " + " | ".join(stages) + " |")
    print("|" + " --- |" * (4 + len(stages)))
    for arg in args.pdfs:
        path = Path(arg)
        try:
            api.parse(path)
        except KehoachError as exc:  # a scan, an encrypted file: nothing to time
            print(f"| {path.name} | {exc.reason} |" + " |" * (3 + len(stages)))
            continue
        base = median(floor, path, args.repeat)
        why = declined(path)
        name = f"{path.name} (read by pdfplumber: {why})" if why else path.name
        skel = median(skeleton, path, args.repeat)
        total, spent = staged(path, args.repeat)
        spent["other"] = max(0.0, total - sum(spent.values()))
        cells = [f"{spent.get(s, 0.0) / base:.1f}×" for s in stages]
        print(
            f"| {name} | {base * 1000:.1f} ms | {skel / base:.1f}× | {total / base:.1f}× | " + " | ".join(cells) + " |"
        )
    print("\n(stage columns: each stage's time over the floor; they add up to the kehoach column)")


if __name__ == "__main__":
    main()
