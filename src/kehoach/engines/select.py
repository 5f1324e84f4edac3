"""`--engine NAME [--scheduler ADDRESS]` -> the engine batch.run uses (None: the local pool)."""

from __future__ import annotations

from collections.abc import Callable

ENGINES = ("local", "dask")


def engine_for(name: str, scheduler: str | None, jobs: int | None, lang: str) -> Callable[..., None] | None:
    """Raises batch.UsageError for an unknown engine, --scheduler without dask, or dask not installed."""
    from ..batch import UsageError

    name = (name or "local").strip().lower()
    if name not in ENGINES:
        raise UsageError("bad_engine", value=name, choices=", ".join(ENGINES))
    if name == "local":
        if scheduler:
            raise UsageError("scheduler_needs_dask")
        return None
    from .dask_engine import DaskEngine, DaskUnavailable

    try:
        return DaskEngine(scheduler, jobs)
    except DaskUnavailable:
        raise UsageError("needs_extra", extra="dask", module="dask[distributed]") from None
