"""`kehoach report`: the HTML page (escaping, contents), its SVG charts, the command, and the
page in headless Chromium (console errors, screenshots, filtering) where Chromium is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from kehoach import api
from kehoach.models import (
    Diagnostic,
    Finding,
    Header,
    Location,
    Plan,
    Section,
    Signer,
    SourceFacts,
    Task,
    Timeline,
    Unit,
)
from kehoach.report import PlanInput, charts, render
from kehoach.validate.engine import validate
from kehoach.vntext import key as vkey

ROOT = Path(__file__).resolve().parents[1]
KEHOACH = [sys.executable, "-m", "kehoach"]
LARGEST = REALDOCS / "lamdong-ubnd_KH-CCHC-2026-2030_v2.docx"

FRAGMENT = """UBND HUYỆN X
Số: 12/KH-UBND

KẾ HOẠCH

Truyền thông <script>alert("t")</script> năm 2024

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích <img src=x onerror=alert(1)>

- Nâng cao nhận thức.

II. NỘI DUNG

DANH MỤC

STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện
I. Nhóm "quote" & 'apos'\t\t\t\t
01\tViết <script>alert(1)</script> tin bài\tPhòng Tư pháp\tUBND các xã\tThường xuyên
02\tTổ chức hội nghị </svg><script>x()</script>\tVăn phòng HĐND và UBND huyện\tPhòng Nội vụ\tTrước ngày 30/6/2024
"""


class _Tags(HTMLParser):
    """The element names and attributes of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


# --- escaping ---------------------------------------------------------------------------


def test_plan_text_with_html_and_script_renders_as_text():
    plan = api.parse_text(FRAGMENT)
    assert any("<script>" in t.content for t in plan.tasks)  # the parser keeps it verbatim
    html = render([PlanInput("<b>x</b>.txt", plan, validate(plan))])
    tags = _tags(html)
    assert [t for t, _ in tags].count("script") == 1  # only the page's own script
    assert not any(t in ("img", "b") for t, _ in tags)
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)
    assert "Viết &lt;script&gt;alert(1)&lt;/script&gt; tin bài" in html
    assert "&lt;/svg&gt;&lt;script&gt;x()&lt;/script&gt;" in html  # also inside the SVG tooltips
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


EVIL = '"><x-evil onclick=alert(1)>&amp;</script>'


def _evil_plan() -> Plan:
    """A plan whose every text field carries markup (a direct model: fields the parser may clean)."""
    loc = Location(line=3, page=1, table=1, row=2)
    unit = Unit(name="Sở " + EVIL, raw=EVIL, key="so " + EVIL)
    return Plan(
        source=SourceFacts(path="a" + EVIL + ".docx", format="docx"),
        header=Header(
            issuer=EVIL,
            issuer_parent=EVIL,
            number_raw=EVIL,
            doc_type=EVIL,
            date_raw=EVIL,
            date_partial=EVIL,
            title=EVIL,
            signer=Signer(authority=EVIL, position=EVIL, name=EVIL),
            draft=True,
        ),
        sections=[
            Section(
                number="I",
                level=1,
                style="roman",
                title=EVIL * 3,
                kinds=["x" + EVIL],
                children=[Section(number="1", level=2, style="decimal", title=EVIL)],
            )
        ],
        tasks=[
            Task(
                id="T" + EVIL,
                origin="appendix",
                number=EVIL,
                group=EVIL,
                content=EVIL,
                products=[EVIL],
                lead=[unit],
                support=[unit],
                timeline=Timeline(raw=EVIL, kind="period", start="2024-01-01", end="2024-06-30"),
                location=loc,
            )
        ],
        diagnostics=[Diagnostic(code="c" + EVIL, message=EVIL, excerpt=EVIL, location=loc)],
    )


