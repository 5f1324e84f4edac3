"""Time `kehoach diff` on two versions of a plan against two `parse` runs, in the same process.

    python bench/bench_diff.py [OLD NEW] [--repeat N]

Default: the two largest versions of a family in ../shared/realdocs (KH CCHC 2026-2030, draft
17/3 and v2). Prints, each the best of --repeat runs: parse of each version, the comparison
alone (`diff_plans`: alignment, field and word diffs), the whole diff (two parses + compare)
and its ratio to the two parses; then one CLI run (process start included).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
DEFAULT = [
    REALDOCS / "lamdong-ubnd_KH-CCHC-2026-2030_draft-17-3.docx",
    REALDOCS / "lamdong-ubnd_KH-CCHC-2026-2030_v2.docx",
]


def best(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return min(times), value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if len(args.files) != 2:
        ap.error("give two files (OLD NEW) or none")
    old, new = args.files
    for p in (old, new):
        if not p.is_file():
            print(f"missing: {p}", file=sys.stderr)
            return 2
    from kehoach import api
    from kehoach.diff import diff_plans

    t_old, plan_old = best(lambda: api.parse(old), args.repeat)
    t_new, plan_new = best(lambda: api.parse(new), args.repeat)
    t_cmp, result = best(lambda: diff_plans(plan_old, plan_new), args.repeat)
    t_all, _ = best(lambda: diff_plans(api.parse(old), api.parse(new)), args.repeat)
    s = result.summary
    print(f"old  {old.name}: {len(plan_old.tasks)} tasks, parse {t_old * 1000:.0f} ms")
    print(f"new  {new.name}: {len(plan_new.tasks)} tasks, parse {t_new * 1000:.0f} ms")
    print(f"compare only (align + fields + words): {t_cmp * 1000:.1f} ms")
    print(f"diff (2 parses + compare): {t_all * 1000:.0f} ms = {t_all / (t_old + t_new):.2f} x two parse runs")
    print(f"summary: {s.model_dump()}")
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kehoach", "diff", str(old), str(new), "-f", "json"],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    print(f"CLI run (process start included): {(time.perf_counter() - t) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
