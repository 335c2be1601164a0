"""The 得分 column of a 自评表 copied as text, one row a line: "一级指标 | 二级指标 | 分值 | 得分 |" over "决策 | 项目立项 |
10 | 9.5 |", …, "合计 | | 100 | 90.5 |" (or its cells between spaces, as a PDF gives them: "合 计 100 90.5") — the
合计 (总分) row's score is the sum of the rows' scores.

Read only when the header names a 分值 (权重, 标准分) column and a 得分 column after it, with nothing after 得分 but
text columns (原因, 说明, 措施…); each row's last two numbers are its weight and its score (a score over its
weight, or a row with fewer than two numbers, and the table is not read); and the rows' weights add up exactly
to the 合计 row's (or to 100 when that row prints its score alone), so that the rows are every indicator once — a
table printing each 一级指标's subtotal above its own indicators adds every weight twice and is left alone.
A PDF's rows come one a paragraph when each ends on its 分值 and 得分 (``table_lines.ends_scored_row``: its cells may wrap
over lines before that), with the row's reasons after them at times; the header printed again on the next page goes
on with the same table; and a 自评表's 资金 row (分值 10) above its indicators (90) is counted in when the 总分 is 100.

The 一级指标 a 自评表 prints once over its rows with its weight ("产出指标(50分) 数量指标 … 10 10") holds the rows up to the
next one ("效益指标(30分)") or the 总分 row: their 分值 make its weight (``weight_sum_mismatch`` at the label). A 成本指标 is
a 二级 of 产出 in the older form and a 一级 of its own in the newer one: printed without a weight, its rows may be in the
label's or not, and either reading is right. Checked at the 总分 row only, and only when one 一级指标 alone is off either
way: by any amount when the rows make the 总分's weight (the label is misprinted: the weight it should print is the
reading nearer the printed one), else by just what the rows miss it by (a row's 分值 is): a table printing each
一级指标's subtotal above its rows is off in every one of them, and a table cut off has no 总分.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, FigureKind, Finding, Paragraph
from selfeval_xl.audit.numbers import decimals_of, fmt_number, parse_decimal, round_half_up
from selfeval_xl.audit.scores import SCORE_TOTALS
from selfeval_xl.audit.section_scores import PRIOR_YEAR
from selfeval_xl.audit.text import statement_bounds

_WEIGHT = re.compile(r"^(?:指标)?(?:分值|权重|标准分值?|满分)(?:\(\d+分?\))?$")
_SCORE = re.compile(r"^(?:自评|实际|评价)?得分$|^自评分$")
_AFTER = re.compile(r"原因|说明|措施|备注|依据|问题")  # text columns (a 扣分 column is a measure)
_TOTAL = re.compile(r"^(?:合计|总分|总计|综合得分|得分合计|自评总分)(?:\(\d+分?\))?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_MEASURE = re.compile(r"率|分|值")
_PROSE = re.compile(r"[。,;:]")
# "产出指标(50分)", "产 出 指 标 (50分)" (spaces taken out); anywhere in the row's words: a line before it may be joined
# to it ("生态效益指标 0满意度指标(10分) 满意度指标 …": an unused indicator's lone 0, then the next row)
_LEVEL_ONE = re.compile(r"((?:产出|效益|满意度|成本)指标)\((\d{1,3}(?:\.\d{1,2})?)分?\)")
_LEVEL_TWO = re.compile(r"^[\u4e00-\u9fff]{2,8}指标")  # "数量指标", "经济成本指标": a row's 二级指标 first
_HUNDRED = Decimal(100)


_SPACES = re.compile(r"\s+")
_DASH = re.compile(r"^[-/\u2014\u2013]?$")  # a blank cell, or the dash of a row without a score (其中:当年财政拨款)


def _cells(norm: str) -> list[str]:
    """A row's cells: between "|" (blank cells kept: they are columns), or between spaces (a table copied from a PDF)."""
    cells = norm.split("|")
    if len(cells) > 2:
        # (a row closed by its last cell's mark, as a copy of one cell a line gives it: "|其他资金 |0 |1.8 |": no cell after)
        return [c.strip() for c in (cells[:-1] if norm.rstrip().endswith("|") else cells)]
    # (one "|" at most: a header of space-separated cells the reader joined to its first row by a cell mark)
    return [c for part in cells for c in _SPACES.split(part.strip()) if c]


def _label(cells: list[str]) -> str:
    """The words before a row's first number, spaces and all ("合 计" is 合计)."""
    return "".join(c for c in cells[: next((k for k, c in enumerate(cells) if _NUMBER.match(c)), len(cells))])