def test_every_text_field_is_escaped():
    plan = _evil_plan()
    finding = Finding(
        rule="r" + EVIL,
        code="KH1" + EVIL,
        severity="warning",
        message=EVIL,
        excerpt=EVIL,
        location=Location(line=1),
        related=[{"excerpt": EVIL, "original_excerpt": EVIL}, {"excerpt": EVIL}],
    )
    for html in (
        render([PlanInput("f" + EVIL, plan, [finding])], "en"),
        render([PlanInput("f" + EVIL, plan, [finding]), PlanInput("g", plan, [])], "vi"),
    ):
        tags = _tags(html)
        assert "x-evil" not in [t for t, _ in tags]
        assert [t for t, _ in tags].count("script") == 1
        assert not any("onclick" in attrs for _, attrs in tags)
        assert "<x-evil" not in html
        assert html.count("&lt;x-evil onclick=alert(1)&gt;") >= 20


# --- contents ---------------------------------------------------------------------------


def test_page_shows_header_register_provenance_and_filters():
    plan = api.parse_text(FRAGMENT)
    html = render([PlanInput("plan.txt", plan, [])], "vi")
    assert 'lang="vi"' in html and "UBND HUYỆN X" in html and "12/KH-UBND" in html
    rows = re.findall(r'<tr data-unit="([^"]*)" data-group="([^"]*)" data-origin="(\w+)" data-kind="(\w+)">', html)
    assert len(rows) == len(plan.tasks) == 2
    assert rows[0][0].split("|") == [u.key for u in plan.tasks[0].lead + plan.tasks[0].support]
    assert [r[3] for r in rows] == ["ongoing", "deadline"]
    assert "bảng 1 · dòng" in html  # provenance of a table task
    options = re.findall(r'<select data-filter="(\w+)">', html)
    assert options == ["unit", "group", "origin", "kind"]
    assert f'<option value="{vkey("Phòng Tư pháp")}">Phòng Tư pháp</option>' in html
    assert "<link" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html  # nothing fetched from the network
    assert "@media print" in html and "size:A4" in html


def test_duplicate_runs_side_by_side():
    plan = api.parse_text(FRAGMENT)
    f = Finding(
        rule="duplicate-paragraph",
        code="KH101",
        severity="warning",
        message="lặp",
        excerpt="đoạn lặp",
        related=[{"role": "paragraph", "excerpt": "BẢN LẶP", "original_excerpt": "BẢN GỐC"}],
    )
    html = render([PlanInput("p.txt", plan, [f])], "vi")
    pair = html[html.index('<div class="pair">') :]
    assert pair.index("BẢN GỐC") < pair.index("BẢN LẶP") < pair.index("</div>")


def test_several_plans_one_section_each_and_a_combined_workload():
    a = api.parse_text(FRAGMENT)
    b = api.parse_text(FRAGMENT.replace("Phòng Tư pháp", "Phòng Văn hóa"))
    html = render([PlanInput("a.txt", a, []), PlanInput("b.txt", b, [])], "en")
    assert html.count('<section class="plan"') == 2
    assert html.count('class="chart workload"') == 3  # one per plan + the combined one
    combined = charts.workload([a, b])
    names = {n: (lead, sup) for n, lead, sup in combined}
    assert names["Văn phòng HĐND và UBND huyện"] == (2, 0)  # one task in each plan
    assert names["Phòng Tư pháp"] == (1, 0) and names["Phòng Văn hóa"] == (1, 0)


# --- charts -----------------------------------------------------------------------------


def _task(
    i: str,
    kind: str,
    start: str | None,
    end: str | None,
    group: str | None = None,
    lead: list[str] = (),
    support: list[str] = (),
) -> Task:
    units = lambda names: [Unit(name=n, raw=n, key=vkey(n)) for n in names]  # noqa: E731
    return Task(
        id=i,
        origin="appendix",
        content="c",
        group=group,
        lead=units(lead),
        support=units(support),
        timeline=Timeline(raw=kind, kind=kind, start=start, end=end),
    )


