"""The real-document corpus (issue 10 point 7): documents fetched from public repositories,
kept in ``../shared/corpus`` (third-party files are not committed here); their list with the
origin of each is ``corpus/SOURCES.md`` and their truth ``corpus/truth/`` in this repository.

Every document parses with exit 0 through ``kehoach parse``; the documents that
``corpus/SOURCES.md`` marks "not a plan" give no tasks; and every DOCX (of the corpus and of
``../shared/realdocs``) gives the same register when LibreOffice renders it to PDF
(that last test lives in ``test_cross_format.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, CORPUS_META, needs
from kehoach.cli import app

ROOT = Path(__file__).resolve().parents[1]
SOURCES = CORPUS_META / "SOURCES.md"
pytestmark = needs(CORPUS)
DOC_SUFFIXES = {".md", ".txt", ".docx", ".doc", ".pdf"}


def corpus_files() -> list[Path]:
    """The documents (SOURCES.md is the list of them, not one of them)."""
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix.lower() in DOC_SUFFIXES and p != SOURCES)


def sources_table() -> dict[str, str]:
    """file name -> the 'plan?' column of SOURCES.md."""
    rows: dict[str, str] = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and Path(cells[0]).suffix.lower() in DOC_SUFFIXES:
            rows[cells[0]] = cells[1]
    return rows


def test_sources_lists_every_corpus_file_with_its_origin():
    rows = sources_table()
    files = {p.name for p in corpus_files()}
    assert files, f"{CORPUS} holds no documents"
    assert files == set(rows), f"unlisted: {sorted(files - set(rows))}; listed but absent: {sorted(set(rows) - files)}"
    text = SOURCES.read_text(encoding="utf-8")
    for name in files:  # every row names a repository, a path and a commit
        row = next(line for line in text.splitlines() if line.startswith(f"| {name} |"))
        assert re.search(r"[\w.-]+/[\w.-]+, `[^`]+`, [0-9a-f]{12}", row), row


def test_corpus_stays_small():
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 40 * 1024 * 1024, f"{CORPUS} is {size / 1e6:.1f} MB"


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> tuple[object, dict[str, dict]]:
    """One `kehoach parse` run over the whole corpus: (CLI result, file name -> plan JSON).

    `--ocr`: the corpus holds a scanned plan (Hải Phòng KH 68, 2020); text-layer PDFs read as before."""
    out = tmp_path_factory.mktemp("corpus-json")
    files = corpus_files()
    result = CliRunner().invoke(
        app, ["parse", *map(str, files), "-f", "json", "-o", f"{out}/", "--summary", "json", "--jobs", "2", "--ocr"]
    )
    plans = {}
    for path in files:
        # two formats of one document share a stem: the batch then names them `<name>.json`
        produced = list(out.rglob(f"{path.name}.json")) or list(out.rglob(f"{path.stem}.json"))
        if produced:
            plans[path.name] = json.loads(produced[0].read_text(encoding="utf-8"))
    return result, plans


def test_every_corpus_file_parses_with_exit_0(parsed):
    result, plans = parsed
    assert result.exit_code == 0, result.output[-2000:]
    assert "Traceback" not in result.output
    missing = [p.name for p in corpus_files() if p.name not in plans]
    assert not missing, f"no JSON written for {missing}"
    for name, plan in plans.items():
        assert {"header", "sections", "tasks"} <= set(plan), name


def test_the_plans_give_tasks(parsed):
    """A plan of the corpus that gives no task at all is a miss worth seeing (not a truth check)."""
    _, plans = parsed
    kinds = sources_table()
    empty = [name for name, kind in kinds.items() if kind.startswith("PLAN") and not plans[name]["tasks"]]
    plan_count = sum(kind.startswith("PLAN") for kind in kinds.values())
    assert plan_count >= 10
    # measured 2026-12-02 on 28 plans: 4 give no task (a KH whose web-copied appendix table is
    # flattened one cell per line with a gap, an NQ whose KH is a markdown table with broken rows,
    # a KH whose a) b) c) items are closed by "Cơ quan chủ trì / phối hợp / Thời gian" blocks, a QĐ
    # whose "plan" is a calendar of dates). More than a third would be a regression.
    assert len(empty) <= plan_count // 3, empty


# the policy is plan/policy.py: a type that is not a plan's gives no tasks unless it carries
# (or, for a QĐ/NQ, approves) a plan; a text of no known type needs a plan's evidence
def test_non_plans_give_no_tasks(parsed):
    _, plans = parsed
    wrong = {
        name: len(plans[name]["tasks"])
        for name, kind in sources_table().items()
        if kind == "not a plan" and (plans[name]["tasks"] or plans[name].get("is_plan") is True)
    }
    assert not wrong, f"non-plans read as plans (file: tasks): {wrong}"
