"""The add-in's entry points: the module the ribbon's ``RunPython`` lines import.

This dotted name, ``selfeval_xl.excel.entry``, is a stable contract with the built add-in
(``macros/SelfevalRibbon.bas``): a .xlam built earlier keeps working only while this module and
these names stay. ``tests/excel/test_entry.py`` fails if the macros name another module or a
name missing here. Each ``*_caller`` is a one-line shim that passes ``xw.Book.caller()`` to the
adapter; the work is in ``selfeval_xl.excel.adapter``.
"""

from __future__ import annotations

from selfeval_xl.excel.adapter import (
    run_about_caller,
    run_check_caller,
    run_export_caller,
    run_generate_report_caller,
    run_import_ledger_caller,
)

ENTRY_MODULE = __name__

__all__ = [
    "ENTRY_MODULE",
    "run_about_caller",
    "run_check_caller",
    "run_export_caller",
    "run_generate_report_caller",
    "run_import_ledger_caller",
]
