"""The standard 绩效自评表 rows, flattened into text, with the header printed before them:

* 财预〔2020〕10号: "年度资金总额 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分", rows
  年度资金总额, 其中:当年财政拨款, 上年结转资金, 其他资金;
* the 四川 form: "年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分", rows 总额,
  其中:财政资金, 财政专户管理资金, 单位资金, 其他资金 (预算执行率 = 预算执行数 ÷ 调整后预算数);
* the 转移支付 区域绩效自评表: "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A)", rows 年度资金总额,
  其中:中央财政资金, 地方资金, 其他资金;
* the 项目支出绩效自评表 of 重庆's districts: "预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)", row
  年度财政资金总额, the weight of its score printed in the score's header.

The numbers of a row are assigned to columns in the header's order; the rate must then equal
executed ÷ budget at its printed decimals (a cut value is a warning). A row with a zero budget or
a "/" where a figure belongs is not read. A row printed without its header is read by its shape (six cells,
the rate where a form has it, a score no larger than its weight). Other flattened tables are not read as
tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import accumulate

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import decimals_of, fmt_percent, parse_decimal, round_half_up
from selfeval_xl.audit.ratios import truncated_value
from selfeval_xl.core.texts import AUDIT, render

# header forms: every column in print order, and which of them are the budget, executed and rate
_FORMS = (
    (("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), "全年预算数", "全年执行数", "执行率"),
    (("年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"), "调整后预算数", "预算执行数", "预算执行率"),
    # the 重庆 form: 执行率 printed without its %, "执行率(%)"
    (("年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"), "全年(调整)预算数", "全年执行数", "执行率"),
    # the 项目支出绩效自评表 of 重庆's districts: "预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)", the weight
    # in the score's header (thirty-sixth round)
    (("预算数(A)", "执行数(B)", "执行率(B/A)", "得分"), "预算数(A)", "执行数(B)", "执行率(B/A)"),
)
_WEIGHTS, _SCORES = ("分值", "权重", "执行率权重"), ("得分", "执行率得分")  # 得分 = 分值 × 执行率 (at most 100%)
# (the 转移支付 区域绩效自评表 splits the total by level: 其中:中央财政资金, 地方资金)
_ROWS = (
    "年度资金总额|其中:当年财政拨款|当年财政拨款|上年结转资金|总额|其中:财政资金|财政资金|财政专户管理资金|单位资金|其他资金"
    "|其中:中央财政资金|中央财政资金|中央补助资金|其中:中央补助|中央补助|省级财政资金|省级资金|地方财政资金|地方资金"
    "|年度总金额|其中:财政拨款|其中:本年财政拨款|本年财政拨款"  # the 重庆 form; 本年 for 当年
    "|年度财政资金总额"  # the (A)/(B) form
)
# a cell: a number (an amount perhaps with its unit, "4753.66万元"), or the dash or slash an 其中 row prints
# for its 分值 and 得分
_CELLS = r"(?:(?:\d{1,3}(?:[,']\d{3})+|\d+)(?:\.\d+)?(?:%|万元|元)?|[-/\u2014\u2013])"
# (a row's last cell may run into the next row's name: "…0.958 8" + "其中:当年财政拨款…" joined as one line)
# (and the header's last word may run into the first row: "…执行率(B/A) 得分" + "年度资金总额: 8.408 …";
# a row ending its line is joined to the next one by a comma: "年度资金总额: 2300.67 2300.67 100%" + ",其中:…")
_ROW = re.compile(
    rf"(?:(?<![\u4e00-\u9fff])(?:{_ROWS})|(?<=得分)年度资金总额)[\s|:]*((?:{_CELLS}(?:[\s|]+|$|(?=[\u4e00-\u9fff,;]))){{3,6}})"
)
_CELL = re.compile(_CELLS)
_HUNDRED = Decimal(100)
_SEP = " | "


def _window(text: str, end: int) -> str:
    """The 400 characters before ``end``, their spaces and cell bars dropped: where a row's header is looked for."""
    return re.sub(r"[\s|]", "", text[max(0, end - 400) : end])


