"""校验结果 read top-down: summary row, errors before 提示, Chinese 类别, the code last, many of a kind grouped."""

from __future__ import annotations

from pathlib import Path

from selfeval_xl.cli.main import main
from selfeval_xl.core import texts
from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import Issue, Severity
from selfeval_xl.report.sheets import GROUP_MIN, issues_sheet

W, E = Severity.WARNING, Severity.ERROR


def as_text(issue_code: str, row: int) -> Issue:
    return Issue(issue_code, W, CellRef("预算支出", row, 5), (("field", f"第{row}行"), ("value", "1,234")))


def rows_of(issues: list[Issue]) -> list[list[object]]:
    content = issues_sheet(issues)
    grid: dict[int, dict[int, object]] = {}
    for cell in content.cells:
        grid.setdefault(cell.row, {})[cell.col] = cell.value
    return [[grid[r].get(c, "") for c in range(1, 7)] for r in sorted(grid)]


def test_every_issue_code_has_a_chinese_kind() -> None:
    assert set(texts.ISSUE_KINDS) == set(texts.ISSUES)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in kind) for kind in texts.ISSUE_KINDS.values())


def test_summary_errors_first_kind_and_code_last() -> None:
    issues = [
        Issue("public_share_high", W, CellRef("预算支出", 9, 5), (("share", "68.03%"), ("threshold", "50.00%"))),
        Issue("required", E, CellRef("基本信息", 4, 3), (("field", "单位名称"),)),
        as_text("number_as_text", 12),
        Issue("detail_empty", E, None),
    ]
    rows = rows_of(issues)
    assert rows[0][0] == "共 2 个错误、2 条提示。错误须修正后才能生成报告；提示请逐条核实。"
    assert rows[1] == ["序号", "级别", "类别", "位置", "问题说明", "代码"]
    body = rows[2:]
    assert [r[1] for r in body] == ["错误", "错误", "提示", "提示"]  # errors first, each group in input order
    assert [r[0] for r in body] == [1, 2, 3, 4]
    assert body[0][2:4] == ["必填项未填", "'基本信息'!C4"] and body[0][5] == "required"
    assert body[1][2:4] == ["经济分类明细未填", "（整个工作簿）"]
    assert body[2][2] == "公用经费占比偏高" and body[3][2] == "数字以文本形式保存"  # two of a kind: not grouped


def test_many_of_a_kind_become_one_group_listing_its_cells() -> None:
    issues = [as_text("number_as_text", r) for r in (5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27)]
    issues.insert(3, Issue("required", E, CellRef("基本信息", 4, 3), (("field", "单位名称"),)))
    content = issues_sheet(issues)
    rows = rows_of(issues)
    assert rows[0][0].startswith("共 1 个错误、12 条提示。")
    assert rows[2][1] == "错误"
    group = rows[3]
    assert group[:4] == [2, "提示", "数字以文本形式保存", "12 个单元格"]
    assert group[4].startswith("12 个单元格以文本形式保存数字") and group[5] == "number_as_text"
    members = rows[4:]
    assert len(members) == 12 and all(m[0] == "" and m[1] == "" and m[5] == "" for m in members)
    assert [m[3] for m in members] == [f"'预算支出'!E{r}" for r in (5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27)]
    links = [c for c in content.cells if c.link]
    assert len(links) == 13 and all(c.link == c.value for c in links)  # every issue keeps its link


def test_a_kind_below_the_threshold_or_without_cells_is_not_grouped() -> None:
    few = [as_text("number_as_text", r) for r in range(5, 5 + GROUP_MIN - 1)]
    assert [r[0] for r in rows_of(few)[2:]] == list(range(1, GROUP_MIN))
    scattered = [Issue("list_empty", W, None, (("table", f"表{n}"),)) for n in range(GROUP_MIN + 1)]
    assert [r[0] for r in rows_of(scattered)[2:]] == list(range(1, GROUP_MIN + 2))


def test_generic_group_message_names_the_kind() -> None:
    issues = [Issue("reason_below_target", W, CellRef("绩效指标", r, 8),
                    (("name", f"指标{r}"), ("actual", "1"), ("target", "2"), ("unit", "篇"))) for r in (20, 21, 22)]
    group = rows_of(issues)[2]
    assert group[4] == "未达目标缺少原因：共 3 个单元格，见下方各行。"


def test_no_issues() -> None:
    rows = rows_of([])
    assert rows[0][0] == "共 0 个错误、0 条提示。未发现问题。" and len(rows) == 2


def test_check_copy_of_a_workbook_with_text_numbers(make_book, example_data, tmp_path: Path) -> None:
    """End to end: amounts typed as text in 经济分类明细 are grouped after the error in the written copy."""
    import openpyxl

    example_data["fields"]["year"] = None
    book = make_book(example_data)
    wb = openpyxl.load_workbook(book)
    ws = wb["经济分类明细"]
    changed = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in row:
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and cell.column > 2 \
                    and len(changed) < 4:
                cell.value = f"{cell.value}"
                changed.append(cell.coordinate)
    wb.save(book)
    out = tmp_path / "checked.xlsx"
    assert main(["check", str(book), "-o", str(out)]) == 1
    sheet = openpyxl.load_workbook(out)["校验结果"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    severities = [v[1] for v in values if v[1]]
    assert severities == sorted(severities, key=lambda s: s != "错误")  # every 错误 before any 提示
    group = next(v for v in values if v[2] == "数字以文本形式保存")
    assert group[3] == f"{len(changed)} 个单元格"
    assert sheet["A1"].value.startswith("共 ")
