"""The workbook contract and its edges: the template layout (defined names, tables), the
template builder, the reader that turns a file into raw blocks, and the parser that turns raw
blocks into the model.

Owns: ``layout`` (the contract as data), ``contract`` (README's table), ``template``, ``package``
(deterministic Office bytes, atomic writes), ``reader`` (edge: .xlsx file → ``RawBook``: checks, then ``stream`` reads only the template's sheets),
``fields`` (locating and reading cells of the contract), ``parse`` (raw blocks → model + issues).
May import: ``core``. Pure: ``layout``, ``fields``, ``parse``; edges: ``reader``, ``stream``, ``package``.
Tests: ``tests/workbook/``.
"""
