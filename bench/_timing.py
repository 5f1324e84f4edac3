"""The timing loop of the bench scripts that run a command as a process."""

from __future__ import annotations

import resource
import statistics
import subprocess
import time


def median_run(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(median wall s, median CPU s) of running `cmd` `runs` times, its output discarded: on a
    busy machine the CPU time (user + sys of the child) is what the wall time would be on an
    idle one."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)
