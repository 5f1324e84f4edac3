"""The pages built on the report's one renderer — `kehoach report`, `validate --format html`,
`diff -f html` — on every realdocs plan and seed, in headless Chromium where it is installed:
no console errors, screenshots, filter controls driven as a user would (a select changed, a
search typed, a column header clicked) and the rows shown counted."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from kehoach import api
from test_report import LARGEST, SHOTS, _chromium, _tags, _visible_rows, needs_chromium

KEHOACH = [sys.executable, "-m", "kehoach"]
FAMILY = (REALDOCS / "lamdong-ubnd_KH-CCHC-2026_draft.docx", REALDOCS / "lamdong-ubnd_KH-CCHC-2026_v3.docx")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TESSERACT = shutil.which("tesseract")
DOCUMENTS = (".docx", ".doc", ".pdf", ".txt", ".md")


def _run(*args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
    return subprocess.run([*KEHOACH, *args], capture_output=True, text=True, timeout=timeout)


def _realdocs() -> list[Path]:
    return sorted(p for p in REALDOCS.iterdir() if p.suffix.lower() in DOCUMENTS and p.name != "SOURCES.md")


def _drive(page: Path, out: Path, actions: str) -> None:
    """A copy of `page` whose `actions` (JavaScript) run once the page has loaded, as a user's
    input would: they change controls and fire the events a browser fires for them."""
    html = page.read_text(encoding="utf-8")
    driver = (
        "<script>window.addEventListener('load',function(){"
        + actions
        + ";document.body.setAttribute('data-driven','yes');});</script>"
    )
    out.write_text(html.replace("</body>", driver + "\n</body>"), encoding="utf-8")


def _shown_rows(dom: str, attr: str = "data-unit") -> list[str]:
    """The <tr …> start tags of the rows not hidden."""
    return [m for m in re.findall(rf"<tr [^>]*{attr}=\"[^\"]*\"[^>]*>", dom) if " hidden" not in m]


# --- validate --format html and diff -f html: one renderer ---------------------------------

EVIL = 'Tuyên truyền <script>alert("x")</script> về cải cách hành chính trên địa bàn tỉnh năm 2026 cho cán bộ'


def test_validate_html_is_a_report_page_with_findings_escaped(tmp_path):
    text = f"KẾ HOẠCH\nCải cách hành chính năm 2026\n\n- {EVIL}.\n\n- {EVIL}.\n"
    plan = tmp_path / "p.txt"
    plan.write_text(text, encoding="utf-8")
    r = _run("validate", str(plan), "-f", "html", "--select", "duplicate-paragraph")
    assert r.returncode == 0, r.stderr
    page = r.stdout
    report = _run("report", str(plan), "-o", "-").stdout
    # the same shell: head, style and script byte for byte
    assert page[: page.index("<title>")] == report[: report.index("<title>")]
    assert (
        page[page.index("<style>") : page.index("</style>")]
        == report[report.index("<style>") : report.index("</style>")]
    )
    assert page[page.index("<script>") :] == report[report.index("<script>") :]
    assert [t for t, _ in _tags(page)].count("script") == 1
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert page.count('<li class="warning">') == 1 and "KH101 duplicate-paragraph" in page
    assert '<div class="pair">' in page


@needs(*FAMILY)
def test_diff_html_lists_every_task_change(tmp_path):
    old, new = FAMILY
    data = json.loads(_run("diff", str(old), str(new), "-f", "json").stdout)
    r = _run("diff", str(old), str(new), "-f", "html", "--lang", "en")
    assert r.returncode == 1
    page = r.stdout
    rows = re.findall(r'<tr class="st-(\w+)" data-status="(\w+)" data-field="([^"]*)"', page)
    assert [(s, "|".join(f)) for s, f in ((t["status"], t["changed"]) for t in data["tasks"])] == [
        (s, f) for _, s, f in rows
    ]
    assert page.count("<del>") > 0 and page.count("<ins>") > 0
    assert '<select data-filter="status">' in page and 'class="js"' not in page


# --- in the browser -------------------------------------------------------------------------


def _scanned(path: Path) -> bool:
    """A PDF the parser calls a scan (no text layer on most pages: it needs --ocr)."""
    from kehoach.errors import KehoachError

    try:
        api.parse(path)
    except KehoachError as exc:
        return exc.reason == "scanned_pdf"
    return False


@needs_chromium
@needs(REALDOCS, SEEDS_DIR)
@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) not installed: the .doc plans of realdocs "
    "cannot be read (Debian package libreoffice-writer-nogui; .ci/run installs it)",
)
def test_report_of_every_realdocs_plan_and_seed_opens_without_console_errors(tmp_path):
    """Every realdocs document with a text layer (DOCX, .doc, PDF, text exports) and every seed
    in one report; the scanned PDFs, read with --ocr, have the next test."""
    docs = [p for p in _realdocs() if not (p.suffix == ".pdf" and _scanned(p))]
    inputs = [*docs, *sorted(SEEDS_DIR.glob("*.txt"))]
    assert {".doc", ".docx", ".pdf"} <= {p.suffix for p in inputs}
    out = tmp_path / "all.html"
    r = _run("report", *map(str, inputs), "-o", str(out), "-j", "2", "--timeout", "0")
    assert r.returncode == 0, r.stderr
    dom, console = _chromium(tmp_path, out.as_uri(), "--dump-dom")
    assert console == []
    assert 'class="js"' in dom
    assert dom.count('<section class="plan"') == len(inputs)
    names = re.findall(r'<li><a href="#plan-\d+">([^<]+)</a>', dom)
    assert names == [str(p) for p in inputs]


@needs_chromium
@needs(REALDOCS)
@pytest.mark.skipif(
    TESSERACT is None,
    reason="Tesseract not installed: scanned PDFs need --ocr (Debian packages tesseract-ocr tesseract-ocr-vie)",
)
def test_report_of_every_scanned_realdocs_plan_opens_without_console_errors(tmp_path):
    """Every scanned PDF of realdocs read with --ocr, each in its own report (with the test
    above: every realdocs plan). Their pages are recognised once per run: test_ocr_scans and
    test_ocr read the same scans through the run's OCR page cache (conftest.py). A screenshot
    of the largest scan's report is written beside the other screenshots."""
    import pdfplumber

    shots = SHOTS or tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    scans = [p for p in _realdocs() if p.suffix == ".pdf" and _scanned(p)]
    assert len(scans) >= 4, scans
    pages = {}
    for p in scans:
        with pdfplumber.open(p) as pdf:
            pages[p] = len(pdf.pages)
    largest = max(scans, key=lambda p: (pages[p], p.name))
    for i, scan in enumerate(scans):
        out = tmp_path / f"scan-{i}.html"
        r = _run("report", str(scan), "-o", str(out), "--ocr", "--timeout", "0")
        assert r.returncode == 0, r.stderr
        dom, console = _chromium(tmp_path, out.as_uri(), "--dump-dom")
        assert console == [], f"{scan.name}: {console}"
        assert 'class="js"' in dom and dom.count('<section class="plan"') == 1
        assert f"(pdf, {pages[scan]} " in dom, scan.name  # every page read
        # tasks read from the page images, each with the page it came from
        rows = len(re.findall(r"<tr data-unit=", dom))
        assert rows > 0 and f'<span class="shown-count">{rows}</span>' in dom, scan.name
        where = [int(n) for n in re.findall(r'<td class="where" data-key="\d+">tr\. (\d+)', dom)]
        assert len(where) >= rows and all(1 <= n <= pages[scan] for n in where), scan.name
        if scan == largest:
            png = shots / "report-largest-scan.png"
            _, console = _chromium(tmp_path, out.as_uri(), "--window-size=1280,1600", f"--screenshot={png}")
            assert console == [] and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_chromium
