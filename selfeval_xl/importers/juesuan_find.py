"""Find the 部门决算 公开表 in a workbook (.xlsx or .xls): by their titles and "公开0N表" labels, on any sheet.

``read_grids`` checks the file (an .xlsx like every input; an .xls by its size and OLE signature)
and has calamine read every sheet into a grid of values with its merged ranges; ``find_tables``
locates each table by its title cell (see ``data/juesuan_tables.json``: longest title first, so
财政拨款收入支出决算总表 is never taken for 收入支出决算总表), takes the label beside it, and lets a
table run to the next title on the same sheet — one table per sheet or several stacked on one.
``unit_line`` reads the entity ("部门：…") and the money unit ("金额单位：万元") of a table.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.errors import (
    WorkbookError,
)
from selfeval_xl.core.model import CellValue
from selfeval_xl.core.values import read_number
from selfeval_xl.workbook.grids import Grid as Grid  # (re-exported: the importers read grids)
from selfeval_xl.workbook.grids import read_grids as _read_grids

MAX_ROWS = 20_000  # a 决算 file is a few hundred rows; stacked tables stay far below this
LABEL_DISTANCE = 3  # a "公开0N表" label belongs to a title at most this many rows away


class JuesuanError(WorkbookError):
    """The 决算 file cannot be used (no tables, reader missing): exit 3. Message in ``texts.IMPORTS``."""

    @property
    def message(self) -> str:
        return texts.render(texts.IMPORTS, self.code, **self.params)


@cache
def spec() -> dict[str, Any]:
    """The table layouts (data, not code)."""
    text = resources.files("selfeval_xl.importers").joinpath("data/juesuan_tables.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def normalize(value: object) -> str:
    """Text for matching: NFKC (full-width → half-width), no whitespace or quotes."""
    text = unicodedata.normalize("NFKC", str(value if value is not None else ""))
    return re.sub("[\\s\"'\u2018\u2019\u201c\u201d\u300c\u300d]+", "", text)


DASHES = frozenset({"", "-", "--", "\u2014", "\u2014\u2014"})  # printed for zero: -, —, ——


def is_dash(value: CellValue) -> bool:
    """Blank, or a dash printed for zero."""
    return value is None or (isinstance(value, str) and unicodedata.normalize("NFKC", value).strip() in DASHES)


def amount(value: CellValue) -> Decimal | None:
    """An amount cell: numbers, numeric text ("1,234.50", full-width digits); a dash or blank is None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
        if text in DASHES:
            return None
        if text.startswith("(") and text.endswith(")"):
            text = "-" + text[1:-1]
        value = text
    number, _, _ = read_number(value)
    return number


def is_number(value: CellValue) -> bool:
    return amount(value) is not None


# ---- the file ----------------------------------------------------------------------------------------


def read_grids(path: Path) -> list[Grid]:
    """Every sheet of the workbook as a grid of plain values (calamine: .xlsx and .xls alike)."""
    try:
        return _read_grids(path, MAX_ROWS)
    except ImportError:
        raise JuesuanError("juesuan_needs_calamine") from None


# ---- the tables ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Region:
    """Where one table is: its title cell, its label, and the rows up to the next table (exclusive)."""

    kind: str
    number: str  # the national number, "05"
    title: str  # the title as printed
    grid: Grid
    title_row: int  # 0-based
    title_col: int
    end_row: int
    label: str  # "公开05表", "表5" or ""

    @property
    def layout(self) -> dict[str, Any]:
        return next(t for t in spec()["tables"] if t["kind"] == self.kind)


def _titles() -> list[tuple[str, dict[str, Any]]]:
    pairs = [(normalize(title), table) for table in spec()["tables"] for title in table["titles"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


_LABEL_IN_TITLE = re.compile(r"\(?(公开|附表)?0?\d{1,2}表\)?$")  # on NFKC text: full-width brackets are ( )


def match_title(value: CellValue) -> dict[str, Any] | None:
    """The table layout whose title this cell is (a unit or year may precede it), or None."""
    if not isinstance(value, str):
        return None
    text = _LABEL_IN_TITLE.sub("", normalize(value))
    if text.startswith(("注", "说明", "备注")):
        return None
    limit = int(spec()["title_prefix_max"])
    for title, table in _titles():
        if text.endswith(title) and len(text) - len(title) <= limit:
            return table
    return None


def _label(value: CellValue) -> str:
    text = normalize(value)
    return text if isinstance(value, str) and re.match(spec()["label_pattern"], text) else ""


def find_tables(grids: list[Grid]) -> list[Region]:
    """Every table found, in sheet order then row order."""
    regions = []
    for grid in grids:
        titles: list[tuple[int, int, dict[str, Any], str]] = []
        labels: list[tuple[int, str]] = []
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                table = match_title(value)
                if table is not None and not any(t[0] == r for t in titles):
                    titles.append((r, c, table, str(value).strip()))
                elif label := _label(value):
                    labels.append((r, label))
        titles.sort(key=lambda t: t[0])
        owner = {}  # label row → the title it belongs to: the nearest, the one below it on a tie
        for lr, lab in labels:
            near = [(abs(lr - t[0]), -t[0], t[0]) for t in titles if abs(lr - t[0]) <= LABEL_DISTANCE]
            if near:
                owner[lr] = (min(near)[2], lab)
        for i, (r, c, table, title) in enumerate(titles):
            end = titles[i + 1][0] if i + 1 < len(titles) else len(grid.rows)
            if i + 1 < len(titles):  # the next table's label above its title is not this table's row
                end = min([end, *(lr for lr, (t, _) in owner.items() if t == titles[i + 1][0] and lr < end)])
            mine = sorted((abs(lr - r), lab) for lr, (t, lab) in owner.items() if t == r)
            regions.append(Region(table["kind"], table["number"], title, grid, r, c, end, mine[0][1] if mine else ""))
    return regions


# ---- the unit line -------------------------------------------------------------------------------------

# Applied to NFKC text, where the full-width colon is ":".
_MONEY = re.compile(r"(?:金额)?单位:?\s*(万元|元)\s*$|(?:金额)?单位:\s*(万元|元)")
_ENTITY = re.compile(r"^(?:部门|单位|编制单位|编制部门|填报单位|单位名称|预算单位|部门名称):\s*(.+)$")


@dataclass(frozen=True, slots=True)
class UnitLine:
    entity: str
    entity_at: tuple[int, int] | None  # 0-based row, col of the cell that names the entity
    money: str  # 万元 / 元 / "" when the table does not say


def unit_line(region: Region, first_data_row: int) -> UnitLine:
    """The entity and money unit stated between the title and the first data row."""
    entity, entity_at, money = "", None, ""
    for r in range(max(region.title_row - 1, 0), min(first_data_row, region.end_row)):
        for c, value in enumerate(region.grid.rows[r]):
            if not isinstance(value, str):
                continue
            text = unicodedata.normalize("NFKC", value).strip()
            found = _MONEY.search(text)
            if found and not money:
                money = found.group(1) or found.group(2)
                text = text[:found.start()].strip()
            match = _ENTITY.match(text)
            if match and not entity:
                name = re.split(r"\s{2,}|\s+(?=(金额)?单位:)", match.group(1).strip())[0].strip()
                if name and name not in ("万元", "元"):
                    entity, entity_at = name, (r, c)
    return UnitLine(entity, entity_at, money)