def _plan(tasks: list[Task]) -> Plan:
    return Plan(source=SourceFacts(path="p", format="text"), tasks=tasks)


def test_timeline_bars_bands_marks_and_group_colours():
    plan = _plan(
        [
            _task("A", "quarter", "2024-01-01", "2024-03-31", "G1"),
            _task("B", "recurring", "2024-01-01", "2024-12-31", "G2"),
            _task("C", "deadline", None, "2024-06-30", "G1"),
            _task("D", "event", None, None),
        ]
    )
    svg = str(charts.timeline_svg(plan, "vi"))
    assert svg.count('class="bar"') == 1 and svg.count('class="band"') == 1 and svg.count('class="mark"') == 1
    colours = charts.group_colours(plan.tasks)
    assert list(colours) == ["G1", "G2"]
    bar = re.search(r'<rect x="([\d.]+)"[^>]*width="([\d.]+)"[^>]*fill="(#\w+)" class="bar"', svg)
    band = re.search(r'<rect x="([\d.]+)"[^>]*width="([\d.]+)"[^>]*fill="(#\w+)" class="band"', svg)
    assert bar.group(3) == colours["G1"] and band.group(3) == colours["G2"]
    assert float(band.group(2)) > 3.5 * float(bar.group(2))  # a year against a quarter
    mark_fill = re.search(r'fill="(#\w+)" class="mark"', svg).group(1)
    assert mark_fill == colours["G1"]
    assert ">D<" not in svg  # undated: not on the chart
    assert re.search(r">01/24<", svg) and re.search(r">12/24<", svg)  # monthly axis for one year


def test_timeline_axis_uses_quarters_then_years_and_none_without_dates():
    two = _plan([_task("A", "period", "2024-01-01", "2025-12-31")])
    assert "Quý I/24" in str(charts.timeline_svg(two, "vi")) and "Q III/25" in str(charts.timeline_svg(two, "en"))
    five = _plan([_task("A", "period", "2026-01-01", "2030-12-31")])
    assert all(f">{y}<" in str(charts.timeline_svg(five)) for y in range(2026, 2031))
    assert charts.timeline_svg(_plan([_task("A", "event", None, None)])) is None


def test_workload_counts_units_by_key_top_n():
    tasks = [_task(str(i), "event", None, None, lead=["Sở Tài chính"], support=["Sở Nội vụ"]) for i in range(3)]
    tasks.append(_task("x", "event", None, None, lead=["Sở tài chính", "Sở Nội Vụ"]))  # same keys, other spelling
    tasks += [_task(f"u{i}", "event", None, None, lead=[f"Đơn vị {i:02d}"]) for i in range(30)]
    rows = charts.workload([_plan(tasks)], top=20)
    assert len(rows) == 20
    assert rows[0] == ("Sở Tài chính", 4, 0) and rows[1] == ("Sở Nội vụ", 1, 3)
    svg = str(charts.workload_svg([_plan(tasks)]))
    assert svg.count('class="lead"') == 21  # 20 rows + the legend swatch
    assert ">4+0<" in svg and ">1+3<" in svg


# --- the command ------------------------------------------------------------------------


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KEHOACH, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@needs(SEEDS_DIR)
def test_report_of_every_seed(tmp_path):
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    assert seeds
    out = tmp_path / "seeds.html"
    r = _run("report", *map(str, seeds), "-o", str(out), "-j", "2")
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    sections = html.split('<section class="plan"')[1:]
    assert len(sections) == len(seeds)
    for seed, section in zip(seeds, sections, strict=True):
        plan = api.parse(seed)
        assert section.count("<tr data-unit=") == len(plan.tasks)
        assert f"<dd>{seed} <span" in section  # the source file, named as given
        if plan.header.title:
            assert plan.header.title.replace("&", "&amp;").replace('"', "&#34;") in section


