"""Where the shared material lives, for every test: ``<repository root>/../shared``.

One place decides it (``KEHOACH_SHARED`` overrides it). A test that needs the material and
cannot find it skips with a reason that names the path it looked at. When the folder *is*
there, such a skip is a bug (a wrong path, a renamed file): the session then fails, so a CI
run that has ``../shared`` beside the clone cannot pass while silently skipping its tests.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KEHOACH_SHARED", ROOT.parent / "shared"))
SEEDS_DIR = SHARED / "seeds"
REALDOCS = SHARED / "realdocs"
WEBCOPIES = SHARED / "webcopies"
SKIP_PREFIX = "shared material not found"


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
        print(f"\nerror: {SHARED} is present but {len(_shared_skips)} test(s) skipped for want of it, "
              f"e.g. {_shared_skips[0]}")
        session.exitstatus = 1
