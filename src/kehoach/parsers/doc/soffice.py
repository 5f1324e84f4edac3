"""Word 97-2003 (.doc) -> blocks, through LibreOffice.

There is no maintained pure-Python reader for the binary Word format, so the file is
converted to DOCX by `soffice --headless` into a private temporary folder (with its own
LibreOffice profile, so that parallel runs do not fight over one user profile) and the
DOCX front-end parses the result. An OLE2 file can also be a password-protected DOCX
(Office wraps the encrypted package in a compound file); that is reported as such
instead of being handed to LibreOffice, which would stop and ask for a password.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ...blocks import Document
from ...errors import KehoachError
from .. import filecache
from . import ole
from . import pages as doc_pages

TIMEOUT_S = 120
_OLE_MAGIC = ole.MAGIC


def soffice_binary() -> str | None:
    """Path of the LibreOffice binary, or None. KEHOACH_SOFFICE overrides the search."""
    override = os.environ.get("KEHOACH_SOFFICE")
    if override:
        return override if Path(override).exists() else shutil.which(override)
    for name in ("soffice", "libreoffice", "lowriter"):
        found = shutil.which(name)
        if found:
            return found
    return None


def ole_stream_names(data: bytes) -> list[str]:
    """Names in a compound file's directory ([] when it is not one)."""
    return ole.stream_names(data)


def convert_to_docx(path: Path, workdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert `path` to DOCX inside `workdir` with LibreOffice; return the new file's path."""
    return convert(path, workdir, "docx:MS Word 2007 XML", "docx", timeout)


def convert(path: Path, workdir: Path, target: str, suffix: str, timeout: float = TIMEOUT_S) -> Path:
    """Convert `path` with LibreOffice's filter `target` inside `workdir`; return the new file."""
    binary = soffice_binary()
    if binary is None:
        raise KehoachError(str(path), "no_soffice")
    profile = workdir / "profile"
    outdir = workdir / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    # LibreOffice names the output after the input; copy under a plain name so odd
    # characters in the user's file name cannot confuse it.
    source = workdir / "input.doc"
    if not source.exists():
        shutil.copyfile(path, source)
    result = outdir / f"input.{suffix}"
    # KEHOACH_DOC_CACHE: a conversion made once is copied from there (see parsers/filecache.py)
    cached = filecache.entry("KEHOACH_DOC_CACHE", [source.read_bytes(), f"\0{target}\0{binary}".encode()], suffix)
    with filecache.locked(cached):
        if cached is not None and cached.is_file():  # a FIFO planted there would block the read
            shutil.copyfile(cached, result)
            return result
        _run_soffice(binary, profile, target, source, result, path, timeout)
        if cached is not None:
            filecache.store(cached, result.read_bytes())
    return result


def _run_soffice(
    binary: str, profile: Path, target: str, source: Path, result: Path, path: Path, timeout: float
) -> None:
    """`soffice --convert-to TARGET` of `source` (in the work folder) into `result`'s folder; a
    timeout or no result is an error about `path`, the user's file."""
    outdir, workdir = result.parent, source.parent
    cmd = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(source),
    ]
    try:
        # a session of its own, so that a timeout ends soffice.bin too, not just its launcher
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=workdir,
            env={**os.environ, "HOME": str(workdir)},
            start_new_session=True,
        )
    except OSError:
        raise KehoachError(str(path), "no_soffice") from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        proc.communicate()
        raise KehoachError(str(path), "timeout", seconds=int(timeout)) from None
    if not result.exists() or result.stat().st_size == 0:
        detail = (err or out or b"").decode("utf-8", "replace").strip().splitlines()
        raise KehoachError(str(path), "bad_doc", error=(detail[-1] if detail else f"exit {proc.returncode}")[:200])


def parse(path: str | Path, **options: object) -> Document:
    """Parse a .doc file: convert it to DOCX with LibreOffice, then read it as DOCX."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KehoachError(str(path), "unreadable", error=exc.strerror or exc.__class__.__name__) from None
    if not data:
        raise KehoachError(str(path), "empty")
    names = ole_stream_names(data)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise KehoachError(str(path), "encrypted_docx")
    if not data.startswith(_OLE_MAGIC):
        raise KehoachError(str(path), "bad_doc", error="not a Word 97-2003 file")
    from .. import docx

    option = options.get("soffice_timeout")  # seconds: a number, or a string from a command line
    timeout = float(option) if isinstance(option, int | float | str) and option else TIMEOUT_S
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        converted = convert_to_docx(path, Path(tmp), timeout=timeout)
        try:
            document = docx.parse(converted, **options)
        except KehoachError as exc:  # name the user's file, not the temporary copy
            raise KehoachError(str(path), exc.reason, **exc.details) from None
        _pages(document, path, data, Path(tmp), timeout)
    document.source.format = "doc"
    document.source.path = str(path)
    document.source.notes.append("converted:libreoffice")
    return document


def _pages(document: Document, path: Path, data: bytes, workdir: Path, timeout: float) -> None:
    """Page count and block pages of a .doc (see `doc_pages`); "unknown" rather than wrong."""
    word_pages = ole.summary_page_count(data)
    pages_text: list[str] = []
    try:
        pages_text = doc_pages.rendered_pages(convert(path, workdir, "pdf", "pdf", timeout))
    except KehoachError as exc:
        document.source.notes.append(f"doc: no page layout from LibreOffice ({exc.reason})")
    found = doc_pages.assign_pages(document, pages_text, word_pages) if pages_text else 0
    # the DOCX front-end counted breaks LibreOffice does not write: its guess goes
    document.source.notes = [n for n in document.source.notes if not n.startswith("page numbers estimated")]
    if not found:
        for prov in (u for _, provs in doc_pages.units(document) for u in provs):
            prov.page = None
    document.source.pages = word_pages or (len(pages_text) if found else None)
    document.source.pages_approx = word_pages is None and document.source.pages is not None
    if word_pages and found:
        document.source.notes.append(
            f"doc: {word_pages} pages as Word counted them; block pages placed by LibreOffice's layout "
            f"({len(pages_text)} pages) scaled to them"
        )
    elif found:
        document.source.notes.append(
            f"doc: page count from LibreOffice's layout ({len(pages_text)} pages); Word stored none"
        )
    elif word_pages:
        document.source.notes.append(f"doc: {word_pages} pages as Word counted them; the page of each block is unknown")
