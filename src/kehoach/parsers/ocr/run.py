"""Running Tesseract on page images: a thread pool across pages, and an optional result cache.

Tesseract runs as a subprocess, so threads are enough to keep every CPU busy: the page
loop renders and cleans page k+1 while Tesseract reads page k. `workers` defaults to the
number of CPUs (option `ocr_workers`). Each process is limited to one OpenMP thread, the
pool is the parallelism.

With KEHOACH_OCR_CACHE set to a folder, a page's TSV is stored under the hash of the image
bytes and the arguments, and read back the next time: the tests set it once per run so that
several tests can read the same scan without paying for it again. Several processes may share
the folder; how is in `kehoach.parsers.filecache`.
"""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import filecache

PAGE_TIMEOUT_S = 180


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str = ""
    timed_out: bool = False


def run_tesseract(binary: str, image: Path, args: list[str], timeout: float = PAGE_TIMEOUT_S) -> Result:
    """`tesseract IMAGE stdout ARGS…`, through the cache when there is one."""
    cached = filecache.entry("KEHOACH_OCR_CACHE", [image.read_bytes(), "\0".join(args).encode()], "tsv")
    with filecache.locked(cached):
        if cached is not None and cached.is_file():  # a FIFO planted there would block the read
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
            filecache.store(cached, proc.stdout.encode("utf-8"))
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
