"""The template contract: input sheets, their single fields (defined names) and lists (Excel tables).

This module is data. The template generator lays the workbook out from it, the readers look the
names and tables up by it, the parser maps cells to the model with it, and README's contract
table is checked against it. Positions computed here are the *defaults* of a fresh template;
the parser always prefers the addresses a workbook's own defined names and table refs carry, so a
user who inserts rows inside a table does not break anything.
"""

from __future__ import annotations

from dataclasses import dataclass

# The building blocks (schema) and the vocabularies, re-exported (``X as X``): layout is the one contract module callers import.
from selfeval_xl.workbook.schema import KIND_LABEL as KIND_LABEL
from selfeval_xl.workbook.schema import Column as Column
from selfeval_xl.workbook.schema import Field as Field
from selfeval_xl.workbook.schema import Kind as Kind
from selfeval_xl.workbook.schema import Sheet as Sheet
from selfeval_xl.workbook.schema import Table as Table
from selfeval_xl.workbook.schema import header_key as header_key
from selfeval_xl.workbook.vocab import BUDGET_ITEM_NAMES as BUDGET_ITEM_NAMES
from selfeval_xl.workbook.vocab import BUDGET_ROWS as BUDGET_ROWS
from selfeval_xl.workbook.vocab import DIRECTIONS as DIRECTIONS
from selfeval_xl.workbook.vocab import ENTERED_FUND_ROWS as ENTERED_FUND_ROWS
from selfeval_xl.workbook.vocab import FOUNDING_WAYS as FOUNDING_WAYS
from selfeval_xl.workbook.vocab import FUND_ITEM_NAMES as FUND_ITEM_NAMES
from selfeval_xl.workbook.vocab import FUND_ROWS as FUND_ROWS
from selfeval_xl.workbook.vocab import FUND_SOURCES as FUND_SOURCES
from selfeval_xl.workbook.vocab import INCOME_FISCAL_PARTS as INCOME_FISCAL_PARTS
from selfeval_xl.workbook.vocab import INCOME_ITEM_NAMES as INCOME_ITEM_NAMES
from selfeval_xl.workbook.vocab import INCOME_PARTS as INCOME_PARTS
from selfeval_xl.workbook.vocab import INCOME_ROWS as INCOME_ROWS
from selfeval_xl.workbook.vocab import LEVEL1 as LEVEL1
from selfeval_xl.workbook.vocab import LEVEL2 as LEVEL2
from selfeval_xl.workbook.vocab import LEVEL2_BY_LEVEL1 as LEVEL2_BY_LEVEL1
from selfeval_xl.workbook.vocab import LEVELS as LEVELS
from selfeval_xl.workbook.vocab import OTHER_FUND_ROWS as OTHER_FUND_ROWS
from selfeval_xl.workbook.vocab import OUTLINES as OUTLINES
from selfeval_xl.workbook.vocab import PROJECT_FUND_ITEMS as PROJECT_FUND_ITEMS
from selfeval_xl.workbook.vocab import QUALIFIERS as QUALIFIERS
from selfeval_xl.workbook.vocab import RATINGS as RATINGS
from selfeval_xl.workbook.vocab import SCORING_PRESETS as SCORING_PRESETS
from selfeval_xl.workbook.vocab import SPENDING_TYPES as SPENDING_TYPES
from selfeval_xl.workbook.vocab import UNIT_NATURES as UNIT_NATURES
from selfeval_xl.workbook.vocab import UNITS as UNITS
from selfeval_xl.workbook.vocab import YES_NO as YES_NO

TEMPLATE_ID = "selfeval_xl 部门整体支出绩效自评模板"
TEMPLATE_VERSION = "2026.3"
PREVIOUS_VERSIONS = ("2026.1", "2026.2")  # contracts kept as data in workbook/contracts/, migrated by ``migrate``

META_SHEET = "模板信息"  # hidden: template id and version
LISTS_SHEET = "代码表"  # hidden: dropdown vocabularies (economic codes ...)
NAME_TEMPLATE_ID = "模板标识"
NAME_TEMPLATE_VERSION = "模板版本"


