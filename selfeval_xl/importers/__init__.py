"""Importers that fill a copy of the workbook from what a department already has: the
明细账 (``ledger``, ``ledger_read``, ``ledger_sheet``, ``ledger_formats``: .xlsx/.xls/.csv, 借/贷) and the
published 部门决算 公开表 (``juesuan_find``, ``juesuan_grid``, ``juesuan_read``, ``juesuan_econ``,
``juesuan_fill``; table layouts and the fill mapping are data in ``data/*.json``); ``book_tables``
writes into the copy's Excel tables through the layout's names.

May import: ``core``, ``workbook``, ``pipeline``, ``report``, ``render``. Not ``collect``.
Tests: ``tests/importers/``.
"""
