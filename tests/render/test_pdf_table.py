"""The 自评表 as LibreOffice prints it: numbers and percentages never split, header labels on one
line, titles broken where the writer broke them, the indicator header repeated on every page, the
附件说明 and 落款 under the text.

Departments: the founding example (through ``selfeval export``), one with 100 indicators and a
30-character unit name (with 附件说明 and 落款), one with a 5-character unit name.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import many_indicators
from examples.build_examples import DAXIANG_2020
from selfeval_xl.pipeline import Evaluation, evaluate, output_sheets
from selfeval_xl.render.docx import PARAGRAPH_STYLES, report_docx, title_lines
from selfeval_xl.render.docx_table import cell_text
from selfeval_xl.render.pdf import docx_to_pdf
from selfeval_xl.report.sheets import STYLES, SheetContent
from selfeval_xl.workbook.reader import read_workbook
from selfeval_xl.workbook.template import template_bytes
from tests.conftest import EXAMPLE
from tests.render.conftest import needs_poppler, needs_soffice
from tests.render.test_docx_table import UNIT_5, UNIT_30

pytestmark = [needs_poppler, needs_soffice]
NUMBER = re.compile(r"\d[\d.,]*%?")


def layout_pages(pdf: Path) -> list[str]:
    """The pages as ``pdftotext -layout`` lays them out."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def lines_of(page: str) -> list[str]:
    """Non-empty lines, the spaces pdftotext puts between glyphs and columns removed."""
    return [re.sub(r"\s+", "", line) for line in page.splitlines() if line.strip()]


def scoring(evaluation: Evaluation) -> SheetContent:
    return next(s for s in output_sheets(evaluation, "") if s.title == "自评表")


def built(folder: Path, unit: str, indicators: int, **options: Any) -> tuple[Evaluation, Path]:
    data = copy.deepcopy(DAXIANG_2020)
    data["fields"]["unit_name"] = unit
    if indicators:
        data["tables"]["indicators"] = many_indicators(indicators)
    book = folder / f"{len(unit)}-{indicators}.xlsx"
    book.write_bytes(template_bytes(data))
    evaluation = evaluate(read_workbook(book))
    assert not evaluation.errors, evaluation.errors
    pdf = folder / f"{len(unit)}-{indicators}.pdf"
    document = report_docx(evaluation.narrative(), [scoring(evaluation)], author=unit, **options)
    pdf.write_bytes(docx_to_pdf(document, pdf))
    return evaluation, pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, example_pdf: Path) -> dict[str, tuple[Evaluation, Path]]:
    folder = tmp_path_factory.mktemp("pdf_table")
    return {
        "example": (evaluate(read_workbook(EXAMPLE)), example_pdf),
        "100 indicators, 30-character unit": built(folder, UNIT_30, 100, signature=UNIT_30,
                                                   signed=dt.date(2021, 3, 15), attachment_note=True),
        "5-character unit": built(folder, UNIT_5, 0),
    }


def attachment_pages(pages: list[str]) -> list[str]:
    start = next(n for n, page in enumerate(pages) if lines_of(page)[:1] == ["附件"])
    return pages[start:]


def test_numbers_are_never_split_and_labels_stay_on_one_line(rendered: dict[str, tuple[Evaluation, Path]]) -> None:
    for name, (evaluation, pdf) in rendered.items():
        sheet = scoring(evaluation)
        table_text = "\n".join(attachment_pages(layout_pages(pdf)))
        lines = [line for page in attachment_pages(layout_pages(pdf)) for line in lines_of(page)]
        shown = [cell_text(c.value, STYLES[c.style].number_format) for c in sheet.cells if c.row > 1]
        numbers = {n for text in shown for n in NUMBER.findall(text)}
        assert "95.69" in numbers or name != "example"
        split = [n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.%])", table_text)]
        assert not split, (name, split)
        labels = {cell_text(c.value) for c in sheet.cells if c.style == "th" and c.value != ""}
        assert "执行率（B/A）" in labels
        broken = [label for label in labels if not any(label in line for line in lines)]
        assert not broken, (name, broken)


