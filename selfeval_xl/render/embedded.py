"""The evaluation's figures inside an exported file, for the finance bureau's ``collect``.

The exported 自评表.xlsx carries a custom XML part (``customXml/item1.xml``, related from
``xl/workbook.xml``) in the namespace ``urn:selfeval-xl:figures:1``: the unit, the year, the
figures the report states (万元, percents, score, grade), the template and tool versions, the
生成时间 line, and the visible values of every exported cell with their SHA-256 digest. Excel and
WPS do not show custom XML parts and keep them when the file is opened and saved again; no hidden
sheet is added. ``collect`` reads the part (``read_embedded``) and compares the stored visible
values with the cells it finds: a file edited by hand after export is named, with the cells that
changed.

All values are strings (Decimal as ``f"{value:f}"``), so the part reads back exactly.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from selfeval_xl.core import texts
from selfeval_xl.core.cells import col_letter
from selfeval_xl.core.version import VERSION
from selfeval_xl.report.sheets import SheetContent

NAMESPACE = "urn:selfeval-xl:figures:1"
PART = "customXml/item1.xml"
PROPS_PART = "customXml/itemProps1.xml"
_CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_STORE_ID = "{5E1D2A7C-3B4F-4C8E-9A61-0D2F7B3C9E10}"
MAX_PART = 4 * 1024 * 1024  # read no more than this of a part: a hostile file cannot make us inflate more
FIGURES = ("total", "basic", "personnel", "public", "project", "personnel_share", "public_share",
           "basic_share", "project_share", "execution_rate")


def _s(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def evaluation_figures(evaluation: Any) -> dict[str, Decimal | None]:
    """The figures a summary needs, as the report states them; ``execution_rate`` is the one the score used
    (the 自评表's 预算执行率) when there is a score, else the budget sheet's."""
    results, scoring = evaluation.results, evaluation.scoring
    rate = results.rate("total")
    execution = scoring.execution_rate if scoring is not None and scoring.execution_rate is not None else (
        rate.rate if rate else None)
    return {"total": results.total, "basic": results.basic, "personnel": results.personnel,
            "public": results.public, "project": results.project,
            "personnel_share": results.personnel_share, "public_share": results.public_share,
            "basic_share": results.basic_share_of_total, "project_share": results.project_share_of_total,
            "execution_rate": execution}


def execution_note(evaluation: Any) -> str:
    """What the workbook says about the execution rate (the 说明 of 合计, else of 项目支出)."""
    budget = evaluation.model.budget
    for key in ("total", "project"):
        line = budget.get(key)
        if line is not None and line.note:
            return str(line.note)
    return ""


def _shown(value: object) -> str:
    """A cell value as compared after a round trip through Excel: numbers by their decimal value."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        return f"{number.normalize():f}" if number != 0 else "0"
    return "" if value is None else str(value)


def visible_cells(sheets: Sequence[SheetContent]) -> list[list[str]]:
    """[sheet, A1, shown value] of every written cell, in order."""
    return [[content.title, f"{col_letter(cell.col)}{cell.row}", _shown(cell.value)]
            for content in sheets for cell in sorted(content.cells, key=lambda c: (c.row, c.col))]


def digest(cells: Iterable[Sequence[str]]) -> str:
    return hashlib.sha256(json.dumps(list(map(list, cells)), ensure_ascii=False).encode("utf-8")).hexdigest()


def payload(evaluation: Any, generated: str, sheets: Sequence[SheetContent]) -> dict[str, Any]:
    from selfeval_xl.workbook.layout import TEMPLATE_VERSION

    info, scoring = evaluation.model.info, evaluation.scoring
    cells = visible_cells(sheets)
    return {
        "format": 1, "tool_version": VERSION, "template_version": TEMPLATE_VERSION, "generated": generated,
        "unit_name": info.unit_name, "year": info.year, "amount_unit": "万元",
        "figures": {key: _s(value) for key, value in evaluation_figures(evaluation).items()},
        "score": _s(scoring.total) if scoring else None, "grade": scoring.grade if scoring else "",
        "execution_note": execution_note(evaluation),
        "errors": len(evaluation.errors), "warnings": len(evaluation.warnings),
        "cells": cells, "digest": digest(cells),
    }


def _part_xml(data: Mapping[str, Any]) -> bytes:
    body = escape(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<selfeval xmlns="{NAMESPACE}">{body}</selfeval>').encode()


def _props_xml() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<ds:datastoreItem ds:itemID="{_STORE_ID}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>').encode()


def embed(data: bytes, data_to_store: Mapping[str, Any], main_part: str = "xl/workbook.xml") -> bytes:
    """``data`` (an OOXML package) with the custom XML part added and related from ``main_part``."""
    folder, name = main_part.rsplit("/", 1)
    rels_name = f"{folder}/_rels/{name}.rels"
    target = "../" * (folder.count("/") + 1) + PART
    source = io.BytesIO(data)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result:
        for info in package.infolist():
            content = package.read(info.filename)
            if info.filename == rels_name:
                rel = f'<Relationship Id="rIdSelfevalFigures" Type="{_CUSTOM_XML_REL}" Target="{target}"/>'
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{PROPS_PART}" ContentType="{_PROPS_TYPE}"/>'
                if b'Extension="xml"' not in content:
                    override += '<Default Extension="xml" ContentType="application/xml"/>'
                content = content.replace(b"</Types>", override.encode() + b"</Types>")
            result.writestr(info, content)
        result.writestr(PART, _part_xml(data_to_store))
        result.writestr("customXml/_rels/item1.xml.rels",
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        f'<Relationship Id="rId1" Type="{_PROPS_REL}" Target="itemProps1.xml"/></Relationships>')
        result.writestr(PROPS_PART, _props_xml())
    return out.getvalue()


def read_embedded(path: Path) -> dict[str, Any] | None:
    """The stored part of an exported file (any ``customXml/*.xml`` whose root is in our namespace), or None.

    Parsed without entities or network (a hostile part cannot expand); Excel or WPS may have
    re-serialised the part on saving, so it is read as XML, not as our exact bytes. Raises
    ``zipfile.BadZipFile``/``OSError`` for files that are not packages; the caller decides.
    """
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            if not (info.filename.startswith("customXml/") and info.filename.endswith(".xml")) or \
                    info.file_size > MAX_PART:
                continue
            with package.open(info) as fh:
                raw = fh.read(MAX_PART + 1)
            try:
                root = etree.fromstring(raw, parser)
            except etree.XMLSyntaxError:
                continue
            if root.tag != f"{{{NAMESPACE}}}selfeval":
                continue
            try:
                found = json.loads(root.text or "")
            except ValueError:
                return None
            return found if isinstance(found, dict) and found.get("format") == 1 else None
    return None


def changed_cells(stored: Sequence[Sequence[str]], current: Mapping[tuple[str, str], object]) -> list[str]:
    """'sheet'!A1: stored → now, for every stored cell whose value is not what the file shows now."""
    changes = []
    for sheet, ref, value in stored:
        now = _shown(current.get((sheet, ref)))
        if now != value:
            empty = texts.BATCH["collect.empty_cell"]
            changes.append(texts.render(texts.BATCH, "collect.changed_cell", sheet=sheet, ref=ref,
                                        before=value or empty, after=now or empty))
    return changes
