"""Read a 部门决算 file: every 公开表 found, its figures in exact 元, and each disagreement at its cell.

``read_juesuan`` finds the tables (``juesuan_find``), reads each table's shape (``juesuan_grid``),
takes the figures the fill mapping needs from the 合计 row of the code-block tables (02, 03, 05,
08, 09), from the data row of the 三公 table (07) and from the economic codes of 06
(``juesuan_econ``), and checks as it goes: within each row, a total equals its parts; the 合计 row
equals the sum of the top-level rows (类, or the highest level printed); 06's 人员经费 + 公用经费
equal 基本支出 of 05 (of 03 when the file has no 05). A gap of at most 0.01 in the table's unit is
the rounding of a table converted from 元 (a 提示); a larger one is an error. Issues point at the
决算 file's cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfeval_xl.core.cells import CellRef
from selfeval_xl.core.model import HasIssues, Issue, Severity
from selfeval_xl.importers.juesuan_find import (
    Grid,
    JuesuanError,
    Region,
    find_tables,
    is_dash,
    normalize,
    read_grids,
    unit_line,
)
from selfeval_xl.importers.juesuan_find import amount as read_amount
from selfeval_xl.importers.juesuan_grid import (
    Shape,
    code_columns,
    label_text,
    roles,
    row_code,
    shape,
    text_of,
    to_yuan,
)

TOLERANCE = Decimal("0.01")  # in the table's own unit: rounding of a table converted from 元


@dataclass(frozen=True, slots=True)
class Figure:
    key: str  # "<table kind>.<figure>", as named in data/juesuan_fill.json
    yuan: Decimal  # exact, in 元
    where: CellRef | None  # None: the table is there but prints nothing (an empty 08/09)


@dataclass(frozen=True, slots=True)
class EconFigure:
    code: str
    yuan: Decimal
    where: CellRef


@dataclass(frozen=True, slots=True)
class TableFound:
    kind: str
    number: str
    title: str
    label: str
    where: CellRef  # the title cell
    money: str  # 万元 / 元 as the table says ("" = not stated, read as the file's other tables or 万元)
    entity: str
    entity_where: CellRef | None


@dataclass(frozen=True, slots=True)
class Juesuan(HasIssues):
    file: str
    tables: tuple[TableFound, ...]
    figures: tuple[Figure, ...]
    items: tuple[EconFigure, ...]  # 06: every economic code with a non-zero amount, code order
    issues: tuple[Issue, ...]

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    def table(self, kind: str) -> TableFound | None:
        return next((t for t in self.tables if t.kind == kind), None)

    @property
    def entity(self) -> tuple[str, CellRef | None]:
        return next(((t.entity, t.entity_where) for t in self.tables if t.entity), ("", None))


def finding(code: str, where: CellRef | None, severity: Severity = Severity.ERROR, /, **params: object) -> Issue:
    return Issue(code, severity, where, tuple(sorted((k, str(v)) for k, v in params.items())))


def plain(value: Decimal) -> str:
    """A figure as printed in the issue: no exponent, no trailing zeros beyond two decimals."""
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


class Reader:
    """State of one file's read: figures, economic items and issues, in the order found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.figures: dict[str, Figure] = {}
        self.items: list[EconFigure] = []
        self.issues: list[Issue] = []

    def gap(self, code: str, where: CellRef, stated: Decimal, expected: Decimal, money: str,
            **params: object) -> None:
        """Report ``stated`` ≠ ``expected`` (in the table's unit): a 提示 within rounding, else an error."""
        diff = stated - expected
        if diff == 0:
            return
        severity = Severity.WARNING if abs(diff) <= TOLERANCE else Severity.ERROR
        self.issues.append(finding(code, where, severity, stated=plain(stated), expected=plain(expected),
                                   diff=plain(diff), unit=money, **params))

    def put(self, key: str, value: Decimal, money: str, where: CellRef | None) -> None:
        if key not in self.figures:
            self.figures[key] = Figure(key, to_yuan(value, money), where)


def _name(region: Region) -> str:
    return f"{region.label}“{region.title}”" if region.label else f"“{region.title}”"


