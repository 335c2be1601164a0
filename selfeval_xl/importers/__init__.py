"""Importers that fill a copy of the workbook from what a department already has: the
明细账 (``ledger``, ``ledger_read``, ``ledger_sheet``).

May import: ``core``, ``workbook``, ``pipeline``, ``report``, ``render``. Not ``collect``.
Tests: ``tests/importers/``.
"""
