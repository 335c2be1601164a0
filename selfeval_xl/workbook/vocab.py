"""Closed vocabularies and fixed rows of the template contract (data, re-exported by ``layout``)."""

from __future__ import annotations

# 级次: the levels real units report at; "X本级其他财政性资金" follows the choice.
LEVELS = ("省本级", "市本级", "州本级", "盟本级", "地区本级", "县本级", "区本级", "旗本级", "乡镇本级", "镇本级",
          "乡本级", "街道本级")
UNITS = ("万元", "元")
SPENDING_TYPES = ("基本支出", "项目支出")
YES_NO = ("有", "无")
QUALIFIERS = ("余", "以上", "约")
UNIT_NATURES = (
    "行政单位",
    "参照公务员法管理事业单位",
    "公益一类全额拨款事业单位",
    "公益二类差额拨款事业单位",
    "自收自支事业单位",
)
FOUNDING_WAYS = ("成立", "挂牌成立", "组建")

# Fixed rows of the 一般公共预算 table and of the 其他资金 table.
BUDGET_ROWS = (
    ("total", "一般公共预算支出合计"),
    ("basic", "基本支出"),
    ("personnel", "其中：人员经费"),
    ("public", "其中：公用经费"),
    ("project", "项目支出"),
)
BUDGET_ITEM_NAMES = {key: label.removeprefix("其中：") for key, label in BUDGET_ROWS}
# Fixed rows of the 收入 table (部门决算 公开01/02表 口径).
INCOME_ROWS = (
    ("total", "收入合计"),
    ("fiscal", "财政拨款收入"),
    ("fiscal_general", "其中：一般公共预算财政拨款"),
    ("fiscal_gov_fund", "其中：政府性基金预算财政拨款"),
    ("superior", "上级补助收入"),
    ("business", "事业收入"),
    ("operating", "经营收入"),
    ("affiliated", "附属单位上缴收入"),
    ("other", "其他收入"),
    ("carryover", "年初结转和结余"),
)
INCOME_PARTS = ("fiscal", "superior", "business", "operating", "affiliated", "other")  # Σ = 收入合计
INCOME_FISCAL_PARTS = ("fiscal_general", "fiscal_gov_fund")  # Σ = 财政拨款收入
INCOME_ITEM_NAMES = {key: label.removeprefix("其中：") for key, label in INCOME_ROWS}
FUND_SOURCES = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算")
OTHER_FUND_ROWS = (
    ("local_other", "本级其他财政性资金"),
    ("gov_fund", "政府性基金预算支出"),
    ("soe_capital", "国有资本经营预算支出"),
    ("social_insurance", "社会保险基金预算支出"),
)

# 自评表 vocabulary (domain.md §2.1): 一级 → its 二级 indicators.
LEVEL2_BY_LEVEL1: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
LEVEL1 = tuple(LEVEL2_BY_LEVEL1)
LEVEL2 = tuple(name for names in LEVEL2_BY_LEVEL1.values() for name in names)
DIRECTIONS = ("≥", "≤", "=", "定性")
RATINGS = ("达成", "部分达成", "未达成")
SCORING_PRESETS = ("国家标准（执行率10、产出50、效益30、满意度10）", "无满意度指标（执行率10、绩效指标90）")
FUND_ROWS = (
    ("total", "年度资金总额"),
    ("appropriation", "其中：本年财政拨款"),
    ("carryover", "上年结转资金"),
    ("other", "其他资金"),
)
# Entered in the 资金情况 table: what the budget sheets lack. 年度资金总额 and 本年财政拨款 are derived
# (本年财政拨款 = 一般公共预算支出合计 + 政府性基金 + 国有资本经营预算支出 of 预算支出 / 其他资金).
ENTERED_FUND_ROWS = FUND_ROWS[2:]
# A project's funds (项目支出绩效自评表): 本年财政拨款 may be split by source (上级 / 本级); 年度资金总额 and
# 本年财政拨款 are derived from the rows typed.
PROJECT_FUND_ITEMS = (
    ("local", "本级财政拨款"),
    ("upper", "上级财政拨款"),
    ("carryover", "上年结转资金"),
    ("other", "其他资金"),
)
FUND_ITEM_NAMES = {key: label.removeprefix("其中：") for key, label in FUND_ROWS}

# Report outlines (report/outlines/<key>.json), chosen in 问题与措施 → 报告提纲; the first is the default.
OUTLINES = (
    ("hunan", "湖南四本预算提纲（默认）"),
    ("mof", "财政部部门整体支出绩效评价参考提纲"),
    ("score_first", "自评得分在前"),
)
