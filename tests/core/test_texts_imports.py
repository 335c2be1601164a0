"""The IMPORTS catalog: every key the 决算 import uses exists, every finding code has a message, all render."""

from __future__ import annotations

import re

from selfeval_xl.core import texts
from tests.conftest import ROOT

MODULES = ["importers/juesuan_find.py", "importers/juesuan_grid.py", "importers/juesuan_read.py",
           "importers/juesuan_econ.py", "importers/juesuan_fill.py", "importers/juesuan_report.py", "cli/juesuan.py"]


def _keys_used() -> set[str]:
    found: set[str] = set()
    for name in MODULES:
        text = (ROOT / "selfeval_xl" / name).read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:_t\(|IMPORTS\[|render\(texts\.IMPORTS, )\s*f?"([a-z_.{}]+)"', text))
        found |= set(re.findall(r'(?:finding|JuesuanError|gap)\(f?"([a-z_.{}]+)"', text))
    expanded = set()
    for key in found:  # f"juesuan_{key}_sum" and f"juesuan.{f.status}"
        if "{key}" in key:
            expanded |= {key.replace("{key}", k) for k in ("personnel", "public")}
        elif key.endswith("{f.status}"):
            expanded |= {key.replace("{f.status}", s) for s in ("filled", "unchanged", "kept", "overwritten")}
        else:
            expanded.add(key)
    return expanded


def test_every_key_used_has_a_text() -> None:
    used = _keys_used()
    assert len(used) > 30
    assert used <= set(texts.IMPORTS), sorted(used - set(texts.IMPORTS))


FORMAT_ONLY = {"juesuan.location", "juesuan.not_in_book_item", "juesuan.target_row"}  # placeholders and punctuation


def test_imports_texts_render_and_are_chinese() -> None:
    for key, template in texts.IMPORTS.items():
        rendered = texts.render(texts.IMPORTS, key, **dict.fromkeys(texts.placeholders(template), "X"))
        assert "{" not in rendered and "}" not in rendered, key
        assert key in FORMAT_ONLY or re.search(r"[\u4e00-\u9fff]", rendered), key
