"""The saved index of `validate --against` (validate/units_cache.py): units of a file seen
before are read back, not parsed again; an edited file, a damaged entry or `--no-cache` parse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS_DIR, needs
from kehoach import batch
from kehoach.validate import units_cache
from kehoach.validate.against import UnitsOptions, units_job

SEED = SEEDS_DIR / "001_095502a10b21373e.txt"


def _source(path: Path) -> batch.Source:
    return batch.discover([str(path)])[0]


def _same(a, b) -> None:
    assert a.years == b.years and len(a.units) == len(b.units) > 0
    for x, y in zip(a.units, b.units, strict=True):
        assert (x.key, x.kind, x.location, x.excerpt, x.years, x.strong, x.fps, x.tokens) == (
            y.key,
            y.kind,
            y.location,
            y.excerpt,
            y.years,
            y.strong,
            y.fps,
            y.tokens,
        )


@pytest.fixture
def parses(monkeypatch, tmp_path):
    """Counts real parses; the cache in a folder of this test's own."""
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[str] = []
    real = batch.parse_source

    def counting(source, ocr=False):
        calls.append(source.name)
        return real(source, ocr)

    monkeypatch.setattr(batch, "parse_source", counting)
    return calls


@needs(SEED)
def test_units_of_a_file_seen_before_are_read_back(tmp_path, parses):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SEED.read_bytes())
    first = units_job(_source(plan), UnitsOptions())
    assert len(parses) == 1 and len(list((tmp_path / "cache" / "against").glob("*.json"))) == 1
    second = units_job(_source(plan), UnitsOptions())
    assert len(parses) == 1  # read back, not parsed
    _same(first, second)
    assert second.name == str(plan) and second.path == str(plan.resolve())
    # the same bytes under another name: the entry serves it, named for this run
    other = tmp_path / "copy.txt"
    other.write_bytes(SEED.read_bytes())
    assert units_job(_source(other), UnitsOptions()).name == str(other) and len(parses) == 1
    # an edited file is parsed again
    plan.write_bytes(SEED.read_bytes() + "\nThêm một dòng.\n".encode())
    units_job(_source(plan), UnitsOptions())
    assert len(parses) == 2


@needs(SEED)
def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path, parses):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SEED.read_bytes())
    good = units_job(_source(plan), UnitsOptions())
    (entry,) = (tmp_path / "cache" / "against").glob("*.json")
    entry.write_text('{"years": [2024, 2024], "units": [{"key": 1}]', encoding="utf-8")
    again = units_job(_source(plan), UnitsOptions())
    assert len(parses) == 2
    _same(good, again)
    assert json.loads(entry.read_text(encoding="utf-8"))["units"]


@needs(SEED)
def test_no_cache_reads_and_writes_nothing(tmp_path, parses, monkeypatch):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SEED.read_bytes())
    units_job(_source(plan), UnitsOptions(cache=False))
    units_job(_source(plan), UnitsOptions(cache=False))
    assert len(parses) == 2 and not (tmp_path / "cache").exists()
    monkeypatch.setenv("KEHOACH_CACHE_DIR", "")
    assert units_cache.folder() is None
    units_job(_source(plan), UnitsOptions())
    assert len(parses) == 3 and not (tmp_path / "cache").exists()


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("KEHOACH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert units_cache.folder() == tmp_path / "kehoach" / "against"


@needs(SEED)
def test_cli_gives_the_same_findings_from_saved_units(tmp_path):
    others = tmp_path / "others"
    others.mkdir()
    (others / "signed.txt").write_bytes(SEED.read_bytes())  # the draft copies a signed plan whole
    draft = tmp_path / "draft.txt"
    draft.write_bytes(SEED.read_bytes())
    cache = tmp_path / "cache"

    def run(*extra: str) -> tuple[list, int]:
        cmd = [sys.executable, "-m", "kehoach", "validate", str(draft), "--against", str(others)]
        cmd += ["--select", "copied-from-other-plan", "-f", "json", *extra]
        env = {**os.environ, "KEHOACH_CACHE_DIR": str(cache)}
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
        assert r.returncode in (0, 1), r.stderr
        return json.loads(r.stdout)["findings"], len(list(cache.glob("against/*.json")))

    uncached, written = run("--no-cache")
    assert uncached and written == 0
    cold, written = run()
    assert written == 1
    warm, written = run()
    assert written == 1
    assert cold == warm == uncached


@needs(SEED)
def test_a_fifo_in_place_of_an_entry_is_not_read(tmp_path, parses):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(SEED.read_bytes())
    entry = units_cache.entry(plan, False)
    assert entry is not None
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)  # reading it would block for ever
    units = units_job(_source(plan), UnitsOptions())
    assert units.units and len(parses) == 1


def test_an_input_that_is_not_a_regular_file_is_not_hashed(tmp_path, monkeypatch):
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)  # opening it to hash would block for ever
    assert units_cache.entry(fifo, False) is None
    assert units_cache.entry(tmp_path, False) is None  # a folder


@needs(SEED)
def test_cli_against_a_fifo_says_so_and_does_not_block(tmp_path):
    fifo = tmp_path / "other.txt"
    os.mkfifo(fifo)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(SEED.read_bytes())
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    r = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(draft), "--against", str(fifo), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,  # hashing the FIFO for the cache blocked here before
        env=env,
    )
    assert "other.txt" in r.stderr and "Traceback" not in r.stderr
