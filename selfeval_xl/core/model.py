"""Typed values that flow through the pipeline: raw blocks, issues, and the department model.

Everything here is a frozen dataclass. Amounts are ``Decimal`` in 万元 (converted from 元 in parse
when the workbook says so), never rounded here: rounding happens once, at presentation.

Exception tree (see also ``errors``): readers raise ``WorkbookError`` subclasses when a file cannot
be read at all; everything wrong *inside* a readable workbook is an ``Issue`` value.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.econ_codes import EconCode

# ---- raw blocks: what an adapter hands to parse ----------------------------------------------

@dataclass(frozen=True, slots=True)
class Uncalculated:
    """A formula cell saved without its value (a file written by a script, or by Excel with manual
    calculation): parse reports it at the cell; it is never read as empty or 0."""

    formula: str


CellValue = str | int | float | bool | Decimal | dt.datetime | dt.date | dt.time | Uncalculated | None


@dataclass(frozen=True, slots=True)
class Overflow:
    """The first cell holding data beyond a reader's limit (``axis`` rows or cols): it was not read."""

    axis: str  # rows | cols
    row: int
    col: int
    limit: int


@dataclass(frozen=True, slots=True)
class RawSheet:
    """The values of one sheet as a rectangular block starting at A1.

    ``formats``: the number format of non-empty cells whose format is not "General", when the
    reader knows it (1-based (row, col) → format code, e.g. "0.00%"). ``overflow``: data the reader
    left unread past its limits.
    """

    title: str
    rows: tuple[tuple[CellValue, ...], ...]
    # (row, col) of numeric cells shown with a percent number format (0.98 shown as 98%), 1-based
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    formats: Mapping[tuple[int, int], str] = field(default_factory=dict)
    overflow: tuple[Overflow, ...] = ()

    def value(self, row: int, col: int) -> CellValue:
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= col <= len(cells):
                return cells[col - 1]
        return None

    def number_format(self, row: int, col: int) -> str:
        return self.formats.get((row, col), "General")

    @property
    def max_row(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class TableRef:
    sheet: str
    first_row: int  # the header row
    first_col: int
    last_row: int
    last_col: int


@dataclass(frozen=True, slots=True)
class RawBook:
    sheets: tuple[RawSheet, ...]
    names: Mapping[str, CellRef] = field(default_factory=dict)  # defined name → cell
    tables: Mapping[str, TableRef] = field(default_factory=dict)  # table name → range
    source: str = ""  # file name, for messages

    def sheet(self, title: str) -> RawSheet | None:
        for sheet in self.sheets:
            if sheet.title == title:
                return sheet
        return None


# ---- issues ------------------------------------------------------------------------------------


class Severity(enum.Enum):
    """How bad an issue is: an error blocks the report, a warning (提示) does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a workbook. ``params`` fill the catalog message of ``code``."""

    code: str
    severity: Severity
    where: CellRef | None
    params: tuple[tuple[str, str], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def param(self, key: str) -> str:
        return dict(self.params)[key]


class HasIssues:
    """Mixin for results that carry ``issues``: the errors and the warnings among them."""

    __slots__ = ()
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if not i.is_error)


# ---- where a record came from --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Refs:
    """Field key → source cell, for records and singletons alike."""

    cells: tuple[tuple[str, CellRef], ...] = ()

    def __getitem__(self, key: str) -> CellRef:
        for k, ref in self.cells:
            if k == key:
                return ref
        raise KeyError(key)

    def get(self, key: str) -> CellRef | None:
        for k, ref in self.cells:
            if k == key:
                return ref
        return None

    @property
    def row(self) -> int:
        return self.cells[0][1].row if self.cells else 0


# ---- the department model --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextItem:
    text: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class Leader:
    title: str
    count: int | None
    refs: Refs


@dataclass(frozen=True, slots=True)
class UnitInfo:
    unit_name: str
    short_name: str
    year: int | None
    level: str  # 区本级 ...
    amount_unit: str  # 万元 | 元
    founded_on: dt.date | None
    founding_way: str
    affiliation: str
    rank: str
    nature: str
    supervisor: str
    staffing_kind: str
    staffing: int | None
    staff_actual: int | None
    retired: int | None
    retired_early: int | None  # 离休, kept apart from 退休
    body_word: str
    body_count: int | None
    bodies: tuple[TextItem, ...]
    leaders: tuple[Leader, ...]
    duties: tuple[TextItem, ...]
    goals: tuple[TextItem, ...]
    refs: Refs

    @property
    def level_word(self) -> str:
        """区本级 → 区, 地区本级 → 地区, 乡镇本级 → 乡镇."""
        return self.level.removesuffix("本级")


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """A line with 年初预算数 / 全年预算数 / 全年执行数: 预算支出 (total | basic | personnel | public |
    project) and the 自评表 funds block (total | appropriation | carryover | other)."""

    key: str
    initial: Decimal | None
    adjusted: Decimal | None
    executed: Decimal | None
    note: str
    refs: Refs
    carry_end: Decimal | None = None  # 年末结转和结余
    previous: Decimal | None = None  # 上年执行数 (同比 without --previous)


@dataclass(frozen=True, slots=True)
class IncomeLine:
    """A line of the 收入 table: 本年数, 上年数 (for 同比), 说明."""

    key: str
    amount: Decimal | None
    previous: Decimal | None
    note: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class EconItem:
    code: str | None
    econ: EconCode | None
    display: str
    spending: str  # basic | project | ""
    amount: Decimal | None
    note: str
    refs: Refs

    @property
    def name(self) -> str:
        """The name the report prints: the override if given, else the official name."""
        if self.display:
            return self.display
        return self.econ.name if self.econ else ""


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    adjusted: Decimal | None
    executed: Decimal | None
    use: str
    refs: Refs
    source: str = "general"  # general | gov_fund | soe_capital | social_insurance
    carry_in: Decimal | None = None  # 上年结转
    carry_end: Decimal | None = None  # 年末结转和结余
    note: str = ""


@dataclass(frozen=True, slots=True)
class OtherFund:
    key: str  # local_other | gov_fund | soe_capital | social_insurance
    has: bool | None
    amount: Decimal | None  # 全年执行数
    note: str
    refs: Refs
    initial: Decimal | None = None
    adjusted: Decimal | None = None


@dataclass(frozen=True, slots=True)
class OutputFigure:
    what: str
    quantity: Decimal | None
    unit: str
    qualifier: str  # "" | 余 | 以上 | 约
    target: Decimal | None
    reason: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class Problem:
    problem: str
    cause: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class OverallGoal:
    expected: str
    actual: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class Indicator:
    level1: str  # 产出指标 | 效益指标 | 满意度指标
    level2: str
    name: str
    direction: str  # ≥ | ≤ | = | 定性
    unit: str  # "%" when either value was typed as a percentage (98%, or a percent-formatted cell)
    target: Decimal | None
    target_text: str  # when the target is text (定性)
    actual: Decimal | None
    actual_text: str
    rating: str  # 达成 | 部分达成 | 未达成 (定性 only)
    weight: Decimal | None
    manual: Decimal | None  # 自评得分 typed by the user
    reason: str
    refs: Refs

    @property
    def qualitative(self) -> bool:
        return self.direction == "定性"


@dataclass(frozen=True, slots=True)
class ProjectFundRow:
    """A row of a project's funds (项目自评 → 项目资金): one source of its money."""

    key: str  # local | upper | carryover | other
    initial: Decimal | None
    adjusted: Decimal | None
    executed: Decimal | None
    note: str
    refs: Refs


@dataclass(frozen=True, slots=True)
class ProjectEval:
    """What the workbook says for one project's 项目支出绩效自评 (its rows in 项目自评 and 项目指标)."""

    name: str
    refs: Refs  # the row that introduces it: its 项目基本情况 row, else its first row anywhere
    department: str = ""  # 主管部门
    implementer: str = ""  # 实施单位
    overview: str = ""  # 项目概况
    work: str = ""  # 评价工作开展情况
    experience: str = ""  # 主要经验及做法
    problems: str = ""  # 存在的问题及原因
    suggestions: str = ""  # 有关建议
    other: str = ""  # 其他需要说明的问题
    funds: tuple[ProjectFundRow, ...] = ()
    goals: tuple[OverallGoal, ...] = ()
    indicators: tuple[Indicator, ...] = ()


@dataclass(frozen=True, slots=True)
class Model:
    info: UnitInfo
    budget: Mapping[str, BudgetLine]
    econ_items: tuple[EconItem, ...]
    projects: tuple[Project, ...]
    project_use_summary: str
    other_funds: Mapping[str, OtherFund]
    output_intro: str
    output_as_of: dt.date | None
    paragraphs: tuple[TextItem, ...]
    outputs: tuple[OutputFigure, ...]
    problems: tuple[Problem, ...]
    measures: tuple[TextItem, ...]
    application: str
    other_notes: str
    refs: Refs  # single fields of sheets other than 基本信息
    scoring_preset: str = ""
    over_factor: Decimal | None = None
    funds: Mapping[str, BudgetLine] = field(default_factory=dict)  # entered: carryover | other
    income: Mapping[str, IncomeLine] = field(default_factory=dict)
    outline: str = ""  # 报告提纲 chosen (its dropdown label); the default outline when empty
    basis: str = ""  # 自评依据: the documents the self-evaluation follows (score-first and 财政部 outlines)
    overall_goals: tuple[OverallGoal, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    project_evals: tuple[ProjectEval, ...] = ()  # 项目支出绩效自评, in the order the workbook names them

    @property
    def has_scoring(self) -> bool:
        """The 自评表 is produced when indicators are entered."""
        return bool(self.indicators)
