"""What a run is made of: `Outcome` per input, `BatchResult`, the `Reporter` hooks, and
`_call`, which runs one job on one source and turns any failure into one line.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import KehoachError
from ..i18n import t
from .discovery import Source

MAX_TASKS_PER_CHILD = 100  # a worker is replaced after this many files (memory stays bounded)


@dataclass
class Outcome:
    """What became of one input: `value` from the job, or `error` (one line naming the file)."""

    source: Source
    value: Any = None
    error: str | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the peak resident memory of the process that ran it
    cpu_seconds: float = 0.0  # CPU time spent on it (wall time can include waiting for a CPU)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchResult:
    outcomes: list[Outcome | None]  # None: not finished (the run was interrupted)
    seconds: float = 0.0
    jobs: int = 1
    interrupted: bool = False

    @property
    def done(self) -> list[Outcome]:
        return [o for o in self.outcomes if o is not None]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.done if not o.ok]


Job = Callable[[Source, Any], Any]


class _Timeout(BaseException):
    """Raised by SIGALRM in the in-process path (a BaseException: parsers catch Exception)."""


class _Stop(BaseException):
    """SIGTERM to the parent: stop like Ctrl-C."""


def _peak_rss_mb() -> float:
    """Peak resident memory of this process. Linux: VmHWM (ru_maxrss would count the memory of
    the process it was forked from, the fork server's or a big parent's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    except (ImportError, OSError):
        return 0.0


def _call(job: Job, source: Source, options: Any, lang: str) -> tuple[Any, str | None]:
    """Run the job on one source; any failure becomes one line (never a traceback)."""
    if source.problem:
        key, details = source.problem
        return None, KehoachError(source.name, key, **dict(details)).message(lang)
    try:
        return job(source, options), None
    except KehoachError as exc:
        return None, exc.message(lang)
    except MemoryError:
        return None, f"{source.name}: {t('out_of_memory', lang)}"
    except RecursionError:
        return None, f"{source.name}: {t('too_deep', lang)}"
    except Exception as exc:  # a bug or a library failure: still one line
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        detail = f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}".rstrip(": ")
        return None, f"{source.name}: {t('internal', lang, error=detail)}"


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class Reporter:
    """Hooks the run calls; the default does nothing (see `ConsoleReporter`)."""

    def start(self, total: int) -> None: ...

    def started(self, source: Source) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


def _secs(timeout: float | None) -> str:
    return f"{timeout:g}" if timeout else "?"


def _exit_detail(code: int | None) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"
