"""The report: what is said (``narrative``: structured sections and paragraphs, numbered
by GB/T 9704 levels) and the neutral content of every output sheet (``sheets``: cells, styles,
widths, print setup) that the renderers draw mechanically.

May import: ``core``, ``workbook.layout``, ``figures``. Pure.
Tests: ``tests/report/``.
"""
