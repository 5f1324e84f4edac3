"""Which inputs a batch has: files as given, folders walked, globs expanded, `-` for stdin.

In: command-line arguments. Out: `Source`s in input order, without duplicates; a missing
file stays as an input that fails (the summary names it). `UsageError` when nothing is left.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..defaults import STDIN
from ..i18n import t
from ..outputs import shown

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".doc")  # what a folder or a glob contributes
STDIN_NAME = "<stdin>"
STDIN_MAX_BYTES = 64 * 1024 * 1024


class UsageError(Exception):
    """A problem with the command line itself (exit code 2), not with one input."""

    def __init__(self, reason: str, **details: object) -> None:
        self.reason = reason
        self.details = details
        super().__init__(reason)

    def message(self, lang: str = "vi") -> str:
        text = t(self.reason, lang, **self.details)
        skipped = self.details.get("skipped")
        if self.reason == "empty_folder" and skipped:
            text += "; " + t("empty_folder_skipped", lang, count=skipped)
        return text


# ---------------------------------------------------------------- discovery


@dataclass(frozen=True)
class Source:
    """One input. `name` is what the user sees; `rel` places its outputs under `-o DIR`."""

    name: str
    rel: str
    data: bytes | None = None  # the plan read from standard input
    problem: tuple[str, tuple] | None = None  # a reason known before parsing (message key, details)

    @property
    def is_stdin(self) -> bool:
        return self.data is not None

    @property
    def path(self) -> Path:
        return Path(self.name)


def discover(
    args: Sequence[str],
    suffixes: Iterable[str] = SUFFIXES,
    stdin: Any = None,
    *,
    documents_only: bool = False,
    skipped: list[str] | None = None,
) -> list[Source]:
    """Files as given (any name: the format is sniffed), folders walked recursively and globs
    expanded (both keep only `suffixes`), `-` = a text plan on standard input.

    Order: the arguments' order, each folder sorted; a file reached twice is kept once.
    A missing file or a glob that matches nothing is kept as an input that fails, so the
    summary names it. Raises UsageError when nothing at all is left (naming the folder and
    the suffixes looked for when a folder was empty).

    `documents_only`: the `.txt`/`.md` files a folder walk finds are kept only when they look
    like administrative documents (`doclook`); the others are appended to `skipped`. Files
    named on the command line are always kept.
    """
    suffixes = tuple(s.lower() for s in suffixes)
    out: list[Source] = []
    seen: set[str] = set()
    empty_folders: list[str] = []
    skipped = skipped if skipped is not None else []

    def walk(folder: Path) -> list[Path]:
        found = _walk(folder, suffixes)
        if not documents_only:
            return found
        from ..doclook import looks_like_document, needs_check

        kept = []
        for f in found:
            if needs_check(f) and not looks_like_document(f):
                skipped.append(shown(f))
            else:
                kept.append(f)
        return kept

    def add(source: Source, path: Path | None = None) -> None:
        key = os.path.realpath(path) if path is not None and path.exists() else source.name
        if key not in seen:
            seen.add(key)
            out.append(source)

    stdin_used = False
    for arg in args:
        if arg == STDIN:
            if stdin_used:
                raise UsageError("stdin_twice")
            stdin_used = True
            add(_stdin_source(stdin if stdin is not None else sys.stdin.buffer))
            continue
        path = Path(arg)
        if path.is_dir():
            found = walk(path)
            if not found:
                empty_folders.append(arg)
            for f in found:
                add(Source(str(f), f.relative_to(path).as_posix()), f)
        elif glob.has_magic(arg) and not os.path.lexists(arg):
            base = _glob_base(arg)
            matches = sorted(glob.glob(arg, recursive=True))
            matched = False
            for m in matches:
                mp_ = Path(m)
                if mp_.is_dir():
                    for f in walk(mp_):
                        matched = True
                        add(Source(str(f), _rel(f, base)), f)
                elif m.lower().endswith(suffixes) and not _skipped(mp_.name):
                    matched = True
                    add(Source(m, _rel(mp_, base)), mp_)
            if not matched:
                add(Source(arg, path.name or arg, problem=("no_match", ())))
        else:
            add(Source(arg, path.name or arg), path)
    if not out:
        if empty_folders:
            raise UsageError(
                "empty_folder", folder=shown(empty_folders[0]), suffixes=" ".join(suffixes), skipped=len(skipped)
            )
        raise UsageError("no_inputs")
    return out


def discover_paths(args: Sequence[str], suffixes: Iterable[str] = SUFFIXES) -> list[str]:
    """`discover` for callers that want plain names (a `-` input stays `-`)."""
    return [STDIN if s.is_stdin else s.name for s in discover(args, suffixes)]


def _stdin_source(stream: Any) -> Source:
    data = stream.read(STDIN_MAX_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > STDIN_MAX_BYTES:
        return Source(STDIN_NAME, "stdin", b"", problem=("too_large", (("size", f"> {STDIN_MAX_BYTES // 2**20} MB"),)))
    return Source(STDIN_NAME, "stdin", data)


def _skipped(name: str) -> bool:
    # hidden files, Word's owner files (~$name.docx), our own temporary files
    return name.startswith((".", "~$"))


def _walk(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Plan files under `root`, sorted, without following symlinked folders (no loops)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        for name in sorted(files):
            if name.lower().endswith(suffixes) and not _skipped(name):
                found.append(Path(folder) / name)
    return sorted(found, key=lambda f: f.relative_to(root).parts)  # as `find | sort` lists them


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard: outputs mirror the tree below it."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _rel(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name
