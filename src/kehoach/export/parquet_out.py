"""Parquet task register (pyarrow, the `[parquet]` extra): the columns of the CSV register,
typed for data tools — page/line/table/row as integers, start/end as dates, the rest text
(empty text where the CSV has an empty cell, null where a number or a date is missing)."""

from __future__ import annotations

import io
from datetime import date

from ..models import Plan
from .csv_out import COLUMNS, task_row

INT_COLUMNS = ("page", "line", "table", "row")
DATE_COLUMNS = ("start", "end")


def available() -> bool:
    try:
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401  (no py.typed, no stubs installed)
    except ImportError:
        return False
    return True


def _value(column: str, text: str) -> object:
    if column in INT_COLUMNS:
        return int(text) if text else None
    if column in DATE_COLUMNS:
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:  # a partial date ("2024-02") cannot be a date: the column stays nullable
            return None
    return text


def plan_parquet(plans: list[Plan], with_source: bool = False) -> bytes:
    """The register of one plan, or of several with the source file as the first column."""
    import pyarrow as pa
    import pyarrow.parquet as pq  # type: ignore[import-untyped]  # no py.typed, no stubs installed

    names = (["source"] if with_source else []) + COLUMNS
    types = {c: pa.int64() if c in INT_COLUMNS else pa.date32() if c in DATE_COLUMNS else pa.string() for c in names}
    data: dict[str, list[object]] = {c: [] for c in names}
    for plan in plans:
        for task in plan.tasks:
            for column, text in zip(names, ([plan.source.path] if with_source else []) + task_row(task), strict=True):
                data[column].append(_value(column, text))
    table = pa.table({c: pa.array(data[c], type=types[c]) for c in names})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()
