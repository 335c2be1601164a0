"""No output sheet asks Excel for a row taller than 409 pt: a very long paragraph goes on several rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.pipeline import output_sheets
from selfeval_xl.report.rows import MAX_ROW_HEIGHT, fit_rows
from selfeval_xl.report.sheets import REPORT_WIDTH


def test_a_long_duty_is_split_over_rows_and_every_height_fits(example_data: dict[str, Any],
                                                               make_book: Callable[..., Path]) -> None:
    sentence = "负责全区新闻素材、音视频资料、政务服务信息及其他重要电子档案资料的收集、归类、保存、开发利用等工作。"
    long_duty = sentence * 60  # about 3,000 characters: one row would need far over 409 pt
    example_data["tables"]["duties"][1]["text"] = long_duty
    evaluation = evaluate(read_workbook(make_book(example_data)))
    assert not evaluation.errors
    sheets = output_sheets(evaluation, "生成时间：2026年12月3日")
    for content in sheets:
        assert all(height <= MAX_ROW_HEIGHT for _, height in content.heights), content.title
    report = sheets[[c.title for c in sheets].index("自评报告")] if "自评报告" in [c.title for c in sheets] else None
    assert report is not None
    texts_in_rows = [str(c.value) for c in report.cells]
    joined = "".join(texts_in_rows)
    assert long_duty in joined  # nothing lost, nothing repeated
    assert joined.count(sentence) == 60 + sum(d["text"].count(sentence) for d in example_data["tables"]["duties"][:1])
    assert sum(1 for t in texts_in_rows if sentence in t) > 1  # really split


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="绩效评价。；，0123456789abc", min_size=0, max_size=6000), st.sampled_from([11.0, 12.0, 16.0]))
def test_fit_rows_keeps_the_text_and_every_piece_fits(text: str, size: float) -> None:
    from selfeval_xl.report.rows import row_height as _height

    pieces = fit_rows(text, REPORT_WIDTH, size)
    assert "".join(pieces) == text
    assert all(_height(piece, REPORT_WIDTH, size) <= MAX_ROW_HEIGHT for piece in pieces)
    if text and _height(text, REPORT_WIDTH, size) <= MAX_ROW_HEIGHT:
        assert pieces == [text]
