"""The labelled corpus shared by the tests and ``benchmarks/audit_precision.py``.

Fixtures are the ``.txt`` files in ``data/`` with labels in ``data/labels.json``: every figure
(kind, paragraph, value, role) and every finding (code, paragraph). Variants are derived in
code: noise variants (full-width digits, spaces inside numbers, lines wrapped mid-sentence,
Word-style blocks) keep the labels; error variants of the founding example add one finding
each, with the section, paragraph and expected value a reviewer should see.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from selfeval_xl.audit.reader import read_report
from selfeval_xl.audit.text import split_paragraphs

DATA = Path(__file__).parent / "data"
SEED = "daxiang_2020.txt"
LABELS: dict[str, dict[str, list[list[object]]]] = json.loads((DATA / "labels.json").read_text("utf-8"))

FigureLabel = tuple[str, int, str, str]
FindingLabel = tuple[str, int]


def fixture_text(name: str) -> str:
    return read_report(DATA / name)[0]


def figure_label(kind: str, paragraph: int, value: object, role: str) -> FigureLabel:
    number = format(Decimal(str(value)).normalize(), "f") if kind != "grade" else str(value)
    return (kind, paragraph, number, role)


def labelled_figures(name: str) -> set[FigureLabel]:
    return {figure_label(str(k), int(str(p)), v, str(r)) for k, p, _, v, r in LABELS[name]["figures"]}


def labelled_findings(name: str) -> set[FindingLabel]:
    return {(str(code), int(str(p))) for code, p in LABELS[name]["findings"]}


# --- noise -----------------------------------------------------------------------------------

_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "\uff0e", "%": "\uff05"})


def full_width(text: str) -> str:
    """Digits, decimal points and percent signs in full width (commas are already full width)."""
    return text.translate(_FULL)


def spaced(text: str) -> str:
    """ "176. 18", "31.97 %": spaces typed inside numbers."""
    return re.sub(r"(\d)\.(\d)", r"\1. \2", text).replace("%", " %")


def wrapped(text: str, width: int = 28) -> str:
    """Hard line breaks every ``width`` characters (28 a line in GB/T 9704), as in text pasted from a PDF."""
    out = []
    for line in text.split("\n"):
        pieces, current = [], ""
        for char in line:
            current += char
            if len(current) >= width and current[-1] not in "。；：！？;:" and len(line) > 30:
                pieces.append(current)
                current = ""
        pieces.append(current)
        # never start a continuation with something that reads as a numbering marker
        merged: list[str] = []
        for piece in pieces:
            if merged and re.match(r"^\s*([（(]|[一二三四五六七八九十\d]+[、.．])", piece):
                merged[-1] += piece
            else:
                merged.append(piece)
        out.append("\n".join(merged))
    return "\n".join(out)


@dataclass(frozen=True)
class Case:
    name: str
    blocks: tuple[str, ...]
    figures: set[FigureLabel] | None  # None: figures not labelled for this case
    findings: set[FindingLabel]


NOISE: dict[str, Callable[[str], str]] = {"full_width": full_width, "spaced": spaced, "wrapped": wrapped}


def fixture_cases() -> list[Case]:
    cases = []
    for name in sorted(LABELS):
        text = fixture_text(name)
        figures, findings = labelled_figures(name), labelled_findings(name)
        cases.append(Case(name, (text,), figures, findings))
        for noise, transform in NOISE.items():
            cases.append(Case(f"{name}+{noise}", (transform(text),), figures, findings))
        # one block per logical paragraph, as python-docx reads a Word file
        cases.append(Case(f"{name}+blocks", tuple(split_paragraphs((text,))), figures, findings))
    return cases


# --- seeded errors in the founding example ------------------------------------------------------

S2 = "二、一般公共预算支出情况"
S6 = "六、部门整体支出绩效情况"
_RATE = "全年预算数200万元，执行数176.18万元，预算执行率88.09%。\n\n七、下一步改进措施"


@dataclass(frozen=True)
class ErrorVariant:
    name: str
    old: str
    new: str
    code: str
    section: str
    paragraph: int
    section_paragraph: int
    expected: str
    also: tuple[str, ...] = ()  # other codes the change legitimately causes

    def text(self, seed: str) -> str:
        assert self.old in seed, self.old
        return seed.replace(self.old, self.new, 1)


ERROR_VARIANTS: tuple[ErrorVariant, ...] = (
    ErrorVariant("part_changed", "人员经费30.75万元", "人员经费30.85万元", "sum_mismatch", S2, 24, 3, "96.28万元",
                 also=("share_mismatch",)),
    ErrorVariant("total_changed", "176.18万元", "178.18万元", "sum_mismatch", S2, 22, 1, "176.18万元"),
    ErrorVariant("share_changed", "31.97 %", "32.97 %", "share_mismatch", S2, 24, 3, "31.97%",
                 also=("shares_not_100",)),
    ErrorVariant("pair_broken", "人员经费30.75万元，占基本支出的31.97 %", "人员经费占基本支出的32.97 %",
                 "shares_not_100", S2, 24, 3, "100.00%"),
    ErrorVariant("count_changed", "共四个股室", "共五个股室", "count_mismatch", "一、基本情况", 5, 2, "4"),
    ErrorVariant("one_decimal", "项目支出80万元。", "项目支出80.0万元。", "mixed_precision", S2, 22, 1, "80.00万元"),
    ErrorVariant("low_rate_no_problems", "七、下一步改进措施", _RATE, "low_rate_problems_missing", S6, 38, 3, ">=90%"),
    ErrorVariant("low_rate_denied", "七、下一步改进措施", _RATE.replace("七、下一步改进措施", "七、存在的问题及原因\n无。\n\n八、下一步改进措施"),
                 "low_rate_problems_denied", S6, 38, 3, ">=90%"),
    ErrorVariant("wrong_grade", "七、下一步改进措施", "经自评，综合评分为85分，自评等级为“优”。\n\n七、下一步改进措施",
                 "grade_mismatch", S6, 38, 3, "良"),
    ErrorVariant("rate_wrong", "七、下一步改进措施", "全年预算数200万元，执行数180万元，预算执行率92.00%。\n\n七、下一步改进措施",
                 "execution_rate_mismatch", S6, 38, 3, "90.00%"),
    ErrorVariant("restated", "2020年度项目支出80万元", "2020年度项目支出85万元", "restated_amount_differs", S2, 26, 5,
                 "80万元"),
    ErrorVariant("typo_fee", "人员经费30.75", "人员经废30.75", "term_typo", S2, 24, 3, "人员经费"),
    ErrorVariant("section_missing", "四、国有资本经营预算支出情况\n2020年没有国有资本经营预算支出。\n\n", "",
                 "heading_sequence", "五、社会保险基金预算支出情况", 31, 0, "四"),
)  # fmt: skip


def error_cases() -> list[Case]:
    seed = fixture_text(SEED)
    base = labelled_findings(SEED)
    cases = []
    for variant in ERROR_VARIANTS:
        found = (
            set(base) | {(variant.code, variant.paragraph)} | {(c, variant.paragraph) for c in variant.also}
        )
        cases.append(Case(f"{SEED}!{variant.name}", (variant.text(seed),), None, found))
    return cases
