"""公开06表 (一般公共预算财政拨款基本支出决算表): economic codes side by side, and the checks across tables.

The table prints two or three column groups (科目编码 | 科目名称 | 决算数), codes as "30101", split
"301 | 01", or glued to the name ("30207邮电费"); class rows (301, 302 …) carry subtotals; the
totals 人员经费合计 / 公用经费合计 stand on one row, each in its group. ``read_econ_table`` reads
every group of every row: leaves (5-digit codes) with their amounts, class subtotals (checked
against their leaves), the two totals (checked against the leaves of 301 + 303 and of the other
classes). ``cross_check`` compares 人员经费 + 公用经费 with 基本支出 of 05 (of 03 without a 05).
The published totals are what the workbook gets; leaves add up to them in a table kept in 元.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from selfeval_xl.core.econ_codes import CODES, PERSONNEL_CLASSES, RETIRED, code_from_cell
from selfeval_xl.core.model import Severity
from selfeval_xl.importers.juesuan_find import Region, is_dash, normalize
from selfeval_xl.importers.juesuan_find import amount as read_amount
from selfeval_xl.importers.juesuan_grid import Shape, text_of, to_yuan
from selfeval_xl.importers.juesuan_read import EconFigure, Reader, TableFound, _name, finding


def _groups(shp: Shape, layout: dict[str, object]) -> list[tuple[list[int], list[int], int]]:
    """(code columns, name columns, amount column) of each group, left to right."""
    code_words = [normalize(w) for w in layout["code_headers"]]  # type: ignore[attr-defined]
    amount_words = [normalize(w) for w in layout["amount_headers"]]  # type: ignore[attr-defined]
    paths = shp.paths
    is_amount = [any(w in p.rsplit("/", 1)[-1] for w in amount_words) for p in paths]
    is_code = [not is_amount[c] and any(w in p for w in code_words) for c, p in enumerate(paths)]
    groups = []
    c = 0
    while c < len(paths):
        if not is_code[c]:
            c += 1
            continue
        codes = [c]
        while c + 1 < len(paths) and is_code[c + 1]:
            c += 1
            codes.append(c)
        end = c + 1
        while end < len(paths) and not is_amount[end] and not is_code[end]:
            end += 1
        if end < len(paths) and is_amount[end]:
            groups.append((codes, list(range(c + 1, end)), end))
        c = end
    return groups


def _code(shp: Shape, row: int, columns: list[int]) -> str:
    parts = [text_of(shp.value(row, c)) for c in columns]
    if len(parts) > 1 and all(p.isdigit() for p in parts[:2]):
        return parts[0] + parts[1]
    return code_from_cell(parts[0]) or (parts[0] if parts[0].isdigit() and len(parts[0]) == 3 else "")


def read_econ_table(reader: Reader, region: Region, shp: Shape, money: str) -> None:
    layout = region.layout
    name = _name(region)
    groups = _groups(shp, layout)
    if not groups:
        reader.issues.append(finding("juesuan_columns_missing", shp.cell(region.title_row, region.title_col),
                                   Severity.ERROR, table=name))
        return
    personnel_words = {normalize(w) for w in layout["personnel_total"]}
    public_words = {normalize(w) for w in layout["public_total"]}
    leaves: dict[str, Decimal] = defaultdict(Decimal)
    classes: list[tuple[str, Decimal, int, int]] = []
    totals: dict[str, tuple[Decimal, int, int]] = {}
    for r in shp.data_rows:
        for codes, names, col in groups:
            raw = shp.value(r, col)
            value = read_amount(raw)
            words = {text_of(shp.value(r, c)) for c in [*codes, *names]}
            if value is None:
                if not is_dash(raw):
                    reader.issues.append(finding("juesuan_not_number", shp.cell(r, col), table=name, value=raw))
                continue
            if words & personnel_words:
                totals.setdefault("personnel", (value, r, col))
                continue
            if words & public_words:
                totals.setdefault("public", (value, r, col))
                continue
            code = _code(shp, r, codes)
            where = shp.cell(r, codes[0])
            if len(code) == 3:
                classes.append((code, value, r, col))
            elif code in RETIRED:
                reader.issues.append(finding("juesuan_code_retired", where, table=name, code=code, why=RETIRED[code]))
            elif len(code) == 5 and code not in CODES:
                reader.issues.append(finding("juesuan_code_unknown", where, table=name, code=code))
            elif code:
                leaves[code] += value
                if value != 0:
                    reader.items.append(EconFigure(code, to_yuan(value, money), shp.cell(r, col)))
    for klass, value, r, col in classes:
        inside = [v for code, v in leaves.items() if code.startswith(klass)]
        if inside:
            reader.gap("juesuan_class_sum", shp.cell(r, col), value, sum(inside, Decimal(0)), money, table=name,
                       klass=klass)
    sums = {"personnel": sum((v for c, v in leaves.items() if c[:3] in PERSONNEL_CLASSES), Decimal(0)),
            "public": sum((v for c, v in leaves.items() if c[:3] not in PERSONNEL_CLASSES), Decimal(0))}
    for key in ("personnel", "public"):
        if key in totals:
            value, r, col = totals[key]
            if leaves:
                reader.gap(f"juesuan_{key}_sum", shp.cell(r, col), value, sums[key], money, table=name)
            reader.put(f"basic_econ.{key}", value, money, shp.cell(r, col))
        elif leaves:
            reader.put(f"basic_econ.{key}", sums[key], money, None)
    _merge_items(reader)


def _merge_items(reader: Reader) -> None:
    """One item per code (a code printed twice is added up, at its first cell)."""
    merged: dict[str, EconFigure] = {}
    for item in reader.items:
        if item.code in merged:
            first = merged[item.code]
            merged[item.code] = EconFigure(item.code, first.yuan + item.yuan, first.where)
        else:
            merged[item.code] = item
    reader.items[:] = list(merged.values())


def _title(table: TableFound) -> str:
    return f"{table.label}“{table.title}”" if table.label else f"“{table.title}”"


def cross_check(reader: Reader, tables: dict[str, TableFound]) -> None:
    """06 人员经费 + 公用经费 = 基本支出 of 05, or of 03 when there is no 05 (03 covers all funds);
    02's 本年收入合计 = 01's."""
    income, summary = reader.figures.get("income.total"), reader.figures.get("summary.income_total")
    if income is not None and summary is not None and income.where is not None and summary.where is not None:
        scale = Decimal(10000) if tables["income"].money == "万元" else Decimal(1)
        reader.gap("juesuan_income_mismatch", income.where, income.yuan / scale, summary.yuan / scale,
                   tables["income"].money, table=_title(tables["income"]), other=_title(tables["summary"]),
                   other_at=str(summary.where))
    personnel, public = reader.figures.get("basic_econ.personnel"), reader.figures.get("basic_econ.public")
    source = "general" if "general" in tables else "spending" if "spending" in tables else ""
    basic = reader.figures.get(f"{source}.basic") if source else None
    if personnel is None or public is None or basic is None or basic.where is None:
        return
    money = tables[source].money
    scale = Decimal(10000) if money == "万元" else Decimal(1)
    econ = tables["basic_econ"]
    reader.gap("juesuan_basic_mismatch", basic.where, basic.yuan / scale, (personnel.yuan + public.yuan) / scale,
               money, table=f"{econ.label}“{econ.title}”" if econ.label else f"“{econ.title}”",
               other=f"{tables[source].label}“{tables[source].title}”" if tables[source].label
               else f"“{tables[source].title}”",
               personnel_at=str(personnel.where or econ.where), public_at=str(public.where or econ.where))
