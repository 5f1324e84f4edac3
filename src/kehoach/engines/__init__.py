"""Engines that run a batch's per-file job somewhere else than the local pool (batch.run's
`engine` hook): dask_engine.py runs it on a Dask distributed cluster."""