def _header(text: str, end: int) -> tuple[list[str], str, str, str] | None:
    """The columns of a 自评表 header printed within the 400 characters before ``end`` (cells of a
    header split over lines or cells, "年初 | 预算数", read as one), with its budget, executed and
    rate columns; the form whose header is nearest wins."""
    window = _window(text, end)
    best: tuple[int, tuple[list[str], str, str, str]] | None = None
    for columns, budget, executed, rate in _FORMS:
        found, at, first = [], 0, -1
        for column in columns:
            pos = window.find(column, at)
            while pos > 0 and column.endswith(")") and "\u4e00" <= window[pos - 1] <= "\u9fff":
                pos = window.find(column, pos + 1)  # "预算数(A)" opens its cell: never the tail of "全年预算数(A)"
            if pos >= 0 and window[pos : pos + len(column) + 1] != column + "数":  # 年初预算 is not 年初预算数
                found.append(column)
                first = pos if first < 0 else first
                at = pos + len(column)
        if {budget, executed, rate} <= set(found) and (best is None or first > best[0]):
            best = (first, (found, budget, executed, rate))
    return best[1] if best else None


def _headerless(cells: list[re.Match[str]]) -> tuple[list[str], str, str, str] | None:
    """A row printed without its header ("年度资金总额 | 200 | 220 | 180 | 10 | 81.82% | 8.18") read by its
    shape: six cells, one percentage where a form has its rate, a score no larger than its weight."""
    if len(cells) != 6:
        return None
    pct = [c.group().endswith("%") for c in cells]
    for (columns, budget, executed, rate), at in zip(_FORMS[:2], (4, 3), strict=True):
        weight, score = cells[3 if at == 4 else 4].group(), cells[5].group()
        if pct != [k == at for k in range(6)] or not all(c.group()[:1].isdigit() for c in cells[:3]):
            continue
        dashes = not weight[:1].isdigit() and not score[:1].isdigit()  # "其中:当年财政拨款 | 200 | 200 | 180 | — | 90% | —"
        if dashes or (weight[:1].isdigit() and score[:1].isdigit() and parse_decimal(score) <= parse_decimal(weight) <= 20):
            return list(columns), budget, executed, rate
    return None


def _leading_blanks(columns: list[str], rate_column: str, cells: list[re.Match[str]]) -> list[str]:
    """The columns a row's cells fill: a row short of the header by as many cells as its one percentage sits before
    the rate column lost blank leading cells ("| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |" over
    "| 32.4 | 31.69 | 10 | 97.80% | 9 |": no 年初预算数), so its cells fill the last columns."""
    at = [k for k, c in enumerate(cells) if c.group().endswith("%")]
    missing = columns.index(rate_column) - at[0] if len(at) == 1 else 0
    return columns[missing:] if missing > 0 and len(cells) == len(columns) - missing else columns


def _dropped_weight(columns: list[str], rate_column: str, cells: list[re.Match[str]]) -> list[str]:
    """The columns of an 其中 row that dropped its blank 分值 cell ("| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% |" under
    "… | 全年执行数 | 分值 | 执行率 | 得分 |"): its one percentage stands in the weight's place, right before the rate
    column, so the weight column goes."""
    at = [k for k, c in enumerate(cells) if c.group().endswith("%")]
    if len(at) != 1 or at[0] + 1 >= len(columns) or columns[at[0]] not in _WEIGHTS or columns[at[0] + 1] != rate_column:
        return columns
    return columns[: at[0]] + columns[at[0] + 1 :]


