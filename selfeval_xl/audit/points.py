"""Changes in percentage points between two printed percentages: "预算执行率为95%,比上年的92.5%提高2.5个
百分点", "执行率95%,上年为92.5%,提高2.5个百分点".

Read only when both percentages and the change stand in one sentence, the earlier one the current
value and the one after 比/较 上年 (or "上年为", "2022年为") the prior; the change must be their
difference at its printed decimals, in the direction its verb says (``pp_change_mismatch``). A
change stated alone ("比重比上年提高1.2个百分点") has nothing to be checked against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.numbers import round_half_up

_NUM = r"\d+(?:\.\d+)?"
_UP = ("提高", "上升", "增加", "提升", "增长")
_VERB = "提高|上升|增加|提升|增长|下降|降低|减少|回落"
_PRIOR = r"(?:上年|去年|上一年|上年同期|20\d\d年度?)(?:同期)?"
# "95%,比上年的92.5%提高2.5个百分点", "95%,较2022年92.5%下降…"
_INSIDE = re.compile(
    rf"(?P<now>{_NUM})\s*%(?P<gap>[^。;%]{{0,24}}?)(?:比|较|与){_PRIOR}的?\s*(?P<then>{_NUM})\s*%\s*(?:相比)?\s*,?\s*(?P<verb>{_VERB})了?\s*(?P<c>\d+(?:\.\d+)?)\s*个百分点"
)
# "95%,上年为92.5%,提高2.5个百分点", "…95%,2022年为92.5%,比上年提高…"
_AFTER = re.compile(
    rf"(?P<now>{_NUM})\s*%(?P<gap>[^。;%]{{0,24}}?),\s*{_PRIOR}(?:为|是)\s*(?P<then>{_NUM})\s*%\s*,\s*(?:(?:比|较){_PRIOR})?\s*(?P<verb>{_VERB})了?\s*(?P<c>\d+(?:\.\d+)?)\s*个百分点"
)


def check_point_changes(a: Analysis) -> Iterator[Finding]:
    for p in a.paragraphs:
        if "百分点" not in p.norm:
            continue
        for pattern in (_INSIDE, _AFTER):
            for m in pattern.finditer(p.norm):
                if "%" in m.group("gap") or any(c.isdigit() for c in m.group("gap")):
                    continue  # another figure between the current value and the comparison
                current, prior, stated = Decimal(m.group("now")), Decimal(m.group("then")), m.group("c")
                sign = 1 if m.group("verb") in _UP else -1
                places = len(stated.partition(".")[2])
                expected = round_half_up((current - prior) * sign, places)
                if expected != Decimal(stated):
                    yield finding(
                        a, "pp_change_mismatch", p.index, m.start("c"), f"{stated}个百分点", f"{expected:f}个百分点",
                        current=f"{m.group('now')}%", prior=f"{m.group('then')}%",
                    )  # fmt: skip
