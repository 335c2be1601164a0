"""The Word document: the narrative's text exactly, GB/T 9704 layout, the 自评表 as a table."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx", reason="python-docx is a test dependency (pip install -e '.[test]')")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from selfeval_xl.core import texts  # noqa: E402
from selfeval_xl.pipeline import Evaluation  # noqa: E402
from selfeval_xl.render.docx import report_docx, title_lines  # noqa: E402
from selfeval_xl.render.docx_table import cell_text  # noqa: E402
from selfeval_xl.report.narrative import Block, Report, Section, render_lines, render_text  # noqa: E402
from selfeval_xl.report.sheets import STYLES, Cell, SheetContent  # noqa: E402
from tests.conftest import GOLDEN  # noqa: E402
from tests.render.conftest import STYLE_KEYS  # noqa: E402


def open_docx(source: Path | bytes) -> Any:
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def narrative_lines(document: Any) -> list[tuple[str, str]]:
    """(narrative style, text) of the paragraphs before the first attachment; the title's break removed."""
    lines = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == texts.EXPORT["style.attachment"]:
            break
        key = STYLE_KEYS[paragraph.style.name]
        lines.append((key, paragraph.text.replace("\n", "") if key == "title" else paragraph.text))
    return lines


def as_text(lines: list[tuple[str, str]]) -> str:
    """The plain-text rendering of ``render_text``, from the document's paragraphs."""
    return render_lines(lines)


def fonts_of(element: Any) -> dict[str, str]:
    r_fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return {k.split("}")[1]: v for k, v in r_fonts.attrib.items()}


def test_docx_text_passes_the_narrative_golden(example_export: dict[str, Path],
                                               example_evaluation: Evaluation) -> None:
    document = open_docx(example_export["docx"])
    lines = narrative_lines(document)
    assert lines == example_evaluation.narrative().lines()
    assert as_text(lines) == (GOLDEN / "daxiang_2020_report.txt").read_text(encoding="utf-8")
    assert as_text(lines) == render_text(example_evaluation.narrative())


def test_file_name_and_properties(example_export: dict[str, Path]) -> None:
    path = example_export["docx"]
    assert path.name == "大祥区融媒体中心2020年部门整体支出绩效自评报告.docx"
    props = open_docx(path).core_properties
    assert props.title == "大祥区融媒体中心2020年部门整体支出绩效自评报告"
    assert props.author == "大祥区融媒体中心"
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if "thumbnail" in n]


# style key → (font, size pt, bold, alignment, first-line indent in chars (None: no indent))
EXPECTED_STYLES = {
    "title": ("方正小标宋简体", 22, False, "center", None),
    "h1": ("黑体", 16, False, "both", 2),
    "h2": ("楷体_GB2312", 16, True, "both", 2),
    "body": ("仿宋_GB2312", 16, False, "both", 2),
    "item": ("仿宋_GB2312", 16, False, "both", 2),
    "page_number": ("宋体", 14, False, "right", None),
}


@pytest.mark.parametrize("key", sorted(EXPECTED_STYLES))
def test_paragraph_styles_follow_gb_t_9704(example_export: dict[str, Path], key: str) -> None:
    font, size, bold, align, indent = EXPECTED_STYLES[key]
    style = open_docx(example_export["docx"]).styles[texts.EXPORT[f"style.{key}"]]
    assert fonts_of(style.element) == {"ascii": font, "hAnsi": font, "eastAsia": font, "cs": font}
    assert style.font.size == Pt(size)
    assert bool(style.font.bold) is bold
    jc = style.element.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    assert jc is not None and jc.get(qn("w:val")) == align
    ind = style.element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    if indent is None:
        assert ind is None or ind.get(qn("w:firstLine")) in (None, "0")
    else:
        assert ind.get(qn("w:firstLineChars")) == str(indent * 100)
        assert ind.get(qn("w:firstLine")) == str(indent * size * 20)  # twips: 2 × 16 pt
    if key in ("h1", "h2", "body", "item"):
        spacing = style.element.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")  # 28.95 pt, 22 lines


def test_headings_have_outline_levels_and_paragraphs_use_the_styles(example_export: dict[str, Path]) -> None:
    document = open_docx(example_export["docx"])
    for key, level in (("h1", "0"), ("h2", "1")):
        outline = document.styles[texts.EXPORT[f"style.{key}"]].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        assert outline.get(qn("w:val")) == level
    by_style: dict[str, list[str]] = {}
    for style, text in narrative_lines(document):
        by_style.setdefault(style, []).append(text)
    assert by_style["h1"][0] == "一、基本情况" and by_style["h2"][0] == "（一）部门基本情况"
    assert all(re.match(r"^[一二三四五六七八九十]+、", h) for h in by_style["h1"])


