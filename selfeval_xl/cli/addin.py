"""``selfeval build-addin`` / ``selfeval install-addin``: build the Excel add-in and put it where Excel loads it."""

from __future__ import annotations

import os
from pathlib import Path

import click

from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_OUTPUT, OutputError, os_reason
from selfeval_xl.excel import addin

# ---- commands ------------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    from selfeval_xl.workbook.package import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(path=path, reason=os_reason(exc)) from None


@click.command("build-addin", cls=ChineseCommand, help=texts.ADDIN["help.build"])
@click.option("-o", "--output", type=click.Path(path_type=Path), default=addin.DEFAULT_OUTPUT,
              help=texts.ADDIN["help.build_output"])
@click.option("--macros", "macros_dir", type=click.Path(path_type=Path), help=texts.ADDIN["help.build_macros"])
def build_addin_command(output: Path, macros_dir: Path | None) -> None:
    """Build the Excel add-in (selfeval.xlam) from macros/."""
    data = addin.build_addin_bytes(macros_dir)
    _write(output, data)
    click.echo(texts.render(texts.ADDIN, "build.written", path=output))


@click.command("install-addin", cls=ChineseCommand, help=texts.ADDIN["help.install"])
@click.option("--from", "source", type=click.Path(path_type=Path), help=texts.ADDIN["help.install_from"])
@click.option("--dir", "target_dir", type=click.Path(path_type=Path), help=texts.ADDIN["help.install_dir"])
def install_addin_command(source: Path | None, target_dir: Path | None) -> None:
    """Copy the add-in where Excel loads it at start-up (Windows: XLSTART; macOS: Startup/Excel)."""
    folder = target_dir or addin.install_target(addin.current_platform(), dict(os.environ), Path.home())
    if folder is None:
        click.echo(texts.render(texts.ADDIN, "install.no_excel", system=addin.current_platform()), err=True)
        raise SystemExit(EXIT_OUTPUT)  # there is nowhere to install to
    if source is not None:
        if not source.is_file():
            raise OutputError(path=source, reason=texts.render(texts.ADDIN, "install.missing", path=source))
        data = source.read_bytes()
    else:
        data = addin.build_addin_bytes()
    target = folder / addin.ADDIN_FILE
    _write(target, data)
    click.echo(texts.render(texts.ADDIN, "install.done", path=target))
    if addin.current_platform().startswith("win"):  # the service the ribbon calls, started at every logon
        import sys

        launcher = addin.launcher_target(dict(os.environ), Path.home())
        _write(launcher, addin.launcher_text(Path(sys.executable)).encode("utf-8"))
        click.echo(texts.render(texts.ADDIN, "install.launcher", path=launcher))


@click.command("serve", cls=ChineseCommand, help=texts.ADDIN["help.serve"])
@click.option("--port", type=click.IntRange(0, 65535), default=None, help=texts.ADDIN["help.serve_port"])
def serve_command(port: int | None) -> None:
    """Run the per-user loopback service the ribbon calls (until stopped)."""
    from selfeval_xl.excel import service

    settings = service.read_settings()
    if port is not None:
        settings = service.ServiceSettings(port=port)

    def ready(server: service.Service, path: Path) -> None:
        click.echo(texts.render(texts.ADDIN, "serve.ready", port=server.port, path=path), err=True)

    try:
        service.serve(settings, service.state_dir(), ready=ready)
    except OSError as exc:
        raise OutputError(path=service.state_dir() / service.SERVICE_FILE, reason=os_reason(exc)) from None
    except KeyboardInterrupt:
        pass
