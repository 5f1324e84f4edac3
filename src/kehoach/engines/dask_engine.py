"""`--engine dask`: the batch's per-file job on a Dask distributed cluster (the `[dask]` extra).

Each Dask task takes a small chunk of files and runs them through the local pool's own code
(`batch.run` with one worker process) on the Dask worker, so a file gets exactly what the
local pool gives it: the per-file time limit, the address-space limit, a crash that fails
that file alone, the same one-line failure messages. The outcomes travel back to this
process, which writes the outputs as the local pool's run does: the same bytes.

Without a scheduler address a LocalCluster is started (`workers` processes, one thread each).
On a real cluster the workers must see the inputs at the same paths (a shared file system)
and have kehoach installed at the same version.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Callable, Sequence
from typing import Any

DEFAULT_WORKERS = 2
MAX_CHUNK = 32  # a chunk starts one worker process on the Dask worker: fewer, longer chunks amortise it


class DaskUnavailable(ImportError):
    """dask[distributed] is not installed."""


def _require() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskUnavailable(str(exc)) from None


def run_chunk(
    items: list[tuple[int, Any]], job: Callable, options: Any, timeout: float | None, lang: str, memory_mb: int
) -> list[tuple[int, Any]]:
    """On a Dask worker: these (index, source) through batch.run with one worker process."""
    from .. import batch

    # a Nanny starts its worker as a daemonic process, and multiprocessing refuses children to
    # those; batch.run stops and reaps its own worker process, which is what the flag protects
    process = mp.current_process()
    process._config["daemon"] = False  # type: ignore[attr-defined]
    result = batch.run(
        [s for _, s in items], job, options, jobs=1, timeout=timeout, lang=lang, memory_mb=memory_mb, in_process=False
    )
    return [(index, outcome) for (index, _), outcome in zip(items, result.outcomes, strict=True)]


def chunks(count: int, workers: int) -> list[range]:
    """Input order cut into chunks: several per worker (the slow files spread), at most MAX_CHUNK."""
    size = max(1, min(MAX_CHUNK, count // max(1, workers * 4)))
    return [range(i, min(i + size, count)) for i in range(0, count, size)]


class DaskEngine:
    """Called by batch.run in place of its pool: (sources, job, options, …) -> finish(i, outcome)."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        _require()
        self.scheduler = scheduler
        self.workers = workers or DEFAULT_WORKERS

    def client(self) -> Any:
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler, set_as_default=False), None
        with dask.config.set({"distributed.worker.daemon": False, "logging.distributed": "error"}):
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                memory_limit=0,
                silence_logs=logging.ERROR,
            )
        return Client(cluster, set_as_default=False), cluster

    def __call__(
        self,
        sources: Sequence[Any],
        job: Callable,
        options: Any,
        *,
        timeout: float | None,
        lang: str,
        reporter: Any,
        finish: Callable[[int, Any], None],
        memory_mb: int,
    ) -> None:
        from distributed import as_completed

        from .. import batch
        from ..i18n import t

        try:
            client, cluster = self.client()
        except (OSError, TimeoutError, ValueError) as exc:  # no scheduler there, a bad address
            raise batch.UsageError(
                "scheduler_unreachable",
                address=self.scheduler or "LocalCluster",
                error=f"{type(exc).__name__}: {str(exc)[:120]}",
            ) from None
        futures: dict[Any, range] = {}
        try:
            workers = len(client.scheduler_info().get("workers", {})) or self.workers
            for part in chunks(len(sources), workers):
                items = [(i, sources[i]) for i in part]
                for _, source in items:
                    reporter.started(source)
                future = client.submit(run_chunk, items, job, options, timeout, lang, memory_mb, pure=False)
                futures[future] = part
            for future in as_completed(list(futures), loop=client.loop):
                part = futures.pop(future)
                try:
                    done = future.result()
                except Exception as exc:  # noqa: BLE001  (a Dask worker lost, a task that cannot travel)
                    detail = f"{type(exc).__name__}: {str(exc)[:120]}".rstrip(": ")
                    done = [
                        (
                            i,
                            batch.Outcome(
                                sources[i], error=f"{sources[i].name}: {t('worker_crashed', lang, detail=detail)}"
                            ),
                        )
                        for i in part
                    ]
                for index, outcome in done:
                    finish(index, outcome)
        finally:
            for future in futures:
                future.cancel()
            client.close()
            if cluster is not None:
                cluster.close()
