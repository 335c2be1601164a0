"""Lines of a table copied as text, one row a line: "县区 地方一般公共预算收入 上级政府转移支付 财政债券收入 合计" over
"赣县区 80.0 60.0 5.0 145.0" and "龙南 70.0 50.0 5.0 130.0". Such lines stop mid-sentence (no 。 at their end), and
joined as prose they run the header's last column into the first row's name ("…合计赣州市章贡区 120.0") and each row's
last cell into the next row's name ("…220.0赣县区 80.0"). The first row stays with its header, joined by " | "; the rows
after it, and words after a row, start paragraphs of their own.
"""

from __future__ import annotations

import re

# a row: a name (no digits, no sentence marks), then two numbers or more, each alone between spaces or "|"
_ROW = re.compile(r"^\|?\s*(?:其中:)?[\u4e00-\u9fff][^\d,;:。!?]{0,30}?:?(?:(?:\s+|\s*\|\s*)-?\d[\d,]*(?:\.\d+)?%?){2,}\s*\|?\s*$")
# a header's cell: a name, no figure ("地方一般公共预算收入", "因公出国(境)费", "执行率(B/A)")
NAME_CELL = r"[\u4e00-\u9fff()]{2,20}(?:\([A-Z/]{1,5}\))?"
# a header: three names or more between spaces or "|", nothing else
_HEADER = re.compile(rf"^\|?\s*{NAME_CELL}(?:(?:\s+|\s*\|\s*){NAME_CELL}){{2,}}\s*\|?\s*$")


def is_row(line: str) -> bool:
    return _ROW.match(line) is not None


def is_header(line: str) -> bool:
    return _HEADER.match(line) is not None


_NAME_FIRST = re.compile(r"^\|?\s*[\u4e00-\u9fff]")


# a 自评表 row as a PDF prints it, its cells wrapped over lines: the line that ends it ends on the row's 分值 and 得分
# ("发稿数量 ≥1500 篇 1551 篇 10 10.00"; the 资金 row with its 执行率 between: "… 176.18 10 97.88% 9.79"), the score at
# most the weight, the weight at most 100; or on the dashes of a row without a score ("… 176.18 — — —")
_SCORED_END = re.compile(r"(?:^|\s)(\d{1,3}(?:\.\d+)?)\s+(?:\d{1,3}(?:\.\d+)?%\s+)?(\d{1,3}(?:\.\d+)?)\s*$")
_DASHES_END = re.compile(r"\d\s+[\u2014\u2013/-](?:\s+[\u2014\u2013/-]){1,2}\s*$")
# … or on them and the row's 偏差原因 after ("… 10 8.5 资金到位较晚,进度滞后"): words, no figure, in a row of five cells or more
_REASON_END = re.compile(r"\s+[^\d\s|][^\d|]{0,40}$")
_WHOLE = 100


def ends_scored_row(line: str) -> bool:
    line = line.replace("|", " ").rstrip()  # (a row copied with its cell marks)
    if _DASHES_END.search(line) is not None:
        return True
    m = _SCORED_END.search(line)
    if m is None:
        reason = _REASON_END.search(line)
        if reason is None or len(line.split()) < 5:
            return False
        m = _SCORED_END.search(line[: reason.start()])
    return m is not None and float(m.group(2)) <= float(m.group(1)) <= _WHOLE


def starts_row(previous_line: str, line: str) -> bool:
    """Does ``line`` start a paragraph of its own: a row after another row, or words after a row (not a number the line
    break cut: "…| 7.2" then "9 | 10.00 | 100%")?"""
    return (is_row(previous_line) or ends_scored_row(previous_line)) and _NAME_FIRST.match(line) is not None


def under_header(previous_line: str, line: str) -> bool:
    """Is ``line`` a table's first row, right under its header? It stays in the header's paragraph (its figures are
    read by the header's words: 执行率, 得分), joined to it by a cell mark, never run into its last column."""
    return (is_row(line) or ends_scored_row(line)) and is_header(previous_line)