@needs(LARGEST)
def test_filter_controls_driven_in_the_browser(tmp_path):
    plan = api.parse(LARGEST)
    page = tmp_path / "cchc.html"
    assert _run("report", str(LARGEST), "-o", str(page)).returncode == 0
    unit = next(u for t in plan.tasks for u in t.support)
    expected = sum(1 for t in plan.tasks if unit.key in {u.key for u in t.lead + t.support})
    assert 0 < expected < len(plan.tasks)
    driven = tmp_path / "driven.html"
    _drive(
        page,
        driven,
        "var s=document.querySelector('select[data-filter=\"unit\"]');"
        f"s.value={json.dumps(unit.key)};s.dispatchEvent(new Event('change',{{bubbles:true}}))",
    )
    dom, console = _chromium(tmp_path, driven.as_uri(), "--dump-dom")
    assert console == [] and 'data-driven="yes"' in dom
    assert len(_shown_rows(dom)) == _visible_rows(dom) == expected
    assert f'<span class="shown-count">{expected}</span>' in dom
    # typed search without diacritics, then the selection reset to "(all)": every row again
    recurring = [t for t in plan.tasks if t.timeline and t.timeline.kind == "recurring"]
    _drive(
        page,
        driven,
        "var k=document.querySelector('select[data-filter=\"kind\"]');k.value='recurring';"
        "k.dispatchEvent(new Event('change',{bubbles:true}));"
        "var q=document.querySelector('input[data-filter=\"q\"]');q.value='HANG NAM';"
        "q.dispatchEvent(new Event('input',{bubbles:true}))",
    )
    dom, console = _chromium(tmp_path, driven.as_uri(), "--dump-dom")
    shown = _shown_rows(dom)
    assert console == [] and 0 < len(shown) < len(recurring)
    assert all('data-kind="recurring"' in row for row in shown)
    _drive(
        page,
        driven,
        "var k=document.querySelector('select[data-filter=\"kind\"]');k.value='recurring';"
        "k.dispatchEvent(new Event('change',{bubbles:true}));k.value='';"
        "k.dispatchEvent(new Event('change',{bubbles:true}))",
    )
    dom, _ = _chromium(tmp_path, driven.as_uri(), "--dump-dom")
    assert len(_shown_rows(dom)) == len(plan.tasks)
    # a click on the first column's header twice: the rows in reverse order
    _drive(page, driven, "var th=document.querySelector('th[data-sort]');th.click();th.click()")
    dom, _ = _chromium(tmp_path, driven.as_uri(), "--dump-dom")
    ids = re.findall(r'<td class="id" data-key="\d+">[^<]*<br>([^<]+)</td>', dom)
    assert ids == [t.id for t in plan.tasks][::-1]


