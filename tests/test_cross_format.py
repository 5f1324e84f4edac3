"""DOCX and its PDF rendering give the same register (issue 10 point 7).

Every DOCX and DOC of the corpus (``../shared/corpus``) and of ``../shared/realdocs`` is rendered to PDF by LibreOffice once
per session (one ``soffice`` call for all of them, into a temporary cache), both files are
parsed, and the tasks are compared on content, lead, support and timeline.raw with
tone-insensitive keys (``vntext.key``). The share of tasks that agree is printed per document
and overall (run with ``-s`` to see it); the bar is 0.95 overall.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from helpers import tones_apart
from kehoach import api
from kehoach.errors import KehoachError
from kehoach.vntext import key

ROOT = Path(__file__).resolve().parents[1]
BAR = 0.95
MEASURED = 1.0  # overall agreement measured on 2026-12-03 (831/831 tasks of 44 DOCX and 11 DOC; was 0.981 on 44 DOCX)


def task_keys(task) -> tuple[str, str, str, str]:
    """content, lead, support, timeline.raw of one task as comparison keys."""
    return (
        key(task.content),
        key(" ; ".join(u.name for u in task.lead)),
        key(" ; ".join(u.name for u in task.support)),
        key(task.timeline.raw if task.timeline else ""),
    )


def agreement(docx_tasks: list, pdf_tasks: list) -> tuple[int, int]:
    """(tasks that agree on all four fields, tasks compared): a task of either side with no
    equal partner on the other side counts as a disagreement."""
    left = [task_keys(t) for t in docx_tasks]
    right = [task_keys(t) for t in pdf_tasks]
    unused = list(range(len(right)))
    agree = 0
    for keys in left:
        hit = next((i for i in unused if right[i] == keys), None)
        if hit is not None:
            unused.remove(hit)
            agree += 1
    return agree, max(len(left), len(right))


def test_agreement_counts_a_missing_or_changed_task_against_the_share():
    plan = api.parse_text(
        "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Rà soát văn bản\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Thời gian thực hiện: Quý I/2026.\n2. Tổ chức tập huấn\n"
        "- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Quý II/2026.\n"
    )
    tasks = plan.tasks
    assert len(tasks) == 2
    assert agreement(tasks, tasks) == (2, 2)
    assert agreement(tasks, tasks[:1]) == (1, 2)
    assert agreement(tasks[:1], tasks) == (1, 2)
    changed = tasks[1].model_copy(update={"timeline": None})
    assert agreement(tasks, [tasks[0], changed]) == (1, 2)
    # tone placement and case do not count as a difference
    retoned = tasks[0].model_copy(update={"content": tasks[0].content.upper()})
    assert agreement([tasks[0]], [retoned]) == (1, 1)


def header_keys(plan) -> dict[str, object]:
    """The header fields the scorer reads, the signer and the sections (number, title), as keys."""
    h = plan.header
    keys: dict[str, object] = {f: key(str(getattr(h, f) or "")) for f in ("issuer", "number", "place", "date", "title")}
    s = h.signer
    keys["signer"] = tuple(key(getattr(s, f) or "") for f in ("authority", "position", "name")) if s else None
    keys["sections"] = [(sec.number, key(sec.title or "")) for sec in plan.sections]
    return keys


def test_docx_and_its_pdf_rendering_give_the_same_register(rendered):
    total_agree = total = 0
    rows: list[str] = []
    header_differs: list[str] = []
    for docx, pdf in sorted(rendered.items()):
        try:
            plan_docx, plan_pdf = api.parse(docx), api.parse(pdf)
        except KehoachError as exc:  # a real DOCX that no longer parses is a failure, said plainly
            pytest.fail(f"{docx.name}: {exc}")
        from_docx, from_pdf = plan_docx.tasks, plan_pdf.tasks
        left, right = header_keys(plan_docx), header_keys(plan_pdf)
        header_differs += [f"{docx.name} {f}: {left[f]!r} / {right[f]!r}" for f in left if left[f] != right[f]]
        agree, n = agreement(from_docx, from_pdf)
        total_agree += agree
        total += n
        where = "corpus" if docx.parent == CORPUS else "realdocs"
        share = f"{agree / n:.3f}" if n else "  -  "
        rows.append(f"{share}  {agree:3}/{n:<3} docx {len(from_docx):3} pdf {len(from_pdf):3}  {where}/{docx.name}")
    overall = total_agree / total if total else 1.0
    print("\ncross-format agreement DOCX -> PDF (LibreOffice), tasks agreeing on content, lead, support, timeline.raw:")
    print("\n".join(rows))
    print(f"overall {overall:.3f} ({total_agree}/{total} tasks, {len(rendered)} documents)")
    assert total > 0, "no tasks at all in the real DOCX files"
    # header fields, signer and sections agree on every document (385 of 385 on 2026-12-03, 379
    # before condensed header lines and a motto touching the issuer's column were read in PDFs)
    assert not header_differs, "header or sections differ between DOCX and PDF:\n" + "\n".join(header_differs)
    assert overall >= MEASURED - 0.02, f"agreement fell from {MEASURED} to {overall:.3f}"
    if overall < BAR:
        pytest.xfail(
            f"overall agreement {overall:.3f} is below {BAR} (measured {MEASURED} on 2026-12-03); "
            "see the printed table for the documents that differ"
        )
    assert overall >= BAR


# ------------------------------------------------- a plan typed with its tone marks apart


def retyped_with_tones_apart(docx: Path, target: Path) -> Path:
    """A copy of `docx` whose text (every w:t of every part) has its tone marks apart."""
    import re
    import zipfile

    text_run = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                xml = data.decode("utf-8")
                data = text_run.sub(lambda m: m.group(1) + tones_apart(m.group(2)) + m.group(3), xml).encode("utf-8")
            out.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def tones_apart_renderings(tmp_path_factory) -> list[tuple[Path, Path, Path]]:
    """(real DOCX, its copy with tone marks apart, that copy's LibreOffice PDF) for the
    realdocs DOCX."""
    import os
    import subprocess

    from conftest import REALDOCS
    from kehoach.parsers.doc import soffice_binary

    exe = soffice_binary()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    originals = sorted(REALDOCS.glob("*.docx")) if REALDOCS.is_dir() else []
    if not originals:
        pytest.skip(f"no DOCX in {REALDOCS}")
    work = tmp_path_factory.mktemp("tones-apart")
    profile = tmp_path_factory.mktemp("soffice-profile-tones")
    copies = [retyped_with_tones_apart(d, work / d.name) for d in originals]
    subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work)]
        + [str(c) for c in copies],
        capture_output=True,
        timeout=900,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )
    return [(d, c, c.with_suffix(".pdf")) for d, c in zip(originals, copies, strict=True)]


def test_a_plan_typed_with_tone_marks_apart_gives_the_same_register(tones_apart_renderings):
    """Typed with Unikey's composite Unicode, a plan's DOCX and its PDF give the header,
    signer, sections and tasks of the plan typed with composed letters. Measured 2026-12-03 on
    the 18 realdocs DOCX: 308/308 header fields and 687/687 tasks (corpus included); before,
    the PDFs were read as VNI ("CỢNG HÒA") or lost the issuer beside the Quốc hiệu."""
    differs: list[str] = []
    compared = 0
    for original, copy, pdf in tones_apart_renderings:
        assert pdf.exists(), f"LibreOffice did not render {copy.name}"
        want = api.parse(original)
        keys = header_keys(want)
        for path in (copy, pdf):
            got = api.parse(path)
            other = header_keys(got)
            differs += [f"{path.name} {f}: {keys[f]!r} / {other[f]!r}" for f in keys if keys[f] != other[f]]
            agree, n = agreement(want.tasks, got.tasks)
            if agree != n:
                differs.append(f"{path.name}: {agree}/{n} tasks agree")
            if any(note.startswith("repaired:") for note in got.source.notes):
                differs.append(f"{path.name}: read as a legacy encoding: {got.source.notes}")
            compared += n
    assert compared > 100
    assert not differs, "\n".join(differs)
