"""A total score printed in a table's cells, without 分 after it: "单位名称 | 某中心 | 自评总分 | 95.69 | 等级 | 优" (a
自评表's first row) and "总分 | 100 | 95.69 | 等级:优" (its last: the 分值 100, then the score) — read as scores, so that
the grade beside it in the row is checked against it as in prose.

Read only in a row whose cells are between "|" (a .docx table, a page copied as text, a workbook's row), the number
alone in the cell right after the total's name (or after a 100 there; blank cells between are the merged cells of a
workbook's 总分 row), and at most 100; or in such a row between spaces that is a paragraph
of its own (a PDF's or a web page's 自评表: "总分 100 96.40 等级 良").
"""

from __future__ import annotations

import re

from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.numbers import decimals_of, parse_decimal

_CELL_SCORE = re.compile(
    r"(?<![\u4e00-\u9fff])(自评总分|自评得分|综合得分|总得分|总分)\s*\|\s*(?:\|\s*){0,8}(?:100(?:\.0+)?\s*\|\s*(?=\d))?(\d{1,3}(?:\.\d+)?)\s*(?=\||$)"
)
# the same row as a PDF or a web page gives it, its cells between spaces, a paragraph of its own: "总分 100 96.40 等级 良"
_ROW_SCORE = re.compile(r"^\s*(自评总分|自评得分|综合得分|总得分|总\s?分)\s+(?:100(?:\.0+)?\s+)?(\d{1,3}(?:\.\d+)?)(?=\s|$)")
_HUNDRED = 100


def cell_scores(p: Paragraph, norm: str) -> list[Figure]:
    if "|" not in norm:
        matches = [m for m in (_ROW_SCORE.match(norm),) if m is not None]
    else:
        matches = list(_CELL_SCORE.finditer(norm))
    out = []
    for m in matches:
        raw = m.group(2)
        value = parse_decimal(raw)
        if value > _HUNDRED:
            continue
        out.append(Figure(FigureKind.SCORE, value, p.text[m.start(2) : m.end(2)], p.index, m.start(2), "score", "分", decimals_of(raw), "", m.group(1)))
    return out
