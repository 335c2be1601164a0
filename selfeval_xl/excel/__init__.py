"""The Excel side: the xlwings adapter (live book ⇄ pipeline), its sheet renderer, the
add-in build, and ``entry`` — the stable module the ribbon's RunPython lines import.

May import: everything below the CLI (pipeline, render, importers). Only this package imports
xlwings.
Tests: ``tests/excel/``.
"""
