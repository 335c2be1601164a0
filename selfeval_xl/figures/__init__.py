"""Figures: exact totals, shares and execution rates (``compute``), the 自评表 scores and
grade (``scoring``), year over year (``yoy``). Decimal in, Decimal out, with a trail of steps.

May import: ``core``, ``workbook.layout``. Pure.
Tests: ``tests/figures/``.
"""