def test_no_theme_fonts_override_the_names(example_export: dict[str, Path]) -> None:
    with zipfile.ZipFile(example_export["docx"]) as z:
        styles = z.read("word/styles.xml").decode()
        body = z.read("word/document.xml").decode()
    defaults = styles.split("</w:docDefaults>")[0]
    assert "Theme=" not in defaults and 'w:eastAsia="仿宋_GB2312"' in defaults and 'w:eastAsia="zh-CN"' in defaults
    for style_id in ("GwTitle", "GwHeading1", "GwHeading2", "GwBody", "GwItem"):
        block = styles.split(f'w:styleId="{style_id}"')[1].split("</w:style>")[0]
        assert "Theme=" not in block, style_id
    assert "Theme=" not in body


def test_page_is_a4_with_gb_t_9704_margins(example_export: dict[str, Path]) -> None:
    section = open_docx(example_export["docx"]).sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert (mm(text_width), mm(text_height)) == (156, 225)  # 版心
    assert section.orientation == 0  # portrait


def mm(length: Any) -> float:
    """A length in millimetres to 0.1 mm (Word stores twentieths of a point)."""
    return round(int(length) / 36000, 1)  # 36 000 EMU a millimetre


def _footer_text(footer: Any) -> str:
    return "".join(t.text or "" for t in footer._element.iter(qn("w:t")))


def test_page_numbers_odd_right_even_left(example_export: dict[str, Path]) -> None:
    document = open_docx(example_export["docx"])
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert xml.count('w:fldCharType="begin"') == 1 and xml.count('w:fldCharType="end"') == 1
        assert _footer_text(footer) == "— 1 —"  # "1" is the field's cached result
        paragraph = footer.paragraphs[0]
        assert paragraph.style.name == texts.EXPORT["style.page_number"]
        assert paragraph._p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == align


def test_scoring_sheet_of_the_example_is_an_attached_landscape_table(example_export: dict[str, Path],
                                                                     example_evaluation: Evaluation) -> None:
    from selfeval_xl.pipeline import output_sheets

    document = open_docx(example_export["docx"])
    attachment = [p for p in document.paragraphs if p.style.name == texts.EXPORT["style.attachment"]]
    assert [p.text for p in attachment] == ["附件"]
    assert len(document.sections) == 2
    assert (mm(document.sections[1].page_width), mm(document.sections[1].page_height)) == (297, 210)
    assert mm(document.sections[0].page_width) == 210  # the text keeps its portrait section
    funds, indicators = document.tables  # the indicators are a part of their own, under a repeated header
    assert [c.text for c in indicators.rows[0].cells][:3] == ["一级指标", "二级指标", "三级指标"]
    sheet = next(s for s in output_sheets(example_evaluation, "") if s.title == "自评表")
    texts_in_table = {c.text.replace("\n", "") for table in (funds, indicators) for row in table.rows for c in row.cells}
    for cell in sheet.cells:
        if cell.row > 1 and cell.value != "":
            assert cell_text(cell.value, STYLES[cell.style].number_format) in texts_in_table, cell
    title = [p.text for p in document.paragraphs if p.style.name == texts.EXPORT["style.table_title"]]
    assert title == ["大祥区融媒体中心2020年度部门整体支出绩效自评表"]


