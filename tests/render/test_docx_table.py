"""The 自评表 in the Word XML: grid widths, merges as Word draws them, repeated headers, numbers whole;
the 附件说明 and 落款 options and the document's properties.

Departments: the founding example, and workbooks built from it with 40 and 100 indicators and with
a 5- and a 30-character unit name.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("docx", reason="python-docx is a test dependency (pip install -e '.[test]')")
from lxml import etree

from benchmarks.generate import many_indicators
from selfeval_xl.core.version import VERSION
from selfeval_xl.pipeline import Evaluation, evaluate, output_sheets
from selfeval_xl.render.docx import report_docx
from selfeval_xl.render.docx_layout import CELL_PADDING_PT, fit_units
from selfeval_xl.report.sheets import SheetContent
from selfeval_xl.workbook.reader import read_workbook
from tests.conftest import EXAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANDSCAPE_TWIPS = round((297 - 28 - 26) / 25.4 * 72 * 20)  # the 243 mm landscape 版心
UNIT_5 = "双清区妇联"
UNIT_30 = "湖南省邵阳市大祥区人民政府办公室机关事务服务中心后勤保障科室"
NUMBER = re.compile(r"\d[\d.,]*%?")


def department(make_book: Callable[..., Path], data: dict[str, Any], *, unit: str = "",
               indicators: int = 0) -> Evaluation:
    data = copy.deepcopy(data)
    if unit:
        data["fields"]["unit_name"] = unit
    if indicators:
        data["tables"]["indicators"] = many_indicators(indicators)
    evaluation = evaluate(read_workbook(make_book(data)))
    assert not evaluation.errors, evaluation.errors
    return evaluation


def scoring(evaluation: Evaluation) -> SheetContent:
    return next(s for s in output_sheets(evaluation, "") if s.title == "自评表")


def document_xml(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


@dataclass(frozen=True)
class Tc:
    row: int  # across all tables of the sheet, in order
    col: int
    span: int
    vmerge: str | None  # "restart", "continue" or None
    width: int  # twips
    text: str
    bold_font: bool  # 黑体: a header cell


def grid_cells(root: Any) -> tuple[list[list[int]], list[Tc], list[Any]]:
    """The grid of every table and its cells, with grid columns counted as Word counts them."""
    tables = root.findall(f"{W}body/{W}tbl")
    grids, cells, row = [], [], 0
    for tbl in tables:
        grid = [int(g.get(f"{W}w")) for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        grids.append(grid)
        for tr in tbl.findall(f"{W}tr"):
            col = 0
            for tc in tr.findall(f"{W}tc"):
                pr = tc.find(f"{W}tcPr")
                span = int(pr.find(f"{W}gridSpan").get(f"{W}val")) if pr.find(f"{W}gridSpan") is not None else 1
                vm = pr.find(f"{W}vMerge")
                vmerge = None if vm is None else (vm.get(f"{W}val") or "continue")
                fonts = tc.find(f".//{W}rFonts")
                text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
                cells.append(Tc(row, col, span, vmerge, int(pr.find(f"{W}tcW").get(f"{W}w")), text,
                                fonts is not None and fonts.get(f"{W}eastAsia") == "黑体"))
                assert sum(grid[col:col + span]) == cells[-1].width  # tcW agrees with the grid
                col += span
            assert col == len(grid), f"row {row} covers {col} of {len(grid)} grid columns"
            row += 1
    return grids, cells, tables


def merges_of(cells: list[Tc]) -> set[tuple[int, int, int, int]]:
    """The merged rectangles Word draws from gridSpan and vMerge (row, col, last row, last col)."""
    at = {(c.row, c.col): c for c in cells}
    found = set()
    for c in cells:
        if c.vmerge == "continue":
            above = at.get((c.row - 1, c.col))
            assert above is not None and above.vmerge in ("restart", "continue") and above.span == c.span, c
            assert c.text == "", c  # the text stands once, in the first cell
        if c.vmerge == "restart":
            bottom = c.row
            while (below := at.get((bottom + 1, c.col))) is not None and below.vmerge == "continue":
                bottom += 1
            found.add((c.row, c.col, bottom, c.col + c.span - 1))
        elif c.vmerge is None and c.span > 1:
            found.add((c.row, c.col, c.row, c.col + c.span - 1))
    return found


def expected_merges(sheet: SheetContent) -> set[tuple[int, int, int, int]]:
    """The sheet's merges in table coordinates (the title row is a paragraph, not a table row)."""
    table_rows = sorted({c.row for c in sheet.cells if c.style != "table_title"})
    index = {row: n for n, row in enumerate(table_rows)}
    return {(index[r1], c1 - 1, index[r2], c2 - 1) for r1, c1, r2, c2 in sheet.merges if r1 in index}


@pytest.fixture
def departments(make_book: Callable[..., Path], example_data: dict[str, Any]) -> dict[str, Evaluation]:
    return {
        "example": evaluate(read_workbook(EXAMPLE)),
        "40 indicators": department(make_book, example_data, indicators=40),
        "100 indicators, 30-character unit": department(make_book, example_data, unit=UNIT_30, indicators=100),
        "5-character unit": department(make_book, example_data, unit=UNIT_5),
    }


