"""校验结果 through the ribbon's renderer (xlwings remote engine): the same sheet as the CLI writes, groups included."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from selfeval_xl.cli.main import main
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import Issue, Severity
from selfeval_xl.excel import adapter as xlwings_adapter
from selfeval_xl.report.sheets import issues_sheet
from tests.conftest import EXAMPLE
from tests.excel.remote import replay


def test_grouped_issue_sheet_renders_like_the_file_writer(remote_book: Callable[..., Any], tmp_path: Path) -> None:
    issues = [Issue("number_as_text", Severity.WARNING, CellRef("预算支出", row, 5),
                    (("field", "全年执行数"), ("value", f"{row},0"))) for row in (6, 7, 8, 9)]
    issues.append(Issue("required", Severity.ERROR, CellRef("基本信息", 4, 3), (("field", "单位名称"),)))
    content = issues_sheet(issues)
    book = remote_book(EXAMPLE)
    xlwings_adapter.render_sheets(book, [content], active=content.title)
    ws = replay(book.json()["actions"], EXAMPLE).book[content.title]
    assert ws["A1"].value.startswith("共 1 个错误、4 条提示。")
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(3, c).value for c in range(1, 7)][1:4] == ["错误", "必填项未填", "'基本信息'!C4"]
    assert [ws.cell(4, c).value for c in range(2, 5)] == ["提示", "数字以文本形式保存", "4 个单元格"]
    members = [ws.cell(r, 4) for r in range(5, 9)]
    assert [c.value for c in members] == [f"'预算支出'!E{r}" for r in (6, 7, 8, 9)]
    assert all(c.hyperlink.location == c.value for c in members)

    # the same content as the CLI's openpyxl writer, cell for cell
    example = tmp_path / "e.xlsx"
    out = tmp_path / "checked.xlsx"
    example.write_bytes(EXAMPLE.read_bytes())
    main(["check", str(example), "-o", str(out)])
    written = openpyxl.load_workbook(out)[content.title]
    assert written["A1"].value.startswith("共 0 个错误、1 条提示。")
    assert [c.value for c in written[2]] == [ws.cell(2, c).value for c in range(1, 7)]
