"""What makes the template fillable without a manual: input prompts and error alerts (data validation),
the required marks, and the 填报说明 sheet it opens on. Used by ``template.build_template``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.workbook.layout import Kind

PROMPT_LIMIT = 255  # Excel's limit on an input message
TITLE_LIMIT = 32  # … and on its title
LIST_LIMIT = 255  # a literal list "a,b,c" in a validation formula


def prompt(kind: Kind, hint: str, *, choices: Sequence[str] = (), strict: bool = True, required: bool = False,
           column: bool = False) -> str:
    """The input message of a field or column: what to type (by kind), the field's own hint, whether required."""
    ui = texts.UI
    if kind is Kind.CHOICE or choices:
        what = ui["prompt.choice"] if strict else ui["prompt.choice_free"]
    else:
        what = ui[f"prompt.{kind.value}"]
    text = what + (hint + "\u3002" if hint and not hint.endswith(("\u3002", "\uff09")) else hint)  # 。 ）
    if required:
        text += ui["prompt_required_column" if column else "prompt_required"]
    return text[:PROMPT_LIMIT]


def validation(label: str, message: str, *, formula: str | None = None, strict: bool = True,
               choices: Sequence[str] = (), econ: bool = False) -> Any:
    """A DataValidation with its Chinese input message; a dropdown also gets its error alert (stop when the
    list is closed, warning when other text is allowed)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    ui = texts.UI
    if formula is None:
        dv = DataValidation(allow_blank=True)  # no rule: the input message only
    else:
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                            errorStyle="stop" if strict else "warning")
        dv.errorTitle = ui["dropdown_error_title"]
        if econ:
            dv.error = ui["dropdown_error_econ"]
        elif strict:
            dv.error = texts.render(texts.UI, "dropdown_error", choices="、".join(choices))
        else:
            dv.error = texts.render(texts.UI, "dropdown_warning", label=label, choices="、".join(choices))
        dv.error = dv.error[:PROMPT_LIMIT]
    dv.showInputMessage = True
    dv.promptTitle = label[:TITLE_LIMIT]
    dv.prompt = message
    return dv


def guide_sheet(book: Any) -> Any:
    """The 填报说明 sheet, first in the book: the order to fill and where each figure comes from."""
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(texts.GUIDE_TITLE, 0)
    ws.sheet_properties.tabColor = "70AD47"
    ws.column_dimensions["A"].width = 2
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["C"].width = 100
    ws["B1"] = texts.GUIDE_TITLE
    ws["B1"].font = Font(name="黑体", size=16, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 2
    for heading, text in texts.GUIDE:
        row += 1
        if heading:
            ws.cell(row, 2, heading).font = Font(name="黑体", size=11, bold=True)
            ws.cell(row, 2).alignment = wrap
        cell = ws.cell(row, 3, text)
        cell.font = Font(name="宋体", size=11)
        cell.alignment = wrap
        ws.row_dimensions[row].height = 15 * max(1, -(-_units(text) // 96))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _units(text: str) -> int:
    from selfeval_xl.core.cells import display_width

    return display_width(text)
