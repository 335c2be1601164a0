"""Generated inputs for the scale tests and benchmarks: 明细账 ledgers and department workbooks.

``write_rows`` writes a plain one-sheet .xlsx straight from rows of values (shared strings, dates
as serial numbers with a date style), fast enough for a million lines (openpyxl would take
minutes); Excel, calamine and openpyxl all read it. ``ledger_rows`` splits the founding example's
经济分类明细 into voucher lines that add up exactly to it, so an aggregated ledger reconciles with
the example's 预算支出. ``department_data`` varies the example into another department's data.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import random
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

LEDGER_HEADER = ("日期", "凭证号", "科目编码", "科目名称", "摘要", "金额（元）", "支出类型")  # noqa: RUF001 (Chinese data)
SUMMARIES = ("支付办公用品费", "报销差旅费", "发放工资", "缴纳养老保险", "支付印刷费", "支付劳务费",
             "支付维修费", "购置办公设备", "支付装修工程款", "支付委托业务费", "缴纳住房公积金", "支付车辆运行费")
_EPOCH = dt.date(1899, 12, 30)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


_COLS = [_letters(i) for i in range(1, 65)]


def write_rows(path: Path, rows: Iterable[Sequence[object]], sheet: str = "明细账") -> Path:
    """Write ``rows`` (str, int, float, Decimal, date or None per cell) as a one-sheet .xlsx."""
    strings: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(_SHEET_HEAD.encode())
            chunk: list[str] = []
            for r, row in enumerate(rows, start=1):
                cells = []
                for c, value in enumerate(row):
                    if value is None or value == "":
                        continue
                    ref = f"{_COLS[c]}{r}"
                    if isinstance(value, str):
                        index = strings.setdefault(value, len(strings))
                        cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
                    elif isinstance(value, dt.date):
                        cells.append(f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>')
                    else:
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                chunk.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(chunk) >= 5000:
                    member.write("".join(chunk).encode())
                    chunk.clear()
            member.write(("".join(chunk) + "</sheetData></worksheet>").encode())
        shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        archive.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'))
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=escape(sheet)))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
    return path


def example_items(data: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    """(code, 支出类型, project name or "", amount in 分) of each 经济分类明细 row of template data (万元)."""
    projects = [p["name"] for p in data["tables"].get("projects", [])]
    out = []
    for n, item in enumerate(data["tables"]["items"]):
        code = str(item["code"]).split()[0]
        cents = int(Decimal(item["amount"]) * 1_000_000)  # 万元 → 分
        project = projects[n % len(projects)] if item["spending"] == "项目支出" and projects else ""
        out.append((code, item["spending"], project, cents))
    return out


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``parts`` positive amounts (分) adding up exactly to ``total``."""
    parts = max(1, min(parts, total))
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    bounds = [0, *cuts, total]
    return [b - a for a, b in itertools.pairwise(bounds)]


