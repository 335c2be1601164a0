"""Shared fixtures: the founding example, workbooks built from (mutated) example data, golden files."""

from __future__ import annotations

import copy
import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from examples.build_examples import DAXIANG_2020  # noqa: E402
from selfeval_xl.workbook.template import template_bytes  # noqa: E402

EXAMPLE = ROOT / "examples" / "daxiang_media_center_2020.xlsx"
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("SELFEVAL_REGEN_GOLDEN") == "1"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def example_data() -> dict[str, Any]:
    """A deep copy of the founding example's data, free to mutate."""
    return copy.deepcopy(DAXIANG_2020)


@pytest.fixture
def make_book(tmp_path: Path) -> Callable[..., Path]:
    """Write a template filled with ``data`` to a temp .xlsx and return its path."""
    counter = iter(range(10_000))

    def make(data: dict[str, Any] | None = None, name: str | None = None) -> Path:
        path = tmp_path / (name or f"book{next(counter)}.xlsx")
        path.write_bytes(template_bytes(data))
        return path

    return make


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with tests/golden/``name``; SELFEVAL_REGEN_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if REGEN or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {name} was missing and has been written; review and commit it")
    assert actual == path.read_text(encoding="utf-8"), f"differs from golden {name} (SELFEVAL_REGEN_GOLDEN=1 to update)"
