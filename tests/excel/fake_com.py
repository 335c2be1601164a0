"""A recording stand-in for a workbook open in desktop Excel (xlwings' COM engine), from an .xlsx.

It answers what the adapter reads through COM — sheets, the used range, one 2-D block of values
(numbers as floats, as COM gives them), per-cell ``number_format``, tables, defined names — and takes
what the adapter writes: new sheets, values, hyperlinks, formats, merges, widths, heights, the page
setup through ``.api``, ``GetOpenFilename``, ``to_pdf``, dialogs. Every call is recorded, and the
limits Excel documents are asserted where the call is made, so a test fails as Excel would:

* row height ≤ 409 points, column width ≤ 255 characters;
* a cell holds at most 32,767 characters; a sheet name 1–31 characters without []:*?/\\ ;
* a hyperlink's address at most 2,079 characters, its ScreenTip at most 255, an internal address
  ``#'sheet'!A1`` naming a sheet of the book;
* PageSetup: PaperSize 9 (A4) among xlPaperSize, Orientation 1 or 2, Zoom False or 10–400,
  FitToPagesWide/Tall False or ≥ 1;
* GetOpenFilename's filter a comma-separated list of description, pattern pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl

from selfeval_xl.core.cells import col_letter, parse_range

MAX_ROW_HEIGHT, MAX_COLUMN_WIDTH, MAX_CELL_TEXT = 409, 255, 32_767
MAX_LINK_ADDRESS, MAX_SCREEN_TIP = 2079, 255
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Calls:
    log: list[tuple[str, Any]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for name, _ in self.log if name == kind)

    def of(self, kind: str) -> list[Any]:
        return [args for name, args in self.log if name == kind]


def _com(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class _Font(SimpleNamespace):
    pass


class FakeRange:
    def __init__(self, sheet: FakeSheet, first: tuple[int, int], last: tuple[int, int] | None) -> None:
        self.sheet, self.first, self.last = sheet, first, last or first
        self.font = _Font(name=None, size=None, bold=None, color=None)
        self.borders = SimpleNamespace(line_style=None)
        self.color = self.wrap_text = self.horizontal_alignment = self.vertical_alignment = None

    @property
    def calls(self) -> Calls:
        return self.sheet.calls

    def options(self, **kwargs: Any) -> FakeRange:
        return self

    @property
    def value(self) -> Any:
        self.calls.log.append(("value", (self.first, self.last)))
        (r1, c1), (r2, c2) = self.first, self.last
        return [[_com(self.sheet.cells.get((r, c))) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]

    @value.setter
    def value(self, grid: Any) -> None:
        self.calls.log.append(("set_value", (self.sheet.name, self.first)))
        r1, c1 = self.first
        for r, row in enumerate(grid, start=r1):
            for c, value in enumerate(row, start=c1):
                if isinstance(value, str):
                    assert len(value) <= MAX_CELL_TEXT, f"{self.sheet.name}!{col_letter(c)}{r}: over 32,767 characters"
                if value is not None:
                    self.sheet.cells[r, c] = value

    @property
    def number_format(self) -> str:
        self.calls.log.append(("number_format", self.first))
        return self.sheet.formats.get(self.first, "General")

    @number_format.setter
    def number_format(self, fmt: str) -> None:
        self.calls.log.append(("set_number_format", (self.sheet.name, self.first, fmt)))

    @property
    def column_width(self) -> float:
        return 8.43

    @column_width.setter
    def column_width(self, width: float) -> None:
        assert 0 <= width <= MAX_COLUMN_WIDTH, f"column width {width}"
        self.calls.log.append(("column_width", (self.sheet.name, self.first[1], width)))

    @property
    def row_height(self) -> float:
        return 15.0

    @row_height.setter
    def row_height(self, height: float) -> None:
        assert 0 <= height <= MAX_ROW_HEIGHT, f"{self.sheet.name} rows {self.first[0]}–{self.last[0]}: {height} pt"
        self.calls.log.append(("row_height", (self.sheet.name, self.first[0], self.last[0], height)))

    def merge(self) -> None:
        self.calls.log.append(("merge", (self.sheet.name, self.first, self.last)))

    def add_hyperlink(self, address: str, text_to_display: str | None = None, screen_tip: str | None = None) -> None:
        assert len(address) <= MAX_LINK_ADDRESS, address
        assert screen_tip is None or len(screen_tip) <= MAX_SCREEN_TIP, screen_tip
        if address.startswith("#"):
            match = re.fullmatch(r"#(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]{1,3}\$?\d+", address)
            assert match is not None, f"not an internal address: {address}"
            target = (match.group(1) or "").replace("''", "'") or match.group(2)
            assert target in {s.name for s in self.sheet.book.sheets}, f"{address}: no sheet {target}"
        self.calls.log.append(("hyperlink", (self.sheet.name, self.first, address, screen_tip)))

    def activate(self) -> None:
        pass


class _PageSetup:
    PAPER_SIZES = frozenset(range(1, 42))  # xlPaperSize: 9 is A4

    def __init__(self, calls: Calls, sheet: str) -> None:
        object.__setattr__(self, "_calls", calls)
        object.__setattr__(self, "_sheet", sheet)

    def __setattr__(self, name: str, value: Any) -> None:
        checks = {
            "PaperSize": lambda v: v in self.PAPER_SIZES,
            "Orientation": lambda v: v in (1, 2),
            "Zoom": lambda v: v is False or (isinstance(v, int) and 10 <= v <= 400),
            "FitToPagesWide": lambda v: v is False or (isinstance(v, int) and v >= 1),
            "FitToPagesTall": lambda v: v is False or (isinstance(v, int) and v >= 1),
            "CenterHorizontally": lambda v: isinstance(v, bool),
        }
        assert name in checks, f"PageSetup.{name} is not a property the adapter should set"
        assert checks[name](value), f"PageSetup.{name} = {value!r}"
        self._calls.log.append(("page_setup", (self._sheet, name, value)))
        object.__setattr__(self, name, value)


class FakeSheet:
    def __init__(self, book: FakeComBook, name: str, ws: Any = None) -> None:
        assert 1 <= len(name) <= 31 and not _BAD_SHEET_CHARS.search(name), f"sheet name {name!r}"
        self.book, self.calls, self.name = book, book.calls, name
        self.cells: dict[tuple[int, int], Any] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.tables: list[Any] = []
        self.show_gridlines = True
        if ws is not None:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        self.cells[cell.row, cell.column] = cell.value
                        if cell.number_format != "General":
                            self.formats[cell.row, cell.column] = cell.number_format
            for table in ws.tables.values():
                r1, c1, r2, c2 = parse_range(table.ref)
                address = f"${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"
                self.tables.append(SimpleNamespace(name=table.name, range=SimpleNamespace(address=address)))
        self.api = SimpleNamespace(PageSetup=_PageSetup(self.calls, name))

    @property
    def used_range(self) -> Any:
        rows = max((r for r, _ in self.cells), default=1)
        cols = max((c for _, c in self.cells), default=1)
        return SimpleNamespace(last_cell=SimpleNamespace(row=rows, column=cols))

    def range(self, first: tuple[int, int], last: tuple[int, int] | None = None) -> FakeRange:
        return FakeRange(self, first, last)

    def activate(self) -> None:
        self.calls.log.append(("activate", self.name))

    def delete(self) -> None:
        self.calls.log.append(("delete_sheet", self.name))
        self.book.sheets.remove(self)


class FakeSheets(list):  # type: ignore[type-arg]
    def __init__(self, book: FakeComBook) -> None:
        super().__init__()
        self.book = book

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return next(s for s in self if s.name == key)
        return super().__getitem__(key)

    def add(self, name: str, after: Any = None) -> FakeSheet:
        assert name not in {s.name for s in self}, f"sheet {name} exists"
        sheet = FakeSheet(self.book, name)
        self.append(sheet)
        self.book.calls.log.append(("add_sheet", name))
        return sheet


class FakeApp:
    def __init__(self, book: FakeComBook, answers: dict[str, Any]) -> None:
        self.book, self.answers = book, answers
        self.engine = SimpleNamespace(type="desktop", name="excel")
        self.status_bar: Any = False
        self.screen_updating = True
        self.api = SimpleNamespace(GetOpenFilename=self._get_open_filename)

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok", mode: str | None = None,
              callback: Any = None) -> str:
        self.book.calls.log.append(("alert", (prompt, title, buttons, mode)))
        return str(self.answers.get("alert", "ok" if buttons == "ok" else "yes"))

    def _get_open_filename(self, file_filter: str, filter_index: int, title: str) -> Any:
        parts = file_filter.split(",")
        assert len(parts) % 2 == 0 and all(p.strip() for p in parts), f"FileFilter {file_filter!r}"
        assert all(re.fullmatch(r"(\*\.[\w*]+;?)+", p) for p in parts[1::2]), f"patterns in {file_filter!r}"
        assert 1 <= filter_index <= len(parts) // 2 and title
        self.book.calls.log.append(("get_open_filename", (file_filter, filter_index, title)))
        return self.answers.get("open_filename", False)  # False: the user cancelled


class FakeComBook:
    """The workbook at ``path`` as desktop Excel would show it; ``answers``: what dialogs return
    (``alert``: "yes"/"no"; ``open_filename``: a path or False)."""

    def __init__(self, path: Path, answers: dict[str, Any] | None = None) -> None:
        self.calls = Calls()
        book = openpyxl.load_workbook(path, data_only=True)
        self.name = path.name
        self.fullname = str(path)
        self.sheets = FakeSheets(self)
        for ws in book.worksheets:
            self.sheets.append(FakeSheet(self, ws.title, ws))
        self.names = [SimpleNamespace(name=name, refers_to="=" + defined.attr_text)
                      for name, defined in book.defined_names.items()]
        self.app = FakeApp(self, answers or {})

    def to_pdf(self, path: Any, include: Any = None) -> None:
        names = {s.name for s in self.sheets}
        assert include and all(i in names for i in include), include
        self.calls.log.append(("to_pdf", (str(path), list(include))))
        Path(path).write_bytes(b"%PDF-1.7 fake\n")
