"""Amounts found by the name printed before them: "占一般公共预算收入的48.51%" is a share of the
amount printed as "地方一般公共预算收入完成28,583万元".

Every exact amount gets its *lead*: the Chinese characters right before it in its clause, without
the verbs that join a name to its figure (完成, 为, 达到, 共计…). A name matches an amount whose
lead ends with it. The index is built once per text, so a lookup costs the same at any length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from selfeval_xl.audit.model import Figure, FigureKind, Paragraph
from selfeval_xl.audit.text import clause_start, is_cjk

_JOINERS = ("完成", "实现", "达到", "共计", "合计为", "总计为", "为", "是", "达", "约", "共", "安排", "预计", "累计", "实际")
_LEAD = 16


def lead(norm: str, start: int) -> str:
    """The name printed right before the figure at ``start`` (CJK characters of its clause)."""
    text = norm[max(clause_start(norm, start), start - _LEAD) : start]
    text = text.replace(" ", "").replace("\u201c", "").replace("\u201d", "")  # “三公”经费
    tail = len(text)
    while tail and is_cjk(text[tail - 1]):
        tail -= 1
    name = text[tail:]
    changed = True
    while changed:
        changed = False
        for word in _JOINERS:
            if name.endswith(word) and len(name) > len(word):
                name, changed = name[: -len(word)], True
    return name


def name_before(norm: str, start: int, width: int = 24) -> str:
    """The words naming the figure at ``start``: from the last clause mark, 、 or the end of another
    figure (元, %) within ``width`` characters, brackets read through ("因公出国(境)费")."""
    low = max(0, start - width)
    cut = max(norm.rfind(c, low, start) for c in ",;:。、元%")
    name = norm[max(low, cut + 1) : start].strip()
    return name[1:] if name.startswith("(") and ")" not in name else name  # "…28万元(公务用车购置费0万元"


def last_named(norm: str, candidates: Sequence[Figure], words: tuple[str, ...], others: tuple[str, ...], width: int) -> Figure | None:
    """The last of ``candidates`` whose name (``name_before`` within ``width``) holds one of ``words`` and none
    of ``others``."""
    for f in reversed(candidates):
        name = name_before(norm, f.start, width)
        if any(w in name for w in words) and not any(w in name for w in others):
            return f
    return None


_LEADING = re.compile(r"^(?:其中|\)|\([一二三四五六七八九十]+\))+")  # "(三)卫生健康支出类科目"


_MONTHS = re.compile(r"(?<![\d.])\d{1,2}(?:-\d{1,2})?$")


def printed_name(norm: str, start: int) -> str:
    """The name as printed before the figure ("一般公共预算财政拨款支出"), without a leading year or
    a joining verb; "" when the text prints none."""
    name = name_before(norm, start, 30).replace(" ", "")
    opened = name.rfind("(")
    if name.endswith(")") and opened > 0 and any(c.isdigit() or c == "\u3014" for c in name[opened:]):
        name = name[:opened]  # "…改厕项目资金(皖财农〔2022〕1115号)21.24万元": the name before the document number
    name = name[-18:]
    keep = len(name)
    while keep and (is_cjk(name[keep - 1]) or name[keep - 1] in "()\u201c\u201d"):
        keep -= 1
    if keep > 0 and name[keep - 1].isdigit() and name[keep : keep + 1] in ("个", "项", "笔", "家", "所"):
        while keep and name[keep - 1].isdigit():  # "2个项目共计81万元": the count belongs to the name
            keep -= 1
    year = keep > 0 and name[keep - 1].isdigit()  # "2023年度收入合计", never "年末结转和结余"
    months = _MONTHS.search(name, 0, keep) if name[keep : keep + 1] == "月" else None  # "1-6月执行27.13万元"
    name = _LEADING.sub("", name[keep:].removeprefix("年度" if year else "").removeprefix("年" if year else ""))
    name = months.group() + name if months else name
    name = without_joiner(name)
    tail = name.rsplit("的", 1)[-1]  # "…事业单位财政拨款的“三公”经费支出合计": the noun after 的
    name = tail if len(tail) >= 4 else name
    return name if len(name) >= 2 else ""


# 公共财政预算 is the name 一般公共预算 had before 2015; texts and their mirrors use both.
_RENAMED = (("公共财政预算", "一般公共预算"), ("一般公共预算", "公共财政预算"))


def _renamed(name: str) -> str:
    for old, new in _RENAMED:
        if old in name and not (old == "公共财政预算" and "一般" + old in name):
            return name.replace(old, new)
    return name


class Names:
    """Exact amounts by every 4+-character ending of their lead, in document order (built once)."""

    def __init__(self, paragraphs: Sequence[Paragraph], figures: Sequence[Figure]) -> None:
        self._figures = figures
        self._by_ending: dict[str, list[int]] = {}
        for i, f in enumerate(figures):
            if f.kind is FigureKind.AMOUNT and f.exact and not f.comparative and f.value:
                name = lead(paragraphs[f.paragraph - 1].norm, f.start)
                endings = {name[-width:] for width in range(4, len(name) + 1)}
                plain = name.replace("的", "")  # "授予中小微企业的总采购额" named "授予中小微企业总采购额"
                endings |= {plain[-width:] for width in range(4, len(plain) + 1)}
                for ending in endings:
                    self._by_ending.setdefault(ending, []).append(i)

    def before(self, name: str, figure: Figure, exclude: int) -> int | None:
        """The nearest amount before ``figure`` whose lead ends with ``name`` (4+ characters), or
        with the name and a usual tail: "占本年收入的…" names "本年收入合计", "占项目支出预算…" names
        "项目支出", "“三公”经费中," names "三公经费支出合计". The first form with one printed before wins."""
        figs = self._figures
        at = (figure.paragraph, figure.start)
        tails = ("合计", "总计", "总额", "支出", "支出合计")
        forms = (name, *(name + t for t in tails), name.removesuffix("预算"), name.replace("的", ""))
        for candidate in (*forms, *(_renamed(form) for form in forms)):
            found = self._by_ending.get(candidate, [])
            k = bisect_left(found, at, key=lambda i: (figs[i].paragraph, figs[i].start))
            for i in reversed(found[:k]):
                if i != exclude:
                    return i
        return None

    def after(self, name: str, figure: Figure, reach: int = 3) -> int | None:
        """The first amount after ``figure``, within ``reach`` paragraphs, whose lead ends with exactly
        ``name`` ("税收收入占…收入的57.7%" then "——税收收入18319万元")."""
        figs = self._figures
        found = self._by_ending.get(name, [])
        k = bisect_left(found, (figure.paragraph, figure.start + 1), key=lambda i: (figs[i].paragraph, figs[i].start))
        if k < len(found) and figs[found[k]].paragraph - figure.paragraph <= reach:
            return found[k]
        return None


def without_joiner(name: str) -> str:
    """The name without the verb that joins it to its figure ("编制人数为" → 编制人数, "单位共" → 单位)."""
    for word in _JOINERS:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)]
    return name
