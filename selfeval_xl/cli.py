"""Command line: ``selfeval``. The only place besides the adapters that touches files and the clock."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """selfeval: 部门整体支出绩效自评 workbook checker and report writer."""


def _register_lazy_commands() -> None:
    """Commands whose modules are heavy or optional are imported only when used."""
    from selfeval_xl.audit.command import audit_command

    cli.add_command(audit_command)


def main(argv: list[str] | None = None) -> int:
    _register_lazy_commands()
    try:
        cli.main(args=argv, prog_name="selfeval", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0