def test_titles_break_where_the_writer_broke_them(rendered: dict[str, tuple[Evaluation, Path]]) -> None:
    for name, (evaluation, pdf) in rendered.items():
        pages = layout_pages(pdf)
        title = evaluation.narrative().title
        expected = title_lines(title)
        assert lines_of(pages[0])[:len(expected)] == expected, name
        assert len(expected[-1]) >= 3  # never "…自评报" / "告"
        table_title = cell_text(next(c.value for c in scoring(evaluation).cells if c.style == "table_title"))
        width_em = (297 - 28 - 26) / 25.4 * 72 / PARAGRAPH_STYLES["table_title"].size
        first = lines_of(attachment_pages(pages)[0])
        assert first[1:1 + len(title_lines(table_title, width_em))] == title_lines(table_title, width_em), name
    assert title_lines(rendered["5-character unit"][0].narrative().title) == ["双清区妇联",
                                                                               "2020年部门整体支出绩效自评报告"]
    assert len(title_lines(rendered["100 indicators, 30-character unit"][0].narrative().title)) == 3


def test_indicator_header_repeats_on_every_page(rendered: dict[str, tuple[Evaluation, Path]]) -> None:
    _, pdf = rendered["100 indicators, 30-character unit"]
    pages = [lines_of(page) for page in attachment_pages(layout_pages(pdf))]

    def header_at(lines: list[str]) -> int | None:
        return next((n for n, line in enumerate(lines) if line.startswith("一级指标二级指标三级指标")), None)

    first = next(n for n, lines in enumerate(pages) if header_at(lines) is not None)
    continued = pages[first + 1:]
    assert len(continued) >= 2  # the indicators go on over several pages …
    for lines in continued:  # … each opening with the header row (after nothing but the page's own text)
        assert header_at(lines) == 0 and lines[0].endswith("偏差原因分析及改进措施"), lines[:3]
    assert any(line.startswith("总分") for line in pages[-1])


def bbox_lines(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(left, right, text) of each line of a page, in points, from ``pdftotext -bbox-layout``."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8")
    lines = []
    for match in re.finditer(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', xml, re.S):
        text = "".join(re.findall(r">([^<]*)</word>", match.group(3)))
        lines.append((float(match.group(1)), float(match.group(2)), text))
    return lines


def test_attachment_note_and_signature_under_the_text(rendered: dict[str, tuple[Evaluation, Path]]) -> None:
    _, pdf = rendered["100 indicators, 30-character unit"]
    pages = layout_pages(pdf)
    number = pages.index(attachment_pages(pages)[0])  # the last page of text, 1-based
    squeezed = lines_of(pages[number - 1])
    note = next(n for n, line in enumerate(squeezed) if line.startswith("附件："))
    assert squeezed[note:note + 3] == ["附件：湖南省邵阳市大祥区人民政府办公室", "机关事务服务中心后勤保障科室",
                                       "2020年度部门整体支出绩效自评表"]  # broken by measure, not "…自评" / "表"
    lines = bbox_lines(pdf, number)
    first = next(n for n, (_, _, text) in enumerate(lines) if text == "湖南省邵阳市大祥区人民政府办公室")
    (unit_left, unit_right, _), (_, second_right, second), (date_left, _, date) = lines[first:first + 3]
    assert (second, date) == ("机关事务服务中心后勤保障科室", "2021年3月15日")
    text_right = (210 - 26) / 25.4 * 72  # the right edge of the 版心
    assert abs(unit_right - (text_right - 32)) < 2 and abs(second_right - (text_right - 32)) < 2  # 2 characters in
    assert abs(date_left - (unit_left + 32)) < 2  # the date starts 2 characters right of the unit
