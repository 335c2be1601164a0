"""Synthetic 部门决算 公开表 workbooks, built by code from a unit's figures in 元 (hand-checkable).

``Unit`` holds what a department spent, in 元; ``Style`` says how the tables are printed (money
unit, labels, 栏次 row, two or three column groups in 06, split 类/款 codes, 合计 row at the top
or the bottom, amounts as text with thousands separators or full-width digits, blank spacer rows,
one table per sheet or all stacked on one sheet). ``write_juesuan`` writes the .xlsx;
``to_xls`` converts it with LibreOffice headless. The layouts follow shared/juesuan_layouts.md.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl

from selfeval_xl.core.econ_codes import CODES, PERSONNEL_CLASSES

D = Decimal


@dataclass
class Unit:
    name: str
    items: dict[str, Decimal]  # 06: basic spending by economic code, 元
    functions: list[tuple[str, str, Decimal, Decimal]]  # (7-digit code, name, basic 元, project 元), 一般公共预算
    gov_fund: Decimal = Decimal(0)  # 政府性基金 spending (project), 元
    carry_in: Decimal = Decimal(0)  # 年初结转和结余 (01), 元
    three: tuple[Decimal, Decimal, Decimal, Decimal] = (D(0), D(0), D(0), D(0))  # 出国, 车购置, 车运行, 接待

    @property
    def basic(self) -> Decimal:
        return sum((b for _, _, b, _ in self.functions), D(0))

    @property
    def project(self) -> Decimal:
        return sum((p for _, _, _, p in self.functions), D(0))

    def part(self, personnel: bool) -> Decimal:
        return sum((v for c, v in self.items.items() if (c[:3] in PERSONNEL_CLASSES) == personnel), D(0))


@dataclass
class Style:
    money: str = "万元"
    labels: str = "公开0{n}表"  # "" = none; "表{n}", "表{cn}" (表六)
    label_below: bool = False  # the label on its own row under the title, unit lines one per row (南漳 2019)
    detail_title: bool = False  # 06 titled "…基本支出决算明细表" (北海, 岳阳)
    general_carry: bool = False  # 05 as 一般公共预算财政拨款收入支出决算表 with carry-over columns (楚雄 2019)
    stanza: bool = True
    groups: int = 3  # 06: 3 (national) or 2 (Shanghai)
    split_codes: bool = False  # 06 codes as "301 | 01"
    total_first: bool = True  # 合计 row at the top (national) or bottom (Shanghai 05)
    text_amounts: bool = False  # some amounts as "1,234.50" text and full-width digits
    spacers: bool = False  # blank rows between data rows
    stacked: bool = False  # all tables on one sheet
    zero_dash: bool = False  # zero printed as "-" (else 0.00)
    entity: str = ""  # unit name printed on the unit line ("" = the unit's own)
    sheet_names: list[str] = field(default_factory=list)
    changes: dict[tuple[str, str], Any] = field(default_factory=dict)  # (table, cell role) → printed value


def wan(yuan: Decimal) -> Decimal:
    return (yuan / 10000).quantize(D("0.01"), ROUND_HALF_UP)


class Writer:
    def __init__(self, unit: Unit, style: Style) -> None:
        self.unit, self.style = unit, style
        self.book = openpyxl.Workbook()
        self.ws: Any = self.book.active
        self.ws.title = "决算报表" if style.stacked else "封面"
        self.row = 1
        self.count = 0

    def money(self, yuan: Decimal, key: tuple[str, str] | None = None) -> Any:
        if key in self.style.changes:
            return self.style.changes[key]
        value = wan(yuan) if self.style.money == "万元" else yuan.quantize(D("0.01"))
        if value == 0 and self.style.zero_dash:
            return "-"
        self.count += 1
        if self.style.text_amounts and self.count % 5 == 0:
            text = f"{value:,.2f}"
            return text.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if self.count % 10 == 0 else text
        return float(value)

    def table(self, number: int, title: str) -> None:
        s = self.style
        if not s.stacked:
            names = s.sheet_names or []
            self.ws = self.book.create_sheet(names[number - 1] if len(names) >= number else f"表{number}")
            self.row = 1
        else:
            self.row += 2
        label = s.labels.format(n=number, cn="一二三四五六七八九"[number - 1])
        if s.labels and not s.label_below:
            self.ws.cell(self.row, 8, label)
            self.row += 1
        self.ws.cell(self.row, 1, title)
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=6)
        self.row += 1
        unit_word = "金额单位：" if s.labels else "单位："
        if s.label_below:
            for text in (label, f"部门:{s.entity or self.unit.name}", f"金额单位:{s.money}"):
                self.ws.cell(self.row, 1, text)
                self.row += 1
            return
        self.ws.cell(self.row, 1, f"部门：{s.entity or self.unit.name}")
        self.ws.cell(self.row, 8, f"{unit_word}{s.money}")
        self.row += 1

    def header(self, cells: list[tuple[int, int, int, int, str]], height: int, stanza: list[str]) -> None:
        for r, c, rs, cs, text in cells:
            self.ws.cell(self.row + r, c, text)
            if rs > 1 or cs > 1:
                self.ws.merge_cells(start_row=self.row + r, start_column=c, end_row=self.row + r + rs - 1,
                                    end_column=c + cs - 1)
        self.row += height
        if self.style.stanza:
            for c, text in enumerate(stanza, start=1):
                self.ws.cell(self.row, c, text)
            self.row += 1

    def line(self, values: list[Any]) -> None:
        for c, value in enumerate(values, start=1):
            if value is not None:
                self.ws.cell(self.row, c, value)
        self.row += 1
        if self.style.spacers:
            self.row += 1

    def note(self, text: str) -> None:
        self.ws.cell(self.row, 1, text)
        self.row += 1


def _classes(unit: Unit) -> dict[str, tuple[str, Decimal, Decimal]]:
    out: dict[str, tuple[str, Decimal, Decimal]] = {}
    for code, _, basic, project in unit.functions:
        _, b, p = out.get(code[:3], ("", D(0), D(0)))
        out[code[:3]] = (CLASS_NAMES.get(code[:3], "支出"), b + basic, p + project)
    return out


CLASS_NAMES = {"201": "一般公共服务支出", "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出",
               "210": "卫生健康支出", "221": "住房保障支出", "212": "城乡社区支出"}


def _code_block(w: Writer, table: str, rows: list[tuple[str, str, list[Decimal]]], totals: list[Decimal],
                roles: list[str]) -> None:
    total_line = ["合计", None, *[w.money(v, (table, f"total.{r}")) for v, r in zip(totals, roles, strict=True)]]
    if w.style.total_first:
        w.line(total_line)
    for code, name, values in rows:
        w.line([code, name, *[w.money(v) for v in values]])
    if not w.style.total_first:
        w.line(total_line)


def _function_rows(unit: Unit, value: Any) -> list[tuple[str, str, list[Decimal]]]:
    rows = []
    for klass, (name, basic, project) in _classes(unit).items():
        rows.append((klass, name, value(basic, project)))
        for code, fname, b, p in unit.functions:
            if code.startswith(klass):
                rows.append((code, fname, value(b, p)))
    return rows


def _t01_04(w: Writer) -> None:
    u = w.unit
    total = u.basic + u.project + u.gov_fund
    w.table(1, "收入支出决算总表")
    w.header([(0, 1, 1, 3, "收入"), (0, 4, 1, 3, "支出"), (1, 1, 1, 1, "项目"), (1, 2, 1, 1, "行次"),
              (1, 3, 1, 1, "金额"), (1, 4, 1, 1, "项目"), (1, 5, 1, 1, "行次"), (1, 6, 1, 1, "金额")], 2,
             ["栏次", "", "1", "栏次", "", "2"])
    w.line(["一、一般公共预算财政拨款收入", 1, w.money(u.basic + u.project), "一、一般公共服务支出", 29,
            w.money(u.basic + u.project)])
    w.line(["二、政府性基金预算财政拨款收入", 2, w.money(u.gov_fund), "二、城乡社区支出", 30, w.money(u.gov_fund)])
    w.line(["本年收入合计", 3, w.money(total), "本年支出合计", 31, w.money(total)])
    w.line(["年初结转和结余", 4, w.money(u.carry_in), "年末结转和结余", 32, w.money(u.carry_in)])
    w.table(4, "财政拨款收入支出决算总表")
    w.header([(0, 1, 1, 2, "收入"), (0, 3, 1, 3, "支出"), (1, 1, 1, 1, "项目"), (1, 2, 1, 1, "决算数"),
              (1, 3, 1, 1, "项目"), (1, 4, 1, 1, "合计"), (1, 5, 1, 1, "一般公共预算财政拨款")], 2, [])
    w.line(["本年收入合计", w.money(total), "本年支出合计", w.money(total), w.money(u.basic + u.project)])


def _t02_03(w: Writer) -> None:
    u = w.unit
    fund_rows = [("2120801", "征地和拆迁补偿支出", D(0), u.gov_fund)] if u.gov_fund else []
    every = Unit(u.name, u.items, u.functions + fund_rows)
    total = every.basic + every.project
    w.table(2, "收入决算表")
    w.header([(0, 1, 1, 2, "项目"), (1, 1, 1, 1, "功能分类科目编码"), (1, 2, 1, 1, "科目名称"),
              (0, 3, 2, 1, "本年收入合计"), (0, 4, 2, 1, "财政拨款收入"), (0, 5, 2, 1, "上级补助收入"),
              (0, 6, 2, 1, "事业收入"), (0, 7, 2, 1, "经营收入"), (0, 8, 2, 1, "附属单位上缴收入"),
              (0, 9, 2, 1, "其他收入")], 2, ["栏次", "", "1", "2", "3", "4", "5", "6", "7"])
    zero = [D(0)] * 5
    _code_block(w, "02", _function_rows(every, lambda b, p: [b + p, b + p, *zero]), [total, total, *zero],
                ["total", "appropriation", "upper_grant", "business", "operation", "subsidiary", "other"])
    w.table(3, "支出决算表")
    w.header([(0, 1, 1, 2, "项目"), (1, 1, 1, 1, "功能分类科目编码"), (1, 2, 1, 1, "科目名称"),
              (0, 3, 2, 1, "本年支出合计"), (0, 4, 2, 1, "基本支出"), (0, 5, 2, 1, "项目支出"),
              (0, 6, 2, 1, "上缴上级支出"), (0, 7, 2, 1, "经营支出"), (0, 8, 2, 1, "对附属单位补助支出")], 2,
             ["栏次", "", "1", "2", "3", "4", "5", "6"])
    _code_block(w, "03", _function_rows(every, lambda b, p: [b + p, b, p, D(0), D(0), D(0)]),
                [total, every.basic, every.project, D(0), D(0), D(0)],
                ["total", "basic", "project", "upward", "operation", "subsidiary"])


def _t05(w: Writer) -> None:
    u = w.unit
    if w.style.general_carry:
        w.table(5, "一般公共预算财政拨款收入支出决算表")
        w.header([(0, 1, 1, 2, "项目"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"), (0, 3, 2, 1, "年初结转和结余"),
                  (0, 4, 2, 1, "本年收入"), (0, 5, 1, 3, "本年支出"), (1, 5, 1, 1, "小计"), (1, 6, 1, 1, "基本支出"),
                  (1, 7, 1, 1, "项目支出"), (0, 8, 2, 1, "年末结转和结余")], 2, ["栏次", "", "1", "2", "3", "4", "5", "6"])
        total = u.basic + u.project
        _code_block(w, "05", _function_rows(u, lambda b, p: [D(0), b + p, b + p, b, p, D(0)]),
                    [D(0), total, total, u.basic, u.project, D(0)],
                    ["carry_in", "income", "total", "basic", "project", "carry_out"])
        return
    w.table(5, "一般公共预算财政拨款支出决算表")
    w.header([(0, 1, 1, 2, "项目"), (1, 1, 1, 1, "科目编码"), (1, 2, 1, 1, "科目名称"), (0, 3, 1, 3, "本年支出"),
              (1, 3, 1, 1, "小计"), (1, 4, 1, 1, "基本支出"), (1, 5, 1, 1, "项目支出")], 2,
             ["栏次", "", "1", "2", "3"])
    _code_block(w, "05", _function_rows(u, lambda b, p: [b + p, b, p]), [u.basic + u.project, u.basic, u.project],
                ["total", "basic", "project"])


def _t06(w: Writer) -> None:
    u, s = w.unit, w.style
    personnel = sorted(c for c in u.items if c[:3] in PERSONNEL_CLASSES)
    public = sorted(c for c in u.items if c[:3] not in PERSONNEL_CLASSES)
    w.table(6, "一般公共预算财政拨款基本支出决算明细表" if s.detail_title else "一般公共预算财政拨款基本支出决算表")
    width = 4 if s.split_codes else 3
    cells = []
    for g in range(s.groups):
        c = 1 + g * width
        group = "人员经费" if g == 0 else "公用经费"
        cells.append((0, c, 1, width, group))
        if s.split_codes:
            cells += [(1, c, 1, 2, "科目编码"), (2, c, 1, 1, "类"), (2, c + 1, 1, 1, "款"), (1, c + 2, 2, 1, "科目名称"),
                      (1, c + 3, 2, 1, "决算数")]
        else:
            cells += [(1, c, 1, 1, "科目编码"), (1, c + 1, 1, 1, "科目名称"), (1, c + 2, 1, 1, "决算数")]
    w.header(cells, 3 if s.split_codes else 2, [])

    def entries(codes: list[str]) -> list[tuple[str, str, Decimal]]:
        out = []
        for klass in sorted({c[:3] for c in codes}):
            inside = [c for c in codes if c[:3] == klass]
            out.append((klass, {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助",
                                "310": "资本性支出"}.get(klass, "其他"), sum((u.items[c] for c in inside), D(0))))
            out += [(c, CODES[c].name, u.items[c]) for c in inside]
        return out

    columns = [entries(personnel)]
    if s.groups == 3:
        columns += [entries([c for c in public if c.startswith("302")]),
                    entries([c for c in public if not c.startswith("302")])]
    else:
        columns.append(entries(public))
    height = max(len(c) for c in columns)
    for i in range(height):
        line: list[Any] = []
        for group in columns:
            if i < len(group):
                code, name, value = group[i]
                code_cells = [code[:3], code[3:] or None] if s.split_codes else [code]
                line += [*code_cells, name, w.money(value)]
            else:
                line += [None] * width
        w.line(line)
    last: list[Any] = ["人员经费合计", *([None] * (width - 2)), w.money(u.part(True), ("06", "personnel")),
                       "公用经费合计", *([None] * (width - 2)), w.money(u.part(False), ("06", "public"))]
    w.line(last)


def _t07_09(w: Writer) -> None:
    u = w.unit
    w.table(7, "一般公共预算财政拨款“三公”经费支出决算表")
    cells = []
    for b, block in enumerate(("预算数", "决算数")):
        c = 1 + b * 6
        cells += [(0, c, 1, 6, block), (1, c, 2, 1, "合计"), (1, c + 1, 2, 1, "因公出国（境）费"),
                  (1, c + 2, 1, 3, "公务用车购置及运行费"), (2, c + 2, 1, 1, "小计"), (2, c + 3, 1, 1, "公务用车购置费"),
                  (2, c + 4, 1, 1, "公务用车运行费"), (1, c + 5, 2, 1, "公务接待费")]
    w.header(cells, 3, [str(i) for i in range(1, 13)])
    abroad, purchase, running, reception = u.three
    block = [abroad + purchase + running + reception, abroad, purchase + running, purchase, running, reception]
    w.line([w.money(v) for v in block + block])
    for number, title, amount in ((8, "政府性基金预算财政拨款收入支出决算表", u.gov_fund),
                                  (9, "国有资本经营预算财政拨款支出决算表", D(0))):
        w.table(number, title)
        w.header([(0, 1, 2, 2, "项目"), (0, 3, 2, 1, "年初结转和结余"), (0, 4, 2, 1, "本年收入"),
                  (0, 5, 1, 3, "本年支出"), (1, 5, 1, 1, "合计"), (1, 6, 1, 1, "基本支出"), (1, 7, 1, 1, "项目支出"),
                  (0, 8, 2, 1, "年末结转和结余")], 2, ["栏次", "", "1", "2", "3", "4", "5", "6"])
        if amount:
            _code_block(w, f"0{number}", [("212", "城乡社区支出", [D(0), amount, amount, D(0), amount, D(0)]),
                                          ("2120801", "征地和拆迁补偿支出", [D(0), amount, amount, D(0), amount, D(0)])],
                        [D(0), amount, amount, D(0), amount, D(0)],
                        ["carry_in", "income", "spent", "basic", "project", "carry_out"])
        else:
            w.note(f"说明：{u.name}本年度没有{title[:-5]}收入和支出，故本表无数据。")


def write_juesuan(path: Path, unit: Unit, style: Style | None = None) -> Path:
    w = Writer(unit, style or Style())
    if not w.style.stacked:
        w.ws.cell(1, 1, f"{unit.name}2023年度部门决算")
    for part in (_t01_04, _t02_03, _t05, _t06, _t07_09):
        part(w)
    w.book.save(path)
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_xls(path: Path) -> Path:
    """Convert ``path`` (.xlsx) to .xls beside it with LibreOffice headless (the test skips without it)."""
    exe = soffice()
    assert exe is not None
    profile = path.parent / "lo-profile"
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xls",
                    "--outdir", str(path.parent), str(path)], check=True, capture_output=True, timeout=180)
    out = path.with_suffix(".xls")
    assert out.exists()
    return out
