"""The Excel side: the xlwings adapter (live book ⇄ pipeline), its sheet renderer, the
add-in build, and ``service`` — the per-user loopback service the ribbon calls.

May import: everything below the CLI (pipeline, render, importers). Only this package imports
xlwings.
Tests: ``tests/excel/``.
"""
