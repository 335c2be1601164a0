"""The text catalog: every code used in the code has a message, and every placeholder gets filled."""

from __future__ import annotations

import re

import pytest

from selfeval_xl.core import texts
from tests.conftest import ROOT

SOURCES = [p for p in (ROOT / "selfeval_xl").rglob("*.py") if "audit" not in p.parts]


def _codes_used() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'issue\("([a-z_]+)"', text))
        found |= set(re.findall(r'ctx\.add\("([a-z_]+)"', text))
        if path.name in ("values.py", "parse.py", "parse_cells.py"):
            found |= set(re.findall(r'\("([a-z_]+)", \{', text))  # values.* findings
    return found


def test_every_issue_code_has_a_message() -> None:
    used = _codes_used()
    assert len(used) > 30
    assert used <= set(texts.ISSUES), sorted(used - set(texts.ISSUES))


def test_every_fatal_code_has_a_message() -> None:
    codes = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'Error\("([a-z_]+)"', text))
        codes |= set(re.findall(r'^    code = "([a-z_]+)"', text, re.M))
    known = set(texts.FATAL) | set(texts.BATCH) | set(texts.IMPORTS)  # LedgerError / JuesuanError: their sections
    assert codes <= known, sorted(codes - known)


@pytest.mark.parametrize("table", [texts.ISSUES, texts.FATAL, texts.REPORT, texts.UI])
def test_render_fills_every_placeholder(table: dict[str, str]) -> None:
    for key, template in table.items():
        params = dict.fromkeys(texts.placeholders(template), "X")
        rendered = texts.render(table, key, **params)
        assert "{" not in rendered and "}" not in rendered, key


def test_render_refuses_a_missing_placeholder() -> None:
    with pytest.raises(KeyError):
        texts.render(texts.ISSUES, "required")


def test_user_text_is_chinese() -> None:
    for table in (texts.ISSUES, texts.FATAL, texts.REPORT):
        for key, template in table.items():
            bare = re.sub(r"\{[a-z_]+\}", "", template)
            if bare.strip("，。；、") and not re.search(r"[\u4e00-\u9fff]", bare):
                pytest.fail(f"{key} has no Chinese text")


def test_public_api_all_is_complete() -> None:
    import types

    import selfeval_xl

    public = {name for name, value in vars(selfeval_xl).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType) and name != "annotations"}
    assert public | {"__version__"} == set(selfeval_xl.__all__)
