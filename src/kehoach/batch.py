"""Many inputs at once: discovery, a process pool with per-file time limits, progress, atomic writes.

`cli.py` turns options into calls; this module does the work:

    sources = discover(["plans/", "2026/*.pdf", "-"])      # -> [Source] in input order, no duplicates
    result = run(sources, parse_job, ParseOptions(formats=("json",)), jobs=4, timeout=120)
    for outcome in result.outcomes:                         # input order, whatever finished first
        outcome.value or outcome.error                      # error: one line naming the file

    convert(sources, ["json", "xlsx"], output=Path("out"))  # parse + write, what `kehoach parse` runs

Why a small pool of our own instead of `concurrent.futures`: a ProcessPoolExecutor cannot stop
one hung task, and killing its worker breaks the whole pool (BrokenProcessPool fails every
pending future). Here every worker has its own pipe; the parent waits on the pipes and on the
processes' sentinels with the nearest deadline as its timeout, and a worker that overruns its
time limit, crashes (a segfault in a C library) or is killed by the OOM killer is killed with
its process group and replaced: only its file fails. Workers are recycled after
`max_tasks_per_child` files (memory stays bounded), run with an address-space limit (a
decompression bomb ends in MemoryError, not in the OOM killer), and are started by the
'forkserver' method with the parsers preloaded once ('spawn' where there is no forkserver),
never by forking a parent that may run a progress-bar thread.

Results never depend on the number of jobs: each file is parsed alone, results are put back
in input order, and registers are built from them in that order.
"""
from __future__ import annotations

import dataclasses
import glob
import json
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .errors import KehoachError
from .i18n import t
from .outputs import InputGuard, OutputError, check_target, probe_folder, shown, write_output

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".doc")   # what a folder or a glob contributes
STDIN = "-"
STDIN_NAME = "<stdin>"
STDIN_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_TIMEOUT = 120.0
MAX_TASKS_PER_CHILD = 100
DEFAULT_MEMORY_MB = 2048          # address space per worker; 0 = no limit
_PRELOAD = ["kehoach.batch", "kehoach.api", "kehoach.parsers.text", "kehoach.parsers.docx",
            "kehoach.parsers.pdf", "kehoach.export.json_out", "kehoach.export.csv_out"]


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
    data: bytes | None = None          # the plan read from standard input
    problem: tuple[str, tuple] | None = None   # a reason known before parsing (message key, details)

    @property
    def is_stdin(self) -> bool:
        return self.data is not None

    @property
    def path(self) -> Path:
        return Path(self.name)


def discover(args: Sequence[str], suffixes: Iterable[str] = SUFFIXES, stdin: Any = None, *,
             documents_only: bool = False, skipped: list[str] | None = None) -> list[Source]:
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
        from .doclook import looks_like_document, needs_check

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
            found = False
            for m in matches:
                mp_ = Path(m)
                if mp_.is_dir():
                    for f in walk(mp_):
                        found = True
                        add(Source(str(f), _rel(f, base)), f)
                elif m.lower().endswith(suffixes) and not _skipped(mp_.name):
                    found = True
                    add(Source(m, _rel(mp_, base)), mp_)
            if not found:
                add(Source(arg, path.name or arg, problem=("no_match", ())))
        else:
            add(Source(arg, path.name or arg), path)
    if not out:
        if empty_folders:
            raise UsageError("empty_folder", folder=shown(empty_folders[0]), suffixes=" ".join(suffixes),
                             skipped=len(skipped))
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
    return sorted(found, key=lambda f: f.relative_to(root).parts)   # as `find | sort` lists them


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


# ---------------------------------------------------------------- the pool


@dataclass
class Outcome:
    """What became of one input: `value` from the job, or `error` (one line naming the file)."""

    source: Source
    value: Any = None
    error: str | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0        # the peak resident memory of the process that ran it
    cpu_seconds: float = 0.0        # CPU time spent on it (wall time can include waiting for a CPU)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchResult:
    outcomes: list[Outcome | None]    # None: not finished (the run was interrupted)
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