def test_grid_widths_merges_and_headers(departments: dict[str, Evaluation]) -> None:
    for name, evaluation in departments.items():
        sheet = scoring(evaluation)
        grids, cells, tables = grid_cells(document_xml(report_docx(evaluation.narrative(), [sheet])))
        assert len(tables) == 2, name  # the funds block, then the indicators under their own header
        for grid, tbl in zip(grids, tables, strict=True):
            assert len(grid) == 8 and abs(sum(grid) - LANDSCAPE_TWIPS) <= 1, name
            assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        assert merges_of(cells) == expected_merges(sheet), name
        headers = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in tables[1].findall(f"{W}tr")]
        assert headers[0] and not any(headers[1:]), name  # 一级指标 … 偏差原因 repeats on every page
        assert not any(tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in tables[0].findall(f"{W}tr"))
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tbl in tables for tr in tbl.findall(f"{W}tr"))
        for c in cells:  # every number whole on a line; every header label on one line
            room = ((c.width + 1) / 20 - CELL_PADDING_PT) * 2 / 10.5  # half-em units at 10.5 pt (± a twip)
            for number in NUMBER.findall(c.text):
                assert fit_units(number) <= room, (name, c)
            if c.bold_font:
                assert fit_units(c.text) <= room, (name, c)


def test_example_merges_efficiency_indicators_and_the_goals_label(departments: dict[str, Evaluation]) -> None:
    sheet = scoring(departments["example"])
    _, cells, _ = grid_cells(document_xml(report_docx(departments["example"].narrative(), [sheet])))
    rects = merges_of(cells)
    by_text = {c.text: c for c in cells if c.vmerge == "restart"}
    # sheet rows 20–22 (table rows 18–20): 社会效益指标 ×2 and 可持续影响指标 under one 效益指标
    assert (by_text["效益指标"].row, 0, by_text["效益指标"].row + 2, 0) in rects
    assert (by_text["年度总体目标"].row, 0, by_text["年度总体目标"].row + 2, 0) in rects  # label + 2 goals
    assert (by_text["产出指标"].row, 0, by_text["产出指标"].row + 7, 0) in rects


def test_attachment_note_and_signature() -> None:
    evaluation = evaluate(read_workbook(EXAMPLE))
    sheet = scoring(evaluation)
    data = report_docx(evaluation.narrative(), [sheet], author="大祥区融媒体中心", signature="大祥区融媒体中心",
                       signed=dt.date(2021, 3, 15), attachment_note=True)
    body = document_xml(data).find(f"{W}body")
    paragraphs = [("".join(t.text or "" for t in p.iter(f"{W}t")), p) for p in body.findall(f"{W}p")]
    texts = [t for t, _ in paragraphs]
    start = texts.index("附件：大祥区融媒体中心2020年度部门整体支出绩效自评表")
    assert texts[start + 1:start + 3] == ["大祥区融媒体中心", "2021年3月15日"]
    assert texts[start + 3] == "附件"  # then the attachment itself
    note, unit, date = (paragraphs[start + k][1] for k in range(3))
    assert note.find(f"{W}pPr/{W}spacing").get(f"{W}before") == "579"  # an empty line above (28.95 pt)
    # unit 8 em; date 13 half-em units + 1 + 7 digits × 0.1 = 7.35 em: longer than the unit less 2, so
    # the date keeps 2 characters to the right edge and the unit 7.35 + 4 - 8 = 3.35 (GB/T 9704 §7.3.5.2)
    for paragraph, right_em in ((unit, 3.35), (date, 2.0)):
        ppr = paragraph.find(f"{W}pPr")
        assert ppr.find(f"{W}pStyle").get(f"{W}val") == "GwSignature"  # right-aligned, no first-line indent
        assert ppr.find(f"{W}ind").get(f"{W}right") == str(round(right_em * 16 * 20))
    # the note: the name starts 5 characters in (2 + "附件："), the first line hangs back to 2 characters
    ind = note.find(f"{W}pPr/{W}ind")
    assert (ind.get(f"{W}left"), ind.get(f"{W}hanging")) == (str(5 * 16 * 20), str(3 * 16 * 20))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode()
    for style_id, align in (("GwSignature", "right"), ("GwAttachmentNote", "left")):
        block = styles.split(f'w:styleId="{style_id}"')[1].split("</w:style>")[0]
        assert f'<w:jc w:val="{align}"/>' in block and "firstLineChars" not in block


def test_several_attachments_are_numbered() -> None:
    evaluation = evaluate(read_workbook(EXAMPLE))
    data = report_docx(evaluation.narrative(), attachment_note=["甲表", "乙表"])
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document_xml(data).iter(f"{W}p")]
    assert texts[-2:] == ["附件：1.甲表", "2.乙表"]
    plain = report_docx(evaluation.narrative())
    assert "附件：" not in "".join(document_xml(plain).itertext())  # both are optional


def test_properties_are_honest_and_template_leftovers_gone() -> None:
    evaluation = evaluate(read_workbook(EXAMPLE))
    data = report_docx(evaluation.narrative(), [scoring(evaluation)], author="大祥区融媒体中心")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        app = etree.fromstring(z.read("docProps/app.xml"))
        core = z.read("docProps/core.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ns}Application") == "selfeval_xl"
    major, minor, patch = VERSION.split(".")
    assert app.findtext(f"{ns}AppVersion") == f"{int(major):02d}.{int(minor):02d}{int(patch):02d}"
    assert app.find(f"{ns}Template") is None and "Microsoft" not in etree.tostring(app).decode()
    assert "<dc:title>大祥区融媒体中心2020年部门整体支出绩效自评报告</dc:title>" in core
    assert "<dc:creator>大祥区融媒体中心</dc:creator>" in core
    for leftover in ("customXml", "stylesWithEffects", "webSettings", "thumbnail"):
        assert not [n for n in names if leftover in n] and leftover not in types, leftover