@needs(REALDOCS)
def test_report_of_realdocs_docx_plans(tmp_path):
    docs = sorted(REALDOCS.glob("*.docx"))
    out = tmp_path / "real.html"
    r = _run("report", *map(str, docs), "-o", str(out), "-j", "2", "--lang", "en")
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="plan"') == len(docs)
    assert "(1 plans" not in r.stderr and f"({len(docs)} plans" in r.stderr


@needs(LARGEST)
def test_largest_report_under_one_megabyte(tmp_path):
    out = tmp_path / "cchc.html"
    r = _run("report", str(LARGEST), "-o", str(out))
    assert r.returncode == 0, r.stderr
    size = out.stat().st_size
    assert 20_000 < size < 1_000_000
    html = out.read_text(encoding="utf-8")
    assert html.count("<tr data-unit=") == len(api.parse(LARGEST).tasks) >= 50
    assert 'class="chart timeline"' in html and 'class="chart workload"' in html


def test_bad_input_one_line_no_output(tmp_path):
    good = tmp_path / "plan.txt"
    good.write_text(FRAGMENT, encoding="utf-8")
    out = tmp_path / "r.html"
    r = _run("report", str(good), str(tmp_path / "missing.docx"), "-o", str(out))
    assert r.returncode == 2
    assert "missing.docx" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()  # no partial report
    r = _run("report", str(good), "-o", str(tmp_path / "r.txt"))
    assert r.returncode == 2 and not (tmp_path / "r.txt").exists() and ".html" in r.stderr
    r = _run("report", str(good), "-o", "-", "--lang", "en")
    assert r.returncode == 0 and r.stdout.startswith("<!DOCTYPE html>") and 'lang="en"' in r.stdout


def test_report_never_replaces_an_input(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(FRAGMENT, encoding="utf-8")
    r = _run("report", str(page), "-o", str(page))
    assert r.returncode == 2
    assert page.read_text(encoding="utf-8") == FRAGMENT


# --- headless Chromium ------------------------------------------------------------------

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed (Debian package `chromium`; .ci/run installs it when it can)",
)
SHOTS = Path(os.environ.get("KEHOACH_REPORT_SHOTS", "")) if os.environ.get("KEHOACH_REPORT_SHOTS") else None


