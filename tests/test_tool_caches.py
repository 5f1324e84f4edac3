"""The caches of outside tools' results (kehoach.parsers.filecache) shared by processes: the
pytest-xdist workers of one run share one folder (tests/conftest.py), so two processes asking
for the same Tesseract page at once must recognise it once and both get the whole result. A
stand-in for Tesseract (a script that counts its runs and takes its time) shows it without
Tesseract; a stand-in for LibreOffice does the same for the .doc conversions."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import CACHES_GIVEN
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


def test_the_suite_runs_with_one_cache_of_each_tool_for_the_run(tool_caches, tmp_path_factory):
    mine = tmp_path_factory.getbasetemp()
    for variable, folder in tool_caches.items():
        assert os.environ[variable] == str(folder) and folder.is_dir()
        if CACHES_GIVEN[variable]:  # a folder kept between runs, named by the caller
            assert folder == Path(CACHES_GIVEN[variable])
        elif os.environ.get("PYTEST_XDIST_WORKER"):  # the run's folder, above every worker's own
            assert folder.parent == mine.parent and not folder.is_relative_to(mine)
        else:
            assert folder.parent == mine


FAKE_SOFFICE = """#!{python}
import sys
from pathlib import Path
with open({runs!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
args = sys.argv[1:]
target = args[args.index("--convert-to") + 1]
outdir = Path(args[args.index("--outdir") + 1])
source = Path(args[-1])
if b"broken" not in source.read_bytes():
    (outdir / ("input." + target.split(":")[0])).write_bytes(b"converted " + source.read_bytes())
"""


def test_a_doc_converted_once_is_copied_from_the_cache_and_a_failure_is_not_kept(tmp_path, monkeypatch):
    from kehoach.errors import KehoachError
    from kehoach.parsers.doc import soffice

    runs = tmp_path / "runs.log"
    binary = tmp_path / "soffice"
    binary.write_text(FAKE_SOFFICE.format(python=sys.executable, runs=str(runs)), encoding="utf-8")
    binary.chmod(0o755)
    monkeypatch.setenv("KEHOACH_SOFFICE", str(binary))
    monkeypatch.setenv("KEHOACH_DOC_CACHE", str(tmp_path / "cache"))
    plan = tmp_path / "plan.doc"
    plan.write_bytes(b"a Word file")
    made = [soffice.convert_to_docx(plan, tmp_path / f"work{i}") for i in range(3)]
    assert [m.read_bytes() for m in made] == [b"converted a Word file"] * 3
    assert len(_runs(runs)) == 1 and made[2] == tmp_path / "work2" / "out" / "input.docx"
    pdf = soffice.convert(plan, tmp_path / "work3", "pdf", "pdf")  # another target: another entry
    assert pdf.name == "input.pdf" and len(_runs(runs)) == 2
    plan.write_bytes(b"a Word file, edited")  # other bytes: converted again
    assert soffice.convert_to_docx(plan, tmp_path / "work4").read_bytes() == b"converted a Word file, edited"
    assert len(_runs(runs)) == 3
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"broken")
    for i in range(2):
        with pytest.raises(KehoachError) as info:
            soffice.convert_to_docx(broken, tmp_path / f"bad{i}")
        assert info.value.reason == "bad_doc"
    assert len(_runs(runs)) == 5 and len(list((tmp_path / "cache").glob("*.docx"))) == 2
