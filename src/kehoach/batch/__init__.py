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

Modules: `discovery` (arguments -> Sources), `jobs` (Outcome, BatchResult, Reporter, running
one job), `pool` (the worker processes), `runner` (`run`), `conversion` (`kehoach parse`:
parse, render, write), `reporting` (progress bar and summary). Everything is importable from
here, as before the split.
"""

from __future__ import annotations

from ..defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, FORMATS, REGISTER_STEM, STDIN, TEXT_FORMATS
from .conversion import (
    SUFFIX,
    ConvertResult,
    Layout,
    Parsed,
    ParseOptions,
    convert,
    output_targets,
    parse_job,
    parse_source,
    render,
    write_atomic,
)
from .discovery import STDIN_MAX_BYTES, STDIN_NAME, SUFFIXES, Source, UsageError, discover, discover_paths
from .jobs import MAX_TASKS_PER_CHILD, BatchResult, Job, Outcome, Reporter, _peak_rss_mb, default_jobs
from .reporting import ConsoleReporter, summary_dict, summary_text
from .runner import run

__all__ = [
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "REGISTER_STEM",
    "STDIN",
    "TEXT_FORMATS",
    "SUFFIX",
    "ConvertResult",
    "Layout",
    "Parsed",
    "ParseOptions",
    "convert",
    "output_targets",
    "parse_job",
    "parse_source",
    "render",
    "write_atomic",
    "STDIN_MAX_BYTES",
    "STDIN_NAME",
    "SUFFIXES",
    "Source",
    "UsageError",
    "discover",
    "discover_paths",
    "BatchResult",
    "Job",
    "Outcome",
    "Reporter",
    "_peak_rss_mb",
    "default_jobs",
    "MAX_TASKS_PER_CHILD",
    "ConsoleReporter",
    "summary_dict",
    "summary_text",
    "run",
]