@needs_chromium
@needs(*FAMILY)
def test_validate_and_diff_pages_in_the_browser(tmp_path):
    shots = SHOTS or tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    old, new = FAMILY
    diff_page = tmp_path / "diff.html"
    r = _run("diff", str(old), str(new), "-f", "html", "-o", str(diff_page))
    assert r.returncode == 1, r.stderr
    data = json.loads(_run("diff", str(old), str(new), "-f", "json").stdout)
    validate_page = tmp_path / "validate.html"
    other = REALDOCS / "lamdong-ubnd_KH-CCHC-2026-2030_v2.docx"
    r = _run("validate", str(new), str(old), "--against", str(other), "-f", "html", "-j", "2")
    assert r.returncode in (0, 1), r.stderr
    validate_page.write_text(r.stdout, encoding="utf-8")
    assert "copied-from-other-plan" in r.stdout
    for name, page in (("diff", diff_page), ("validate", validate_page)):
        dom, console = _chromium(tmp_path, page.as_uri(), "--dump-dom")
        assert console == [], f"{name}: {console}"
        assert 'class="js"' in dom
        png = shots / f"{name}-page.png"
        _, console = _chromium(tmp_path, page.as_uri(), "--window-size=1280,1600", f"--screenshot={png}")
        assert console == [] and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert dom.count('<section class="plan"') == 2
    # the diff's status filter, driven
    changed = sum(1 for t in data["tasks"] if t["status"] == "changed")
    assert 0 < changed < len(data["tasks"])
    driven = tmp_path / "diff-driven.html"
    _drive(
        diff_page,
        driven,
        "var s=document.querySelector('select[data-filter=\"status\"]');s.value='changed';"
        "s.dispatchEvent(new Event('change',{bubbles:true}))",
    )
    dom, console = _chromium(tmp_path, driven.as_uri(), "--dump-dom")
    shown = _shown_rows(dom, "data-status")
    assert console == [] and len(shown) == changed
    assert all('data-status="changed"' in row for row in shown)
