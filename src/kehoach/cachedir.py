"""Where kehoach keeps what it saves between runs (the compiled patterns, `validate --against`'s
units): ``KEHOACH_CACHE_DIR`` (empty: nothing is saved), else ``$XDG_CACHE_HOME/kehoach``, else
``~/.cache/kehoach``. Each cache has a folder of its own in it."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(name: str) -> Path | None:
    """The folder `name` of kehoach's cache directory, or None when the user turned caching off."""
    given = os.environ.get("KEHOACH_CACHE_DIR")
    if given is not None:
        return Path(given) / name if given else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kehoach" / name
