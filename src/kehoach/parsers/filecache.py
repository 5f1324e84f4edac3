"""A folder of results of slow outside tools, keyed by a hash of what went in.

Used when an environment variable names the folder: KEHOACH_OCR_CACHE (a page image's
Tesseract TSV, ocr/run.py) and KEHOACH_DOC_CACHE (a .doc file's LibreOffice conversion,
doc/soffice.py). The test suite sets both once per run. Several processes may share a folder
(the pytest-xdist workers of one run): an entry is written to a file of its own and renamed
into place, so a reader sees a whole entry or none, and while one process makes an entry the
others asking for the same one wait on its lock file instead of making it too. A folder that
cannot be written costs the cache, never the result.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


def entry(variable: str, parts: list[bytes], suffix: str) -> Path | None:
    """The entry for `parts` in the folder `variable` names, or None when it names none."""
    folder = os.environ.get(variable)
    if not folder:
        return None
    digest = hashlib.sha1()
    for part in parts:  # the input's bytes, then what else decides the result
        digest.update(part)
    return Path(folder) / f"{digest.hexdigest()}.{suffix}"


@contextmanager
def locked(cached: Path | None) -> Iterator[None]:
    """Hold `<entry>.lock` exclusively (POSIX flock) while one entry is looked up and made."""
    if cached is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, at worst an entry is made twice
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


def store(cached: Path, data: bytes) -> None:
    """Write an entry atomically: a temporary file of its own, then a rename onto the entry."""
    try:
        fd, name = tempfile.mkstemp(dir=cached.parent, prefix=cached.stem + ".", suffix=".tmp")
    except OSError:  # a full or read-only cache folder costs the cache, not the result
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(name, cached)
    except OSError:
        with suppress(OSError):
            os.unlink(name)
