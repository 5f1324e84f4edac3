"""Writing outputs without destroying anything that is not ours.

Rules (README, "Outputs"):

- an output never replaces an input: a path that resolves to an input (same real path, or
  same device and inode: a symlink, a hard link, ``./x/./f``) is refused;
- an existing regular file, or a new path, is written atomically: a temp file in the same
  folder (a short name, ``.kh-<random>.tmp``, whatever the length of the output's name)
  renamed over the target, so a failed run never leaves a partial file;
- an existing character device or FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is
  streamed to: opened for writing, never truncated by a rename, never replaced by a file;
- a directory, a socket or a block device is refused;
- a symlink is written through (the link stays, its target gets the output);
- every OS error becomes an :class:`OutputError`: one line naming the path and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from .i18n import t

TEMP_PREFIX = ".kh-"
TEMP_SUFFIX = ".tmp"


def shown(path: str | os.PathLike[str]) -> str:
    """A name as the user can read it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) are shown as ``\\xff`` escapes, so printing it or writing it into JSON never fails."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class OutputError(Exception):
    """An output that cannot or must not be written. `reason` is a key of `i18n.MESSAGES`."""

    def __init__(self, path: str | os.PathLike[str], reason: str, **details: object) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        self.details = details
        super().__init__(f"{shown(self.path)}: {reason} {details}")

    def message(self, lang: str = "vi") -> str:
        return f"{shown(self.path)}: {t(self.reason, lang, **self.details)}"


_ERRNO_KEYS = {
    errno.ENOSPC: "os_enospc",
    errno.EDQUOT: "os_enospc",
    errno.EACCES: "os_eacces",
    errno.EPERM: "os_eacces",
    errno.EROFS: "os_erofs",
    errno.ENOTDIR: "os_enotdir",
    errno.ENAMETOOLONG: "os_enametoolong",
    errno.EISDIR: "os_eisdir",
    errno.ENOENT: "os_enoent",
    errno.EIO: "os_eio",
}


def os_reason(exc: OSError, lang: str = "vi") -> str:
    """The reason of an OS error in the user's language (the errno's name stays for a search)."""
    code = exc.errno or 0
    name = errno.errorcode.get(code, "")
    key = _ERRNO_KEYS.get(code)
    text = t(key, lang) if key else (exc.strerror or exc.__class__.__name__)
    return f"{text} [{name}]" if name else text


class _OSFailure(OutputError):
    """An OSError while writing `path`: the message is built in the user's language when shown."""

    def __init__(self, path: str | os.PathLike[str], exc: OSError) -> None:
        super().__init__(path, "output_write_failed")
        self.exc = exc

    def message(self, lang: str = "vi") -> str:
        return f"{shown(self.path)}: {t('output_write_failed', lang, error=os_reason(self.exc, lang))}"


def write_failure(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    return _OSFailure(path, exc)


class InputGuard:
    """The inputs of a run, to refuse an output that would land on one of them."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.real: set[str] = set()
        self.inodes: set[tuple[int, int]] = set()
        for p in paths:
            self.add(p)

    def add(self, path: str | os.PathLike[str]) -> None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return
        if stat.S_ISREG(st.st_mode):  # /dev/stdin as an input is not "the same file" as /dev/null
            self.inodes.add((st.st_dev, st.st_ino))
            self.real.add(os.path.realpath(path))

    def hits(self, path: str | os.PathLike[str]) -> bool:
        """True when writing `path` would write over one of the inputs."""
        try:
            if os.path.realpath(path) in self.real:
                return True
            st = os.stat(path)
        except (OSError, ValueError):
            return False
        return (st.st_dev, st.st_ino) in self.inodes

    def check(self, path: str | os.PathLike[str]) -> None:
        if self.hits(path):
            raise OutputError(path, "output_is_input")


def check_target(path: str | os.PathLike[str], guard: InputGuard | None = None) -> None:
    """Refuse, before any work, an output that can never be written: an input, a directory,
    a socket, a block device, a parent that is not a folder or that cannot take a new file."""
    path = Path(path)
    if guard is not None:
        guard.check(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        probe_folder(path.parent, name=path)
        return
    except OSError as exc:
        raise write_failure(path, exc) from None
    _refuse_kind(path, st.st_mode)
    if stat.S_ISREG(st.st_mode):
        probe_folder(Path(os.path.realpath(path)).parent, name=path)


def _refuse_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise OutputError(path, "output_is_dir")
    if stat.S_ISSOCK(mode):
        raise OutputError(path, "output_is_socket")
    if stat.S_ISBLK(mode):
        raise OutputError(path, "output_is_block_device")


def probe_folder(folder: str | os.PathLike[str], name: str | os.PathLike[str] | None = None) -> None:
    """Check that a file can be created in `folder` (or in its nearest existing ancestor when
    it does not exist yet) by creating and removing a temp file there; nothing is left behind.
    Root ignores permission bits, so this asks the file system rather than `os.access`.
    Errors name `name` (the output the folder is for) or the folder."""
    folder = Path(folder) if os.fspath(folder) else Path(".")
    name = folder if name is None else name
    existing = folder
    while True:
        try:
            st = os.stat(existing)
            break
        except FileNotFoundError:
            if existing.parent == existing:
                raise write_failure(name, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))) from None
            existing = existing.parent
        except OSError as exc:
            raise write_failure(name, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise write_failure(name, NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)))
    tmp = existing / _temp_name()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise write_failure(name, exc) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _temp_name() -> str:
    return f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_output(path: str | os.PathLike[str], data: str | bytes, guard: InputGuard | None = None) -> None:
    """Write `data` (str: UTF-8) to `path` by the rules of this module; OutputError otherwise."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    if guard is not None:
        guard.check(path)
    target = path
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
        if os.path.islink(path):  # a dangling symlink: create its target
            target = Path(os.path.realpath(path))
    except OSError as exc:
        raise write_failure(path, exc) from None
    if st is not None:
        _refuse_kind(path, st.st_mode)
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _stream(path, payload)
            return
        target = Path(os.path.realpath(path))  # a symlink stays a symlink: its target is replaced
    _atomic(path, target, payload, st.st_mode if st is not None else None)


def emit(data: str | bytes, output: str | None, guard: InputGuard | None = None) -> None:
    """`data` to standard output (a reader that left, `| head`, is not an error), or to the file
    `output` by `write_output` (OutputError)."""
    if output is not None:
        write_output(output, data, guard)
        return
    try:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
        sys.stdout.flush()
    except BrokenPipeError:
        pass


def _stream(path: Path, payload: bytes) -> None:
    """A device or a pipe: write into it as the shell's `>` would, never rename over it."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise write_failure(path, exc) from None
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise write_failure(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def _atomic(shown_path: Path, target: Path, payload: bytes, mode: int | None) -> None:
    """A temp file in the target's folder, then a rename over the target: never a partial file."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise write_failure(shown_path, NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))) from None
    except OSError as exc:
        raise write_failure(shown_path, exc) from None
    tmp = folder / _temp_name()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise write_failure(shown_path, exc) from None
    try:
        try:
            os.fchmod(fd, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_UMASK)
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise write_failure(shown_path, exc) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
