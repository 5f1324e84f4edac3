"""Where the shared material lives, for every test: ``<repository root>/../shared``.

One place decides it (``KEHOACH_SHARED`` overrides it). A test that needs the material and
cannot find it skips with a reason that names the path it looked at. When the folder *is*
there, such a skip is a bug (a wrong path, a renamed file): the session then fails, so a CI
run that has ``../shared`` beside the clone cannot pass while silently skipping its tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KEHOACH_SHARED", ROOT.parent / "shared"))
SEEDS_DIR = SHARED / "seeds"
REALDOCS = SHARED / "realdocs"
WEBCOPIES = SHARED / "webcopies"
# The corpus of real documents collected for issue 10: the documents are third-party files
# fetched from public repositories, so they live beside the seeds in ../shared/corpus and are not
# committed here; what we wrote about them (SOURCES.md, the truth) is in corpus/.
CORPUS = Path(os.environ.get("KEHOACH_CORPUS", SHARED / "corpus"))
CORPUS_META = ROOT / "corpus"
SKIP_PREFIX = "shared material not found"
CORPUS_SKIP_PREFIX = "corpus documents not found"
# set by the caller, before tool_caches below sets them
CACHES_GIVEN = {v: os.environ.get(v, "") for v in ("KEHOACH_OCR_CACHE", "KEHOACH_DOC_CACHE", "KEHOACH_CACHE_DIR")}


def missing(path: Path) -> str:
    """The skip reason for a test whose shared input ``path`` is absent. The corpus has its own
    reason: a ../shared without it (the corpus is collected by this project, not given with the
    seeds) skips those tests without failing the session."""
    if path == CORPUS or CORPUS in path.parents:
        return (
            f"{CORPUS_SKIP_PREFIX}: {path} (the documents listed in corpus/SOURCES.md are kept in "
            "../shared/corpus, not in this repository; KEHOACH_CORPUS overrides)"
        )
    return f"{SKIP_PREFIX}: {path} (expected ../shared beside the repository, or KEHOACH_SHARED)"


def needs(*paths: Path) -> pytest.MarkDecorator:
    """Skip unless every path exists, saying which one is missing."""
    absent = [p for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(absent), reason=missing(absent[0]) if absent else "")


_shared_skips: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and isinstance(report.longrepr, tuple) and SKIP_PREFIX in str(report.longrepr[2]):
        _shared_skips.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _shared_skips and SHARED.is_dir():
        print(
            f"\nerror: {SHARED} is present but {len(_shared_skips)} test(s) skipped for want of it, "
            f"e.g. {_shared_skips[0]}"
        )
        session.exitstatus = 1


# ---------------------------------------------------------------- outside tools, once per run


@pytest.fixture(scope="session", autouse=True)
def tool_caches(tmp_path_factory) -> Iterator[dict[str, Path]]:
    """The caches of `kehoach.parsers.filecache` for the whole run, shared by the pytest-xdist
    workers: ``KEHOACH_OCR_CACHE`` (a page image Tesseract has read: the realdocs scans of
    test_ocr_scans, test_ocr and test_pages_browser) and ``KEHOACH_DOC_CACHE`` (a .doc that
    LibreOffice has converted: the realdocs .doc files, parsed by many tests) and
    ``KEHOACH_CACHE_DIR`` (the units `validate --against` saves, so no test writes to the
    user's ~/.cache). Each outside
    run happens once; every other test, and the ``kehoach`` subprocesses (they inherit the
    variables), read the result. A worker's temp folder is ``<run's temp folder>/gwN``, so the
    folders are in the parent (the run's own) under xdist and in the session's own with
    ``-n 0``; pytest deletes old runs' folders. A folder the caller set (one kept between
    runs) is used as it is."""
    base = tmp_path_factory.getbasetemp()
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folders: dict[str, Path] = {}
    for variable, name in (
        ("KEHOACH_OCR_CACHE", "ocr-cache"),
        ("KEHOACH_DOC_CACHE", "doc-cache"),
        ("KEHOACH_CACHE_DIR", "kehoach-cache"),
    ):
        if CACHES_GIVEN.get(variable):
            folders[variable] = Path(CACHES_GIVEN[variable])
            continue
        folders[variable] = run / name
        folders[variable].mkdir(exist_ok=True)
        os.environ[variable] = str(folders[variable])
    try:
        yield folders
    finally:
        for variable in folders:
            if not CACHES_GIVEN.get(variable):
                os.environ.pop(variable, None)


# ---------------------------------------------------------------- DOCX and DOC rendered to PDF


def docx_files() -> list[Path]:
    """Every DOCX and Word 97 DOC of the corpus and of ../shared/realdocs (the inputs of the
    PDF renderings; a DOC's PDF is LibreOffice's, as its DOCX conversion is)."""
    found: list[Path] = []
    for folder in (CORPUS, REALDOCS):
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".doc"))
    return found


def times_substitute() -> str | None:
    """The font fontconfig gives for Times New Roman (the font of nearly every plan) with the
    Vietnamese letters, or None when fontconfig cannot say (LibreOffice then uses its own)."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    # with "ậ" (U+1EAD): the substitute must hold the Vietnamese letters, or LibreOffice draws
    # them from a fallback font apart from their words (Liberation 1 has no "ậ"; Liberation 2 has)
    out = subprocess.run(
        [exe, "-f", "%{family}", "Times New Roman:charset=1ead"], capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or None


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[Path, Path]:
    """DOCX or DOC -> its PDF rendering by LibreOffice (one soffice run per folder and kind,
    cached for the session; used by test_cross_format and test_pdf_engines)."""
    from kehoach.parsers.doc import soffice_binary

    exe = soffice_binary()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    substitute = times_substitute()
    if substitute is not None and "liberation" not in substitute.lower() and "times" not in substitute.lower():
        # a wider font re-wraps every line ("ỦY BAN NHÂN" / "DÂN"): the rendering is not the
        # document's layout, and a DOCX-vs-PDF comparison would measure the font
        pytest.skip(
            f"Times New Roman renders as {substitute!r}, not a metric-compatible font: apt-get install fonts-liberation2"
        )
    docs = docx_files()
    if not docs:
        pytest.skip(f"no DOCX or DOC in {CORPUS} or {REALDOCS}")
    out = tmp_path_factory.mktemp("docx-as-pdf")
    profile = tmp_path_factory.mktemp("soffice-profile")
    # names can clash between the two folders (and a DOC and a DOCX of one stem): render each
    # folder's DOCX and DOC into a directory of their own
    result: dict[Path, Path] = {}
    for n, (folder, suffix) in enumerate(sorted({(d.parent, d.suffix) for d in docs})):
        batch = [d for d in docs if d.parent == folder and d.suffix == suffix]
        target = out / str(n)
        target.mkdir()
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                *map(str, batch),
            ],
            capture_output=True,
            timeout=900,
            check=False,
            env={**os.environ, "HOME": str(profile)},
        )
        for d in batch:
            pdf = target / (d.stem + ".pdf")
            if pdf.exists():
                result[d] = pdf
    not_rendered = [d.name for d in docs if d not in result]
    assert not not_rendered, f"LibreOffice did not render {not_rendered}"
    return result
