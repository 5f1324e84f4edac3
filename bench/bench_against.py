"""`validate --against` on a generated folder of plans (not a test: speed belongs here).

    python bench/bench_against.py                 # 1,000 variants of the realdocs and seed plans
    python bench/bench_against.py --plans 300 --checks 30

The variants: the text of each base plan (seeds, realdocs text exports, DOCX bodies with their
tables as tab-separated rows) with every year shifted by 0–3 and, per variant, a quarter of
the vocabulary mapped to other words (so variants of one base are different plans sharing the
genre's words and some boilerplate, as the plans of one province do); one variant in ten gets
a block of 5 long lines pasted verbatim from another variant (of another base). `--near`: the
worst case instead, every variant a light edit of its base (60 % of the lines edited in 1–3
words), so each plan has dozens of near copies in the index. Each variant is parsed with the
text parser (timed apart: parsing is not the index's cost), then: the time to build the index
of all of them, its size, the time of one check (a plan's units looked up, its runs and
findings made), and the share of pasted blocks found.
Times are CPU seconds of this process (the machine may be shared).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import docx  # noqa: E402
import docx.table  # noqa: E402

from kehoach import api  # noqa: E402
from kehoach.validate.config import Config  # noqa: E402
from kehoach.validate.copies import Index, plan_units  # noqa: E402
from kehoach.validate.registry import get_rule  # noqa: E402
from kehoach.validate.rules.copies import findings  # noqa: E402

YEAR = __import__("re").compile(r"\b(20[12]\d)\b")


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    lines = []
    for item in d.iter_inner_content():
        if isinstance(item, docx.table.Table):
            for row in item.rows:
                lines.append("\t".join(c.text.replace("\n", " ") for c in row.cells))
        else:
            lines.append(item.text)
    return "\n".join(lines)


def bases(shared: Path) -> list[tuple[str, str]]:
    out = []
    for f in sorted((shared / "seeds").glob("*.txt")):
        out.append((f.stem, f.read_text(encoding="utf-8")))
    real = shared / "realdocs"
    for f in sorted(real.glob("*")):
        if f.suffix in (".txt", ".md") and f.name != "SOURCES.md":
            out.append((f.stem, f.read_text(encoding="utf-8")))
        elif f.suffix == ".docx":
            out.append((f.stem, docx_text(f)))
    return [(n, t) for n, t in out if len(t) > 2000]


def variant(text: str, rng: random.Random, vocab: list[str], near: bool) -> str:
    shift = rng.randint(0, 3)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    if not near:
        mapping = {w: rng.choice(vocab) for w in vocab if rng.random() < 0.25}
        return "\n".join(" ".join(mapping.get(w, w) for w in line.split(" ")) for line in text.split("\n"))
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        if len(words) >= 8 and "\t" not in line:
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.7:
                for _ in range(rng.randint(1, 3)):
                    words[rng.randrange(1, len(words))] = rng.choice(vocab)
        lines.append(" ".join(words))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--checks", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--near", action="store_true", help="worst case: every plan has dozens of near copies")
    args = ap.parse_args()
    shared = ROOT.parent / "shared"
    base = bases(shared)
    if not base:
        print("no base plans (put ../shared beside the repository)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    vocab = sorted({w for _, t in base for w in t.split() if w.isalpha() and len(w) > 2})
    texts, pasted = [], {}
    for v in range(args.plans):
        b = v % len(base)
        text = variant(base[b][1], rng, vocab, args.near)
        if v % 10 == 0 and v > len(base):
            o = v - 1 - rng.randrange(len(base) - 1)  # an earlier variant of another base
            # sentences, not a task's labelled fields ("- Thời gian thực hiện: …"), which repeat by design
            long_lines = [
                ln
                for ln in texts[o][2].split("\n")
                if len(ln) > 100 and "\t" not in ln and "|" not in ln and ":" not in ln[:50]
            ]
            if len(long_lines) >= 5:
                at = rng.randrange(len(long_lines) - 4)
                block = long_lines[at : at + 5]
                lines = text.split("\n")
                cut = len(lines) // 2
                text = "\n".join([*lines[:cut], *block, *lines[cut:]])
                pasted[v] = (o, block)
        texts.append((f"v{v:04d}-{base[b][0][:30]}.txt", b, text))
    t0 = time.process_time()
    units = []
    for name, _b, text in texts:
        units.append(plan_units(api.parse_text(text, name=name), name, name))
    parse_s = time.process_time() - t0
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    index = Index(units)
    index_s = time.process_time() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n_units = sum(len(u.units) for u in units)
    postings = sum(len(p) for p in index.postings.values())
    print(
        f"{len(base)} base plans, {args.plans} variants, {n_units} units; parse + units + fingerprints (in the "
        f"batch workers for `validate`): {parse_s:.1f} s ({parse_s / args.plans * 1000:.0f} ms/plan)"
    )
    print(
        f"index: {index_s:.2f} s to build, {len(index.postings)} fingerprints, {postings} postings, "
        f"{len(index.formula)} boilerplate fingerprints; peak RSS +{(rss1 - rss0) / 1024:.0f} MB"
    )
    rule = get_rule("copied-from-other-plan")
    config = Config(select=[rule.name])
    checks = sorted(set(list(pasted)[: args.checks // 2] + rng.sample(range(args.plans), args.checks // 2)))
    times, found_blocks, found_any, tried = [], 0, 0, 0
    for v in checks:
        t0 = time.process_time()
        out = findings(rule, units[v], index, config)
        times.append(time.process_time() - t0)
        if v in pasted:
            tried += 1
            o, block = pasted[v]
            best = max((f.related[0]["units"] for f in out if f.related[0]["file"] == texts[o][0]), default=0)
            found_any += best >= 2
            if best >= 4:
                found_blocks += 1
            elif args.verbose:
                print(
                    "missed",
                    texts[v][0],
                    "<-",
                    texts[o][0],
                    [(f.related[0]["file"], f.related[0]["units"], f.message) for f in out][:6],
                )
                for ln in block:
                    print("   ", ln[:90])
    times.sort()
    print(
        f"check: {len(times)} plans against the other {args.plans - 1}: median {times[len(times) // 2] * 1000:.0f} ms, "
        f"max {times[-1] * 1000:.0f} ms, total {sum(times):.2f} s"
    )
    print(
        f"pasted blocks found, from the right plan: {found_any}/{tried} as a run of ≥ 2 units, {found_blocks}/{tried} "
        f"as one run of ≥ 4 of the 5 lines (a pasted line that reads as a heading or a labelled field in "
        f"either plan is not a unit)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
