"""kehoach: Vietnamese government plans (Kế hoạch) to task registers, and a linter for drafts."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("kehoach")      # one source: pyproject.toml, through the installed metadata
except PackageNotFoundError:               # a source tree that was never installed
    __version__ = "0+unknown"
