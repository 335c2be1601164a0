"""Values of the auditor: paragraphs, extracted figures and their links, findings, the report.

Everything is a frozen slotted dataclass; figures refer to each other by index into
``Analysis.figures`` so the whole analysis stays a plain value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from selfeval_xl.audit.numbers import UNIT_FACTOR


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class FigureKind(StrEnum):
    AMOUNT = "amount"  # money, value in 万元
    PERCENT = "percent"
    COUNT = "count"
    SCORE = "score"
    GRADE = "grade"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One logical paragraph; ``norm`` is ``text`` normalised character for character."""

    index: int  # 1-based in the document
    section: str  # level-1 heading text ("" before the first heading)
    section_index: int  # 1-based within the section; 0 for the heading itself
    text: str
    norm: str
    level: int  # 0 body, 1 "一、", 2 "(一)", 3 "1、"/"(1)" item (brackets full width)
    heading: str  # heading text for levels 1-3, else ""
    number: int | None  # numeral of a level-1 heading


@dataclass(frozen=True, slots=True)
class Figure:
    kind: FigureKind
    value: Decimal | None  # 万元 for amounts; None for grades
    text: str  # as printed in the report
    paragraph: int  # Paragraph.index
    start: int  # offset in the paragraph
    role: str  # amount role / percent role / measure word / grade letter
    unit: str  # 万元, 元, 亿元, 千元, %, the measure word, 分
    decimals: int  # decimals printed
    qualifier: str = ""  # 余, 以上, 多, 左右: a bound, never exact
    label: str = ""  # the words the role was read from
    comparative: bool = False  # in a year-on-year / change clause

    @property
    def exact(self) -> bool:
        return not self.qualifier

    @property
    def tolerance(self) -> Decimal:
        """Half a unit of the last printed digit, in 万元, where the print is coarser than 0.01 万元.

        Whole 万元 (80万元) and 2-dp 万元 read as exact: that is how reports print exact values.
        """
        if self.kind is not FigureKind.AMOUNT:
            return Decimal(0)
        if self.unit == "万元" and self.decimals == 1:
            return Decimal("0.05")
        if self.unit == "亿元" and self.decimals < 6:
            return Decimal(5000).scaleb(-self.decimals)
        return Decimal(0)


def _whole_wan(figure: Figure) -> bool:
    return figure.kind is FigureKind.AMOUNT and figure.unit == "万元" and figure.decimals == 0


def ratio_tolerances(percent: Figure, *figures: Figure, printed: bool = False, change: bool = False) -> tuple[Decimal, ...]:
    """Tolerances ``percent`` reads its amounts with. Whole-万元 amounts are rounded figures when one of
    them is a thousand or more ("“三公”经费3923万元,比上年减少332万元,下降7.81%": 7.79%–7.82% fit) or
    when the percentage prints two decimals or more, finer than whole 万元 determine: those of a hundred
    or more carry half a 万元 (a relative slack of at most 0.5%). Smaller whole 万元 and everything else
    keep their printing tolerance (a 9% drop from 100万元 to 90万元, a 2万元 change of 37万元, read exact).
    A 万元 amount printed with fewer significant digits than the percentage ("公务接待费0.39万元,占22.14%")
    cannot determine it: it carries half a unit of its last digit. With ``printed``, every amount of a hundred
    units of its last printed digit or more carries half such a unit at least (2-dp 万元 0.005万元, whole 万元
    0.5万元, whole 元 0.5元): the range every printed amount allows, as the labelling brief reads it, which only
    decides whether a percentage that misses is an error or may be the amounts' rounding (``ratios.rounding_range``);
    with ``change`` too, the first figure is the change of the others and carries half a unit whatever its size when
    it is printed coarser than they are (a difference of amounts in cents, cut)."""
    rounded = percent.decimals >= 2 or any(_whole_wan(f) and (f.value or 0) >= 1000 for f in figures)
    digits = _significant(percent.text)
    finest = max((f.decimals for f in figures[1:] if f.kind is FigureKind.AMOUNT), default=0) if change else 0
    return tuple(
        Decimal("0.5") if rounded and _whole_wan(f) and (f.value or 0) >= 100
        else Decimal(5).scaleb(-f.decimals - 1) if f.unit == "万元" and f.decimals >= 1 and _significant(f.text) < digits
        else max(f.tolerance, half_unit(f, k == 0 and f.decimals < finest)) if printed and f.kind is FigureKind.AMOUNT
        else f.tolerance
        for k, f in enumerate(figures)
    )  # fmt: skip


