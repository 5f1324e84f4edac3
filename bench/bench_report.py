"""Time and size of `kehoach report` pages (not a test: speed belongs here).

    python bench/bench_report.py                       # the realdocs DOCX plans and the seeds
    python bench/bench_report.py FILE… --repeat 5

Per input, in this process, best of --repeat runs after a warm-up: parse (api.parse),
validate (engine.validate), render (page.render: charts + template), and the page's size.
The issue's budget: the largest real plan's page under 1 MB and under 1 s on top of parsing.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kehoach import api  # noqa: E402
from kehoach.report import PlanInput, render  # noqa: E402
from kehoach.validate.engine import validate  # noqa: E402


def best(fn, repeat: int) -> tuple[float, object]:
    value = fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return min(times), value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    shared = ROOT.parent / "shared"
    files = [Path(f) for f in args.files] or [
        *sorted((shared / "realdocs").glob("*.docx")),
        *sorted((shared / "seeds").glob("*.txt")),
    ]
    if not files:
        print("no inputs (give files, or put ../shared beside the repository)", file=sys.stderr)
        return 2
    print(f"{'file':<58} {'tasks':>5} {'parse ms':>9} {'valid ms':>9} {'render ms':>9} {'KB':>7}")
    items = []
    for f in files:
        tp, plan = best(partial(api.parse, f), args.repeat)
        tv, findings = best(partial(validate, plan), args.repeat)
        item = PlanInput(str(f), plan, findings)
        tr, html = best(partial(render, [item]), args.repeat)
        items.append(item)
        print(
            f"{f.name[:58]:<58} {len(plan.tasks):>5} {tp * 1000:>9.1f} {tv * 1000:>9.1f} {tr * 1000:>9.1f} "
            f"{len(html.encode()) / 1024:>7.1f}"
        )
    tr, html = best(lambda: render(items), args.repeat)
    print(
        f"{'all in one page (' + str(len(items)) + ' plans)':<58} {sum(len(i.plan.tasks) for i in items):>5} "
        f"{'':>9} {'':>9} {tr * 1000:>9.1f} {len(html.encode()) / 1024:>7.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
