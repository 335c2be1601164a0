"""Vocabulary the auditor matches against (report language, not user-facing messages).

All patterns here run on *normalised* text (see ``text.normalise``): full-width digits and
ASCII-range punctuation (full-width comma, colon, brackets, percent sign) are already
half-width, so patterns use ``,:;()%``.
"""

from __future__ import annotations

# Standard terms of the 自评报告; a 4+-character window one homophone away from one of these
# is reported as a typo (term_typo).
TERMS: tuple[str, ...] = (
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "社会保险基金预算",
    "部门整体支出",
    "绩效目标",
    "绩效指标",
    "绩效评价",
    "绩效自评",
    "预算执行率",
    "财政拨款",
    "自评得分",
    "综合评分",
    "三公经费",
    "部门预算",
    "工资福利支出",
    "商品和服务支出",
    "资本性支出",
    "专项资金",
    "政府采购",
)

# Real words that are one homophone away from a term and must never be "corrected".
ALLOWED_NEAR_TERMS: frozenset[str] = frozenset(
    {
        "结转节余",
        "项目支付",
        "预算执行数",
        "绩效指数",
        "政府采供",
    }
)

# A few look-alike (not sound-alike) slips seen in hand-typed reports.
SHAPE_CONFUSABLES: dict[str, str] = {
    "拨": "拔泼",
    "绩": "债",
    "预": "顶",
    "费": "废",
    "经": "径",
}

# Amount roles: keyword -> role. The keyword ending closest before the number wins.
ROLE_KEYWORDS: dict[str, str] = {
    "部门整体支出": "total",
    "整体支出": "total",
    "支出合计": "total",
    "支出总额": "total",
    "支出总计": "grand_total",  # 本年支出合计 + 结余分配 + 年末结转和结余: not 基本 + 项目
    "支出共计": "total",
    "支出总数": "total",
    "总支出": "total",
    "全年支出": "total",
    "本年支出": "total",
    "当年支出": "total",  # "2012年当年支出为33500.96万元", the 年度支出 less 结转下年
    "年度支出": "total",
    "一般公共预算支出": "total",
    "共支出": "total",
    "合计": "total",
    "基本支出": "basic",
    "项目支出": "project",
    "专项项目预算": "project",
    "人员经费": "personnel",
    "人员支出": "personnel",
    "公用经费": "public",
    "公用支出": "public",
    "收支总预算": "budget_total",
    "支出总预算": "budget_total",
    "预算数": "budget",
    "全年预算": "budget",
    "调整预算": "budget",
    "年初预算": "budget",
    "预算安排": "budget",
    "预算为": "budget",
    "执行数": "executed",
    "实际支出": "executed",
    "决算数": "executed",
    "支出数": "executed",
    "实际执行": "executed",
    "已支出": "executed",
    "实际使用": "executed",
    "已支付": "executed",
    "实际支付": "executed",
    "资金到位": "budget",
    "到位资金": "budget",
    "实际到位": "budget",
    "下达资金": "budget",
    "执行": "executed",
    "预算": "budget",
    "收入合计": "income_total",
    "收入共计": "income_total",  # "部门预算收入共计33609.06万元。1.财政拨款收入…,占总收入的68.6%"
    "本年收入": "income_total",  # as 本年支出 is of 支出合计
    "全年收入": "income_total",
    "收入总计": "income_grand",
    "收入": "income",
    "政府性基金预算支出": "fund",
    "国有资本经营预算支出": "capital",
    "社会保险基金预算支出": "insurance",
}

# Words that turn a clause into a comparison (year-on-year, change): its amounts are not parts.
COMPARATIVE_WORDS: tuple[str, ...] = (
    "上年",
    "上一年",
    "同比",
    "增加",
    "减少",
    "增长",
    "下降",
    "较上年",
    "去年",
    "调增",  # a change against the initial budget ("税收收入拟调整为85000万元,调减16000万元")
    "调减",
    "短收",  # against the budget ("完成预算49531万元的85.0%,短收7431万元")
    "超收",
    "增收",  # the change verbs of fiscal reports ("同比增长9.1%,增收8300万元")
    "减收",
    "增支",
    "减支",
)

# Denominator phrase after 占 -> role of the denominator amount.
DENOMINATOR_ROLES: dict[str, str] = {
    "基本支出": "basic",
    "项目支出": "project",
    "人员经费": "personnel",
    "公用经费": "public",
    "总支出": "total",
    "支出总额": "total",
    "全部支出": "total",
    "整体支出": "total",
    "部门整体支出": "total",
    "全年支出": "total",
    "本年支出": "total",
    "年度支出": "total",
    "支出合计": "total",
    "一般公共预算支出": "total",
    "总额": "total",
    "合计": "total",
    "支出总计": "grand_total",
    "收入合计": "income_total",
    "本年收入": "income_total",  # as 本年支出 is of 支出合计
    "全年收入": "income_total",
    "收入总计": "income_grand",
    "支出总预算": "budget_total",
    "总支出预算": "budget_total",  # "基本支出预算913.18万元,占总支出预算91.4%"
    "总预算": "budget_total",
}

# Denominator names that fit two printed totals: the share is checked against the one it fits.
AMBIGUOUS_DENOMINATORS: dict[str, tuple[str, ...]] = {
    "收入总额": ("income_total", "income_grand"),
    "总收入": ("income_total", "income_grand"),
    "全部收入": ("income_total", "income_grand"),
}

