"""Where the shared material lives, for every test: ``<repository root>/../shared``.

One place decides it (``KEHOACH_SHARED`` overrides it). A test that needs the material and
cannot find it skips with a reason that names the path it looked at. When the folder *is*
there, such a skip is a bug (a wrong path, a renamed file): the session then fails, so a CI
run that has ``../shared`` beside the clone cannot pass while silently skipping its tests.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KEHOACH_SHARED", ROOT.parent / "shared"))
SEEDS_DIR = SHARED / "seeds"
REALDOCS = SHARED / "realdocs"
WEBCOPIES = SHARED / "webcopies"
SKIP_PREFIX = "shared material not found"
OCR_CACHE_GIVEN = os.environ.get("KEHOACH_OCR_CACHE")  # by the caller, before ocr_cache below


def missing(path: Path) -> str:
    """The skip reason for a test whose shared input ``path`` is absent."""
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


# ---------------------------------------------------------------- OCR pages, once per run


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory) -> Iterator[Path]:
    """One OCR page cache (``KEHOACH_OCR_CACHE``, see ``kehoach.parsers.ocr.run``) for the
    whole run, shared by the pytest-xdist workers: a page image Tesseract has read once —
    a realdocs scan in test_ocr_scans, test_ocr and test_pages_browser — is read from the
    cache by every other test and by the ``kehoach`` subprocesses, which inherit the
    variable. A worker's temp folder is ``<run's temp folder>/gwN``, so the folder is the
    parent's (the run's own) under xdist and the session's own with ``-n 0``; pytest deletes
    old runs' folders. A cache the caller already set (a folder kept between runs) is used
    as it is."""
    if OCR_CACHE_GIVEN:
        yield Path(OCR_CACHE_GIVEN)
        return
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "ocr-cache"
    folder.mkdir(exist_ok=True)
    os.environ["KEHOACH_OCR_CACHE"] = str(folder)
    try:
        yield folder
    finally:
        os.environ.pop("KEHOACH_OCR_CACHE", None)


# ---------------------------------------------------------------- DOCX rendered to PDF


def docx_files() -> list[Path]:
    """Every DOCX of corpus/ and of ../shared/realdocs (the inputs of the PDF renderings)."""
    found = sorted((ROOT / "corpus").glob("*.docx"))
    if REALDOCS.is_dir():
        found += sorted(REALDOCS.glob("*.docx"))
    return found


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[Path, Path]:
    """DOCX -> its PDF rendering by LibreOffice (one soffice run per folder, cached for the
    session; used by test_cross_format and test_pdf_engines)."""
    from kehoach.parsers.doc import soffice_binary

    exe = soffice_binary()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    docs = docx_files()
    if not docs:
        pytest.skip(f"no DOCX in {ROOT / 'corpus'} or {REALDOCS}")
    out = tmp_path_factory.mktemp("docx-as-pdf")
    profile = tmp_path_factory.mktemp("soffice-profile")
    # names can clash between the two folders: render each folder into its own directory
    result: dict[Path, Path] = {}
    for folder in sorted({d.parent for d in docs}):
        batch = [d for d in docs if d.parent == folder]
        target = out / str(len(result))
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
