"""`parse -f parquet`: the CSV register's columns and values, typed (pyarrow, the [parquet] extra)."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import REALDOCS, SEEDS_DIR, needs
from test_register import kehoach

pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the [parquet] extra (also in [test])")


def as_csv_text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@needs(REALDOCS, SEEDS_DIR)
def test_parquet_has_the_csv_columns_and_values(tmp_path):
    inputs = [SEEDS_DIR, *sorted(REALDOCS.glob("lamdong-ubnd_KH-CCHC-2026*_v2.docx"))]
    assert len(inputs) == 3
    kehoach("parse", *inputs, "-f", "csv,parquet", "-o", f"{tmp_path}/", "-q")
    pairs = [(p, p.with_suffix(".csv")) for p in sorted(tmp_path.rglob("*.parquet"))]
    assert len(pairs) >= 5
    rows = 0
    for parquet, csv_file in pairs:
        table = pq.read_table(parquet)
        reader = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
        assert table.column_names == reader[0]
        got = [[as_csv_text(v) for v in row.values()] for row in table.to_pylist()]
        assert got == reader[1:]
        rows += len(got)
        assert str(table.schema.field("page").type) == "int64" and str(table.schema.field("end").type) == "date32[day]"
    assert rows > 100


def test_parquet_needs_an_output_file(tmp_path):
    plan = tmp_path / "kh.txt"
    plan.write_text(
        "KẾ HOẠCH\nKiểm tra\n\nI. NHIỆM VỤ\n\n1. Kiểm tra hồ sơ\n\n- Cơ quan chủ trì: Phòng Nội vụ.\n", encoding="utf-8"
    )
    proc = kehoach("parse", plan, "-f", "parquet", "--lang", "en", check=False)
    assert proc.returncode == 2 and proc.stdout == "" and "needs -o" in proc.stderr
