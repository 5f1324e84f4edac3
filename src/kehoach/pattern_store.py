"""Compiled `regex` patterns kept on disk between runs, as Python keeps a module's bytecode.

`regex` parses and compiles a pattern in Python: the hundred-odd patterns one DOCX parse
reaches cost about 40 ms, a tenth of a `kehoach parse` process, and every run paid them again.
`regex` itself can rebuild a compiled pattern from its compiled form without parsing it (that
is how it unpickles one: `copyreg` gives its builder and arguments). This module keeps those
arguments for every pattern kehoach compiled, in one file of the user's cache directory,
and rebuilds a pattern from them in a few microseconds.

The file holds plain data (`marshal`: strings, numbers, lists, dicts), a CRC of it, and is
named after the versions that made it (regex, Python): another version of either uses
another file. A file that cannot be read, fails its check or holds something unexpected is
ignored, and the pattern is compiled as usual; writing is atomic (a temporary file then
`os.replace`) and silent when the directory cannot be written. Patterns are written at exit,
only when the run compiled one the file did not have.

Where: the folder "patterns" of kehoach's cache directory (`kehoach.cachedir`: `$KEHOACH_CACHE_DIR`,
else `$XDG_CACHE_HOME/kehoach`, else `~/.cache/kehoach`); `KEHOACH_CACHE_DIR=""` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import copyreg
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

import regex as _regex

from .cachedir import cache_folder

_MAX = 4096  # entries kept: the patterns are kehoach's literals, a few hundred
_LOCALE = int(_regex.LOCALE)

_stored: dict[tuple[str, int], tuple] | None = None  # read on the first compile
_new: dict[tuple[str, int], tuple] = {}
_builder: Any = None
_at_exit = False


def directory() -> Path | None:
    """The store's folder, or None when the user turned caching off."""
    return cache_folder("patterns")


def _file() -> Path | None:
    where = directory()
    if where is None:
        return None
    tag = sys.implementation.cache_tag or "python"
    return where / f"regex-{_regex.__version__}-v{int(_regex.DEFAULT_VERSION)}-{tag}.patterns"


def _read(path: Path) -> dict[tuple[str, int], tuple]:
    """The entries of `path`; {} for a missing, damaged or unexpected file."""
    try:
        data = path.read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "little"):
            return {}
        entries = marshal.loads(data[4:])
    except Exception:  # any failure to read means: compile as usual
        return {}
    if not isinstance(entries, dict):
        return {}
    return entries


def _reduce(compiled: Any) -> tuple[Any, tuple]:
    """(builder, arguments) that rebuild `compiled`: what pickling a regex pattern stores."""
    reduced: Any = copyreg.dispatch_table[type(compiled)](compiled)
    return reduced[0], tuple(reduced[1])


def _load() -> dict[tuple[str, int], tuple]:
    global _stored, _builder
    if _stored is None:
        path = _file()
        _stored = _read(path) if path is not None else {}
        if _stored:
            _builder = _reduce(_regex.compile(""))[0]
    return _stored


def compile(pattern: str, flags: int = 0) -> Any:  # noqa: A001 - regex's own name
    """`regex.compile(pattern, flags)`, rebuilt from the store when it holds the pattern."""
    key = (pattern, int(flags))
    args = _load().get(key)
    if args is not None:
        try:
            built = _builder(*args)
        except Exception:  # an entry regex does not accept: compile it again
            built = None
        if built is not None and built.pattern == pattern:
            return built
    compiled = _regex.compile(pattern, flags)
    if isinstance(pattern, str) and not compiled.flags & _LOCALE:  # locale patterns vary by run
        global _at_exit
        if not _at_exit:
            atexit.register(save)
            _at_exit = True
        _new[key] = _reduce(compiled)[1]
    return compiled


def save() -> None:
    """Write the patterns compiled in this run into the store (silently: a cache may fail)."""
    path = _file()
    if not _new or path is None:
        return
    entries = {**_read(path), **_new}
    if len(entries) > _MAX:
        entries = dict(list(entries.items())[-_MAX:])
    _new.clear()
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        body = marshal.dumps(entries)
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(zlib.crc32(body).to_bytes(4, "little") + body)
        os.replace(part, path)
    except Exception:  # a read-only home, a full disk: the next run compiles again
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