def half_unit(figure: Figure, coarser: bool = False) -> Decimal:
    """Half a unit of the amount's last printed digit, in 万元 ("226万元": 0.5; "6497元": 0.00005; "5.30万元": 0.005),
    for an amount of a hundred such units or more (a relative slack of 0.5% at most); a smaller one ("3万元", "80元")
    is read as printed: such round amounts are set, not rounded — unless it is printed ``coarser`` than another
    amount of its relation ("收、支总计311.76万元,…减少71万元,减少18.62%": a change of amounts kept in cents, cut)."""
    unit = Decimal(1).scaleb(-figure.decimals) * UNIT_FACTOR.get(figure.unit, Decimal(0))
    return unit / 2 if unit and (coarser or abs(figure.value or Decimal(0)) >= unit * 100) else Decimal(0)


def _significant(text: str) -> int:
    """Significant digits of a printed number ("0.39万元": 2, "22.14%": 4)."""
    number = "".join(str(int(c)) for c in text if c.isdecimal())  # "０．４１万元" (full width) as "0.41"
    return len(number.lstrip("0"))


@dataclass(frozen=True, slots=True)
class PartsGroup:
    """A total and the parts listed after it ("其中:…") or known to make it up."""

    parent: int
    children: tuple[int, ...]
    explicit: bool  # True for a "其中" list, False for a decomposition found by roles
    colon: bool = False  # opened with a colon ("其中:"): the parts are meant to be complete
    partial: bool = False  # "…等": the list names examples, not every part
    continuation: tuple[int, ...] = ()  # items that may go on in the paragraph's later sentences
    exceeding_only: bool = False  # the text never says the parts are complete: only parts over it are wrong
    by_definition: bool = False  # parts found by their names as the whole's by definition (a 三公 note's sections)


@dataclass(frozen=True, slots=True)
class ShareLink:
    percent: int
    subject: int
    denominator: int
    denominator_text: str
    derived: tuple[int, ...] = ()  # a total never printed: the sum of these parts (基本 + 项目)


@dataclass(frozen=True, slots=True)
class RateLink:
    percent: int
    budget: int | None
    executed: int | None


def exact_counts(units: str | None = None) -> Callable[[Figure], bool]:
    """Accepts the exact counts with a value (whose unit is one of ``units``' characters, when given)."""
    return lambda f: f.kind is FigureKind.COUNT and f.exact and f.value is not None and (units is None or f.role in units)


@dataclass(frozen=True, slots=True)
class Enumeration:
    count: int  # figure index of the stated count
    items: tuple[str, ...]
    explicit: bool = True  # introduced by 共/合计/分别是/包括/即: a mismatch is an error


@dataclass(frozen=True, slots=True)
class Typo:
    paragraph: int
    start: int
    found: str
    term: str


@dataclass(frozen=True, slots=True)
class Analysis:
    paragraphs: tuple[Paragraph, ...]
    figures: tuple[Figure, ...]
    groups: tuple[PartsGroup, ...]
    shares: tuple[ShareLink, ...]
    rates: tuple[RateLink, ...]
    enumerations: tuple[Enumeration, ...]
    typos: tuple[Typo, ...]
    slips: tuple[tuple[int, int], ...] = ()  # (amount printed in 元, its twin in 万元): read at the twin's value

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index - 1]

    def list_totals(self) -> dict[int, int]:
        """Each part of a stated list (其中, 加上…) -> the total of the first list it is in (figure indices)."""
        out: dict[int, int] = {}
        for g in self.groups:
            if g.explicit:
                for c in g.children:
                    out.setdefault(c, g.parent)
        return out

    def by_paragraph(self, keep: Callable[[Figure], bool]) -> dict[int, list[Figure]]:
        """The figures ``keep`` accepts, by paragraph, each paragraph's in reading order."""
        out: dict[int, list[Figure]] = {}
        for f in self.figures:
            if keep(f):
                out.setdefault(f.paragraph, []).append(f)
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    section: str
    paragraph: int  # 1-based in the document; 0 = the whole document
    section_paragraph: int  # 1-based within the section; 0 = its heading
    sentence: str
    stated: str | None
    expected: str | None
    message: str
    # How sure the auditor is that this is a real problem: "high" (an unambiguous relation:
    # explicit total and parts, a share of its named denominator, a count with 共/分别是),
    # "medium" (a likely slip: truncation, a partial list, a restated amount), "low" (style).
    confidence: str = "high"
    # The worksheet cell the finding is at ("'自评表'!G15") when the report was a workbook's sheets; "" for a text.
    cell: str = ""

    def sort_key(self) -> tuple[int, str, str, str, str, str, int, str, str, str]:
        """Document order, then every other field: two findings compare equal only when they are equal, so the
        order of a report never depends on the order its checks found them in (a set's order varies between
        processes)."""
        return (
            self.paragraph, self.code, self.sentence, self.stated or "", self.expected or "", self.message,
            self.section_paragraph, self.section, self.severity.value, self.confidence,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class AuditReport:
    findings: tuple[Finding, ...]
    figures: tuple[Figure, ...]
    paragraphs: int

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)
