"""The BATCH catalog: every key the ledger and collect modules use exists, and renders completely."""

from __future__ import annotations

import re

from selfeval_xl.core import texts
from selfeval_xl.importers.ledger_read import ERROR_CODES, WARNING_CODES
from tests.conftest import ROOT

MODULES = ["importers/ledger.py", "importers/ledger_read.py", "importers/ledger_sheet.py", "cli/ledger.py",
           "collect/batch.py", "collect/worker.py", "collect/summary.py", "cli/collect.py", "render/embedded.py"]


def _keys_used() -> set[str]:
    found: set[str] = set()
    for name in MODULES:
        text = (ROOT / "selfeval_xl" / name).read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:_t|BATCH\[|render\(texts\.BATCH,)\(?\s*"([a-z_.]+)"', text))
        found |= set(re.findall(r'LedgerError\("([a-z_]+)"', text))
        found |= set(re.findall(r'issues\.add\("([a-z_]+)"', text))
    return found


def test_every_key_used_has_a_text() -> None:
    used = _keys_used()
    assert len(used) > 30
    assert used <= set(texts.BATCH), sorted(used - set(texts.BATCH))


def test_every_ledger_issue_code_has_a_message_and_a_kind() -> None:
    for code in (*ERROR_CODES, *WARNING_CODES, "ledger_more"):
        assert code in texts.BATCH
    for code in (*ERROR_CODES, *WARNING_CODES):
        if code != "ledger_no_type_column":
            assert f"kind.{code}" in texts.BATCH


FORMAT_ONLY = {"ledger.location", "ledger.location_file", "collect.file_unusable", "collect.changed_cell",
               "collect.list_separator"}  # only placeholders and punctuation


def test_batch_texts_render_and_are_chinese() -> None:
    for key, template in texts.BATCH.items():
        rendered = texts.render(texts.BATCH, key, **dict.fromkeys(texts.placeholders(template), "X"))
        assert "{" not in rendered and "}" not in rendered, key
        assert key in FORMAT_ONLY or re.search(r"[\u4e00-\u9fff]", rendered), key
