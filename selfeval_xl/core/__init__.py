"""The pure core: cell addresses, the model's frozen dataclasses, exact numbers, the
economic-classification catalog, the exception tree and the text catalog.

Owns: ``cells``, ``model``, ``values`` (what a raw cell value means), ``numbers`` (Decimal
arithmetic and presentation), ``econ_codes``, ``errors``, ``texts`` (every user-facing string).
May import: the standard library only (no files, Excel, processes or clock). Everything else
in the package may import it.
Tests: ``tests/core/``.
"""
