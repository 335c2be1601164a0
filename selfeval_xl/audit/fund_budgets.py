"""The budgets a fiscal report states once for every fund, before reporting each fund's execution against
them: "我县2023年度预算为:一般公共预算收入60,000万元,支出373,660万元;政府性基金预算收入49,148万元,支出25,050万元"
then "地方一般公共预算收入67,439万元,完成年初预算的112.4%" — the rate's budget is the one stated for the same
fund and side (收入 or 支出)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from selfeval_xl.audit.lexicon import FUND_NAMES
from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.text import sentence_bounds

_STATEMENT = re.compile(r"预算(?:安排)?(?:为|是)\s*:")
_REACH = 6  # paragraphs from the statement to the rate

Budgets = list[tuple[int, dict[tuple[str, str], int]]]  # (paragraph, (fund, side) -> figure index)


def fund_of(text: str) -> str | None:
    """The fund the words name last ("地方政府性基金预算收入": 政府性基金)."""
    found = [(text.rfind(fund), fund) for fund in FUND_NAMES if fund in text]
    return max(found)[1] if found else None


def side_of(text: str) -> str | None:
    found = [(text.rfind(side), side) for side in ("收入", "支出") if side in text]
    return max(found)[1] if found else None


def stated_budgets(paragraphs: Sequence[Paragraph], figures: Sequence[Figure], by_paragraph: dict[int, list[int]]) -> Budgets:
    out: Budgets = []
    for p in paragraphs:
        for m in _STATEMENT.finditer(p.norm):
            _, s1 = sentence_bounds(p.norm, m.start())
            given: dict[tuple[str, str], int] = {}
            pos = m.end()
            for chunk in p.norm[m.end() : s1].split(";"):
                fund = fund_of(chunk)
                last = 0
                for i in by_paragraph.get(p.index, []):
                    f = figures[i]
                    offset = f.start - pos
                    if not 0 <= offset < len(chunk) or f.kind is not FigureKind.AMOUNT or not f.exact:
                        continue
                    side = side_of(chunk[last:offset])
                    if fund and side and (fund, side) not in given:
                        given[(fund, side)] = i
                    last = offset + len(f.text)
                pos += len(chunk) + 1
            if len(given) >= 2:
                out.append((p.index, given))
        out.extend(_single_statements(p, figures, by_paragraph.get(p.index, [])))
    return out


# "2023年一般公共预算收入预算为45000万元", "政府性基金预算支出年初预算25,050万元": one fund's budget, its amount
# right after the words; an adjusted budget ("调整预算为…", "调整为…") makes "完成预算的" ambiguous
_SINGLE = re.compile(r"(?:年初)?预算(?:数)?(?:安排)?(?:为|是)?\s*$")
_NOT_A_BUDGET = ("完成", "执行", "比", "较", "增", "减", "占", "调整")


def _single_statements(p: Paragraph, figures: Sequence[Figure], own: list[int]) -> Budgets:
    out: Budgets = []
    for i in own:
        f = figures[i]
        if f.kind is not FigureKind.AMOUNT or not f.exact or f.comparative:
            continue
        s0, _ = sentence_bounds(p.norm, f.start)
        clause = p.norm[max(s0, p.norm.rfind(",", s0, f.start) + 1) : f.start]
        head = clause[: len(clause) - len(m.group())] if (m := _SINGLE.search(clause)) else ""
        words = p.norm[s0 : f.start]  # "…收入预算为45000万元,调整预算为48000万元": the fund named before in the sentence
        fund, side = fund_of(words), side_of(words)
        adjusted = "调整" in clause
        if m is None or fund is None or side is None or (any(w in head for w in _NOT_A_BUDGET) and not adjusted):
            continue
        out.append((p.index, {(fund, side): -1 if adjusted else i}))  # -1: an adjusted budget stated
    return out


def budget_for(budgets: Budgets, norm: str, executed: Figure, index: int) -> int | None:
    """The budget stated for the fund and side the executed amount's sentence names (``index``: its figure
    index), in the nearest statement before it (within a few paragraphs); none when an adjusted budget of
    that fund is stated too ("完成预算的" may then be of either)."""
    s0, _ = sentence_bounds(norm, executed.start)
    words = norm[s0 : executed.start]
    fund, side = fund_of(words), side_of(words)
    if fund is None or side is None:
        return None
    stated = [given[(fund, side)] for paragraph, given in budgets if 0 <= executed.paragraph - paragraph <= _REACH and (fund, side) in given]
    if any(i < 0 for i in stated):
        return None
    before = [i for i in stated if i < index]
    return max(before) if before else None
