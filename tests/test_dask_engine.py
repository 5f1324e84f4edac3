"""`--engine dask`: the same outputs, byte for byte, as the local pool with --jobs 2 on realdocs
and seeds; the same per-file time limit, memory limit and failure lines (a LocalCluster of two
workers)."""

from __future__ import annotations

import filecmp
import time

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from helpers import mixed_job
from kehoach import batch
from test_register import kehoach

pytest.importorskip("distributed", reason="dask[distributed] is the [dask] extra")
from kehoach.engines.dask_engine import DaskEngine, chunks  # noqa: E402


def test_failures_are_the_local_pools(tmp_path):
    names = []
    for i, word in enumerate(["fine", "hang", "crash", "hog", "bug", "good", "last"]):
        path = tmp_path / f"{i}-{word}.txt"
        path.write_text(word, encoding="utf-8")
        names.append(str(path))
    sources = batch.discover(names + [str(tmp_path / "missing.txt")])
    kwargs = dict(timeout=10, lang="en", memory_mb=1024)
    local = batch.run(sources, mixed_job, None, jobs=2, **kwargs)
    began = time.monotonic()
    dask = batch.run(sources, mixed_job, None, jobs=2, engine=DaskEngine(None, 2), **kwargs)
    assert time.monotonic() - began < 120  # the hang was stopped at its time limit
    view = [[(o.source.name, o.value, o.error) for o in r.outcomes] for r in (local, dask)]
    assert view[0] == view[1]
    errors = [o.error or "" for o in dask.outcomes]
    assert "timed out (10 s)" in errors[1] and "died" in errors[2] and "memory" in errors[3]
    assert "a bug" in errors[4] and "\n" not in errors[4] and "missing.txt" in errors[7]
    assert [o.value for o in dask.outcomes if o.ok] == ["fine", "good", "last"]


def test_chunks_cover_the_inputs_in_order():
    for count in (0, 1, 7, 100, 1000):
        parts = chunks(count, 2)
        assert [i for p in parts for i in p] == list(range(count))
        assert all(1 <= len(p) <= 32 for p in parts)


@needs(REALDOCS, SEEDS_DIR)
def test_outputs_are_byte_identical_to_the_local_pool(tmp_path):
    args = [REALDOCS, SEEDS_DIR, "-f", "json,csv,xlsx", "--combined", "-q", "--summary", "json"]
    local = kehoach("parse", *args, "-o", f"{tmp_path / 'local'}/", "-j", "2")
    dask = kehoach("parse", *args, "-o", f"{tmp_path / 'dask'}/", "-j", "2", "--engine", "dask")
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*") if p.is_file())
    assert len(files) > 3 * 30
    match, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "local", tmp_path / "dask", [str(f) for f in files], shallow=False
    )
    assert not mismatch and not errors and len(match) == len(files)
    assert local.stderr == dask.stderr  # the same failures, named the same way
    assert local.returncode == dask.returncode == 1


def test_engine_usage_errors(tmp_path):
    plan = tmp_path / "kh.txt"
    plan.write_text("KẾ HOẠCH\nKiểm tra\n", encoding="utf-8")
    bad = kehoach("parse", plan, "--engine", "spark", "--lang", "en", check=False)
    assert bad.returncode == 2 and "invalid engine: spark" in bad.stderr and "Traceback" not in bad.stderr
    lone = kehoach("parse", plan, "--scheduler", "tcp://127.0.0.1:1", "--lang", "en", check=False)
    assert lone.returncode == 2 and "--scheduler goes with --engine dask" in lone.stderr
