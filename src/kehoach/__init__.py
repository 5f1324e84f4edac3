"""kehoach: Vietnamese government plans (Kế hoạch) to task registers, and a linter for drafts."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata only when asked for: importlib.metadata
    # costs tens of milliseconds that `kehoach --help` should not pay
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("kehoach")  # one source: pyproject.toml, through the installed metadata
        except PackageNotFoundError:  # a source tree that was never installed
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
