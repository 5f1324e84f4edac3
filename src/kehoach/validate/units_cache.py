"""The saved index of `validate --against`: each other plan's units, kept by the hash of its bytes.

A drafting team checks every draft against the same folder of signed plans, run after run;
parsing that folder again each time (LibreOffice for a .doc, Tesseract for a scan) is most of
the command's time. The units of a file (`copies.PlanUnits` less its name and path) are saved
as JSON, under a key made of the file's bytes, `--ocr`, and a stamp of kehoach's own code (its
version and the bytes of its modules), so an edited file or a changed parser never reads a
stale entry. JSON, not pickle: a cache folder shared between users must not be able to run
code. A folder that cannot be written costs the cache, never the result.

Where: ``KEHOACH_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/kehoach``, else
``~/.cache/kehoach``; entries go to its ``against/`` folder. `validate --no-cache` reads and
writes none.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from ..cachedir import cache_folder
from ..models import Location
from ..parsers import filecache
from .copies import PlanUnits, Unit

FORMAT = 1  # bump when the entry layout changes


def folder() -> Path | None:
    """The folder of saved units, or None when the user turned the cache off."""
    return cache_folder("against")


@cache
def code_stamp() -> bytes:
    """kehoach's version and the bytes of its modules: any change of code makes new keys."""
    import kehoach

    digest = hashlib.sha1(f"{FORMAT}:{kehoach.__version__}".encode())
    root = Path(kehoach.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.digest()


def entry(document: Path, ocr: bool) -> Path | None:
    """The entry of a regular file's units (its bytes hashed as a stream, never held whole);
    None when the cache is off or the input is not a regular file (a FIFO would block here)."""
    place = folder()
    if place is None or not document.is_file():
        return None
    digest = hashlib.sha1(code_stamp())
    digest.update(b"ocr" if ocr else b"text")
    with open(document, "rb") as stream:
        digest.update(hashlib.file_digest(stream, "sha1").digest())
    return place / f"{digest.hexdigest()}.json"


def load(cached: Path, name: str, path: str) -> PlanUnits | None:
    """The saved units, named for this run; None when absent or unreadable."""
    if not cached.is_file():  # absent, or not a regular file (a FIFO there would block the read)
        return None
    try:
        raw = json.loads(cached.read_text(encoding="utf-8"))
        units = [_unit(u) for u in raw["units"]]
        first, last = raw["years"] or (None, None)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    years = (int(first), int(last)) if first is not None and last is not None else None
    return PlanUnits(name, years, units, path)


def save(cached: Path, units: PlanUnits) -> None:
    body = {
        "years": list(units.years) if units.years else None,
        "units": [_dict(u) for u in units.units],
    }
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    filecache.store(cached, json.dumps(body, ensure_ascii=False).encode())


def _dict(unit: Unit) -> dict[str, Any]:
    return {
        "key": unit.key,
        "kind": unit.kind,
        "location": unit.location.model_dump(exclude_none=True),
        "excerpt": unit.excerpt,
        "years": list(unit.years),
        "strong": unit.strong,
        "fps": list(unit.fps),
    }


def _unit(raw: dict[str, Any]) -> Unit:
    return Unit(
        key=raw["key"],
        kind=raw["kind"],
        location=Location.model_validate(raw["location"]),
        excerpt=raw["excerpt"],
        years=tuple(raw["years"]),
        strong=bool(raw["strong"]),
        fps=tuple(raw["fps"]),
    )
