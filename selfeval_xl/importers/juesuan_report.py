"""What the 决算 import tells the user: Chinese lines for the CLI or a dialog, and a JSON-able document.

``result_lines`` returns (text, to_stderr) pairs — the tables found, every finding at its 决算 cell,
the 一般公共预算 figures, each field filled / unchanged / kept / overwritten with its source cell,
the figures the workbook has no field for, and the outcome — so the CLI prints them and the ribbon
button can show them without either building sentences of its own.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.model import Issue
from selfeval_xl.core.numbers import CENT
from selfeval_xl.importers.juesuan_fill import KEPT, JuesuanResult
from selfeval_xl.importers.juesuan_read import Juesuan, plain


def _t(key: str, **params: object) -> str:
    return texts.render(texts.IMPORTS, key, **params)


def message(item: Issue) -> str:
    """The Chinese message of a finding; a 提示 about a gap says it is rounding."""
    text = texts.render(texts.IMPORTS, item.code, **dict(item.params))
    if not item.is_error and "diff" in dict(item.params):
        text += _t("juesuan_rounding_note")
    return text


def location(file: str, item: Issue) -> str:
    return _t("juesuan.location", file=file, cell=str(item.where)) if item.where else file


def _wan(juesuan: Juesuan, key: str) -> str:
    figure = juesuan.figure(key)
    return plain((figure.yuan / 10000).quantize(CENT)) if figure else "—"


def result_lines(result: JuesuanResult) -> list[tuple[str, bool]]:
    js = result.juesuan
    lines: list[tuple[str, bool]] = []
    tables = "、".join(_t("juesuan.found_table", label=t.label, title=t.title, cell=str(t.where), unit=t.money)
                      for t in js.tables)
    lines.append((_t("juesuan.found", file=js.file, count=len(js.tables), tables=tables), False))
    entity, _ = js.entity
    if entity:
        lines.append((_t("juesuan.entity", entity=entity), False))
    for item in result.issues:
        severity = texts.UI["severity." + item.severity.value]
        lines.append((f"{severity}  {location(js.file, item)}  {message(item)}", False))
    lines.append((_t("juesuan.totals", total=_wan(js, "general.total"), basic=_wan(js, "general.basic"),
                     personnel=_wan(js, "basic_econ.personnel"), public=_wan(js, "basic_econ.public"),
                     project=_wan(js, "general.project")), False))
    for f in result.filled:
        lines.append((_t(f"juesuan.{f.status}", target=f.target, cell=f.cell, value=f.value, old=f.old,
                         source=f.source), False))
    if result.not_in_book:
        lines.append((_t("juesuan.not_in_book", items="、".join(
            _t("juesuan.not_in_book_item", target=f.target, value=f.value, source=f.source)
            for f in result.not_in_book)), False))
    kept = len(result.kept)
    lines.append((_t("juesuan.summary", errors=len(result.errors), warnings=len(result.warnings),
                     filled=sum(1 for f in result.filled if f.status != KEPT), kept=kept), False))
    if result.output is None:
        if result.errors:
            lines.append((_t("juesuan.refused_errors", errors=len(result.errors)), True))
        if kept:
            lines.append((_t("juesuan.refused_kept", kept=kept), True))
        return lines
    lines.append((_t("juesuan.written", path=result.output), False))
    if result.check is not None:
        lines.append((_t("juesuan.check", **result.check), False))
    return lines


def to_document(result: JuesuanResult) -> dict[str, Any]:
    js = result.juesuan

    def yuan(value: Decimal) -> str:
        return f"{value.quantize(CENT):f}"

    return {
        "juesuan": js.file, "book": result.book, "unit": result.unit,
        "output": str(result.output) if result.output else None,
        "tables": [{"kind": t.kind, "number": t.number, "title": t.title, "label": t.label, "sheet": t.where.sheet,
                    "cell": t.where.a1, "money_unit": t.money, "entity": t.entity} for t in js.tables],
        "figures": {f.key: yuan(f.yuan) for f in js.figures},  # 元
        "items": [{"code": i.code, "yuan": yuan(i.yuan), "cell": str(i.where)} for i in js.items],
        "filled": [{"target": f.target, "cell": f.cell, "value": f.value, "old": f.old, "status": f.status,
                    "source": f.source} for f in result.filled],
        "not_in_book": [{"target": f.target, "value": f.value, "source": f.source} for f in result.not_in_book],
        "errors": len(result.errors), "warnings": len(result.warnings),
        "issues": [{"code": i.code, "severity": i.severity.value, "file": js.file,
                    "sheet": i.where.sheet if i.where else "", "cell": i.where.a1 if i.where else "",
                    "message": message(i)} for i in result.issues],
        "check": result.check,
    }