# The totals an income item ("财政拨款收入", "事业收入") is a part of.
INCOME_WHOLES: tuple[str, ...] = ("income_total", "income_grand")

# Words that scope an amount to the unit and year without naming a kind ("本年项目支出", "部门收入总额").
GENERIC_QUALIFIERS: tuple[str, ...] = ("本年", "全年", "年度", "本部门", "部门", "本单位", "单位")

# Denominators that are a budget only when named alone ("占预算的95%"), never as the end of a
# longer name ("占项目支出预算6.71%" is of 项目支出).
BUDGET_DENOMINATORS: frozenset[str] = frozenset({"预算", "预算数", "年初预算", "全年预算", "调整后预算", "年度预算"})

# Known complete decompositions: parent role -> child roles.
DECOMPOSITIONS: dict[str, frozenset[str]] = {
    "total": frozenset({"basic", "project"}),
    "basic": frozenset({"personnel", "public"}),
}
# part role -> the role of the whole it is a part of (基本支出 -> 支出合计, 人员经费 -> 基本支出).
WHOLE_OF: dict[str, str] = {part: whole for whole, parts in DECOMPOSITIONS.items() for part in parts}

ROLE_NAMES: dict[str, str] = {
    "total": "支出合计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "budget": "预算数",
    "budget_total": "支出总预算",
    "grand_total": "支出总计",
    "income_total": "收入合计",
    "income_grand": "收入总计",
    "executed": "执行数",
}

EXECUTION_RATE_WORDS: tuple[str, ...] = ("预算执行率", "资金执行率", "执行率", "预算完成率", "支付进度", "支出进度")

SCORE_WORDS: tuple[str, ...] = (
    "自评得分",
    "综合评分",
    "综合得分",
    "自评总分",
    "评价得分",
    "总得分",
    "自评分",
    "总分",
    "得分",
    "评分",
)

GRADE_WORDS: tuple[str, ...] = (
    "评价等级",
    "自评等级",
    "自评结果",
    "评价结果",
    "等级",
    "等次",
    "评定",
    "评级",
)

GRADE_ALIASES: dict[str, str] = {
    "优秀": "优",
    "优": "优",
    "良好": "良",
    "良": "良",
    "中等": "中",
    "中": "中",
    "较差": "差",
    "差": "差",
}

# Measure words (量词) for counts written with Arabic digits.
MEASURE_WORDS = "个名人篇次项家所条份场期类处支辆台部间座户件张册股位种批"
# Chinese numerals are counts only with these (avoids 一次采集, 公益一类, 一批, 一部分).
CN_MEASURE_WORDS = "个名人家所项条位股处支种篇份件场"
# Counts of instances (articles, meetings): a list before them names kinds, not the items counted.
INSTANCE_MEASURE_WORDS = "篇次份件场期张册"

# Verbs that open an enumeration; stripped from the first item.
ENUM_OPENERS: tuple[str, ...] = (
    "共设",
    "共有",
    "分别是",
    "分别为",
    "具体是",
    "具体为",
    "内设",
    "下设",
    "设有",
    "设立",
    "设置",
    "包括",
    "包含",
    "下辖",
    "辖有",
    "主要有",
    "有",
    "为",
    "即",
    "是",
)
ENUM_COUNT_LINKS: tuple[str, ...] = ("共计", "总共", "一共", "合计", "总计", "共有", "共", "计")
# Characters that end organisational unit names: "A部和B部" splits into two items.
UNIT_SUFFIXES = "部股室科所局办队站组处心院校馆会司委厂场中区县乡镇村台网报刊号端栏园"

# Headings of a problems section, and what a section that denies any problem says.
PROBLEM_HEADING_WORDS: tuple[str, ...] = ("存在的问题", "存在问题", "主要问题", "问题及原因", "问题和原因")
PROBLEM_DENIALS: tuple[str, ...] = (
    "无",
    "没有",
    "暂无",
    "无问题",
    "没有问题",
    "不存在问题",
    "未发现问题",
    "无明显问题",
    "没有明显问题",
    "未发现明显问题",
    "不存在明显问题",
    "无突出问题",
)

# The 类 (class) names of the 支出功能分类科目: a "其中:" list of them short of its total names the main
# classes a budget went to ("年初预算数1643.29万元,其中:一般公共服务支出…,住房保障支出…"), and reports
# print the others elsewhere or not at all.
FUNCTION_CLASSES: tuple[str, ...] = (
    "一般公共服务", "外交", "国防", "公共安全", "教育", "科学技术", "文化旅游体育与传媒", "文化体育与传媒",
    "社会保障和就业", "社会保险基金", "卫生健康", "医疗卫生", "医疗卫生与计划生育", "节能环保", "城乡社区",
    "农林水", "交通运输", "资源勘探", "资源勘探工业信息", "商业服务业", "金融", "援助其他地区",
    "自然资源海洋气象", "国土海洋气象", "住房保障", "粮油物资储备", "灾害防治及应急管理", "债务付息",
    "债务发行费用", "其他",
)  # fmt: skip

# The four budgets (funds) of a government's accounts, as reports name them ("地方政府性基金预算收入").
FUND_NAMES: tuple[str, ...] = ("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金")
