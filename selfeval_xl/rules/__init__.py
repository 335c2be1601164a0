"""Business rules: model + figures → issues. Each module is a plain tuple of independent
functions run by one guarded runner, so a rule that crashes becomes one issue and hides none.

Owns: ``budget`` (amounts, sums, shares, required content, the runner), ``scoring`` (the 自评表
rules), ``text`` (free text typed into the workbook, audited like a report).
May import: ``core``, ``workbook`` (layout), ``figures``, ``audit`` (its pure analysis). Pure.
Tests: ``tests/rules/``.
"""