def check_table_rates(a: Analysis) -> Iterator[Finding]:
    """执行率 of a flattened 自评表 row against its 全年执行数 ÷ 全年预算数.

    The paragraphs are read as one text joined by " | ": a table copied with one cell per
    paragraph reads like one copied with "|" between its cells."""
    text = _SEP.join(p.norm for p in a.paragraphs)
    starts = list(accumulate((len(p.norm) + len(_SEP) for p in a.paragraphs), initial=0))
    for m in _ROW.finditer(text):
        cells = list(_CELL.finditer(m.group(1)))
        printed = _header(text, m.start())
        header = printed or _headerless(cells)
        if header is None:
            continue
        columns, budget_column, executed_column, rate_column = header
        columns = _dropped_weight(_leading_blanks(columns, rate_column, cells), rate_column, cells)
        needed = max(columns.index(c) for c in (budget_column, executed_column, rate_column)) + 1
        if len(cells) < needed:
            continue
        values = dict(zip(columns, cells, strict=False))
        rate, budget, executed = values[rate_column], values[budget_column], values[executed_column]
        bare = not rate.group().endswith("%")  # "执行率(%)" over "96.85": only under a header that says so
        if (bare and (printed is None or not rate.group()[:1].isdigit())) or any(
            not c.group()[:1].isdigit() or c.group().endswith("%") for c in (budget, executed)
        ):
            continue
        units = {c.group().lstrip("0123456789.,'") for c in (budget, executed)}
        base = parse_decimal(budget.group().rstrip("万元"))
        if not base or len(units) > 1:
            continue  # "/" where a figure belongs, or a budget in 万元 against an execution in 元
        exact = parse_decimal(executed.group().rstrip("万元")) / base * _HUNDRED
        stated, places = parse_decimal(rate.group()), min(decimals_of(rate.group()), 4)
        scale = Decimal("0.01") if bare and stated < 2 else Decimal(1)  # "0.958": the rate as a ratio
        shown = exact * scale
        row = text[m.start() : m.end()].strip(" |")
        weight = _HEADER_WEIGHT.search(_window(text, m.start())) if printed else None
        yield from _score(a, starts, m, values, exact, stated / scale, row, weight.group(1) if weight else None)
        if round_half_up(shown, places) == stated:
            continue
        cut = truncated_value(stated, places, shown)
        code = "rate_truncated" if cut else "execution_rate_mismatch"
        at = m.start(1) + rate.start()
        k = bisect_right(starts, at) - 1
        p = a.paragraphs[k]
        pos = at - starts[k]
        expected = f"{round_half_up(shown, places if cut else max(places, 3))}" if scale < 1 else fmt_percent(exact, places if cut else max(places, 2))
        found = finding(
            a, code, p.index, pos, p.text[pos : pos + len(rate.group())], expected,
            exact=f"{round_half_up(shown, places + 2)}" if scale < 1 else fmt_percent(exact, max(places, 2)),
            budget=budget.group().replace("'", ","), executed=executed.group().replace("'", ","),
        )  # fmt: skip
        yield replace(found, sentence=row)  # the row, not the table


# "得分(20分*执行率)": the weight printed in the score's header
_HEADER_WEIGHT = re.compile(r"得分\(?(\d{1,3})分[*\u00d7xX]执行率")


def _score(
    a: Analysis, starts: list[int], m: re.Match[str], values: dict[str, re.Match[str]], exact: Decimal, stated: Decimal, row: str,
    header_weight: str | None = None,
) -> Iterator[Finding]:
    """The row's 得分 against 分值 × 执行率 (the rate at most 100%, exact or as printed): a cut score is a
    warning, and so is one that follows neither (a form's own scoring rule may differ)."""
    weight = next((values[c].group() for c in _WEIGHTS if c in values), header_weight)
    score = next((values[c] for c in _SCORES if c in values), None)
    if weight is None or score is None or not (weight[:1].isdigit() and score.group()[:1].isdigit()):
        return
    if weight.endswith(("%", "元")) or score.group().endswith(("%", "元")):
        return
    points, given, places = parse_decimal(weight), parse_decimal(score.group()), decimals_of(score.group())
    if not 0 < points <= 100 or given > points:
        return  # no weight, or a score over it (another check's)
    owed = [points * min(rate, _HUNDRED) / _HUNDRED for rate in (exact, stated)]  # a rate over 100% scores in full
    if any(round_half_up(v, places) == given for v in owed):
        return
    cut = any(truncated_value(given, places, v) for v in owed)
    if cut and places == 0:
        return  # "9" for 9.78: whole points, floored, are a scoring practice
    at = m.start(1) + score.start()
    k = bisect_right(starts, at) - 1
    p = a.paragraphs[k]
    found = finding(
        a, "table_score_truncated" if cut else "table_score_differs", p.index, at - starts[k], score.group(),
        f"{round_half_up(owed[0], places):.{places}f}", exact=f"{round_half_up(owed[0], 4).normalize():f}",
        weight=weight, rate=render(AUDIT, "table_score.capped_rate", rate=fmt_percent(exact, 2)) if exact > _HUNDRED else fmt_percent(exact, 2),
    )  # fmt: skip
    yield replace(found, sentence=row)


