"""The finance bureau's batch: many handed-in files → one summary (``batch`` runs the
workers, ``worker`` examines one file, ``summary`` builds rows, ranking, charts, the workbook).

May import: ``core``, ``workbook``, ``pipeline``, ``report``, ``render``, ``figures``, ``audit``.
Not ``importers``.
Tests: ``tests/collect/``.
"""