@dataclass
class _Group:
    """A 一级指标 printed once with its weight, and the 分值 of the rows under it."""

    name: str  # "产出指标"
    declared: Decimal
    paragraph: int
    start: int  # where its weight is printed
    text: str  # "50分"
    weights: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)  # of its rows under a 成本指标 printed without a weight (``in_cost``)
    in_cost: bool = False

    def fits(self) -> bool:
        """Do its rows make its weight, either 成本指标 reading taken?"""
        return self.declared in (self.weights, self.weights - self.cost)


@dataclass
class _Table:
    width: int  # the header's cells
    weight_at: int
    score_at: int
    rows: list[tuple[Decimal, Decimal, str]] = field(default_factory=list)  # weight, score, the score as printed
    broken: bool = False
    groups: list[_Group] = field(default_factory=list)

    def group(self, p: Paragraph, label: str) -> None:
        """Open a 一级指标's group at its label, or follow the row's 二级指标 into a 成本指标 (or out of it)."""
        head = _LEVEL_ONE.search(label)
        if head is not None:
            weight = head.group(2)
            at = re.search(rf"(?<![\d.]){re.escape(weight)}\s*分?\s*\)", p.norm)  # ("(50 分)" as a PDF spaces it)
            self.groups.append(_Group(head.group(1), parse_decimal(weight), p.index, at.start() if at else 0, f"{weight}分"))
            label = label[head.end() :]
        second = _LEVEL_TWO.match(label)
        if self.groups and second is not None:
            self.groups[-1].in_cost = "成本指标" in second.group()

    def add(self, cells: list[str], piped: bool) -> None:
        if not piped and _DASH.match(cells[-1]):
            return  # "其中:本年财政拨款 130.00 180.00 176.18 — — —" (a PDF's copy): no score of its own
        if piped and len(cells) == self.width:  # a row of every column: its weight and score where the header has them
            weight, score = cells[self.weight_at], cells[self.score_at]
            if _DASH.match(weight) and _DASH.match(score):
                return  # "其中:当年财政拨款 | 130.00 | 180.00 | 176.18 | — | — | —": no score of its own
            numbers = [weight, score]
        elif self.score_at - self.weight_at == 2 and not (len(cells) > 2 and cells[-2].endswith("%")):
            return  # "其中:本年财政拨款 25 25 25" under "… 分值 执行率 得分": a 资金 row scores beside its 执行率 only
        else:
            numbers = [c for c in cells if _NUMBER.match(c)][-2:]
            if not numbers or (len(numbers) == 1 and parse_decimal(numbers[0]) == 0):
                return  # a row of words (the 年度总体目标 between a 自评表's 资金 rows and its indicators), or a kind of
                # indicator left unused, its one cell 0 ("生态效益指标 | 0"): nothing to add
        if len(numbers) < 2 or not all(_NUMBER.match(n) for n in numbers) or parse_decimal(numbers[1]) > parse_decimal(numbers[0]):
            self.broken = True  # a row cut over two lines, an indicator without its score, a score over its weight
            return
        self.rows.append((parse_decimal(numbers[0]), parse_decimal(numbers[1]), numbers[1]))
        if self.groups:
            last = self.groups[-1]
            last.weights += self.rows[-1][0]
            last.cost += self.rows[-1][0] if last.in_cost else Decimal(0)

    @property
    def weights(self) -> Decimal:
        return sum((w for w, _, _ in self.rows), Decimal(0))


def _header(cells: list[str]) -> _Table | None:
    """The table a header opens (its first row may be joined to it: ``width`` then ends the header's cells)."""
    weight = next((k for k, c in enumerate(cells) if _WEIGHT.match(c.replace(" ", ""))), None)
    score = next((k for k, c in enumerate(cells) if _SCORE.match(c.replace(" ", ""))), None)
    if weight is None or score is None or score <= weight:
        return None
    end = score + 1
    while end < len(cells) and _AFTER.search(cells[end]):
        end += 1
    if end < len(cells) and _MEASURE.search(cells[end]) and not any(c.isdigit() for c in cells[end]):
        return None  # "得分 | 得分率": another measure after the score (not the first row's "产出指标(50分)")
    return _Table(end, weight, score)


