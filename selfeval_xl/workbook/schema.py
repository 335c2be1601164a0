"""The building blocks of the template contract: kinds of cell, single fields, table columns, tables,
sheets. Pure data types; ``layout`` is the contract made of them."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.Enum):
    TEXT = "text"  # one line of text
    LONGTEXT = "longtext"  # a paragraph
    YEAR = "year"  # 4-digit year
    COUNT = "count"  # non-negative whole number (people, bodies)
    AMOUNT = "amount"  # money, in the workbook's unit (万元 or 元)
    NUMBER = "number"  # a quantity (output figures)
    DATE = "date"
    CHOICE = "choice"  # closed vocabulary (dropdown)
    VALUE = "value"  # a number, or text for qualitative indicators
    ECON_CODE = "econ_code"  # "30101 基本工资"


KIND_LABEL = {
    Kind.TEXT: "文本",
    Kind.LONGTEXT: "文本（段落）",
    Kind.YEAR: "年份",
    Kind.COUNT: "整数",
    Kind.AMOUNT: "金额",
    Kind.NUMBER: "数值",
    Kind.DATE: "日期",
    Kind.CHOICE: "下拉选择",
    Kind.VALUE: "数值或文本",
    Kind.ECON_CODE: "下拉选择（科目编码）",
}


@dataclass(frozen=True, slots=True)
class Field:
    """A single input cell, reachable by a workbook-level defined name."""

    key: str
    name: str  # defined name, also the label shown beside the cell
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    strict_choices: bool = True  # False: dropdown offers suggestions, other text allowed
    hint: str = ""
    default: object = None  # pre-filled in a fresh template


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    strict_choices: bool = True
    width: float = 14


@dataclass(frozen=True, slots=True)
class Table:
    """An Excel table (ListObject). ``fixed_rows``: rows whose first column is a fixed label.

    ``required``: the list must have at least one row (an error at the table's header otherwise).
    """

    key: str
    name: str  # table displayName
    title: str  # caption above the table
    columns: tuple[Column, ...]
    blank_rows: int = 10  # empty rows in a fresh template
    fixed_rows: tuple[tuple[str, str], ...] = ()  # (row key, label in the first column)
    required: bool = False

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def n_rows(self) -> int:
        return len(self.fixed_rows) or self.blank_rows


@dataclass(frozen=True, slots=True)
class Sheet:
    key: str
    title: str  # sheet name
    instruction: str
    fields: tuple[Field, ...] = ()
    tables: tuple[Table, ...] = ()
    optional: bool = False  # a workbook without it is complete (it adds a capability: 项目支出绩效自评)


REQUIRED_MARKS = "\uff0a*"  # ＊ (the template's) or * (typed by hand), before or after a required header


def header_key(text: object) -> str:
    """A table header as the contract names it: trimmed, without the required mark (＊全年执行数 → 全年执行数)."""
    return str(text or "").strip().strip(REQUIRED_MARKS).strip()
