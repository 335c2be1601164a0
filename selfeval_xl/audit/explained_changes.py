"""A change explained by the changes of its parts: "支出较去年增加31.79万元,主要是基本支出增加49.13万元,项目
支出减少了17.34万元" (the 部门预算 note's form). When the parts named are the whole's by definition (基本支出
and 项目支出; 人员经费 and 公用经费), their signed changes must add up to the whole's
(``change_sum_mismatch``). Parts that are only the main causes ("主要是一般公共预算拨款增加…") may leave
others out: they are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.changes import change_code
from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Figure, Finding
from selfeval_xl.audit.numbers import fmt_amount

_MONEY = r"\d[\d,'.]*\s*(?:亿|万|千)?元"
_UP, _DOWN = ("增加", "增长", "上升", "提高"), ("减少", "下降", "降低", "压减")
_VERB = "|".join((*_UP, *_DOWN))
_YEAR = r"(?:去年|上年|上一年|20\d\d年?)度?(?:预算)?(?:决算)?(?:数)?"  # the year a change is against
# (also with the total's own amount first, "本年支出合计1000.00万元,比上年的900.00万元增加100.00万元,增长11.11%,
# 主要原因是…", "与上年900.00万元相比,增加…", and the reasons in the next sentence, "…增长11.11%。主要是…")
_EXPLAINED = re.compile(
    rf"(?P<whole>收入|支出)(?:预算)?(?:数)?(?:合计|总计|总额)?(?:为?\s*{_MONEY}\s*[,,])?\s*"
    rf"(?:(?:较|比){_YEAR}(?:的?\s*{_MONEY})?|与{_YEAR}(?:的?\s*{_MONEY})?相比\s*[,,]?\s*)(?P<verb>{_VERB})了?\s*"
    rf"(?P<amount>{_MONEY})\s*(?:[,,]\s*(?:{_VERB})了?\s*\d+(?:\.\d+)?\s*%)?\s*[,,。]?\s*主要(?:是|原因是|系)?[::]?(?P<rest>[^。;]*)"
)
_PART = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,16}}?)(?:预算)?(?:数)?(?P<verb>{_VERB})了?\s*(?P<amount>{_MONEY})")
# parts that make their whole by definition, by the start of their names
_COMPLETE = (frozenset({"基本支出", "项目支出"}), frozenset({"人员经费", "公用经费"}))


def check_explained_changes(a: Analysis) -> Iterator[Finding]:
    index: dict[int, dict[int, Figure]] = {}
    for p in a.paragraphs:
        if "主要" not in p.norm or not _EXPLAINED.search(p.norm):
            continue
        if not index:  # built once, for the first paragraph that needs it
            for f in a.figures:
                index.setdefault(f.paragraph, {})[f.start] = f
        own = index.get(p.index, {})
        for m in _EXPLAINED.finditer(p.norm):
            whole = own.get(m.start("amount"))
            base = m.start("rest")
            parts = [(pm, own.get(base + pm.start("amount"))) for pm in _PART.finditer(m.group("rest"))]
            names = frozenset(_kind(pm.group("name")) for pm, _ in parts)
            if whole is None or whole.value is None or len(parts) != 2 or names not in _COMPLETE:
                continue
            figures = [f for _, f in parts if f is not None and f.value is not None]
            if len(figures) != 2:
                continue
            stated = _signed(m.group("verb"), whole)
            signed = [_signed(pm.group("verb"), f) for (pm, _), f in zip(parts, figures, strict=True)]
            found = sum(signed, Decimal(0))
            if found != stated:
                places = 2 if whole.unit == "万元" else max(whole.decimals, 0)
                code = change_code(stated, signed, found)
                yield finding(
                    a, code, p.index, whole.start, fmt_amount(stated, whole.unit, places, like=whole.text),
                    fmt_amount(found, whole.unit, places, like=whole.text), label=m.group("whole"),
                )  # fmt: skip


def _kind(name: str) -> str:
    for kinds in _COMPLETE:
        for kind in kinds:
            if name.endswith(kind) or name.endswith(kind[:2]):
                return kind
    return name


def _signed(verb: str, fig: Figure) -> Decimal:
    value = fig.value or Decimal(0)
    return -value if verb in _DOWN else value
