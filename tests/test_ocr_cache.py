"""The OCR page cache (KEHOACH_OCR_CACHE, kehoach.parsers.ocr.run) shared by processes: the
pytest-xdist workers of one run share one folder (tests/conftest.py), so two processes asking
for the same page at once must recognise it once and both get the whole result. A stand-in
for Tesseract (a script that counts its runs and takes its time) shows it without Tesseract."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import OCR_CACHE_GIVEN
from kehoach.parsers.ocr.run import run_tesseract

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the stand-in Tesseract is a POSIX script")

FAKE = """#!{python}
import sys, time
from pathlib import Path
with open({runs!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
time.sleep(0.5)
if "--fail" in sys.argv:
    sys.exit(1)
# a long result, so that a reader catching a half-written entry would see it short
print("\\n".join(f"5\\t1\\t1\\t1\\t{{i}}\\t1\\t0\\t0\\t9\\t9\\t95\\tword{{i}}" for i in range(20000)))
print(" ".join(sys.argv[3:]))
"""

CALL = """
import sys
from pathlib import Path
from kehoach.parsers.ocr.run import run_tesseract
r = run_tesseract(sys.argv[1], Path(sys.argv[2]), ["-l", "vie"])
sys.stdout.write(r.stdout)
sys.exit(r.returncode)
"""


@pytest.fixture
def fake(tmp_path, monkeypatch) -> tuple[str, Path, Path, Path]:
    runs = tmp_path / "runs.log"
    binary = tmp_path / "tesseract"
    binary.write_text(FAKE.format(python=sys.executable, runs=str(runs)), encoding="utf-8")
    binary.chmod(0o755)
    image = tmp_path / "page.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n a page image")
    cache = tmp_path / "cache"
    monkeypatch.setenv("KEHOACH_OCR_CACHE", str(cache))
    return str(binary), image, runs, cache


def _runs(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_one_page_asked_by_two_processes_and_two_threads_at_once_is_recognised_once(fake):
    binary, image, runs, cache = fake
    others = [
        subprocess.Popen(
            [sys.executable, "-c", CALL, binary, str(image)], stdout=subprocess.PIPE, text=True, env=os.environ
        )
        for _ in range(2)
    ]
    with ThreadPoolExecutor(2) as pool:
        mine = list(pool.map(lambda _: run_tesseract(binary, image, ["-l", "vie"]), range(2)))
    theirs = [(p.communicate(timeout=60)[0], p.returncode) for p in others]
    assert _runs(runs) == [f"{image} stdout -l vie"]
    expected = mine[0].stdout
    assert expected.count("\n") == 20001 and expected.endswith("-l vie\n")
    assert all(r.returncode == 0 and r.stdout == expected for r in mine)
    assert theirs == [(expected, 0), (expected, 0)]
    entries = sorted(p.suffix for p in cache.iterdir())
    assert entries == [".lock", ".tsv"]  # no temporary file left behind


def test_other_arguments_are_another_entry_and_a_failure_is_not_kept(fake):
    binary, image, runs, cache = fake
    assert run_tesseract(binary, image, ["-l", "vie"]).stdout.endswith("-l vie\n")
    assert run_tesseract(binary, image, ["-l", "vie", "--psm", "6"]).stdout.endswith("-l vie --psm 6\n")
    assert run_tesseract(binary, image, ["-l", "vie"]).stdout.endswith("-l vie\n")
    assert len(_runs(runs)) == 2 and len(list(cache.glob("*.tsv"))) == 2
    for _ in range(2):
        assert run_tesseract(binary, image, ["--fail"]).returncode == 1
    assert len(_runs(runs)) == 4 and len(list(cache.glob("*.tsv"))) == 2


def test_an_unwritable_cache_folder_costs_the_cache_not_the_page(fake, monkeypatch):
    binary, image, runs, cache = fake
    blocker = cache.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_OCR_CACHE", str(blocker / "cache"))  # under a file: cannot exist
    for _ in range(2):
        r = run_tesseract(binary, image, ["-l", "vie"])
        assert r.returncode == 0 and r.stdout.endswith("-l vie\n")
    assert len(_runs(runs)) == 2


def test_the_suite_runs_with_one_cache_for_the_run(ocr_cache, tmp_path_factory):
    assert os.environ["KEHOACH_OCR_CACHE"] == str(ocr_cache) and ocr_cache.is_dir()
    if OCR_CACHE_GIVEN:  # a folder kept between runs, named by the caller
        assert ocr_cache == Path(OCR_CACHE_GIVEN)
        return
    mine = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the run's folder, above every worker's own
        assert ocr_cache.parent == mine.parent and not ocr_cache.is_relative_to(mine)
    else:
        assert ocr_cache.parent == mine
