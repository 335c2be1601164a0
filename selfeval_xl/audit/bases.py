"""What a year-on-year change is against: the base year's figure among those printed before it."""

from __future__ import annotations

from selfeval_xl.audit.model import Analysis, Figure
from selfeval_xl.audit.years import YEAR, clause_year, named_before, plain_name


def other_basis(norm: str, compared: str, earlier: Figure) -> bool:
    """ "2024年…执行数2010.95万元,2025年…预算数2005.41万元,较上年预算数减少94.91万元": the comparison names
    last year's budget, and the earlier year's printed figure is what was spent: not its base."""

    def basis(name: str) -> str:
        if "预算" in name:
            return "预算"
        return "决算" if any(w in name for w in ("决算", "执行", "实际", "完成")) else ""

    wanted, printed = basis(compared), basis(plain_name(norm, earlier))
    return bool(wanted and printed and wanted != printed)


def named_with_base(
    a: Analysis, change: Figure, subject: str, compared: str
) -> tuple[Figure | None, Figure | None]:
    """(this year's, last year's) amounts named ``subject`` before ``change``: when the nearest is of the
    year the comparison names ("2023年度收入总计453.13万元,2022年度收入总计400.22万元,与2022年度相比,收入总计增加…"),
    it is the base and this year's is the one named so before it; otherwise (the nearest, None)."""
    found = named_before(a, change, subject)
    years = YEAR.findall(compared)
    if found is None or len(years) != 1 or clause_year(a.paragraph(found.paragraph).norm, found) != years[0]:
        return found, None
    current = named_before(a, found, subject)
    if (
        current is None
        or (year := clause_year(a.paragraph(current.paragraph).norm, current)) is None
        or year <= years[0]
    ):
        return None, None  # the base year's figure without this year's: nothing to judge
    return current, found


def base_of_named_year(
    norm: str, before: list[Figure], current: Figure, compared: str
) -> tuple[Figure, Figure] | None:
    """ "2023年度收入总计453.13万元,支出总计453.13万元,2022年度收入总计400.22万元,支出总计400.22万元,与2022年度相比,
    收入、支出总计各增加52.91万元": the nearest amount is of the year compared against, so it is the base; this
    year's is the latest amount of a later year printed under the same name. None when that is not so."""
    years = YEAR.findall(compared)
    year_of: dict[int, str | None] = {}
    carried, last = None, min((f.start for f in before), default=0)  # "2022年度收入总计400.22万元,支出总计400.22万元": the year goes on to the next clause
    for f in sorted(before, key=lambda f: f.start):
        if f.comparative or any(c in norm[last : f.start] for c in ";。"):
            carried = None  # "与2019年相比增加540.23万元;…支出总计1870.91万元": a comparison's year is no figure's
        year_of[f.start] = clause_year(norm, f) or carried
        carried, last = (None if f.comparative else year_of[f.start]), f.start
    if len(years) != 1 or year_of.get(current.start) != years[0]:
        return None
    name = plain_name(norm, current)[-2:]
    later = [
        f for f in before
        if f.start < current.start and (year_of[f.start] or "") > years[0] and plain_name(norm, f)[-2:] == name
    ]  # fmt: skip
    return (later[-1], current) if later and name else None
