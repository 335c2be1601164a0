"""Twenty-ninth round: rules found by made-up 绩效 texts (figures right, phrasing varied), each a general reading.

- a grade is the grade of the score stated beside it: the score of its own sentence (cut at semicolons), the
  nearest before it; a grade stated apart is paired only with the one total score no other grade is stated beside;
- a person's yearly appraisal ("年度考核等次为优秀") is not a score's grade.

The texts are made up.
"""

from __future__ import annotations

import random
from decimal import Decimal

from made_up_paragraphs import fund_rates, scored_report

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _grades(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (f.stated, f.expected)
        for f in audit_text(text).findings
        if f.code in ("grade_mismatch", "grade_other_bands") and f.severity is Severity.ERROR
    ]


_YEARS = "上年度自评得分{last}分,评价等级为{g1}{sep}本年度自评得分{this}分,评价等级为{g2}。"


def test_each_years_grade_is_of_its_own_score() -> None:
    for sep in (";", ","):
        # 81.6 良 then 70.5 中: the 良 is nearer the 70.5 after it than the 81.6 before it, and still 81.6's
        assert _grades(_YEARS.format(last="81.6", g1="良", this="70.5", g2="中", sep=sep)) == []
        assert _grades(_YEARS.format(last="93", g1="优", this="58.5", g2="差", sep=sep)) == []
        # either grade moved is found, against its own score
        assert _grades(_YEARS.format(last="81.6", g1="中", this="70.5", g2="中", sep=sep)) == [("中", "良")]
        assert _grades(_YEARS.format(last="81.6", g1="良", this="70.5", g2="良", sep=sep)) == [("良", "中")]


def test_several_projects_in_one_sentence() -> None:
    text = "河道清淤项目自评得分92.4分,评价等级为优秀;公共卫生服务项目自评得分66分,评价等级为中;文化惠民工程项目自评得分83分,评价等级为良好。"
    assert _grades(text) == []
    assert _grades(text.replace("66分,评价等级为中", "66分,评价等级为良")) == [("良", "中")]


def test_a_grade_printed_before_its_score() -> None:
    assert _grades("经自评,本项目评价结果为良好,自评得分84.5分。") == []
    assert _grades("经自评,本项目评价结果为优秀,自评得分84.5分。") == [("优", "良")]


def test_a_persons_appraisal_is_not_the_projects_grade() -> None:
    text = "单位在职职工16人,其中6人年度考核等次为优秀。项目自评得分72.89分,评价等级为中。"
    assert _grades(text) == []
    assert _grades(text.replace("评价等级为中", "评价等级为良")) == [("良", "中")]


def test_a_grade_stated_apart_takes_the_one_total_score() -> None:
    assert _grades("根据评分标准,本项目自评总分为78分。\n综上,项目绩效评价等级为优。") == [("优", "中")]
    assert _grades("根据评分标准,本项目自评总分为78分。\n综上,项目绩效评价等级为中。") == []
    # two projects' totals, neither graded beside it: which one the grade is of is not known
    two = "A项目自评得分78分。B项目自评得分93分。\n综上,项目绩效评价等级为优。"
    assert _grades(two) == []
    # the totals graded in their own sentences leave the one left for the grade stated apart
    three = "A项目自评得分78分,评价等级为中。B项目自评得分93分,评价等级为优。部门整体自评得分88分。\n综上,部门整体绩效评价等级为优。"
    assert _grades(three) == [("优", "良")]


# --- scores stated one section each, under headings that print the section's weight --------------------------

_NAMES = ("项目决策情况", "项目过程情况", "项目产出情况", "项目效益情况")


def _sections(weights: tuple[int, ...], got: tuple[str, ...], total: str, body: str = "该指标得分{g}分。", marks: str = "(一)(二)(三)(四)") -> str:
    heads = [marks[i * 3 : i * 3 + 3] for i in range(4)]
    lines = ["一、项目基本情况", "本项目年初预算120万元,全年支出118.5万元。", "二、绩效评价情况"]
    for head, name, w, g in zip(heads, _NAMES, weights, got, strict=True):
        lines += [f"{head}{name}({w}分)", "立项依据充分,程序规范。" + body.format(g=g)]
    lines += ["三、评价结论", f"综上,本项目自评得分{total}分,评价等级为优。"]
    return "\n".join(lines)


