"""The public API the add-in calls, and the EXPORT section of the text catalog."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import selfeval_xl.render as export
from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError
from selfeval_xl.pipeline import Evaluation, evaluate
from selfeval_xl.render import (
    ExportFailure,
    SheetChoiceFailure,
    WorkbookHasErrors,
    export_evaluation,
    export_paths,
)
from selfeval_xl.workbook.reader import read_workbook
from tests.conftest import ROOT
from tests.render.conftest import GENERATED


def test_all_is_complete() -> None:
    public = {name for name, value in vars(export).items()
              if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"}
    assert set(export.__all__) == public


def test_export_evaluation_signature_is_the_one_the_addin_calls() -> None:
    sig = inspect.signature(export_evaluation)
    assert list(sig.parameters) == ["evaluation", "out_dir", "formats", "force", "generated", "sheets"]
    assert sig.parameters["force"].kind is inspect.Parameter.KEYWORD_ONLY and sig.parameters["force"].default is False
    assert sig.parameters["generated"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["generated"].default is inspect.Parameter.empty
    assert sig.parameters["sheets"].default is None


def test_export_paths(example_evaluation: Evaluation, tmp_path: Path) -> None:
    paths = export_paths(example_evaluation, tmp_path, ["pdf", "xlsx"])
    assert paths == {"pdf": tmp_path / "大祥区融媒体中心2020年部门整体支出绩效自评报告.pdf",
                     "xlsx": tmp_path / "大祥区融媒体中心2020年部门整体支出绩效自评表.xlsx"}
    only_report = export_paths(example_evaluation, tmp_path, ["xlsx"], sheets=["自评报告"])
    assert only_report["xlsx"].name == "大祥区融媒体中心2020年部门整体支出绩效自评报告.xlsx"


def test_export_evaluation_returns_the_written_paths(example_evaluation: Evaluation, tmp_path: Path) -> None:
    written = export_evaluation(example_evaluation, tmp_path, ["docx", "xlsx", "docx"], generated=GENERATED)
    assert written == list(export_paths(example_evaluation, tmp_path, ["docx", "xlsx"]).values())
    assert all(p.is_file() for p in written)
    with pytest.raises(OutputError) as caught:
        export_evaluation(example_evaluation, tmp_path, ["docx"], generated=GENERATED)
    assert caught.value.code == "output_exists"
    assert export_evaluation(example_evaluation, tmp_path, ["docx"], generated=GENERATED, force=True)


def test_errors_raise_workbook_has_errors(make_book, example_data, tmp_path: Path) -> None:
    example_data["fields"]["staffing"] = "八"
    evaluation = evaluate(read_workbook(make_book(example_data)))
    with pytest.raises(WorkbookHasErrors) as caught:
        export_evaluation(evaluation, tmp_path / "out", ["xlsx"], generated=GENERATED)
    assert f"{len(evaluation.errors)} 个错误" in caught.value.message
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("sheets", "code"), [(["基本信息"], "unknown_sheets"), ([" "], "no_sheets")])
def test_bad_sheet_choice(example_evaluation: Evaluation, tmp_path: Path, sheets: list[str], code: str) -> None:
    with pytest.raises(SheetChoiceFailure) as caught:
        export_evaluation(example_evaluation, tmp_path, ["xlsx"], generated=GENERATED, sheets=sheets)
    assert caught.value.code == code and "自评报告" in caught.value.message


@pytest.mark.parametrize("formats", [[], ["doc"], ["xlsx", "html"]])
def test_bad_formats_are_a_programming_error(example_evaluation: Evaluation, tmp_path: Path,
                                             formats: list[str]) -> None:
    with pytest.raises(ValueError, match="formats"):
        export_evaluation(example_evaluation, tmp_path, formats, generated=GENERATED)


def test_failures_are_output_errors_with_catalog_messages() -> None:
    failure = ExportFailure("no_soffice")
    assert isinstance(failure, OutputError) and "LibreOffice" in failure.message and str(failure) == failure.message


def test_every_export_code_used_has_a_message() -> None:
    used: set[str] = set()
    for path in [*(ROOT / "selfeval_xl" / "render").glob("*.py"), ROOT / "selfeval_xl" / "cli" / "export.py"]:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:Failure|HasErrors)\("([a-z_]+)"', source))
        used |= set(re.findall(r'texts\.EXPORT\["([a-z_.]+)"\]', source))
        used |= set(re.findall(r'texts\.render\(texts\.EXPORT, "([a-z_.]+)"', source))
    assert {"no_soffice", "pdf_failed", "unknown_sheets", "written", "attachment"} <= used
    assert used <= set(texts.EXPORT), sorted(used - set(texts.EXPORT))


def test_export_texts_render_and_are_chinese() -> None:
    for key, template in texts.EXPORT.items():
        rendered = texts.render(texts.EXPORT, key, **dict.fromkeys(texts.placeholders(template), "X"))
        assert "{" not in rendered and "}" not in rendered, key
        if key.startswith(("file_", "style.", "help_", "written", "refused", "unknown", "no_", "pdf_failed")):
            assert re.search(r"[\u4e00-\u9fff]", template), key
