"""`run`: a job over sources, in this process (one source) or in the worker pool (several);
Ctrl-C or SIGTERM stops it and returns what finished.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from ..defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from ..errors import KehoachError
from ..outputs import shown
from .discovery import Source
from .jobs import (
    MAX_TASKS_PER_CHILD,
    BatchResult,
    Job,
    Outcome,
    Reporter,
    _call,
    _peak_rss_mb,
    _secs,
    _Stop,
    _Timeout,
    default_jobs,
)


def run(
    sources: Sequence[Source],
    job: Job,
    options: Any = None,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    lang: str = "vi",
    reporter: Reporter | None = None,
    on_outcome: Callable[[int, Outcome], None] | None = None,
    max_tasks_per_child: int = MAX_TASKS_PER_CHILD,
    memory_mb: int = DEFAULT_MEMORY_MB,
    in_process: bool | None = None,
    engine: Callable[..., None] | None = None,
) -> BatchResult:
    """Run `job(source, options)` on every source; outcomes come back in input order.

    `job` must be a module-level function (workers receive it by reference). One source
    (or `in_process=True`) runs in this process, its time limit enforced with SIGALRM where
    the platform has it; several run in `jobs` worker processes. Ctrl-C or SIGTERM stops the
    workers and returns what finished, with `interrupted` set.
    """
    reporter = reporter or Reporter()
    jobs = max(1, jobs or default_jobs())
    timeout = timeout if timeout and timeout > 0 else None
    outcomes: list[Outcome | None] = [None] * len(sources)
    if in_process is None:
        in_process = len(sources) <= 1
    result = BatchResult(outcomes, jobs=1 if in_process else min(jobs, len(sources)))
    began = time.perf_counter()
    reporter.start(len(sources))

    def finish(index: int, outcome: Outcome) -> None:
        if outcome.error:
            outcome.error = shown(outcome.error)  # a file name that is not UTF-8: escapes, never a crash
        outcomes[index] = outcome
        if on_outcome:  # first: writing its outputs can still fail the input
            on_outcome(index, outcome)
        reporter.finished(outcome)

    previous_term = _install_sigterm()
    try:
        if engine is not None:  # another engine runs the same job (engines/, e.g. --engine dask)
            engine(
                sources, job, options, timeout=timeout, lang=lang, reporter=reporter, finish=finish, memory_mb=memory_mb
            )
        elif in_process:
            _run_here(sources, job, options, timeout, lang, reporter, finish, memory_mb)
        else:
            from .pool import _run_pool  # multiprocessing: not loaded for a single file

            _run_pool(
                sources, job, options, result.jobs, timeout, lang, reporter, finish, max_tasks_per_child, memory_mb
            )
    except (KeyboardInterrupt, _Stop):
        result.interrupted = True
    finally:
        _restore_sigterm(previous_term)
        result.seconds = time.perf_counter() - began
        reporter.close()
    return result


def _install_sigterm() -> Any:
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):  # noqa: ARG001
        raise _Stop()

    try:
        return signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):
        return None


def _restore_sigterm(previous: Any) -> None:
    if previous is not None:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, previous)


def _run_here(sources, job, options, timeout, lang, reporter, finish, memory_mb: int = 0) -> None:
    """One source (or `in_process`): in this process, under the same limits a worker has —
    the time limit by SIGALRM, the memory limit as this process's soft RLIMIT_AS for the
    duration of the run (restored after; a file needing more ends in MemoryError, one line)."""
    can_alarm = (
        timeout is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    with _address_space(memory_mb):
        _run_each_here(sources, job, options, timeout, lang, reporter, finish, can_alarm)


class _address_space:
    """Context manager: the soft RLIMIT_AS lowered to `megabytes` (0: unchanged), then restored
    — the whole address space of this process, as `_limit_memory` sets it for a worker."""

    def __init__(self, megabytes: int) -> None:
        self.megabytes = megabytes
        self.previous: tuple[int, int] | None = None

    def __enter__(self) -> None:
        if self.megabytes <= 0:
            return
        try:
            import resource

            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = self.megabytes * 1024 * 1024
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            if soft != resource.RLIM_INFINITY and soft <= limit:
                return  # already as tight
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            self.previous = (soft, hard)
        except (ImportError, ValueError, OSError):
            self.previous = None

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            import resource

            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_AS, self.previous)


def _run_each_here(sources, job, options, timeout, lang, reporter, finish, can_alarm: bool) -> None:
    for index, source in enumerate(sources):
        reporter.started(source)
        start, cpu = time.perf_counter(), time.process_time()
        previous = None
        if can_alarm:

            def ring(signum, frame):  # noqa: ARG001
                raise _Timeout()

            previous = signal.signal(signal.SIGALRM, ring)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            value, error = _call(job, source, options, lang)
        except _Timeout:
            value, error = None, KehoachError(source.name, "timeout", seconds=_secs(timeout)).message(lang)
        finally:
            if can_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        finish(
            index, Outcome(source, value, error, time.perf_counter() - start, _peak_rss_mb(), time.process_time() - cpu)
        )
