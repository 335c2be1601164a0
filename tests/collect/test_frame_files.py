"""``collect --csv/--parquet``: the departments frame for other tools, exact and typed, written safely."""

from __future__ import annotations

import csv
import importlib.util
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import department_data
from selfeval_xl import evaluate, read_workbook
from selfeval_xl.cli.main import main
from selfeval_xl.workbook.template import template_bytes
from tests.pipeline.test_departments import city_school


@pytest.fixture
def folder(tmp_path: Path, example_data: dict[str, Any]) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "报送"
    folder.mkdir()
    made = {}
    for name, data in (("school.xlsx", city_school()), ("media.xlsx", department_data(example_data, 8))):
        path = folder / name  # one department fills in 元, the other 万元: the frame is in 万元
        path.write_bytes(template_bytes(data))
        made[path.name] = evaluate(read_workbook(path))
    return folder, made


def test_csv_and_parquet_carry_the_exact_figures(folder: tuple[Path, dict[str, Any]], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source, made = folder
    csv_path, parquet_path = tmp_path / "明细.csv", tmp_path / "明细.parquet"
    assert main(["collect", str(source), "--csv", str(csv_path), "--parquet", str(parquet_path), "--no-progress"]) == 0
    assert "明细已另存" in capsys.readouterr().out
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Excel/WPS open it as UTF-8
    rows = {row["file"]: row for row in csv.DictReader(raw.decode("utf-8-sig").splitlines())}
    table = pq.read_table(parquet_path)
    assert table.schema.field("total").type == pa.decimal128(18, 2)
    assert table.schema.field("year").type == pa.int64()
    stored = {row["file"]: row for row in table.to_pylist()}
    for name, evaluation in made.items():
        results, scoring = evaluation.results, evaluation.scoring
        expected = {"total": results.total, "personnel": results.personnel, "project": results.project,
                    "personnel_share": results.personnel_share}
        if scoring is not None:
            expected |= {"execution_rate": scoring.execution_rate, "score": scoring.total}
        else:  # no 自评表: no score, and the cells say so by being empty
            assert rows[name]["score"] == "" and stored[name]["score"] is None
        for key, value in expected.items():
            assert Decimal(rows[name][key]) == value, (name, key)
            assert stored[name][key] == value, (name, key)
        assert rows[name]["unit_name"] == evaluation.model.info.unit_name == stored[name]["unit_name"]


def test_wrong_suffix_and_missing_pandas_are_refused_before_the_batch(folder: tuple[Path, dict[str, Any]],
                                                                      tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source, _ = folder
    assert main(["collect", str(source), "--csv", str(tmp_path / "明细.xlsx")]) == 2
    assert "扩展名应为 .csv" in capsys.readouterr().err
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    assert main(["collect", str(source), "--parquet", str(tmp_path / "明细.parquet")]) == 3
    assert "pip install 'selfeval_xl[bureau]'" in capsys.readouterr().err
    assert not (tmp_path / "明细.parquet").exists()