def ledger_rows(items: Sequence[tuple[str, str, str, int]], lines: int, *, seed: int = 7,
                year: int = 2020, title: bool = True) -> Iterator[tuple[object, ...]]:
    """A 明细账: a title line, the header, then ``lines`` voucher lines adding up to ``items``.

    The 支出类型 column varies the way real ledgers do: 基本支出 / 基本 / blank for basic spending,
    项目支出 / 项目 / the project's name for project spending; codes are numbers or text.
    """
    from selfeval_xl.core.econ_codes import CODES

    rng = random.Random(seed)
    total = sum(c for *_, c in items) or 1
    counts = [max(1, lines * c // total) for *_, c in items]
    counts[counts.index(max(counts))] += lines - sum(counts)
    if title:
        yield (f"{year}年度支出明细账",)
    yield LEDGER_HEADER
    voucher = 0
    for (code, spending, project, cents), count in zip(items, counts, strict=True):
        name = CODES[code].name if code in CODES else ""
        basic = spending == "基本支出"
        for amount in _split(cents, count, rng):
            voucher += 1
            day = dt.date(year, 1, 1) + dt.timedelta(days=voucher * 365 // max(lines, 1))
            kind = rng.choice(("基本支出", "基本", "")) if basic else rng.choice(("项目支出", "项目", project or "项目"))
            code_cell: object = int(code) if voucher % 3 else code
            yield (day, f"记-{voucher:06d}", code_cell, name, rng.choice(SUMMARIES),
                   float(Decimal(amount) / 100), kind)


def write_ledger(path: Path, lines: int, data: dict[str, Any], *, seed: int = 7) -> Path:
    return write_rows(path, ledger_rows(example_items(data), lines, seed=seed, year=data["fields"]["year"]))


def department_data(base: dict[str, Any], n: int) -> dict[str, Any]:
    """The example's data as department ``n``: another name, amounts scaled, some indicators missed.

    Every amount is scaled by the same factor and re-split so that all sums still hold exactly.
    """
    rng = random.Random(n)
    data = copy.deepcopy(base)
    data["fields"]["unit_name"] = f"第{n + 1}号测试单位"
    data["fields"]["short_name"] = f"测试单位{n + 1}"
    factor = Decimal(rng.randint(50, 400)) / 100

    def scale(value: Decimal) -> Decimal:
        return (Decimal(value) * factor).quantize(Decimal("0.01"))

    items = data["tables"]["items"]
    for item in items:
        item["amount"] = scale(item["amount"])
    personnel = sum(i["amount"] for i in items if i["spending"] == "基本支出" and str(i["code"]).startswith(("301", "303")))
    public = sum(i["amount"] for i in items if i["spending"] == "基本支出" and not str(i["code"]).startswith(("301", "303")))
    project = sum(i["amount"] for i in items if i["spending"] == "项目支出")
    projects = data["tables"]["projects"]
    projects[0]["executed"] = project - sum(scale(p["executed"]) for p in projects[1:])
    for p in projects[1:]:
        p["executed"] = scale(p["executed"])
    for p in projects:
        p["adjusted"] = p["executed"] + Decimal(rng.randint(0, 300)) / 100
    executed = {"personnel": personnel, "public": public, "basic": personnel + public, "project": project,
                "total": personnel + public + project}
    slack = Decimal(rng.randint(0, 1500)) / 100 * factor
    for line in data["tables"]["general"]:
        key = line["_row"]
        line["executed"] = executed[key]
        line["initial"] = scale(line["initial"])
    adjusted = {k: v + (slack if k in ("public", "basic", "total") else 0) for k, v in executed.items()}
    adjusted["project"] = sum(p["adjusted"] for p in projects)
    adjusted["total"] = adjusted["basic"] + adjusted["project"]
    for line in data["tables"]["general"]:
        line["adjusted"] = adjusted[line["_row"]]
        line["note"] = "" if executed[line["_row"]] >= adjusted[line["_row"]] * Decimal("0.9") else "年中追加预算，部分资金结转下年。"  # noqa: RUF001 (Chinese data)
    for line in data["tables"]["money"]:
        if line["_row"] in ("total", "appropriation"):
            line["initial"] = next(g["initial"] for g in data["tables"]["general"] if g["_row"] == "total")
            line["adjusted"], line["executed"] = adjusted["total"], executed["total"]
    for indicator in data["tables"]["indicators"]:
        if isinstance(indicator["actual"], int) and rng.random() < 0.3:
            indicator["actual"] = int(indicator["target"] * rng.uniform(0.6, 0.99))
            indicator["reason"] = "受疫情影响，部分工作延期；下一步加快进度。"  # noqa: RUF001 (Chinese data)
    return data


_LEVEL2 = {"产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
           "效益指标": ("社会效益指标", "经济效益指标", "可持续影响指标"),
           "满意度指标": ("服务对象满意度指标",)}
_REASONS = ("受疫情影响部分活动延期举办；下一步科学安排工作计划，确保按期完成。",  # noqa: RUF001 (Chinese data)
            "上级资金下达较晚，项目实施进度滞后；下一步加强与财政部门沟通，加快资金拨付和项目实施进度，"  # noqa: RUF001
            "并建立季度调度机制，按月通报执行情况。")  # noqa: RUF001 (Chinese data)


def many_indicators(count: int) -> list[dict[str, Any]]:
    """``count`` (≥ 3) 自评表 indicators: half 产出, 3/10 效益, the rest 满意度, with weights 50 / 30 /
    10 shared out to 0.01 (so they add up to 100), every 5th qualitative, some short of target with a
    偏差原因 of one or two lines."""
    rows: list[dict[str, Any]] = []
    outputs, effects = max(1, count // 2), max(1, count * 3 // 10)
    for level1, n, total in (("产出指标", outputs, 50), ("效益指标", effects, 30),
                             ("满意度指标", count - outputs - effects, 10)):
        names = _LEVEL2[level1]
        share = (Decimal(total) / n).quantize(Decimal("0.01"))
        for i in range(n):
            k = len(rows)
            weight = share if i < n - 1 else total - share * (n - 1)
            row: dict[str, Any] = {"level1": level1, "level2": names[i * len(names) // n], "weight": weight}
            if level1 == "满意度指标":
                row.update(name=f"第{i + 1}类服务对象满意度", direction="≥", unit="%", target=90, actual=95)
            elif k % 5 == 3:
                row.update(name=f"重点工作任务{k + 1}落实情况", direction="定性", unit="", target="全面落实",
                           actual="基本落实", rating="部分达成", reason=_REASONS[k % 2])
            else:
                row.update(name=f"第{k + 1}项公共服务事项完成数量", direction="≥", unit="件",
                           target=1000 + 37 * k, actual=1000 + 37 * k - (k % 3) * 11)
                if k % 3:
                    row["reason"] = _REASONS[k % 2]
            rows.append(row)
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    """``python benchmarks/generate.py OUT.xlsx [LINES]``: a 明细账 that adds up to the founding example."""
    import argparse
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from examples.build_examples import DAXIANG_2020

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("lines", type=int, nargs="?", default=10_000)
    args = parser.parse_args(argv)
    write_ledger(args.out, args.lines, DAXIANG_2020)
    print(f"wrote {args.out} ({args.lines} lines)")


if __name__ == "__main__":
    main()