INFO = Sheet(
    key="info",
    title="基本信息",
    instruction="填写单位基本情况。黄色单元格为必填项；列表可在表格内插入行。金额单位在本表选择，全工作簿通用。",
    fields=(
        Field("unit_name", "单位名称", Kind.TEXT, True, hint="全称，如：大祥区融媒体中心"),
        Field("short_name", "单位简称", Kind.TEXT, hint="报告正文中使用，如：区融媒体中心；不填则用全称"),
        Field("year", "年度", Kind.YEAR, True, hint="评价年度，如：2020"),
        Field("level", "级次", Kind.CHOICE, True, LEVELS, hint="用于“区本级其他财政性资金”等表述"),
        Field("amount_unit", "金额单位", Kind.CHOICE, True, UNITS, default="万元", hint="本工作簿所有金额的单位"),
        Field("founded_on", "成立时间", Kind.DATE, hint="如：2019-06-21"),
        Field("founding_way", "成立方式", Kind.CHOICE, choices=FOUNDING_WAYS, hint="成立 / 挂牌成立 / 组建"),
        Field("affiliation", "隶属关系", Kind.TEXT, hint="如：中共大祥区委直属"),
        Field("rank", "机构规格", Kind.TEXT, hint="如：正科级"),
        Field("nature", "单位性质", Kind.CHOICE, choices=UNIT_NATURES, strict_choices=False,
              hint="可从下拉中选择，也可直接填写"),
        Field("supervisor", "归口管理", Kind.TEXT, hint="如：区委宣传部"),
        Field("staffing_kind", "编制类型", Kind.TEXT, hint="如：全额事业编"),
        Field("staffing", "核定编制数", Kind.COUNT, True, hint="人"),
        Field("staff_actual", "实有人数", Kind.COUNT, True, hint="在职实有人数"),
        Field("retired", "退休人数", Kind.COUNT, hint="没有可不填"),
        Field("retired_early", "离休人数", Kind.COUNT, hint="没有可不填；离休与退休分别填写"),
        Field("body_word", "内设机构称谓", Kind.TEXT, default="股室", hint="如：股室、科室"),
        Field("body_count", "内设机构数", Kind.COUNT, hint="与下方“内设机构”列表核对"),
    ),
    tables=(
        Table("bodies", "内设机构表", "内设机构", (Column("name", "机构名称", Kind.TEXT, True, width=28),), 8),
        Table("leaders", "领导职数表", "领导职数", (
            Column("title", "职务", Kind.TEXT, True, width=28),
            Column("count", "人数", Kind.COUNT, True, width=10),
        ), 5),
        Table("duties", "主要职责表", "主要职责", (Column("text", "职责内容", Kind.LONGTEXT, True, width=90),), 12,
              required=True),
        Table("goals", "绩效目标表", "年度整体支出绩效目标", (Column("text", "目标内容", Kind.LONGTEXT, True, width=90),), 10,
              required=True),
    ),
)

BUDGET = Sheet(
    key="budget",
    title="预算支出",
    instruction="按决算数填写。收入：收入合计 = 各项收入之和，可不填。一般公共预算支出（本年财政拨款，不含上年结转）：合计 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费。执行率低于90%或执行数超过预算数时，请在“说明”列写明原因，说明会写入报告。",
    tables=(
        Table("income", "收入情况表", "收入情况（可不填）", (
            Column("item", "项目", Kind.TEXT, True, width=24),
            Column("amount", "本年数", Kind.AMOUNT, width=14),
            Column("previous", "上年数", Kind.AMOUNT, width=14),
            Column("note", "说明", Kind.LONGTEXT, width=36),
        ), fixed_rows=INCOME_ROWS),
        Table("general", "一般公共预算表", "一般公共预算支出", (
            Column("item", "项目", Kind.TEXT, True, width=24),
            Column("initial", "年初预算数", Kind.AMOUNT, width=14),
            Column("adjusted", "全年预算数", Kind.AMOUNT, width=14),
            Column("executed", "全年执行数", Kind.AMOUNT, True, width=14),
            Column("carry_end", "年末结转和结余", Kind.AMOUNT, width=14),
            Column("previous", "上年执行数", Kind.AMOUNT, width=14),
            Column("note", "说明", Kind.LONGTEXT, width=36),
        ), fixed_rows=BUDGET_ROWS),
    ),
)

