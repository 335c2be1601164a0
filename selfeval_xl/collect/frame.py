"""The batch as pandas DataFrames, for analysts (``selfeval_xl.collect_frame`` / ``issues_frame``).

pandas is the optional extra ``bureau`` and is imported only here. One row per file, after
``summary.resolve`` (duplicates of a unit-year marked 重复报送, files with errors given their reason):
filter ``status == "ok"`` for what the summary's totals and rankings count.

Columns of ``departments_frame``: file, source (workbook | export), status, reason, unit_name,
year (nullable Int64), generated, the amounts total/basic/personnel/public/project in 万元 and the
percents personnel_share/public_share/basic_share/project_share/execution_rate (execution_rate is
the rate the score used) as exact ``decimal.Decimal`` objects (two decimals, as the report states
them; ``None`` where absent), score (Decimal), grade, errors, warnings (int). Sum a column with
``sum(df.total.dropna(), Decimal(0))`` to stay exact, or ``df.total.astype(float)`` for plotting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selfeval_xl.collect.summary import departments, issue_rows, resolve
from selfeval_xl.collect.worker import FIGURES, FileResult

DEPARTMENT_COLUMNS = ("file", "source", "status", "reason", "unit_name", "year", "generated", *FIGURES, "score",
                      "grade", "errors", "warnings")


def departments_frame(results: Sequence[FileResult]) -> Any:
    import pandas as pd  # type: ignore[import-untyped]

    rows = [{"file": r.name, "source": r.source, "status": r.status, "reason": r.reason, "unit_name": r.unit_name,
             "year": r.year, "generated": r.generated, **{key: r.figure(key) for key in FIGURES},
             "score": r.score, "grade": r.grade, "errors": r.errors, "warnings": r.warnings}
            for r in departments(resolve(results))]
    frame = pd.DataFrame(rows, columns=list(DEPARTMENT_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    frame["errors"] = frame["errors"].astype("int64")
    frame["warnings"] = frame["warnings"].astype("int64")
    return frame


def issues_frame_of(results: Sequence[FileResult]) -> Any:
    import pandas as pd

    return pd.DataFrame(issue_rows(results), columns=["file", "where", "severity", "code", "message", "confidence"])


DECIMAL_COLUMNS = (*FIGURES, "score")


def parquet_bytes(frame: Any) -> bytes:
    """``departments_frame`` as Parquet with a fixed schema: amounts, percents and score as decimal(18, 2),
    so the files of several years read and concatenate the same way whatever their magnitudes."""
    import io

    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in DECIMAL_COLUMNS:
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, table.column(name).cast(pa.decimal128(18, 2)))
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()