# the funds rows of the form, in print order: the total, then every source of it
_TOTALS = ("年度资金总额", "总额")
_SOURCES = (("当年财政拨款", "上年结转资金", "其他资金"), ("财政资金", "财政专户管理资金", "单位资金", "其他资金"))
_DASH = re.compile(r"^[-/\u2014\u2013]$")


def check_table_funds(a: Analysis) -> Iterator[Finding]:
    """年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 in each amount column (年初预算数, 全年预算数,
    全年执行数) of a flattened 自评表 — read only when every source row of the form follows the total, in
    order and with nothing else between, each with a figure or a dash in those columns (a row of dashes
    only, "上年结转资金 | — | —", is nothing)."""
    text = _SEP.join(p.norm for p in a.paragraphs)
    starts = list(accumulate((len(p.norm) + len(_SEP) for p in a.paragraphs), initial=0))
    for m in _ROW.finditer(text):
        name = _row_name(m)
        if name not in _TOTALS:
            continue
        found_cells = _cells_after(text, m.start() + len(name), m.end())[:3]  # (a total's row starts on its name)
        head = [c for c, _ in found_cells]
        for sources in _SOURCES:
            cells = _source_rows(text, m.end(), sources)
            if cells is None or len(head) < 3 or any(x.endswith("%") for x in (*head, *(c for row in cells for c in row))):
                continue
            for col in range(3):
                stated, column = head[col], [c[col] for c in cells]
                if _DASH.match(stated):
                    continue
                found = sum((Decimal(0) if _DASH.match(c) else parse_decimal(c.rstrip("万元")) for c in column), Decimal(0))
                if found == parse_decimal(stated.rstrip("万元")):
                    continue
                at = found_cells[col][1]
                i = bisect_right(starts, at) - 1
                p = a.paragraphs[i]
                places = max(decimals_of(c) for c in (*column, stated) if not _DASH.match(c))
                result = finding(
                    a, "sum_mismatch", p.index, at - starts[i], stated, f"{found:.{places}f}",
                    label=name, parts="+".join(f"{s}{c}" for s, c in zip(sources, column, strict=True)),
                )  # fmt: skip
                yield replace(result, sentence=text[m.start() : m.end()].strip(" |"))
            break


_BLANKS = re.compile(r"[ |\n\t]*")
_SOURCE_CELLS = re.compile(rf"[\s|:]*((?:{_CELLS}(?:[\s|]+|$))*)")


def _source_rows(text: str, at: int, sources: tuple[str, ...]) -> list[list[str]] | None:
    """The first three cells of each source row printed from ``at`` on, in order, nothing else between;
    a row printing only dashes reads as three dashes."""
    out = []
    for source in sources:
        blanks = _BLANKS.match(text, at)
        at = blanks.end() if blanks else at
        name = "其中:" + source if text.startswith("其中:" + source, at) else source
        if not text.startswith(name, at):
            return None
        m = _SOURCE_CELLS.match(text, at + len(name))
        cells = [c for c, _ in _cells_after(text, at + len(name), m.end())] if m else []
        if len(cells) < 3 and not all(_DASH.match(c) for c in cells):
            return None
        out.append(cells[:3] if len(cells) >= 3 else ["—"] * 3)
        at = m.end() if m else at + len(name)
    return out


def _cells_after(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The cells of ``text[start:end]`` (a row past its name) with their offsets: between "|" when the row has them, a
    blank cell kept as a dash ("年度资金总额 |  | 100.00 | 90.00": no 年初预算数, the 全年预算数 is the second), else
    each figure or dash in turn (a row copied with spaces between its cells)."""
    segment = text[start:end]
    if "|" not in segment.rstrip(" |"):  # (one "|" after the cells: the mark joining the next row's paragraph)
        return [(c.group(), start + c.start()) for c in _CELL.finditer(segment)]
    at, out = start, []
    for k, part in enumerate(segment.split("|")):
        cell = part.strip(" :")
        if k or cell:  # (before the first "|": what is left of the name's own cell)
            out.append((cell if _CELL.fullmatch(cell) else "—", at + part.find(cell) if cell else at))
        at += len(part) + 1
    return out


def _row_name(m: re.Match[str]) -> str:
    return m.group().split("|")[0].split(":")[-1].strip() if m.group().startswith("其中") else re.split(r"[\s|:\d]", m.group(), maxsplit=1)[0]
