"""Defaults the command line shows before any work is imported (`kehoach --help` loads this,
not `batch`): per-file limits, output formats, the name of the combined register."""

from __future__ import annotations

DEFAULT_TIMEOUT = 120.0  # seconds per file
DEFAULT_MEMORY_MB = 2048  # address space per worker; 0 = no limit
TEXT_FORMATS = ("json", "csv", "parquet")  # rendered by the worker, one per plan (parquet as bytes)
FORMATS = ("json", "csv", "xlsx", "parquet")
REGISTER_STEM = "kehoach-register"  # the combined CSV / the batch workbook under -o DIR
STDIN = "-"