def _chromium(tmp_path: Path, url: str, *extra: str) -> tuple[str, list[str]]:
    """Load `url` headless; (stdout, console lines). A console line is any message the page
    logged or an uncaught error (Chromium prints both as CONSOLE with --enable-logging)."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    r = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    console = [line for line in r.stderr.splitlines() if ":CONSOLE" in line]
    return r.stdout, console


def _visible_rows(dom: str) -> int:
    return len(re.findall(r"<tr data-unit=\"[^\"]*\"[^>]*>", dom)) - len(
        re.findall(r"<tr data-unit=\"[^\"]*\"[^>]*\bhidden\b[^>]*>", dom)
    )


@needs_chromium
def test_console_detector_sees_a_broken_page(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>noSuchFunction();</script>", encoding="utf-8")
    _, console = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert any("noSuchFunction" in line for line in console)


@needs_chromium
@needs(SEEDS_DIR, LARGEST)
def test_reports_open_without_console_errors_and_screenshots(tmp_path):
    shots = SHOTS or tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    seed0 = sorted(SEEDS_DIR.glob("000_*.txt"))[0]
    pages = {
        "seed000": [seed0],
        "seeds": sorted(SEEDS_DIR.glob("*.txt")),
        "realdocs-docx": sorted(REALDOCS.glob("*.docx")),
        "largest": [LARGEST],
    }
    for name, inputs in pages.items():
        out = tmp_path / f"{name}.html"
        r = _run("report", *map(str, inputs), "-o", str(out), "-j", "2")
        assert r.returncode == 0, r.stderr
        dom, console = _chromium(tmp_path, out.as_uri(), "--dump-dom")
        assert console == [], f"{name}: {console}"
        assert 'class="js"' in dom  # the page's script ran to its end
        assert dom.count('<section class="plan"') == len(inputs)
    for name in ("seed000", "largest"):
        png = shots / f"report-{name}.png"
        _, console = _chromium(
            tmp_path, (tmp_path / f"{name}.html").as_uri(), "--window-size=1280,1600", f"--screenshot={png}"
        )
        assert console == []
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


@needs_chromium
@needs(LARGEST)
def test_filtering_in_the_browser(tmp_path):
    plan = api.parse(LARGEST)
    out = tmp_path / "cchc.html"
    assert _run("report", str(LARGEST), "-o", str(out)).returncode == 0
    dom, console = _chromium(tmp_path, out.as_uri(), "--dump-dom")
    assert console == [] and _visible_rows(dom) == len(plan.tasks)
    # by unit (lead or support), from the address the page keeps its filters in
    unit = next(u for t in plan.tasks for u in t.support)
    expected = sum(1 for t in plan.tasks if unit.key in {u.key for u in t.lead + t.support})
    assert 0 < expected < len(plan.tasks)
    from urllib.parse import urlencode

    dom, console = _chromium(tmp_path, out.as_uri() + "#" + urlencode({"unit": unit.key}), "--dump-dom")
    assert console == [] and _visible_rows(dom) == expected
    assert f'<span class="shown-count">{expected}</span>' in dom
    # by timeline kind and a search without diacritics ("hang nam" finds "Hằng năm")
    kind = sum(1 for t in plan.tasks if t.timeline and t.timeline.kind == "recurring")
    dom, _ = _chromium(tmp_path, out.as_uri() + "#kind=recurring", "--dump-dom")
    assert _visible_rows(dom) == kind
    dom, _ = _chromium(tmp_path, out.as_uri() + "#" + urlencode({"q": "HANG NAM", "kind": "recurring"}), "--dump-dom")
    rows = re.findall(
        r'<tr data-unit="[^"]*" data-group="[^"]*" data-origin="\w+" data-kind="(\w+)"([^>]*)>(.*?)</tr>', dom, re.S
    )
    shown = [(k, text) for k, attrs, text in rows if "hidden" not in attrs]
    assert len(rows) == len(plan.tasks) and 0 < len(shown) < kind
    assert all(k == "recurring" and "hang nam" in _fold(re.sub(r"<[^>]+>", " ", text)) for k, text in shown)


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@needs_chromium
@needs(SEEDS_DIR)
def test_sorting_in_the_browser(tmp_path):
    seed = sorted(SEEDS_DIR.glob("001_*.txt"))[0]
    plan = api.parse(seed)
    out = tmp_path / "s.html"
    assert _run("report", str(seed), "-o", str(out)).returncode == 0
    ids = [t.id for t in plan.tasks]
    assert len(ids) > 3
    for param, expected in (("sort=1", ids), ("sort=-1", ids[::-1])):  # column 1: the task's place
        dom, console = _chromium(tmp_path, out.as_uri() + "#" + param, "--dump-dom")
        assert console == []
        shown = re.findall(r'<td class="id" data-key="\d+">[^<]*<br>([^<]+)</td>', dom)
        assert shown == expected, param
        assert ('aria-sort="descending"' in dom) == param.startswith("sort=-")


@needs_chromium
@needs(SEEDS_DIR)
def test_prints_on_a4(tmp_path):
    seed = sorted(SEEDS_DIR.glob("000_*.txt"))[0]
    out, pdf = tmp_path / "s.html", tmp_path / "s.pdf"
    assert _run("report", str(seed), "-o", str(out)).returncode == 0
    _, console = _chromium(tmp_path, out.as_uri(), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert console == []
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert boxes and all(abs(float(w) - 595) < 1 and abs(float(h) - 842) < 1 for w, h in boxes)
