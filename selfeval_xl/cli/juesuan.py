"""``selfeval import-juesuan JUESUAN --into BOOK [-o OUT] [--force] [--json]``: the command-line face of the 决算表 import."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from selfeval_xl.core import texts
from selfeval_xl.core.errors import EXIT_DATA, EXIT_OK
from selfeval_xl.core.numbers import CENT
from selfeval_xl.core.model import Issue
from selfeval_xl.importers.juesuan_fill import KEPT, JuesuanResult, import_juesuan
from selfeval_xl.importers.juesuan_read import Juesuan, plain


def _t(key: str, **params: object) -> str:
    return texts.render(texts.IMPORTS, key, **params)


def message(item: Issue) -> str:
    """The Chinese message of a finding; a 提示 about a rounding gap says so."""
    text = texts.render(texts.IMPORTS, item.code, **dict(item.params))
    if not item.is_error and "diff" in dict(item.params):
        text += _t("juesuan_rounding_note")
    return text


def _location(file: str, item: Issue) -> str:
    return _t("juesuan.location", file=file, cell=str(item.where)) if item.where else file


def _wan(juesuan: Juesuan, key: str) -> str:
    figure = juesuan.figure(key)
    return plain((figure.yuan / 10000).quantize(Decimal("0.01"))) if figure else "—"


def to_document(result: JuesuanResult) -> dict[str, Any]:
    js = result.juesuan
    return {
        "juesuan": js.file, "book": result.book, "unit": result.unit,
        "output": str(result.output) if result.output else None,
        "tables": [{"kind": t.kind, "number": t.number, "title": t.title, "label": t.label, "sheet": t.where.sheet,
                    "cell": t.where.a1, "money_unit": t.money, "entity": t.entity} for t in js.tables],
        "figures": {f.key: f"{f.yuan.quantize(CENT):f}" for f in js.figures},  # 元
        "items": [{"code": i.code, "yuan": f"{i.yuan.quantize(CENT):f}", "cell": str(i.where)} for i in js.items],
        "filled": [{"target": f.target, "cell": f.cell, "value": f.value, "old": f.old, "status": f.status,
                    "source": f.source} for f in result.filled],
        "not_in_book": [{"target": f.target, "value": f.value, "source": f.source} for f in result.not_in_book],
        "errors": len(result.errors), "warnings": len(result.warnings),
        "issues": [{"code": i.code, "severity": i.severity.value, "file": js.file,
                    "sheet": i.where.sheet if i.where else "", "cell": i.where.a1 if i.where else "",
                    "message": message(i)} for i in result.issues],
        "check": result.check,
    }


def print_result(result: JuesuanResult) -> None:
    js = result.juesuan
    tables = "、".join(_t("juesuan.found_table", label=t.label, title=t.title, cell=str(t.where), unit=t.money)
                      for t in js.tables)
    click.echo(_t("juesuan.found", file=js.file, count=len(js.tables), tables=tables))
    entity, _ = js.entity
    if entity:
        click.echo(_t("juesuan.entity", entity=entity))
    for item in result.issues:
        click.echo(f"{texts.UI['severity.' + item.severity.value]}  {_location(js.file, item)}  {message(item)}")
    click.echo(_t("juesuan.totals", total=_wan(js, "general.total"), basic=_wan(js, "general.basic"),
                  personnel=_wan(js, "basic_econ.personnel"), public=_wan(js, "basic_econ.public"),
                  project=_wan(js, "general.project")))
    for f in result.filled:
        click.echo(_t(f"juesuan.{f.status}", target=f.target, cell=f.cell, value=f.value, old=f.old, source=f.source))
    if result.not_in_book:
        click.echo(_t("juesuan.not_in_book", items="、".join(
            _t("juesuan.not_in_book_item", target=f.target, value=f.value, source=f.source)
            for f in result.not_in_book)))
    kept = len(result.kept)
    click.echo(_t("juesuan.summary", errors=len(result.errors), warnings=len(result.warnings),
                  filled=sum(1 for f in result.filled if f.status != KEPT), kept=kept))
    if result.output is None:
        if result.errors:
            click.echo(_t("juesuan.refused_errors", errors=len(result.errors)), err=True)
        if kept:
            click.echo(_t("juesuan.refused_kept", kept=kept), err=True)
        return
    click.echo(_t("juesuan.written", path=result.output))
    if result.check is not None:
        click.echo(_t("juesuan.check", **result.check))


@click.command("import-juesuan")
@click.argument("juesuan_path", metavar="JUESUAN", type=click.Path(path_type=Path))
@click.option("--into", "book", required=True, type=click.Path(path_type=Path), help=texts.IMPORTS["help_juesuan_into"])
@click.option("-o", "--output", type=click.Path(path_type=Path), help=texts.IMPORTS["help_juesuan_output"])
@click.option("--force", is_flag=True, help=texts.IMPORTS["help_juesuan_force"])
@click.option("--json", "as_json", is_flag=True, help=texts.IMPORTS["help_juesuan_json"])
def juesuan_command(juesuan_path: Path, book: Path, output: Path | None, force: bool, as_json: bool) -> None:
    """Fill a copy of BOOK from the 部门决算 公开表 in JUESUAN (.xlsx or .xls)."""
    result = import_juesuan(juesuan_path, book, output, force=force)
    if as_json:
        click.echo(json.dumps(to_document(result), ensure_ascii=False, indent=2))
    else:
        print_result(result)
    clean = result.output is not None and not result.errors and not result.kept
    raise SystemExit(EXIT_OK if clean else EXIT_DATA)
