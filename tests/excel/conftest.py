"""Add-in tests: the built add-in (once per session) and the xlwings remote engine.

The remote engine is part of xlwings PRO, free under the PolyForm Noncommercial licence (which
covers government institutions); it is enabled by ``XLWINGS_LICENSE_KEY=noncommercial``, which
must be set before xlwings is first imported — hence here, at the top of this conftest.
"""

from __future__ import annotations

import os

os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import xlwings as xw

from selfeval_xl.excel.addin import build_addin_bytes
from tests.excel.remote import payload_from_xlsx

MACROS = Path(__file__).resolve().parents[2] / "macros"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def addin_bytes() -> bytes:
    return build_addin_bytes(MACROS)


@pytest.fixture(scope="session")
def addin_path(addin_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("addin") / "selfeval.xlam"
    path.write_bytes(addin_bytes)
    return path


@pytest.fixture
def remote_book() -> Iterator[Callable[..., Any]]:
    """``remote_book(path, client=...)``: the workbook at ``path`` opened in xlwings' remote engine, set as caller."""
    opened: list[Any] = []

    def open_book(path: Path, *, client: str = "Office.js") -> Any:
        book = xw.Book(json=payload_from_xlsx(path, client=client, version=xw.__version__))
        book.set_mock_caller()
        opened.append(book)
        return book

    yield open_book
    for book in opened:
        book.close()
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller
