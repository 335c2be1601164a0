"""A recording stand-in for a workbook open in desktop Excel, built from an .xlsx with openpyxl.

It answers the calls the adapter's reader makes through xlwings' COM engine — sheets, the used
range, one 2-D block of values (numbers as floats, as COM gives them), per-cell ``number_format``,
tables, defined names — and records each call, so a test can compare what the COM path reads with
what the file readers read, and count what it asks of Excel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl

from selfeval_xl.core.cells import col_letter, parse_range


@dataclass
class Calls:
    log: list[tuple[str, Any]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for name, _ in self.log if name == kind)


class FakeRange:
    def __init__(self, ws: Any, calls: Calls, first: tuple[int, int], last: tuple[int, int] | None) -> None:
        self.ws, self.calls, self.first, self.last = ws, calls, first, last or first

    def options(self, **kwargs: Any) -> FakeRange:
        return self

    @property
    def value(self) -> Any:
        self.calls.log.append(("value", (self.first, self.last)))
        (r1, c1), (r2, c2) = self.first, self.last
        return [[_com(self.ws.cell(r, c).value) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    @property
    def number_format(self) -> str:
        self.calls.log.append(("number_format", self.first))
        return str(self.ws.cell(*self.first).number_format)


def _com(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class FakeSheet:
    def __init__(self, ws: Any, calls: Calls) -> None:
        self.ws, self.calls, self.name = ws, calls, ws.title
        self.used_range = SimpleNamespace(last_cell=SimpleNamespace(row=ws.max_row, column=ws.max_column))
        self.tables = []
        for table in ws.tables.values():
            r1, c1, r2, c2 = parse_range(table.ref)
            address = f"${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"
            self.tables.append(SimpleNamespace(name=table.name, range=SimpleNamespace(address=address)))

    def range(self, first: tuple[int, int], last: tuple[int, int] | None = None) -> FakeRange:
        return FakeRange(self.ws, self.calls, first, last)


class FakeComBook:
    def __init__(self, path: Path) -> None:
        self.calls = Calls()
        book = openpyxl.load_workbook(path, data_only=True)
        self.name = path.name
        self.fullname = str(path)
        self.sheets = [FakeSheet(ws, self.calls) for ws in book.worksheets]
        self.names = [SimpleNamespace(name=name, refers_to="=" + defined.attr_text)
                      for name, defined in book.defined_names.items()]
        self.app = SimpleNamespace(engine=SimpleNamespace(type="desktop", name="excel"))