def _total_finding(a: Analysis, p: Paragraph, table: _Table, before: _Table | None, cells: list[str]) -> Finding | None:
    numbers = [c for c in cells if _NUMBER.match(c)]
    if table.broken or not numbers or len(numbers) > 2:
        return None
    whole = parse_decimal(numbers[0]) if len(numbers) == 2 else _HUNDRED
    rows = table.rows
    if table.weights != whole and before is not None and not before.broken and table.weights + before.weights == whole:
        rows = before.rows + rows  # a 自评表's 资金 row (分值 10) above its indicators (90): the 总分 is of both
    if len(rows) < 2 or sum((w for w, _, _ in rows), Decimal(0)) != whole:
        return None
    stated = numbers[-1]
    found = sum((s for _, s, _ in rows), Decimal(0))
    places = decimals_of(stated)
    finer = max(decimals_of(t) for _, _, t in rows) > places
    if (round_half_up(found, places) if finer else found) == parse_decimal(stated):
        return None
    return finding(
        a, "score_sum_mismatch", p.index, p.norm.rfind(stated), f"{stated}分", f"{fmt_number(found) if finer else f'{found:.{places}f}'}分",
        label=_label(cells), parts="+".join(t for _, _, t in rows),
    )  # fmt: skip


def _group_finding(a: Analysis, table: _Table, before: _Table | None, cells: list[str]) -> Finding | None:
    """The one 一级指标 whose rows do not make its weight (see the module docstring), at its weight."""
    numbers = [c for c in cells if _NUMBER.match(c)]
    if table.broken or len(numbers) != 2 or not table.groups:
        return None
    whole = parse_decimal(numbers[0])
    off = [g for g in table.groups if not g.fits()]
    if len(off) != 1:
        return None
    (group,) = off
    readings = [group.weights] + ([group.weights - group.cost] if group.cost > 0 else [])
    sums = [table.weights] + ([before.weights + table.weights] if before is not None and not before.broken else [])
    if whole not in sums:  # (when the rows make the 总分's weight, the label is misprinted: any reading may be meant)
        # a row's 分值 is: a reading that misses the label by what the rows miss the 总分 by (the 资金 row's in or not)
        readings = [r for r in readings if r - group.declared in {s - whole for s in sums}]
    gaps = sorted(abs(r - group.declared) for r in readings)
    if not gaps or (len(gaps) > 1 and gaps[0] == gaps[1]):
        return None  # (two readings as near: which is meant, unsaid)
    found = min(readings, key=lambda r: abs(r - group.declared))  # a misprint is near what it should be
    return finding(a, "weight_sum_mismatch", group.paragraph, group.start, group.text, f"{fmt_number(found)}分", indicator=group.name)


def check_score_tables(a: Analysis) -> Iterator[Finding]:
    table: _Table | None = None
    before: _Table | None = None  # the table left open before this one (the 资金 rows above the indicators)
    for p in a.paragraphs:
        if p.level:
            table = before = None  # a heading ends them
            continue
        cells = _cells(p.norm)
        if p.norm.count("|") < 2 and _PROSE.search(p.norm) and sum(1 for c in cells if _NUMBER.match(c)) < 2:
            before, table = table or before, None  # a sentence ends the table (not a PDF's row with its reasons)
            continue
        opened = _header(cells)
        if opened is not None and table is not None and (opened.width, opened.weight_at, opened.score_at) == (
            table.width, table.weight_at, table.score_at
        ):
            cells = cells[opened.width :]  # the header printed again on the next page: the same table goes on
        elif opened is not None:
            before, table = table or before, opened
            cells = cells[opened.width :]
        if table is None or not any(cells):
            continue  # (a header alone on its line)
        if _TOTAL.match(_label(cells)):
            found = _total_finding(a, p, table, before, cells)
            if found is not None:
                yield found
            if (group := _group_finding(a, table, before, cells)) is not None:
                yield group
            table = before = None
            continue
        table.group(p, _label(cells).replace(" ", ""))
        table.add(cells, p.norm.count("|") > 1)



def check_total_restated(a: Analysis) -> Iterator[Finding]:
    """The 自评表's total ("自评总分 | 95.69", "总分 | 100 | 95.69") against the total score the text states
    ("自评得分为96.69分"): one table total and one total in prose (last year's aside), and they differ — a warning at the
    prose (which of the two is wrong, the reader settles; a text of several 自评表 or several totals is not read)."""
    table: dict[Decimal, str] = {}  # value -> as printed
    prose: list[Figure] = []
    for f in a.figures:
        if f.kind is not FigureKind.SCORE or f.value is None or f.label not in SCORE_TOTALS or f.value > _HUNDRED:
            continue
        if not f.text.endswith("分"):
            table.setdefault(f.value, f.text)  # a cell's score (``cell_scores``)
            continue
        norm = a.paragraph(f.paragraph).norm
        if not PRIOR_YEAR.search(norm, statement_bounds(norm, f.start)[0], f.start):
            prose.append(f)
    values = {f.value for f in prose}
    if len(table) != 1 or len(values) != 1 or values == set(table):
        return
    stated, (expected,) = prose[0], table.values()
    yield finding(a, "total_score_restated", stated.paragraph, stated.start, stated.text, f"{expected}分", label=stated.label)