def test_constructed_scoring_sheet_becomes_a_table() -> None:
    sheet = SheetContent(
        "自评表",
        (
            Cell(1, 1, "某单位2021年度部门整体支出绩效自评表", "table_title"), Cell(1, 2, "", "table_title"),
            Cell(1, 3, "", "table_title"),
            Cell(2, 1, "一级指标", "th"), Cell(2, 2, "指标", "th"), Cell(2, 3, "得分", "th"),
            Cell(3, 1, "产出指标", "td_center"), Cell(3, 2, "=发稿数量", "td"), Cell(3, 3, 9.5, "td_number"),
            Cell(4, 1, "产出指标", "td_center"), Cell(4, 2, "专题数量", "td"), Cell(4, 3, 10.0, "td_number"),
            Cell(5, 1, "合计", "th"), Cell(5, 2, "", "th"), Cell(5, 3, 19.5, "td_number"),
            Cell(7, 1, "注：得分保留两位小数。", "note"),
        ),
        ((1, 10.0), (2, 30.0), (3, 10.0)),
        merges=((1, 1, 1, 3), (3, 1, 4, 1), (5, 1, 5, 2)),
    )
    report = Report("某单位2021年部门整体支出绩效自评报告", (Section(1, "一、", "基本情况", (Block("正文。"),)),))
    document = open_docx(report_docx(report, [sheet]))
    assert len(document.sections) == 1  # portrait sheet: a page break, no new section
    (table,) = document.tables
    assert (len(table.rows), len(table.columns)) == (4, 3)
    grid = [[c.text for c in row.cells] for row in table.rows]
    assert grid == [["一级指标", "指标", "得分"], ["产出指标", "=发稿数量", "9.5"], ["产出指标", "专题数量", "10"],
                    ["合计", "合计", "19.5"]]  # merged cells repeat their text in python-docx's grid view
    first_col = [tc for tc in table._tbl.iter(qn("w:tc")) if tc.xpath("string(.)") == "产出指标"]
    assert len(first_col) == 1  # vertically merged: the text is written once
    header = table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    assert header is not None  # the header row repeats on every page
    # measured (half-em units at 10.5 pt: CJK 2, Latin 1, + 1 + 0.1 a Latin character, + 2 mm of cell
    # margins), widest per column "一级指标" 9, "=发稿数量" 10.1, "19.5" 5.4, then stretched to the 156 mm 版心
    natural = [9 * 5.25 + 5.7, 10.1 * 5.25 + 5.7, 5.4 * 5.25 + 5.7]
    widths = [col.width for col in table.columns]
    for width, expected in zip(widths, natural, strict=True):
        assert abs(width - Mm(156 * expected / sum(natural))) < Mm(0.1)
    tail = [(p.style.name, p.text) for p in document.paragraphs][-3:]
    assert tail == [(texts.EXPORT["style.attachment"], "附件"),
                    (texts.EXPORT["style.table_title"], "某单位2021年度部门整体支出绩效自评表"),
                    (texts.EXPORT["style.table_note"], "注：得分保留两位小数。")]
    th = table.rows[0].cells[0].paragraphs[0].runs[0]
    assert fonts_of(th._r)["eastAsia"] == "黑体"


def test_report_without_scoring_sheet_has_no_attachment() -> None:
    report = Report("标题", (Section(1, "一、", "基本情况", (Block("正文。"), Block("1.条目。", "item"))),),
                    banner="工作簿有 2 个错误")
    document = open_docx(report_docx(report))
    assert not document.tables
    assert narrative_lines(document) == report.lines()
    assert [p.style.name for p in document.paragraphs][:2] == [texts.EXPORT["style.title"],
                                                               texts.EXPORT["style.banner"]]


@pytest.mark.parametrize(("title", "expected"), [
    ("大祥区融媒体中心2020年部门整体支出绩效自评报告", ["大祥区融媒体中心", "2020年部门整体支出绩效自评报告"]),
    ("某局2020年部门整体支出绩效自评报告", ["某局2020年部门整体支出绩效自评报告"]),  # fits on one line
    ("没有年度的一个非常非常非常长的单位名称部门整体支出绩效自评报告", ["没有年度的一个非常非常非常长的单位名称", "部门整体支出绩效自评报告"]),
    ("某某某某局2020年部门整体支出绩效自评报告", ["某某某某局", "2020年部门整体支出绩效自评报告"]),  # not "…自评报" / "告"
    ("湖南省邵阳市大祥区人民政府办公室机关事务服务中心后勤保障管理处2020年部门整体支出绩效自评报告",
     ["湖南省邵阳市大祥区人民政府办公室", "机关事务服务中心后勤保障管理处", "2020年部门整体支出绩效自评报告"]),
    ("中国共产党湖南省邵阳市大祥区纪律检查委员会机关2021年部门整体支出绩效自评报告",
     ["中国共产党湖南省邵阳市", "大祥区纪律检查委员会机关", "2021年部门整体支出绩效自评报告"]),  # not "…委" / "员会…"
])
def test_title_lines(title: str, expected: list[str]) -> None:
    assert title_lines(title) == expected


@pytest.mark.parametrize(("value", "expected"), [(80.0, "80"), (9.5, "9.5"), (3, "3"), ("a\r\nb", "a\nb"),
                                                 ("x\x07y", "xy"), ("—", "—")])
def test_cell_text(value: str | int | float, expected: str) -> None:
    assert cell_text(value) == expected


@pytest.mark.parametrize(("value", "number_format", "expected"), [
    (130, "0.00", "130.00"), (9.79, "0.00", "9.79"), (0.9788, "0.00%", "97.88%"), (1, "0.00%", "100.00%"),
    (95.69, "", "95.69"),
])
def test_cell_text_with_number_format(value: float, number_format: str, expected: str) -> None:
    assert cell_text(value, number_format) == expected


def test_docx_is_reproducible(example_evaluation: Evaluation) -> None:
    report = example_evaluation.narrative()
    assert report_docx(report, author="x") == report_docx(report, author="x")
