"""Running Tesseract on page images: a thread pool across pages, and an optional result cache.

Tesseract runs as a subprocess, so threads are enough to keep every CPU busy: the page
loop renders and cleans page k+1 while Tesseract reads page k. `workers` defaults to the
number of CPUs (option `ocr_workers`). Each process is limited to one OpenMP thread, the
pool is the parallelism.

With KEHOACH_OCR_CACHE set to a folder, a page's TSV is stored under the hash of the image
bytes and the arguments, and read back the next time: the tests set it once per run so that
several tests can read the same scan without paying for it again. Several processes may share
the folder (the pytest-xdist workers of one run): an entry is written to a file of its own and
renamed into place, so a reader sees a whole entry or none, and while one process recognises
a page the others asking for the same page wait on its lock file instead of recognising it too.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

PAGE_TIMEOUT_S = 180


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str = ""
    timed_out: bool = False


def _cache_path(image: Path, args: list[str]) -> Path | None:
    folder = os.environ.get("KEHOACH_OCR_CACHE")
    if not folder:
        return None
    digest = hashlib.sha1(image.read_bytes())
    digest.update("\0".join(args).encode())
    return Path(folder) / f"{digest.hexdigest()}.tsv"


@contextmanager
def _locked(cached: Path | None) -> Iterator[None]:
    """Hold `<entry>.lock` exclusively (POSIX flock) while one entry is looked up and made."""
    if cached is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, at worst a page is recognised twice
        yield
        return
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle = open(cached.with_suffix(".lock"), "a")  # noqa: SIM115 -- closed below
    except OSError:
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # releases the lock


def _store(cached: Path, text: str) -> None:
    """Write an entry atomically: a temporary file of its own, then a rename onto the entry."""
    try:
        fd, name = tempfile.mkstemp(dir=cached.parent, prefix=cached.stem + ".", suffix=".tmp")
    except OSError:  # a full or read-only cache folder costs the cache, not the page
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, cached)
    except OSError:
        with suppress(OSError):
            os.unlink(name)


def run_tesseract(binary: str, image: Path, args: list[str], timeout: float = PAGE_TIMEOUT_S) -> Result:
    """`tesseract IMAGE stdout ARGS…`, through the cache when there is one."""
    cached = _cache_path(image, args)
    with _locked(cached):
        if cached is not None and cached.exists():
            return Result(0, cached.read_text(encoding="utf-8"))
        try:
            proc = subprocess.run(
                [binary, str(image), "stdout", *args],
                capture_output=True,
                text=True,
                timeout=timeout,
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
        except subprocess.TimeoutExpired:
            return Result(-1, "", "timeout", timed_out=True)
        except OSError as exc:
            return Result(-1, "", str(exc))
        if cached is not None and proc.returncode == 0:
            _store(cached, proc.stdout)
        return Result(proc.returncode, proc.stdout, proc.stderr)


def default_workers(option: object = None) -> int:
    """The pool size: the `ocr_workers` option, else the CPUs this process may use."""
    if isinstance(option, int) and option > 0:
        return option
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


class PagePool:
    """Submit page images, collect their TSV in any order (a thin ThreadPoolExecutor)."""

    def __init__(self, binary: str, workers: int):
        self.binary = binary
        self.workers = workers
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kehoach-ocr")

    def submit(self, image: Path, args: list[str]) -> Future[Result]:
        return self._pool.submit(run_tesseract, self.binary, image, args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