def _score_sums(text: str) -> list[tuple[str | None, str | None]]:
    return [(f.stated, f.expected) for f in audit_text(text).findings if f.code == "score_sum_mismatch"]


def test_section_scores_make_the_total() -> None:
    weights, got = (20, 20, 40, 20), ("18", "19.5", "37.5", "18")  # 93
    assert _score_sums(_sections(weights, got, "93")) == []
    assert _score_sums(_sections(weights, got, "94")) == [("94分", "93分")]
    # the heading run on with its text ("(一)项目决策情况(20分)其中,…"), and numbered 1. 2. 3. 4.
    run_on = _sections(weights, got, "92", body="其中,立项规范性得分9分,绩效目标得分{g}分,该指标得分{g}分。")
    assert _score_sums(run_on.replace("(20分)\n", "(20分)")) == [("92分", "93分")]


def test_section_scores_read_only_when_the_scoring_is_whole_and_plain() -> None:
    got = ("18", "19.5", "37.5", "18")
    # weights that do not make 100: a part of the scoring only
    assert _score_sums(_sections((20, 20, 30, 20), got, "94")) == []
    # sections that print only their sub-indicators' scores: which one is the section's is not said
    assert _score_sums(_sections((20, 20, 40, 20), got, "94", body="立项规范性得分{g}分,绩效目标得分1分。")) == []
    # two different totals in the text (a department's and a project's): which one the sections make is not known
    two = _sections((20, 20, 40, 20), got, "94") + "\n部门整体自评得分90分。"
    assert _score_sums(two) == []


def test_made_up_section_scores() -> None:
    # made-up 项目 reports scored section by section (tests/audit/made_up_paragraphs.py): clean as printed, and a
    # total moved by a point or a half is found against the sections' sum
    for seed in range(60):
        assert [f.code for f in audit_text(scored_report(random.Random(seed))).findings if f.severity is Severity.ERROR] == [], seed
        for slip in (Decimal(1), Decimal("-0.5")):
            moved = audit_text(scored_report(random.Random(seed), slip)).findings
            # the total, printed twice alike, is named once; last year's total beside it is not the sections'
            assert sum(f.code == "score_sum_mismatch" for f in moved) == 1, (seed, slip)


def test_a_change_explained_by_its_main_causes_names_them_as_listed() -> None:
    text = "支出预算较2024年增加26.40万元,主要是基本支出预算增加70.15万元,项目支出预算减少33.75万元。"
    messages = [f.message for f in audit_text(text).findings if f.code == "change_sum_mismatch"]
    assert messages and all("所列各项" in m and "其中" not in m for m in messages)


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


_PLAN_DONE = (
    "项目计划投资597.82万元,其中:财政资金{a}万元、自筹资金580.18万元;"
    "实际完成投资567.93万元,其中:财政资金341.66万元、自筹资金{b}万元。"
)


def test_a_list_ends_before_the_next_total_of_the_same_names() -> None:
    assert _errors(_PLAN_DONE.format(a="17.64", b="226.27")) == []
    # the plan's list short by 10 is found (it no longer takes the done total as a third part)
    assert _errors(_PLAN_DONE.format(a="7.64", b="226.27")) == [("sum_mismatch", "597.82万元", "587.82万元")]
    assert _errors(_PLAN_DONE.format(a="17.64", b="216.27")) == [("sum_mismatch", "567.93万元", "557.93万元")]
    # an item's own list names finer things: the item stays a part of the outer list
    nested = "支出100万元,其中:基本支出60万元,其中:人员经费50万元,公用经费10万元;项目支出{p}万元。"
    assert _errors(nested.format(p="40")) == []
    assert _errors(nested.format(p="50")) == [("parts_exceed_total", "100万元", "110.00万元")]


def test_a_rate_of_funds_named_a_sentence_before() -> None:
    text = "河道综合治理项目共下达资金1547.89万元,分两批下达:第一批85.42万元,第二批1462.47万元。全年支出{spent}万元,预算执行率88.29%。"
    assert _errors(text.format(spent="1366.66")) == []
    assert _errors(text.format(spent="1356.66")) == [("execution_rate_mismatch", "88.29%", "87.65%")]


