"""The guard in tests/conftest.py: when ../shared (or KEHOACH_SHARED) is present, a test that
skips for want of it fails the session — so CI (.ci/run) cannot pass while silently skipping.
Each case runs pytest in a subprocess on a tiny test file beside a copy of conftest.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).resolve().parent / "conftest.py"

SKIPPING = """
import pytest
from pathlib import Path
from conftest import SHARED, missing, needs

@needs(SHARED / "no-such-file.json")
def test_marked():
    pass

def test_in_body():
    pytest.skip(missing(SHARED / "other-missing.json"))

def test_unrelated_skip():
    pytest.skip("needs a GPU")
"""


def run_pytest(folder: Path, shared: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KEHOACH_SHARED": str(shared)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    folder = tmp_path / "suite"
    folder.mkdir()
    shutil.copy(CONFTEST, folder / "conftest.py")
    (folder / "test_skips.py").write_text(SKIPPING, encoding="utf-8")
    return folder


def test_session_fails_when_shared_is_present_but_tests_skipped_for_want_of_it(suite, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    result = run_pytest(suite, shared)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is present but 2 test(s) skipped for want of it" in result.stdout
    assert "3 skipped" in result.stdout


def test_session_passes_when_shared_is_absent(suite, tmp_path):
    result = run_pytest(suite, tmp_path / "absent")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 skipped" in result.stdout and "for want of it" not in result.stdout


def test_an_unrelated_skip_does_not_fail_the_session(suite, tmp_path):
    (suite / "test_skips.py").write_text(
        'import pytest\n\ndef test_x():\n    pytest.skip("needs a GPU")\n', encoding="utf-8"
    )
    shared = tmp_path / "shared"
    shared.mkdir()
    result = run_pytest(suite, shared)
    assert result.returncode == 0, result.stdout + result.stderr