ECON = Sheet(
    key="econ",
    title="经济分类明细",
    instruction="每个经济分类科目一行，从下拉中选择科目；“报告中名称”可改写科目在报告中的叫法（如 30213 写作“维修费”）。301、303类计入人员经费，其余计入公用经费。",
    tables=(
        Table("items", "经济分类明细表", "支出经济分类明细", (
            Column("code", "科目", Kind.ECON_CODE, True, width=34),
            Column("display", "报告中名称", Kind.TEXT, width=18),
            Column("spending", "支出类型", Kind.CHOICE, True, SPENDING_TYPES, width=12),
            Column("amount", "金额", Kind.AMOUNT, True, width=14),
            Column("note", "备注", Kind.TEXT, width=30),
        ), 40),
    ),
)

PROJECTS = Sheet(
    key="projects",
    title="项目支出",
    instruction="每个项目一行。“主要用途”写成可接在“主要用于”之后的短语，如：融媒体中心装修开支。资金来源不填视为一般公共预算；执行率低于90%时请在“说明”中写明原因（如：余款安排下年支出）。",
    fields=(
        Field("use_summary", "项目支出用途概述", Kind.LONGTEXT,
              hint="可选，如：融媒体中心装修开支和融媒体能力建设；不填则由各项目用途生成"),
    ),
    tables=(
        Table("projects", "项目支出表", "项目支出明细", (
            Column("name", "项目名称", Kind.TEXT, True, width=30),
            Column("adjusted", "全年预算数", Kind.AMOUNT, width=14),
            Column("executed", "全年执行数", Kind.AMOUNT, True, width=14),
            Column("use", "主要用途", Kind.LONGTEXT, True, width=36),
            Column("source", "资金来源", Kind.CHOICE, choices=FUND_SOURCES, width=16),
            Column("carry_in", "上年结转", Kind.AMOUNT, width=12),
            Column("carry_end", "年末结转和结余", Kind.AMOUNT, width=14),
            Column("note", "说明", Kind.LONGTEXT, width=40),
        ), 15),
    ),
)

OTHER = Sheet(
    key="other",
    title="其他资金",
    instruction="本级其他财政性资金和其他三本预算：没有支出选“无”；有支出选“有”并填写全年执行数和情况说明。政府性基金、国有资本经营预算的预算数计入自评表“本年财政拨款”。",
    tables=(
        Table("funds", "其他资金表", "其他资金与预算", (
            Column("item", "资金类型", Kind.TEXT, True, width=26),
            Column("has", "是否有支出", Kind.CHOICE, True, YES_NO, width=12),
            Column("initial", "年初预算数", Kind.AMOUNT, width=14),
            Column("adjusted", "全年预算数", Kind.AMOUNT, width=14),
            Column("amount", "全年执行数", Kind.AMOUNT, width=14),
            Column("note", "情况说明", Kind.LONGTEXT, width=60),
        ), fixed_rows=OTHER_FUND_ROWS),
    ),
)

PERFORMANCE = Sheet(
    key="performance",
    title="绩效情况",
    instruction="“绩效概述”每段一行，按顺序写入报告；“产出数据”每项一行，数量填数字，不足整数的表述用“限定词”（如30余篇：数量30，限定词“余”）。",
    fields=(
        Field("output_intro", "产出引导语", Kind.LONGTEXT, hint="如：紧扣时代主题，不断提升新闻策划宣传质量。"),
        Field("output_as_of", "产出统计截止日期", Kind.DATE, hint="如：2020-12-22；不填则不写截止日期"),
    ),
    tables=(
        Table("paragraphs", "绩效概述表", "绩效概述", (Column("text", "段落", Kind.LONGTEXT, True, width=80),), 6),  # 绩效概述 or 产出: one is required (rules)
        Table("outputs", "产出数据表", "产出数据", (
            Column("what", "事项", Kind.TEXT, True, width=40),
            Column("quantity", "数量", Kind.NUMBER, True, width=10),
            Column("unit", "量词", Kind.TEXT, True, width=8),
            Column("qualifier", "限定词", Kind.CHOICE, choices=QUALIFIERS, width=8),
            Column("target", "年度目标值", Kind.NUMBER, width=12),
            Column("reason", "偏差原因", Kind.LONGTEXT, width=40),
        ), 15),
    ),
)