def test_a_count_after_an_empty_list_item_does_not_fail() -> None:
    # found by the property test: a count right after a bare enumeration comma ("、0个一") ended the audit
    assert audit_text("、0个一").findings == ()



def test_a_rate_of_the_funds_arrived_or_given_is_no_error() -> None:
    given = "该项目年初预算632.02万元,已到位556.18万元,到位率88.00%;支付511.69万元,资金执行率{rate}%。"
    assert _errors(given.format(rate="92.00")) == []  # 511.69 / 556.18 (arrived)
    assert _errors(given.format(rate="80.96")) == []  # 511.69 / 632.02 (given)
    assert _errors(given.format(rate="85.00")) == [("execution_rate_mismatch", "85.00%", "80.96%")]
    # 应到位资金 is what was given, not what arrived
    due = "项目应到位资金300万元,实际到位285万元,资金到位率95%;已支出270万元,预算执行率{rate}%。"
    assert _errors(due.format(rate="90")) == [] and _errors(due.format(rate="94.74")) == []
    assert _errors(due.format(rate="80")) == [("execution_rate_mismatch", "80%", "94.74%")]


def test_the_spent_amount_and_the_given_one_found_past_the_funds_arrived() -> None:
    # the last amount before the rate, named as spent, past the funds arrived
    text = "该项目年初预算283.91万元,已拨付227.13万元,到位率80.00%;累计支出188.52万元,资金执行率{rate}%。"
    assert _errors(text.format(rate="66.40")) == [] and _errors(text.format(rate="83.00")) == []
    assert _errors(text.format(rate="64.40")) == [("execution_rate_mismatch", "64.40%", "66.40%")]
    # the given amount in the paragraph before, the spent amount named by its role (已支出) or by its words (支付)
    total = "项目资金总额247.58万元。\n截至12月31日,已拨付205.49万元,到位率83.00%。支付189.05万元,执行率为{rate}%。"
    spent = "项目资金总额662.13万元。\n截至12月31日,已到位582.67万元,到位率88.00%。已支出425.35万元,执行率为{rate}%。"
    assert _errors(spent.format(rate="64.24")) == [] and _errors(spent.format(rate="73.00")) == []  # given or arrived
    assert _errors(spent.format(rate="70.00")) == [("execution_rate_mismatch", "70.00%", "64.24%")]
    assert _errors(total.format(rate="92.00")) == [] and _errors(total.format(rate="76.36")) == []
    assert _errors(total.format(rate="90.00")) == [("execution_rate_mismatch", "90.00%", "76.36%")]
    # items each with their budget and rate: a later item's spending is not the first item's
    items = "其中,A项目年初预算数6万元,年末结算支出6万元,支出进度比率为100%;B项目411.95万元,年末结算支出411.95万元,支出进度比率为100%。"
    assert [f.code for f in audit_text(items).findings] == []


def test_made_up_fund_rates() -> None:
    for seed in range(150):
        assert _errors(fund_rates(random.Random(seed))) == [], seed
    moved = sum(bool(_errors(fund_rates(random.Random(seed), Decimal(3)))) for seed in range(150))
    assert moved == 150


def test_a_procurement_total_is_not_all_that_was_spent() -> None:
    # 政府采购支出总额 between 基本支出 and 项目支出 was read as their total
    text = "2023年度基本支出300万元。2023年度政府采购支出总额120万元。2023年度项目支出200万元。"
    assert [f.code for f in audit_text(text).findings] == []


def test_a_comparison_opening_its_sentence_with_the_prior_year_inside() -> None:
    text = "2021年度“三公”经费支出5467.4万元。与2020年度7718.43万元相比,减少{d}万元,下降{p}%。"
    assert _errors(text.format(d="2251.03", p="29.16")) == []
    assert _errors(text.format(d="2251.03", p="30.26")) == [("yoy_mismatch", "30.26%", "29.16%")]
    assert _errors(text.format(d="2241.03", p="29.16")) == [("yoy_change_mismatch", "2241.03万元", "2251.03万元")]
