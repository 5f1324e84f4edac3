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
import struct
import subprocess
import tempfile
from pathlib import Path

from ..blocks import Document
from ..errors import KehoachError

TIMEOUT_S = 120
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


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
    """Names in a compound file's directory (a minimal CFB reader; [] when it is not one).

    Only the FAT chain of the directory is followed; that is enough to list names.
    """
    if len(data) < 512 or not data.startswith(_OLE_MAGIC):
        return []
    sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
    if not 7 <= sector_shift <= 16:
        return []
    size = 1 << sector_shift
    dir_start = struct.unpack_from("<I", data, 0x30)[0]
    n_difat_header = 109
    difat = list(struct.unpack_from(f"<{n_difat_header}I", data, 0x4C))
    # extra DIFAT sectors (files with a very large FAT)
    next_difat = struct.unpack_from("<I", data, 0x44)[0]
    seen: set[int] = set()
    while next_difat not in (_FREE, _END) and next_difat not in seen:
        seen.add(next_difat)
        off = (next_difat + 1) * size
        if off + size > len(data):
            break
        entries = struct.unpack_from(f"<{size // 4}I", data, off)
        difat.extend(entries[:-1])
        next_difat = entries[-1]
    fat: list[int] = []
    for sector in difat:
        if sector in (_FREE, _END):
            continue
        off = (sector + 1) * size
        if off + size > len(data):
            break
        fat.extend(struct.unpack_from(f"<{size // 4}I", data, off))
    names: list[str] = []
    sector, guard = dir_start, 0
    while sector not in (_FREE, _END) and sector < len(fat) and guard < 10000:
        guard += 1
        off = (sector + 1) * size
        for entry in range(off, min(off + size, len(data)) - 127, 128):
            name_len = struct.unpack_from("<H", data, entry + 0x40)[0]
            if 2 <= name_len <= 64:
                names.append(data[entry:entry + name_len - 2].decode("utf-16-le", "replace"))
        sector = fat[sector]
    return names


def convert_to_docx(path: Path, workdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert `path` to DOCX inside `workdir` with LibreOffice; return the new file's path."""
    binary = soffice_binary()
    if binary is None:
        raise KehoachError(str(path), "no_soffice")
    profile = workdir / "profile"
    outdir = workdir / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    # LibreOffice names the output after the input; copy under a plain name so odd
    # characters in the user's file name cannot confuse it.
    source = workdir / "input.doc"
    shutil.copyfile(path, source)
    cmd = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source)]
    try:
        # a session of its own, so that a timeout ends soffice.bin too, not just its launcher
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=workdir,
                                env={**os.environ, "HOME": str(workdir)}, start_new_session=True)
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
    result = outdir / "input.docx"
    if not result.exists() or result.stat().st_size == 0:
        detail = (err or out or b"").decode("utf-8", "replace").strip().splitlines()
        raise KehoachError(str(path), "bad_doc", error=(detail[-1] if detail else f"exit {proc.returncode}")[:200])
    return result


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
    from . import docx

    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        converted = convert_to_docx(path, Path(tmp), timeout=float(options.get("soffice_timeout") or TIMEOUT_S))
        try:
            document = docx.parse(converted, **options)
        except KehoachError as exc:   # name the user's file, not the temporary copy
            raise KehoachError(str(path), exc.reason, **exc.details) from None
    document.source.format = "doc"
    document.source.path = str(path)
    document.source.notes.append("converted:libreoffice")
    return document