FUNDS_GOALS = Sheet(
    key="funds_goals",
    title="资金与目标",
    instruction="自评表的资金情况和年度总体目标。资金情况只填上年结转资金和其他资金（年度资金总额、本年财政拨款由“预算支出”“其他资金”表计算）；年度总体目标每条一行，写明预期目标和实际完成情况。",
    tables=(
        Table("money", "资金情况表", "年度资金情况：上年结转资金和其他资金（预算执行率，分值10）", (
            Column("item", "资金", Kind.TEXT, True, width=24),
            Column("initial", "年初预算数", Kind.AMOUNT, width=14),
            Column("adjusted", "全年预算数", Kind.AMOUNT, width=14),
            Column("executed", "全年执行数", Kind.AMOUNT, width=14),
            Column("note", "说明", Kind.LONGTEXT, width=40),
        ), fixed_rows=ENTERED_FUND_ROWS),
        Table("overall_goals", "总体目标表", "年度总体目标", (
            Column("expected", "预期目标", Kind.LONGTEXT, True, width=34),
            Column("actual", "实际完成情况", Kind.LONGTEXT, width=34),
        ), 5),
    ),
)

INDICATORS = Sheet(
    key="indicators",
    title="绩效指标",
    instruction="自评表的绩效指标（资金情况和年度总体目标在“资金与目标”表）：每个三级指标一行，定量指标填年度指标值和实际完成值（百分比可填 90、90% 或设为百分比格式的 0.9），定性指标方向选“定性”并选择定性评价。得分由程序计算；“自评得分”仅在需要人工调整定性指标得分时填写（须在评价档次范围内）。",
    fields=(
        Field("preset", "评分方案", Kind.CHOICE, True, SCORING_PRESETS, default=SCORING_PRESETS[0],
              hint="各一级指标分值须与方案一致；未设满意度指标时选第二种"),
        Field("over_factor", "超额完成提示倍数", Kind.NUMBER, default=1.5,
              hint="实际完成值超过目标值的该倍数时须说明原因，默认 1.5"),
    ),
    tables=(
        Table("indicators", "绩效指标表", "绩效指标", (
            Column("level1", "一级指标", Kind.CHOICE, True, LEVEL1, width=12),
            Column("level2", "二级指标", Kind.CHOICE, True, LEVEL2, width=16),
            Column("name", "三级指标", Kind.TEXT, True, width=30),
            Column("direction", "指标方向", Kind.CHOICE, True, DIRECTIONS, width=9),
            Column("unit", "计量单位", Kind.TEXT, width=9),
            Column("target", "年度指标值", Kind.VALUE, True, width=12),
            Column("actual", "实际完成值", Kind.VALUE, True, width=12),
            Column("rating", "定性评价", Kind.CHOICE, choices=RATINGS, width=10),
            Column("weight", "分值", Kind.NUMBER, True, width=8),
            Column("manual", "自评得分", Kind.NUMBER, width=9),
            Column("reason", "偏差原因及改进措施", Kind.LONGTEXT, width=30),
        ), 20),
    ),
)

MEASURES = Sheet(
    key="measures",
    title="问题与措施",
    instruction="存在的问题、下一步改进措施各一条一行；结果应用和公开、其他需要说明的情况没有可不填。",
    fields=(
        Field("application", "结果应用和公开", Kind.LONGTEXT),
        Field("other_notes", "其他需要说明的情况", Kind.LONGTEXT),
        Field("outline", "报告提纲", Kind.CHOICE, choices=tuple(label for _, label in OUTLINES), default=OUTLINES[0][1],
              hint="报告的结构：湖南四本预算提纲、财政部参考提纲，或自评得分在前"),
        Field("basis", "自评依据", Kind.LONGTEXT,
              hint="可选，如：根据《关于开展2021年度部门整体支出绩效自评工作的通知》要求，我单位成立自评工作组……"),
    ),
    tables=(
        Table("problems", "存在问题表", "存在的问题及原因", (
            Column("problem", "问题", Kind.LONGTEXT, True, width=50),
            Column("cause", "原因", Kind.LONGTEXT, width=50),
        ), 6),
        Table("measures", "改进措施表", "下一步改进措施", (Column("text", "措施", Kind.LONGTEXT, True, width=100),), 6,
              required=True),
    ),
)

def _indicator_columns() -> tuple[Column, ...]:
    return next(t for t in INDICATORS.tables if t.key == "indicators").columns