def read_block_table(reader: Reader, region: Region, shp: Shape, money: str) -> None:
    """A code-block table (02, 03, 05, 07, 08, 09): sums within rows, the 合计 row, its figures."""
    layout: dict[str, Any] = region.layout
    placed = roles(shp.paths, layout.get("columns", {}))
    name = _name(region)
    if not placed:
        if shp.first_data_row < region.end_row:
            reader.issues.append(finding("juesuan_columns_missing", shp.cell(region.title_row, region.title_col),
                                       Severity.WARNING, table=name))
        for role in layout.get("columns", {}):  # an empty table (only a note): nothing was spent
            reader.put(f"{region.kind}.{role}", Decimal(0), money, None)
        return
    label_end = min(placed.values())
    codes = code_columns(shp.paths, label_end)
    totals = set(layout.get("total_row", []))
    values: dict[int, dict[str, Decimal]] = {}
    total_row: int | None = None
    top: list[int] = []
    row_codes: dict[int, str] = {}
    last_class = ""
    for r in shp.data_rows:
        row: dict[str, Decimal] = {}
        for role, c in placed.items():
            raw = shp.value(r, c)
            number = read_amount(raw)
            if number is None and not is_dash(raw):
                reader.issues.append(finding("juesuan_not_number", shp.cell(r, c), table=name, value=raw))
            elif number is not None:
                row[role] = number
        labels = label_text(shp, r, label_end)
        if total_row is None and totals and any(t in totals for t in labels):
            total_row = r
        code = row_code(shp, r, codes, label_end, last_class)
        if len(code) == 3:
            last_class = code
        if row:
            values[r] = row
            if code and r != total_row:
                row_codes[r] = code
    for r, row in values.items():  # within each row: total = Σ parts
        for rule in layout.get("sums", []):
            if rule["total"] in row and rule["total"] in placed:
                parts = [p for p in rule["parts"] if p in placed]
                expected = sum((row.get(p, Decimal(0)) for p in parts), Decimal(0))
                reader.gap("juesuan_row_sum", shp.cell(r, placed[rule["total"]]), row[rule["total"]], expected,
                           money, table=name, column=shp.paths[placed[rule["total"]]],
                           parts="、".join(shp.paths[placed[p]] for p in parts))
    if row_codes:
        shortest = min(len(c) for c in row_codes.values())
        top = [r for r, c in row_codes.items() if len(c) == shortest]
    if totals and total_row is None:
        if values:
            reader.issues.append(finding("juesuan_total_row_missing", shp.cell(region.title_row, region.title_col),
                                       Severity.WARNING, table=name))
        source_row = {role: sum((values[r].get(role, Decimal(0)) for r in top), Decimal(0)) for role in placed}
        where_row = None
    elif totals:
        assert total_row is not None
        source_row = values.get(total_row, {})
        where_row = total_row
        for role, c in placed.items():
            if top and role in source_row:
                expected = sum((values[r].get(role, Decimal(0)) for r in top), Decimal(0))
                reader.gap("juesuan_total_row", shp.cell(total_row, c), source_row[role], expected, money,
                           table=name, column=shp.paths[c], rows=len(top))
    else:  # 三公: one data row
        where_row = next(iter(values), None)
        source_row = values.get(where_row, {}) if where_row is not None else {}
    for role, c in placed.items():
        where = shp.cell(where_row, c) if where_row is not None else None
        reader.put(f"{region.kind}.{role}", source_row.get(role, Decimal(0)), money, where)


_NUMBERING = re.compile(r"^[一二三四五六七八九十]+[、.]|^\d+[、.]")


def read_row_table(reader: Reader, region: Region, shp: Shape, money: str) -> None:
    """A table of labelled rows (01): each role's row by its label, its amount in the first amount column."""
    layout: dict[str, Any] = region.layout
    words = [normalize(w) for w in layout["amount_headers"]]
    column = next((c for c, p in enumerate(shp.paths) if any(w in p.rsplit("/", 1)[-1] for w in words)), None)
    if column is None:
        return
    for r in shp.data_rows:
        label = next((_NUMBERING.sub("", text_of(shp.value(r, c))) for c in range(column)
                      if text_of(shp.value(r, c))), "")
        for role, labels in layout["rows"].items():
            if label and any(label.endswith(normalize(w)) for w in labels):
                value = read_amount(shp.value(r, column))
                reader.put(f"{region.kind}.{role}", value or Decimal(0), money, shp.cell(r, column))
                break


def read_juesuan(path: Path) -> Juesuan:
    """Find and read every 公开表 of ``path``; raises ``JuesuanError`` when there is none."""
    return juesuan_from_grids(path.name, read_grids(path))


def juesuan_from_grids(file: str, grids: list[Grid]) -> Juesuan:
    """The tables of already-read sheets (no file access): what ``read_juesuan`` does after reading."""
    from selfeval_xl.importers.juesuan_econ import cross_check, read_econ_table

    regions = find_tables(grids)
    if not any(r.kind in ("general", "basic_econ", "spending", "gov_fund", "soe_capital") for r in regions):
        raise JuesuanError("juesuan_no_tables", path=file)
    reader = Reader(file)
    found: list[TableFound] = []
    seen: dict[str, TableFound] = {}
    shapes = [(region, shape(region)) for region in regions]
    lines = [unit_line(region, shp.first_data_row) for region, shp in shapes]
    default_money = next((line.money for line in lines if line.money), "")
    for (region, shp), line in zip(shapes, lines, strict=True):
        where = shp.cell(region.title_row, region.title_col)
        money = line.money or default_money or "万元"
        if not line.money and not default_money:
            reader.issues.append(finding("juesuan_no_money_unit", where, Severity.WARNING, table=_name(region)))
        entity_where = shp.cell(*line.entity_at) if line.entity_at else None
        table = TableFound(region.kind, region.number, region.title, region.label, where, money, line.entity,
                           entity_where)
        if region.kind in seen:
            first = seen[region.kind]
            reader.issues.append(finding("juesuan_table_twice", where, Severity.WARNING, table=_name(region),
                                       first=str(first.where)))
            continue
        seen[region.kind] = table
        found.append(table)
        if region.kind == "basic_econ":
            read_econ_table(reader, region, shp, money)
        elif region.layout.get("columns"):
            read_block_table(reader, region, shp, money)
        elif region.layout.get("rows"):
            read_row_table(reader, region, shp, money)
    cross_check(reader, seen)
    order = {code: i for i, code in enumerate(sorted({item.code for item in reader.items}))}
    items = tuple(sorted(reader.items, key=lambda i: order[i.code]))
    return Juesuan(file, tuple(found), tuple(reader.figures.values()), items, tuple(reader.issues))
