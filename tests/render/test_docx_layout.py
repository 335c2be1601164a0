"""Measured text for the Word document: widths in half-em units, break places, titles, table columns."""

from __future__ import annotations

import pytest

from selfeval_xl.render.docx_layout import (
    CELL_PADDING_PT,
    Measure,
    column_widths,
    fit_units,
    longest_piece,
    pieces,
    text_units,
    title_lines,
)


@pytest.mark.parametrize(("text", "units"), [
    ("执行率", 6), ("97.88%", 6), ("执行率（B/A）", 13), ("≥1500篇", 8), ("“大祥发布”", 12), ("—", 2), ("", 0),
])
def test_text_units_count_cjk_and_wide_marks_as_two(text: str, units: int) -> None:
    assert text_units(text) == units


@pytest.mark.parametrize(("line", "expected"), [
    ("97.88%", ["97.88%"]),  # a number with its percent sign is one piece
    ("执行率（B/A）", ["执", "行", "率", "（B/A）"]),  # no break after an opening bracket, none inside B/A
    ("发稿1551篇。", ["发", "稿", "1551", "篇。"]),  # no break before the full stop
    ("H5 等作品", ["H5", " ", "等", "作", "品"]),
])
def test_pieces_never_split_numbers_words_or_punctuation(line: str, expected: list[str]) -> None:
    assert pieces(line) == expected
    assert "".join(pieces(line)) == line


def test_longest_piece_reserves_the_margin_of_the_fit() -> None:
    assert longest_piece("执行率97.88%") == pytest.approx(6 + 1 + 0.6)  # "97.88%": 6 units, 6 Latin characters
    assert fit_units("执行率") == 7


@pytest.mark.parametrize(("title", "width_em", "expected"), [
    # founding example, 22 pt on the 156 mm 版心 (20.1 em): the break before the year
    ("大祥区融媒体中心2020年部门整体支出绩效自评报告", 20.1, ["大祥区融媒体中心", "2020年部门整体支出绩效自评报告"]),
    # 20 em of text in 20.1 em would break as "…自评报" / "告" in LibreOffice: broken before the year instead
    ("双清区妇联2020年部门整体支出绩效自评报告", 20.1, ["双清区妇联", "2020年部门整体支出绩效自评报告"]),
    ("某局2020年部门整体支出绩效自评报告", 20.1, ["某局2020年部门整体支出绩效自评报告"]),
    # a 30-character unit: three lines, broken after 办公室 and before the year, never "…委" / "员会"
    ("湖南省邵阳市大祥区人民政府办公室机关事务服务中心后勤保障科室2020年部门整体支出绩效自评报告", 20.1,
     ["湖南省邵阳市大祥区人民政府办公室", "机关事务服务中心后勤保障科室", "2020年部门整体支出绩效自评报告"]),
    ("中国共产党湖南省邵阳市大祥区纪律检查委员会机关2021年部门整体支出绩效自评报告", 20.1,
     ["中国共产党湖南省邵阳市", "大祥区纪律检查委员会机关", "2021年部门整体支出绩效自评报告"]),
    # the 自评表's title, 18 pt on the 243 mm landscape 版心 (38.3 em)
    ("湖南省邵阳市大祥区人民政府办公室机关事务服务中心后勤保障科室2020年度部门整体支出绩效自评表", 38.3,
     ["湖南省邵阳市大祥区人民政府办公室机关事务服务中心后勤保障科室", "2020年度部门整体支出绩效自评表"]),
])
def test_title_lines_break_at_natural_places(title: str, width_em: float, expected: list[str]) -> None:
    lines = title_lines(title, width_em)
    assert lines == expected
    assert all(len(line) >= 3 for line in lines)  # never a tail of one or two characters


@pytest.mark.parametrize(("text", "width_em", "expected"), [
    ("及时（达成）", 5, ["及时", "（达成）"]),  # before the bracket
    ("机制初步建立（部分达成）", 7, ["机制初步建立", "（部分达成）"]),
    ("≥1500篇", 2, ["≥1500篇"]),  # nowhere to break: left whole
    ("服务对象满意度指标", 12, ["服务对象满意度指标"]),  # fits
])
def test_cell_lines_are_balanced_with_two_characters_at_least(text: str, width_em: float,
                                                              expected: list[str]) -> None:
    assert title_lines(text, width_em, shortest=2) == expected


def pt(units: float, size: float = 10.5) -> float:
    return units * size / 2 + CELL_PADDING_PT


def test_columns_share_the_room_by_their_widest_text() -> None:
    cells = [Measure(0, 0, 0, "一级指标", 10.5, one_line=True), Measure(0, 1, 1, "得分", 10.5, one_line=True),
             Measure(1, 0, 0, "产出指标", 10.5), Measure(1, 1, 1, "9.79", 10.5, one_line=True)]
    widths = column_widths(cells, 2, 200.0)
    natural = [pt(9), pt(4 + 1 + 0.4)]  # "一级指标" (8 units + 1); "9.79" (4 units, 4 Latin characters)
    assert widths == pytest.approx([200 * n / sum(natural) for n in natural])


def test_labels_stay_on_one_line_and_long_text_gets_the_rest() -> None:
    reason = "中央级媒体版面有限，部分稿件未获采用；下一步加强与中央媒体的选题对接。"
    cells = [Measure(0, 0, 0, "执行率（B/A）", 10.5, one_line=True), Measure(0, 1, 1, "偏差原因", 10.5, one_line=True),
             Measure(1, 0, 0, "97.88%", 10.5, one_line=True), Measure(1, 1, 1, reason, 10.5)]
    available = 200.0
    widths = column_widths(cells, 2, available)
    assert sum(widths) == pytest.approx(available)
    label = [pt(13 + 1 + 0.3), pt(9)]  # "执行率（B/A）": 13 units + 1 + 3 Latin × 0.1
    natural = [label[0], pt(fit_units(reason))]
    share = (available - sum(label)) / (natural[1] - label[1])  # only column 2 wants more than its label
    assert widths == pytest.approx([label[0], label[1] + share * (natural[1] - label[1])])


def test_when_labels_cannot_fit_numbers_still_do() -> None:
    cells = [Measure(0, c, c, "全年预算数（A）", 10.5, one_line=True) for c in range(3)]
    cells += [Measure(1, c, c, "12345678.90", 10.5, one_line=True) for c in range(3)]
    available = 3 * pt(fit_units("12345678.90")) + 6  # room for the numbers, not for the labels
    widths = column_widths(cells, 3, available)
    assert sum(widths) == pytest.approx(available)
    assert all(w >= pt(fit_units("12345678.90")) for w in widths)


def test_a_spanning_cell_widens_the_columns_it_spans_in_proportion() -> None:
    cells = [Measure(0, 0, 0, "甲", 10.5, one_line=True), Measure(0, 1, 1, "乙乙", 10.5, one_line=True),
             Measure(1, 0, 1, "1234567890123456789012345", 10.5, one_line=True)]
    need = pt(25 + 1 + 2.5)  # 25 digits: 25 units + 1 + 25 × 0.1
    # unbreakable pieces: "甲", "乙" (3 units each) → the digits split evenly; whole labels: "甲" 3, "乙乙" 5
    # units → the digits split 3 : 5 (well, in proportion to those widths); each column the larger
    hard = need / 2
    label = [pt(3) * need / (pt(3) + pt(5)), pt(5) * need / (pt(3) + pt(5))]
    natural = [max(hard, label[0]), max(hard, label[1])]
    widths = column_widths(cells, 2, 1000.0)
    assert widths == pytest.approx([1000 * n / sum(natural) for n in natural])