PROJECT_EVAL = Sheet(
    key="project_eval",
    title="项目自评",
    instruction="需要对单个项目开展绩效自评（项目支出绩效自评表和自评报告）时填写，不需要可不填。项目名称与“项目支出”表一致；每个项目可在资金表中按来源分行（本级、上级财政拨款，上年结转资金，其他资金），不填则按“项目支出”表的全年预算数和全年执行数计为本级财政拨款。各项目的绩效指标填在“项目指标”表。",
    tables=(
        Table("project_info", "项目自评信息表", "项目基本情况（每个自评项目一行，报告各部分的内容）", (
            Column("project", "项目名称", Kind.TEXT, True, width=26),
            Column("department", "主管部门", Kind.TEXT, width=18),
            Column("implementer", "实施单位", Kind.TEXT, width=18),
            Column("overview", "项目概况", Kind.LONGTEXT, width=22),
            Column("work", "评价工作开展情况", Kind.LONGTEXT, width=22),
            Column("experience", "主要经验及做法", Kind.LONGTEXT, width=22),
            Column("problems", "存在的问题及原因", Kind.LONGTEXT, width=22),
            Column("suggestions", "有关建议", Kind.LONGTEXT, width=22),
            Column("other", "其他需要说明的问题", Kind.LONGTEXT, width=22),
        ), 6),
        Table("project_funds", "项目资金表", "项目资金（按来源分行；不填则取“项目支出”表的数）", (
            Column("project", "项目名称", Kind.TEXT, True, width=26),
            Column("item", "资金来源", Kind.CHOICE, True, tuple(label for _, label in PROJECT_FUND_ITEMS), width=16),
            Column("initial", "年初预算数", Kind.AMOUNT, width=14),
            Column("adjusted", "全年预算数", Kind.AMOUNT, width=14),
            Column("executed", "全年执行数", Kind.AMOUNT, True, width=14),
            Column("note", "说明", Kind.LONGTEXT, width=40),
        ), 12),
        Table("project_goals", "项目目标表", "项目年度总体目标", (
            Column("project", "项目名称", Kind.TEXT, True, width=26),
            Column("expected", "预期目标", Kind.LONGTEXT, True, width=34),
            Column("actual", "实际完成情况", Kind.LONGTEXT, width=34),
        ), 8),
    ),
    optional=True,
)

PROJECT_INDICATORS = Sheet(
    key="project_indicators",
    title="项目指标",
    instruction="项目支出绩效自评表的绩效指标：每个项目的每个三级指标一行，第一列填项目名称，其余各列与“绩效指标”表相同（评分方案同“绩效指标”表）。",
    tables=(
        Table("project_indicators", "项目指标表", "项目绩效指标",
              (Column("project", "项目名称", Kind.TEXT, True, width=22), *_indicator_columns()), 30),
    ),
    optional=True,
)

SHEETS: tuple[Sheet, ...] = (INFO, BUDGET, ECON, PROJECTS, OTHER, PERFORMANCE, FUNDS_GOALS, INDICATORS, MEASURES,
                             PROJECT_EVAL, PROJECT_INDICATORS)
SHEET_BY_KEY = {s.key: s for s in SHEETS}
SHEET_ORDER = {s.title: i for i, s in enumerate(SHEETS)}
assert len({t.key for s in SHEETS for t in s.tables}) == sum(len(s.tables) for s in SHEETS), "table keys must be unique"


# ---- default positions of a fresh template -------------------------------------------------
TITLE_ROW = 1
INSTRUCTION_ROW = 2
FIRST_FIELD_ROW = 4
LABEL_COL = 2  # B
VALUE_COL = 3  # C
HINT_COL = 4  # D
TABLE_FIRST_COL = 2  # B


@dataclass(frozen=True, slots=True)
class TablePlace:
    sheet: str
    caption_row: int
    header_row: int
    first_col: int
    n_rows: int  # data rows

    def last_row(self) -> int:
        return self.header_row + self.n_rows


def field_rows(sheet: Sheet) -> dict[str, int]:
    return {f.key: FIRST_FIELD_ROW + i for i, f in enumerate(sheet.fields)}


def table_places(sheet: Sheet) -> dict[str, TablePlace]:
    row = FIRST_FIELD_ROW + len(sheet.fields) + (1 if sheet.fields else 0)
    places = {}
    for table in sheet.tables:
        places[table.key] = TablePlace(sheet.title, row, row + 1, TABLE_FIRST_COL, table.n_rows)
        row += 1 + 1 + table.n_rows + 1  # caption, header, rows, gap
    return places


def all_fields() -> list[tuple[Sheet, Field]]:
    return [(s, f) for s in SHEETS for f in s.fields]


def all_tables() -> list[tuple[Sheet, Table]]:
    return [(s, t) for s in SHEETS for t in s.tables]