def _worker_main(conn: Connection, job: Job, options: Any, lang: str, memory_mb: int) -> None:
    """A worker: its own process group (the parent kills it with any helper it started),
    deaf to Ctrl-C (the parent decides), one source at a time until told to stop."""
    try:
        os.setpgid(0, 0)
    except (AttributeError, OSError):
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(memory_mb)
    import logging

    logging.disable(logging.CRITICAL)   # library warnings (pdfminer) would garble stderr
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
        except Exception as exc:   # an unpicklable value: report it rather than die silently
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


def run(sources: Sequence[Source], job: Job, options: Any = None, *, jobs: int | None = None,
        timeout: float | None = DEFAULT_TIMEOUT, lang: str = "vi", reporter: Reporter | None = None,
        on_outcome: Callable[[int, Outcome], None] | None = None, max_tasks_per_child: int = MAX_TASKS_PER_CHILD,
        memory_mb: int = DEFAULT_MEMORY_MB, in_process: bool | None = None,
        engine: Callable[..., None] | None = None) -> BatchResult:
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
            outcome.error = shown(outcome.error)    # a file name that is not UTF-8: escapes, never a crash
        outcomes[index] = outcome
        if on_outcome:                   # first: writing its outputs can still fail the input
            on_outcome(index, outcome)
        reporter.finished(outcome)

    previous_term = _install_sigterm()
    try:
        if engine is not None:       # another engine runs the same job (engines/, e.g. --engine dask)
            engine(sources, job, options, timeout=timeout, lang=lang, reporter=reporter, finish=finish,
                   memory_mb=memory_mb)
        elif in_process:
            _run_here(sources, job, options, timeout, lang, reporter, finish, memory_mb)
        else:
            _run_pool(sources, job, options, result.jobs, timeout, lang, reporter, finish,
                      max_tasks_per_child, memory_mb)
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
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass


def _run_here(sources, job, options, timeout, lang, reporter, finish, memory_mb: int = 0) -> None:
    """One source (or `in_process`): in this process, under the same limits a worker has —
    the time limit by SIGALRM, the memory limit as this process's soft RLIMIT_AS for the
    duration of the run (restored after; a file needing more ends in MemoryError, one line)."""
    can_alarm = (timeout is not None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
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
                return                      # already as tight
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            self.previous = (soft, hard)
        except (ImportError, ValueError, OSError):
            self.previous = None

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            import resource

            try:
                resource.setrlimit(resource.RLIMIT_AS, self.previous)
            except (ValueError, OSError):
                pass


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
        finish(index, Outcome(source, value, error, time.perf_counter() - start, _peak_rss_mb(),
                              time.process_time() - cpu))


def _secs(timeout: float | None) -> str:
    return f"{timeout:g}" if timeout else "?"


def _run_pool(sources, job, options, jobs, timeout, lang, reporter, finish, max_tasks, memory_mb) -> None:
    ctx = _context()
    pending = list(range(len(sources)))[::-1]        # pop() from the end = input order
    workers: list[_Worker] = []
    remaining = len(sources)

    def spawn() -> _Worker:
        nonlocal ctx
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(target=_worker_main, args=(child, job, options, lang, memory_mb), daemon=True)
        try:
            with _main_hidden():
                process.start()
        except (EOFError, ConnectionError) if ctx.get_start_method() == "forkserver" else ():
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
        except (OSError, ValueError):       # the worker died before it got the file: it is retried
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
                else:                         # nothing left to give it: let it go
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
                        fail(worker, "worker_crashed", detail=_exit_detail(worker.process.exitcode if code is None else code))
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
    try:
        worker.conn.send(None)
    except (OSError, ValueError):
        pass
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
        try:
            process.kill()
        except OSError:
            pass
    process.join(timeout=5)


def _exit_detail(code: int | None) -> str:
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


# ---------------------------------------------------------------- parsing and writing


@dataclass(frozen=True)
class ParseOptions:
    formats: tuple[str, ...] = ("json",)    # text formats rendered by the worker, one text each
    keep_plan: bool = False                  # send the Plan back (JSON list of several plans on stdout)
    rows: bool = False                       # send the register rows back (xlsx, combined CSV)
    ocr: bool = False


@dataclass
class Parsed:
    texts: dict[str, str]
    plan: Any = None
    tasks: int = 0
    xlsx_rows: Any = None                    # xlsx_out.plan_rows(plan)
    csv_rows: str = ""                       # the plan's rows of the combined CSV (source column first)
    document_type: str = "ke_hoach"
    is_plan: bool = True
    diagnostics: int = 0                     # len(plan.diagnostics)


def parse_source(source: Source, ocr: bool = False) -> Any:
    """A Source -> Plan: a file through `api.parse`, standard input through the text parser."""
    from . import api

    if source.is_stdin:
        from .parsers.text import decode

        if not source.data:
            raise KehoachError(source.name, "empty")
        text = decode(source.data, source.name)
        if not text.strip():
            raise KehoachError(source.name, "no_text")
        return api.parse_text(text, name=source.name)
    return api.parse(source.name, ocr=True) if ocr else api.parse(source.name)


def render(plans: list[Any], fmt: str, many: bool | None = None) -> str:
    """Text of one plan, or of several (`many`: a JSON list; CSV with the source file first)."""
    from .export.csv_out import plan_csv
    from .export.json_out import plan_json

    many = len(plans) != 1 if many is None else many
    if fmt == "json":
        if not many:
            return plan_json(plans[0])
        return json.dumps([p.model_dump(mode="json") for p in plans], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return plan_csv(plans, with_source=many)
    if fmt == "parquet":            # bytes: rendered by the worker like a text, written like xlsx
        from .export.parquet_out import plan_parquet

        return plan_parquet(plans, with_source=many)  # type: ignore[return-value]
    raise ValueError(fmt)


def parse_job(source: Source, options: ParseOptions) -> Parsed:
    """The worker's job for `kehoach parse`: parse, render the text formats, travel light."""
    plan = parse_source(source, options.ocr)
    plan.source.path = shown(plan.source.path)     # a name that is not UTF-8 is written with escapes
    parsed = Parsed({fmt: render([plan], fmt) for fmt in options.formats}, None, len(plan.tasks),
                    document_type=plan.document_type, is_plan=plan.is_plan, diagnostics=len(plan.diagnostics))
    if options.rows:                    # registers are built from plain rows: light to send and keep
        from .export.xlsx_out import plan_rows

        parsed.xlsx_rows = plan_rows(plan)
        with_source = render([plan], "csv", many=True)
        parsed.csv_rows = with_source[with_source.index("\r\n") + 2:]      # without BOM and header
    if options.keep_plan:
        plan._document = None           # the blocks stay behind
        parsed.plan = plan
    return parsed


def write_atomic(path: Path, data: str | bytes, guard: InputGuard | None = None) -> None:
    """Write one output: atomically onto a regular file or a new path, streamed into a device
    or a FIFO, never over an input (see `outputs`). Raises OutputError (one line)."""
    write_output(path, data, guard)


TEXT_FORMATS = ("json", "csv", "parquet")     # rendered by the worker, one per plan (parquet as bytes)
FORMATS = ("json", "csv", "xlsx", "parquet")
BINARY_FORMATS = ("xlsx", "parquet")          # need -o: never on standard output
SUFFIX = {"json": ".json", "csv": ".csv", "xlsx": ".xlsx", "parquet": ".parquet"}
REGISTER_STEM = "kehoach-register"      # the combined CSV / the batch workbook under -o DIR


def output_targets(sources: Sequence[Source], outdir: Path, formats: Sequence[str]) -> dict[tuple[int, str], Path]:
    """Where each input's outputs go under `outdir`, mirroring the input tree.

    `a/b.docx` -> `a/b.json`; when two inputs would share a target (`b.docx`, `b.pdf`) both
    keep their suffix (`b.docx.json`, `b.pdf.json`), and any further clash gets a number.
    """
    plain: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        stem = str(Path(s.rel).with_suffix("")) if Path(s.rel).suffix else s.rel
        plain.setdefault(stem.casefold(), []).append(i)
    stems: dict[int, str] = {}
    used: set[str] = set()
    for i, s in enumerate(sources):
        stem = str(Path(s.rel).with_suffix("")) if Path(s.rel).suffix else s.rel
        if len(plain[stem.casefold()]) > 1:
            stem = s.rel
        candidate, n = stem, 2
        while candidate.casefold() in used:
            candidate, n = f"{stem}.{n}", n + 1
        used.add(candidate.casefold())
        stems[i] = candidate
    return {(i, fmt): outdir / f"{stems[i]}{SUFFIX[fmt]}" for i in range(len(sources)) for fmt in formats}


@dataclass
class ConvertResult:
    batch: BatchResult
    written: list[Path] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)   # texts for standard output, in order
    skipped: list[str] = field(default_factory=list)  # .txt/.md of a folder walk that are not documents
    output_errors: list[str] = field(default_factory=list)   # the single output / a register not written

    @property
    def failed(self) -> int:
        return len(self.batch.failures)


@dataclass(frozen=True)
class Layout:
    """Where `kehoach parse` puts its outputs, decided (and checked) before anything runs.

    - "stdout": the texts go to standard output (one plan: its JSON/CSV; several: a JSON
      list / one CSV with the source column);
    - "file": one source, one format, `-o` not a folder: that file;
    - "folder": one file per input and per format (xlsx too: one workbook per input),
      written as soon as that input is done, plus, for several inputs with --combined, the
      registers built from all plans after the run: one CSV of all tasks and, when xlsx is
      asked for, one workbook of all tasks.
    """

    mode: str
    formats: tuple[str, ...]
    several: bool
    per_file: tuple[str, ...] = ()
    registers: tuple[str, ...] = ()

    @classmethod
    def decide(cls, count: int, formats: Sequence[str], output: str | Path | None, combined: bool) -> "Layout":
        """`output` as typed: a trailing "/" asks for a folder even when it does not exist yet."""
        formats = tuple(dict.fromkeys(formats))
        several = count > 1
        if output is None:
            if "xlsx" in formats:
                raise UsageError("xlsx_needs_output")
            if "parquet" in formats:
                raise UsageError("parquet_needs_output")
            return cls("stdout", formats, several)
        if not several and len(formats) == 1 and not combined and not _is_dir(output):
            return cls("file", formats, several)
        output = Path(output)
        if output.exists() and not output.is_dir():
            raise UsageError("output_not_dir", path=output)
        registers = (("xlsx",) if "xlsx" in formats else ()) + ("csv",) if several and combined else ()
        return cls("folder", formats, several, formats, registers)

    def options(self, ocr: bool) -> ParseOptions:
        """What the workers render (text formats) and whether they send the Plan back."""
        text = tuple(f for f in self.formats if f in TEXT_FORMATS)
        if self.mode == "folder":
            text = tuple(f for f in self.per_file if f in TEXT_FORMATS)
        elif self.mode == "stdout" and self.several:
            text = ()                      # rendered once from all plans after the run
        return ParseOptions(formats=text, keep_plan=self.mode == "stdout" and self.several,
                            rows="xlsx" in self.formats or bool(self.registers), ocr=ocr)


def convert(sources: Sequence[Source], formats: Sequence[str], *, output: str | Path | None = None,
            combined: bool = False, ocr: bool = False, jobs: int | None = None,
            timeout: float | None = DEFAULT_TIMEOUT, lang: str = "vi", reporter: Reporter | None = None,
            memory_mb: int = DEFAULT_MEMORY_MB, on_write: Callable[[Path], None] | None = None,
            bom: bool = False, skipped: Sequence[str] = (), engine: Callable[..., None] | None = None) -> ConvertResult:
    """`kehoach parse`: parse every source and write its outputs where `Layout` says.

    Per-input files are written as each input finishes (an interrupted run leaves complete
    files only); a failed input writes nothing, so an older good output of it stays as it was.

    No output ever lands on an input: `-o FILE` resolving to an input (path or inode) is a
    usage error before anything runs; under `-o DIR` an input whose output would land on an
    input fails alone. An output that cannot be written raises OutputError before the run
    when that can be known (`-o` a directory, a socket, an unwritable folder); a per-input
    write failure fails that input; the single output or a register not written is listed in
    `output_errors`. CSV on standard output has no BOM unless `bom` (files keep it, for Excel).
    """
    layout = Layout.decide(len(sources), formats, output, combined)
    if "parquet" in layout.formats:
        from .export.parquet_out import available

        if not available():
            raise UsageError("needs_extra", extra="parquet", module="pyarrow")
    output = Path(output) if output is not None else None
    guard = InputGuard(s.name for s in sources if not s.is_stdin and not s.problem)
    if layout.mode == "file" and output is not None:
        check_target(output, guard)
    elif layout.mode == "folder" and output is not None:
        probe_folder(output)
    targets = output_targets(sources, output, layout.per_file) if layout.mode == "folder" else {}
    reserved = {output / f"{REGISTER_STEM}{SUFFIX[f]}" for f in layout.registers} if output else set()
    clash = sorted(str(p) for p in targets.values() if p in reserved)
    if clash:
        raise UsageError("output_clash", path=shown(clash[0]))
    for reg in sorted(reserved):
        guard.check(reg)
    sources = list(sources)
    for (index, _fmt), target in sorted(targets.items()):
        if guard.hits(target) and not sources[index].problem:     # this input fails, the others go on
            sources[index] = dataclasses.replace(
                sources[index], problem=("output_is_input_at", (("target", shown(target)),)))
    result = ConvertResult(BatchResult([]), skipped=list(skipped))
    order: list[tuple[int, Path]] = []

    def emit(path: Path, data: str | bytes, index: int = len(sources)) -> None:
        write_atomic(path, data, guard)
        order.append((index, path))
        if on_write:
            on_write(path)

    def per_input(index: int, outcome: Outcome) -> None:
        if outcome.ok:
            for fmt in layout.per_file:
                parsed: Parsed = outcome.value
                try:
                    emit(targets[(index, fmt)], _xlsx([parsed]) if fmt == "xlsx" else parsed.texts[fmt], index)
                except OutputError as exc:           # this input fails, the batch goes on
                    outcome.value, outcome.error = None, f"{shown(outcome.source.name)}: {exc.message(lang)}"
                    return

    result.batch = run(sources, parse_job, layout.options(ocr), jobs=jobs, timeout=timeout, lang=lang,
                       reporter=reporter, on_outcome=per_input, memory_mb=memory_mb, engine=engine)
    try:
        if not result.batch.interrupted:
            _after_run(result, layout, output, emit, bom, lang)
    finally:       # written files in input order, whatever order the workers finished in
        result.written = [p for _, p in sorted(order, key=lambda item: item[0])]
    return result


def _after_run(result: ConvertResult, layout: Layout, output: Path | None, emit: Callable[..., None],
               bom: bool = False, lang: str = "vi") -> None:
    """Standard output, the single output file, or the registers of a batch."""
    good: list[Parsed] = [o.value for o in result.batch.done if o.ok]
    if not good:
        return
    if layout.mode == "stdout":
        if layout.several:
            texts = [render([p.plan for p in good], f, many=True) for f in layout.formats]
        else:
            texts = [good[0].texts[f] for f in layout.formats]
        result.stdout = [text if bom else text.removeprefix("\ufeff") for text in texts]
        return
    jobs: list[tuple[Path, Callable[[], str | bytes]]] = []
    if layout.mode == "file":
        fmt = layout.formats[0]
        jobs.append((output, lambda: _xlsx(good[:1]) if fmt == "xlsx" else good[0].texts[fmt]))
    else:
        if "xlsx" in layout.registers:
            jobs.append((output / f"{REGISTER_STEM}.xlsx", lambda: _xlsx(good)))
        if "csv" in layout.registers:
            from .export.csv_out import plan_csv

            header = plan_csv([], with_source=True)          # BOM + header line
            jobs.append((output / f"{REGISTER_STEM}.csv", lambda: header + "".join(p.csv_rows for p in good)))
    for path, make in jobs:
        try:
            emit(path, make())
        except OutputError as exc:
            result.output_errors.append(exc.message(lang))


def _is_dir(path: str | Path) -> bool:
    return Path(path).is_dir() or (isinstance(path, str) and path.endswith(("/", os.sep)))


def _xlsx(parsed: list[Parsed]) -> bytes:
    from .export.xlsx_out import rows_xlsx

    return rows_xlsx([p.xlsx_rows for p in parsed])


# ---------------------------------------------------------------- progress and summary


class ConsoleReporter(Reporter):
    """A rich progress bar (done/total, current file, rate, ETA) on a terminal, with failures
    printed above it; without a terminal (or in CI, or `quiet`), failures only, one line each."""

    def __init__(self, lang: str = "vi", *, bar: bool | None = None, quiet: bool = False,
                 print_failures: bool = True, stream: Any = None) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.print_failures = print_failures
        if bar is None:
            bar = not quiet and _interactive(self.stream)
        self.bar = bar
        self._progress = None
        self._task = None
        self._began = 0.0
        self._done = 0

    def start(self, total: int) -> None:
        self._began = time.perf_counter()
        if not self.bar or total < 2:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream)
        self._progress = Progress(
            BarColumn(bar_width=24), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(), TextColumn("{task.fields[current]}", style="dim"),
            console=console, transient=True)
        self._task = self._progress.add_task("kehoach", total=total, rate="", current="")
        self._progress.start()

    def started(self, source: Source) -> None:
        if self._progress is not None:
            name = shown(source.name)
            name = name if len(name) <= 40 else "…" + name[-39:]
            self._progress.update(self._task, current=name)

    def finished(self, outcome: Outcome) -> None:
        self._done += 1
        if outcome.error and (self.print_failures or self._progress is not None):
            self.line(f"{_prefix(self.lang)}: {outcome.error}")
        if self._progress is not None:
            elapsed = max(1e-6, time.perf_counter() - self._began)
            self._progress.update(self._task, advance=1, rate=f"{self._done / elapsed:.1f} {t('files_per_s', self.lang)}")

    def line(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _interactive(stream: Any) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _prefix(lang: str) -> str:
    return "lỗi" if lang == "vi" else "error"


def summary_dict(result: ConvertResult | BatchResult) -> dict[str, Any]:
    """The machine-readable summary of a run (`--summary json`)."""
    batch = result.batch if isinstance(result, ConvertResult) else result
    done = batch.done
    parsed = [o for o in done if o.ok and isinstance(o.value, Parsed)]
    not_plans = [{"file": shown(o.source.name), "document_type": o.value.document_type}
                 for o in parsed if not o.value.is_plan]
    with_diagnostics = [{"file": shown(o.source.name), "count": o.value.diagnostics}
                        for o in parsed if o.value.diagnostics]
    converted = result if isinstance(result, ConvertResult) else None
    return {
        "total": len(batch.outcomes),
        "ok": sum(1 for o in done if o.ok),
        "failed": sum(1 for o in done if not o.ok),
        "not_run": len(batch.outcomes) - len(done),
        "interrupted": batch.interrupted,
        "jobs": batch.jobs,
        "seconds": round(batch.seconds, 3),
        "peak_rss_mb": max((o.peak_rss_mb for o in done), default=0.0),
        "written": [shown(p) for p in converted.written] if converted else [],
        "failures": [{"file": shown(o.source.name), "reason": o.error} for o in done if not o.ok],
        "not_a_plan": len(not_plans),
        "not_a_plan_files": not_plans,
        "with_diagnostics": len(with_diagnostics),
        "diagnostics_files": with_diagnostics,
        "skipped": len(converted.skipped) if converted else 0,
        "skipped_files": list(converted.skipped) if converted else [],
        "output_errors": list(converted.output_errors) if converted else [],
    }


def summary_text(result: ConvertResult | BatchResult, lang: str = "vi") -> str:
    """A short human summary: counts, time, rate, then every failure as `file → reason`."""
    s = summary_dict(result)
    rate = s["total"] / s["seconds"] if s["seconds"] else 0.0
    lines = [t("summary", lang, ok=s["ok"], total=s["total"], failed=s["failed"],
               seconds=f"{s['seconds']:.1f}", rate=f"{rate:.1f}", jobs=s["jobs"])]
    if s["written"]:
        lines.append(t("summary_written", lang, count=len(s["written"])))
    if s["not_a_plan"]:
        lines.append(t("summary_not_plans", lang, count=s["not_a_plan"]))
    if s["with_diagnostics"]:
        lines.append(t("summary_diagnostics", lang, count=s["with_diagnostics"]))
    if s["skipped"]:
        lines.append(t("summary_skipped", lang, count=s["skipped"]))
    if s["interrupted"]:
        lines.append(t("interrupted", lang, count=s["not_run"]))
    for f in s["failures"]:
        reason = f["reason"]
        name = f["file"]
        reason = reason[len(name) + 2:] if reason.startswith(name + ": ") else reason
        lines.append(f"  {name} → {reason}")
    return "\n".join(lines)
