"""Shares of several items of one whole printed as one series: "税收收入和非税收入占一般公共预算收入的比重
分别为62%、38%", "(…;竞猜型彩票…;即开型彩票…。)占彩票销售总量的比重分别为27.8%、22%、41.4%、8.8%". Distinct items
of one whole cannot make more than all of it: a series adding up to more than 100% (beyond its rounding)
is an error (``shares_exceed_100``), whether or not it names every item.

Read only when the series follows 占…分别 (or 占比/比重分别) with one whole named (no 、/和 in it), and the
items are named before 占 as a list of as many names, or in the sentence before (the series' sentence
opening with 占), and the shares are not read with amounts (the share checks judge those); never items that may hold one another (其中, 全…/本级), nor places or years (each share may be
of its own whole: "青山湖区、东湖区…税收收入占财政总收入比重分别为97.2%、97%…", "…占当年支出的…").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from selfeval_xl.audit.findings import finding
from selfeval_xl.audit.model import Analysis, Finding
from selfeval_xl.audit.text import sentence_bounds

_PCT = r"\d+(?:\.\d+)?\s*%"
_SERIES = re.compile(
    rf"占(?P<whole>[^。;,、和与及%\d]{{0,24}}?)(?:的)?(?:比重|比例|份额|比)?分别(?:为|是|达|占)?\s*(?P<pcts>{_PCT}(?:\s*[、和及与]\s*{_PCT})+)"
)
_ONE = re.compile(_PCT)
_NESTED = ("其中", "本级", "全省", "全市", "全县", "全区", "全国", "合计", "总计")
_NOT_SHARES = ("增长", "下降", "同比", "完成", "执行", "较", "比上年", "提高", "降低")
_PLACES = re.compile(r"[区县市省州旗镇乡區縣鎮鄉](?:[、和与及]|$)|[区县市省州旗镇乡區縣鎮鄉][\u4e00-\u9fff]{0,8}$")
_OWN_WHOLES = ("当年", "各自", "本地", "同期", "当地", "各")  # "2022年和2023年…占当年支出的比重分别为…"
_HUNDRED = Decimal(100)


def _names(subject: str) -> int:
    """How many names a subject phrase lists ("税收收入和非税收入": 2)."""
    return len([part for part in re.split(r"[、和与及]", subject) if part.strip()])


def check_share_series(a: Analysis) -> Iterator[Finding]:
    linked: set[tuple[int, int]] | None = None
    for p in a.paragraphs:
        if "分别" not in p.norm or "%" not in p.norm:
            continue
        for m in _SERIES.finditer(p.norm):
            if linked is None:
                linked = {(a.figures[s.percent].paragraph, a.figures[s.percent].start) for s in a.shares}
            if (p.index, m.start("pcts")) in linked:
                continue  # shares read with their amounts: judged one by one and as a list by the share checks
            values = [Decimal(re.sub(r"[\s%]", "", x.group())) for x in _ONE.finditer(m.group("pcts"))]
            s0, _ = sentence_bounds(p.norm, m.start())
            clause = max(p.norm.rfind(c, s0, m.start()) for c in ",:") + 1
            subject = p.norm[max(s0, clause) : m.start()].strip()
            if any(w in m.group() or w in subject for w in _NOT_SHARES) or any(w in subject for w in _NESTED):
                continue
            if subject and _names(subject) != len(values):
                continue  # "其中…占…" or a subject that is one name: not a list of the series' items
            if _PLACES.search(subject) or "年" in subject or any(w in m.group("whole") for w in _OWN_WHOLES):
                continue  # "青山湖区、东湖区…税收收入占财政总收入比重分别为97.2%、97%…": each of its own whole
            decimals = min(len(x.group().rstrip(" %").partition(".")[2]) for x in _ONE.finditer(m.group("pcts")))
            drift = Decimal(5).scaleb(-decimals - 1) * len(values)
            total = sum(values, Decimal(0))
            if total > _HUNDRED + drift:
                at = m.start("pcts")
                yield finding(
                    a, "shares_exceed_100", p.index, at, f"{total}%", "100%",
                    denominator=m.group("whole") or "同一总数", parts="+".join(x.group().replace(" ", "") for x in _ONE.finditer(m.group("pcts"))),
                )  # fmt: skip
