"""The ``selfeval`` command line: the top of the house. Commands parse options, call the
services below and map failures to exit codes and Chinese messages.

Owns: ``main`` (the group, report/check/template, exit codes), one module per further command
(``export``, ``audit``), imported lazily so that ``selfeval report`` starts fast.
May import: anything in the package. Nothing imports it.
Tests: ``tests/cli/``.
"""
