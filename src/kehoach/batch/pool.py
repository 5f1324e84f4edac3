"""The worker processes: one pipe each, per-file time limits, recycling, memory limits.

Started by 'forkserver' with the parsers preloaded ('spawn' where there is none), never by
forking a parent that may run a progress-bar thread. A worker that overruns its time
limit, crashes or is killed is killed with its process group and replaced: only its file
fails. See the package docstring for why not concurrent.futures.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import KehoachError
from ..i18n import t
from .jobs import Job, Outcome, _call, _exit_detail, _limit_memory, _peak_rss_mb, _secs

_PRELOAD = [
    "kehoach.batch",
    "kehoach.api",
    "kehoach.parsers.text",
    "kehoach.parsers.docx",
    "kehoach.parsers.pdf",
    "kehoach.export.json_out",
    "kehoach.export.csv_out",
]


def _worker_main(conn: Connection, job: Job, options: Any, lang: str, memory_mb: int) -> None:
    """A worker: its own process group (the parent kills it with any helper it started),
    deaf to Ctrl-C (the parent decides), one source at a time until told to stop."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(memory_mb)
    import logging

    logging.disable(logging.CRITICAL)  # library warnings (pdfminer) would garble stderr
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, source = message
        start, cpu = time.perf_counter(), time.process_time()
        value, error = _call(job, source, options, lang)
        reply = (index, value, error, time.perf_counter() - start, _peak_rss_mb(), time.process_time() - cpu)
        try:
            conn.send(reply)
        except Exception as exc:  # an unpicklable value: report it rather than die silently
            detail = f"{exc.__class__.__name__}: {exc}"[:160]
            conn.send((index, None, f"{source.name}: {t('internal', lang, error=detail)}", *reply[3:]))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    index: int | None = None
    started: float = 0.0
    done: int = 0


def _context() -> Any:
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return mp.get_context("spawn")


def _run_pool(sources, job, options, jobs, timeout, lang, reporter, finish, max_tasks, memory_mb) -> None:
    ctx = _context()
    pending = list(range(len(sources)))[::-1]  # pop() from the end = input order
    workers: list[_Worker] = []
    remaining = len(sources)

    def spawn() -> _Worker:
        nonlocal ctx
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(target=_worker_main, args=(child, job, options, lang, memory_mb), daemon=True)
        # only a fork server can die under us while starting; under 'spawn' these errors propagate
        fallback: tuple[type[BaseException], ...] = (
            (EOFError, ConnectionError) if ctx.get_start_method() == "forkserver" else ()
        )
        try:
            with _main_hidden():
                process.start()
        except fallback:
            # the fork server died while preloading (a module that fails to import):
            # plain 'spawn' workers then report that failure per file, in one line each
            ctx = mp.get_context("spawn")
            parent.close()
            child.close()
            parent, child = ctx.Pipe(duplex=True)
            process = ctx.Process(target=_worker_main, args=(child, job, options, lang, memory_mb), daemon=True)
            with _main_hidden():
                process.start()
        child.close()
        worker = _Worker(process, parent)
        workers.append(worker)
        return worker

    def assign(worker: _Worker) -> None:
        index = pending.pop()
        reporter.started(sources[index])
        worker.index, worker.started = index, time.monotonic()
        try:
            worker.conn.send((index, sources[index]))
        except (OSError, ValueError):  # the worker died before it got the file: it is retried
            pending.append(index)
            worker.index = None
            drop(worker)

    def drop(worker: _Worker, kill: bool = True) -> None:
        if worker in workers:
            workers.remove(worker)
        if kill:
            _kill(worker.process)
        worker.conn.close()
        worker.process.join(timeout=5)

    def fail(worker: _Worker, key: str, **details: object) -> None:
        index = worker.index
        assert index is not None
        source = sources[index]
        seconds = time.monotonic() - worker.started
        finish(index, Outcome(source, None, KehoachError(source.name, key, **details).message(lang), seconds))
        worker.index = None

    clean = False
    try:
        while remaining:
            for worker in [w for w in workers if w.index is None]:
                if pending:
                    assign(worker)
                else:  # nothing left to give it: let it go
                    _retire(worker)
                    workers.remove(worker)
            while pending and len(workers) < jobs:
                assign(spawn())
            busy = [w for w in workers if w.index is not None]
            if not busy:
                continue
            wait_for = None
            if timeout is not None:
                nearest = min(w.started for w in busy) + timeout
                wait_for = max(0.0, nearest - time.monotonic())
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
            for worker in busy:
                if worker.conn in ready or worker.conn.poll():
                    try:
                        index, value, error, seconds, peak, cpu = worker.conn.recv()
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        worker.process.join(timeout=1)
                        fail(
                            worker,
                            "worker_crashed",
                            detail=_exit_detail(worker.process.exitcode if code is None else code),
                        )
                        remaining -= 1
                        drop(worker)
                        continue
                    finish(index, Outcome(sources[index], value, error, seconds, peak, cpu))
                    remaining -= 1
                    worker.index = None
                    worker.done += 1
                    if worker.done >= max_tasks:
                        _retire(worker)
                        workers.remove(worker)
                elif worker.process.sentinel in ready:
                    worker.process.join(timeout=1)
                    fail(worker, "worker_crashed", detail=_exit_detail(worker.process.exitcode))
                    remaining -= 1
                    drop(worker)
                elif timeout is not None and time.monotonic() - worker.started >= timeout:
                    fail(worker, "timeout", seconds=_secs(timeout))
                    remaining -= 1
                    drop(worker)
        clean = True
    finally:
        for worker in list(workers):
            if clean and worker.index is None:
                _retire(worker)
            else:
                drop(worker)
        workers.clear()


class _main_hidden:
    """Workers re-run the parent's main script when it has a file; a script read from
    standard input or deleted since has none, and would kill every worker at start."""

    def __enter__(self) -> None:
        main = sys.modules.get("__main__")
        path = getattr(main, "__file__", None)
        self.saved = None
        if main is not None and getattr(main, "__spec__", None) is None and path and not os.path.exists(path):
            self.saved = path
            del main.__file__

    def __exit__(self, *exc: object) -> None:
        if self.saved is not None:
            sys.modules["__main__"].__file__ = self.saved


def _retire(worker: _Worker) -> None:
    with contextlib.suppress(OSError, ValueError):
        worker.conn.send(None)
    worker.process.join(timeout=5)
    if worker.process.is_alive():
        _kill(worker.process)
    worker.conn.close()


def _kill(process: Any) -> None:
    """Kill a worker and whatever it started in its process group; never wait for it to agree."""
    pid = process.pid
    if pid is None:
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except (AttributeError, OSError):
        with contextlib.suppress(OSError):
            process.kill()
    process.join(timeout=5)
