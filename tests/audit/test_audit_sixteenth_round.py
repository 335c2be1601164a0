"""Sixteenth round: rules and fixes of the round (docs/audit.md, "Sixteenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 112446 / 207380 = 54.2222% → 54.22%: a numbered item "1)" opens the sentence; its ")" closes no
        # bracket the executed amount stands in
        ("1)税收收入112446万元,完成年初预算207380万元的54.22%。", []),
        ("1)税收收入112446万元,完成年初预算207380万元的59.64%。", [("execution_rate_mismatch", "59.64%", "54.22%")]),
        # 33.82 / 37.1 = 91.159% → 91.16%: the budget the 人大 passed
        ("完成一般公共预算收入33.82亿元,同口径比增长25.63%,为人大预算数37.1亿元的91.16%。", []),
        (
            "完成一般公共预算收入33.82亿元,同口径比增长25.63%,为人大预算数37.1亿元的100.28%。",
            [("execution_rate_mismatch", "100.28%", "91.16%")],
        ),
    ],
)
def test_execution_rates_read_through_a_numbered_item_and_the_peoples_congress_budget(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 289.14 / 300 = 96.38%: a 完成率 named after payment is of what was paid
        ("下达资金300万元,实际已支付289.14万元,支付完成率为96.38%。", []),
        ("下达资金300万元,实际已支付289.14万元,支付完成率为106.02%。", [("named_rate_mismatch", "106.02%", "96.38%")]),
        # 55 / 115 = 47.83% → 48%: projects started of those given
        ("2021年下达中央预算内投资项目115个,截至9月底,已开工55个,开工率48%。", []),
        ("2021年下达中央预算内投资项目115个,截至9月底,已开工55个,开工率58%。", [("named_rate_mismatch", "58%", "47.83%")]),
        # 30 / 40 = 75%: finished of those started
        ("计划开工项目40个,已开工40个,已完工30个,完工率75%。", []),
        ("计划开工项目40个,已开工40个,已完工30个,完工率80%。", [("named_rate_mismatch", "80%", "75.00%")]),
        # with no whole printed in the sentence nothing is read
        ("截至9月底,已完工47个,完工率36%。", []),
    ],
)
def test_rates_of_payment_and_of_projects_started_or_finished(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


# 34780 - 33757 = 1023: the amount compared with is no total of the 其中 list after the ";" (that list is of
# the estimate, and its own amounts compared with are no parts either)
_ESTIMATE = (
    "预计2020年收入完成33757万元(2019年实际完成32774万元×103%),比年初预算数34780万元(根据上年预计完成数33768万元的"
    "103%预计)减少1023万元;其中县本级2020年预计完成23767万元,比年初预算25015万元减少1248万元。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("", "", []),
        # the change is read past both asides: of the estimate, against the budget
        ("减少1023万元", "减少1125万元", [("yoy_change_mismatch", "1125万元", "1023.00万元")]),
    ],
)
def test_an_amount_compared_with_is_no_total_and_asides_are_read_past(old: str, new: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_ESTIMATE.replace(old, new) if old else _ESTIMATE) == found


# 25054 - 23292 = 1762: the list's last part printed right before the comparison stands for its total
_BONDS = "2020年省上下达我县地方政府一般债券转贷收入25054万元,其中:一般债券18786万元置换债券6268万元比年初预算数23292万元增加1762万元。"


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("", "", []),
        # wrong, it is reported against the total (the part lies below the budget: it cannot have grown by it)
        ("增加1762万元", "增加1862万元", [("yoy_change_mismatch", "1862万元", "1762.00万元")]),
    ],
)
def test_a_change_after_a_lists_last_part_is_the_totals(old: str, new: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(_BONDS.replace(old, new) if old else _BONDS) == found


def test_a_changes_part_is_still_judged_as_the_part_when_it_fits_neither_better() -> None:
    # 18 - 15 = 3 for the part; the total 40 against 15 would give 25: the part is read
    text = "项目支出40万元,其中:培训费22万元,会议费18万元,比上年15万元增加4万元。"
    assert _found(text) == [("yoy_change_mismatch", "4万元", "3.00万元")]


@pytest.mark.parametrize(
    ("count", "found"),
    [
        ("7家", []),
        ("8家", [("count_mismatch", "8家", "7")]),
    ],
)
def test_a_units_own_level_joined_to_the_units_under_it_is_one_of_the_units(count: str, found: list[tuple[str, str, str]]) -> None:
    text = (
        "我部门由黔南州自然资源局本级及所属黔南州自然资源综合行政执法支队、黔南州地质灾害防治中心、黔南州自然资源调查规划院、"
        f"黔南州自然资源和测绘地理信息中心、黔南州自然资源储备中心、黔南州城乡规划设计研究院共{count}单位组成。"
    )
    assert _found(text) == found


# 555558 + 10521 + 3203 = 569282: the first item also prints the year's new bonds, a measure of that item
_DEBT = (
    "截至2021年12月31日,纳入我区预算管理的政府性债务余额为569282万元。其中:一类债务政府负有偿还责任的债务余额555558万元,"
    "本年新增债券161485万元;二类债务政府负有担保责任的债务余额为10521万元;三类债务政府可能承担救助责任的债务余额为3203万元。"
)


@pytest.mark.parametrize(
    ("old", "new", "codes"),
    [
        ("", "", []),
        # read with the new bonds then, and far over the total: a warning since the twenty-fourth round
        ("余额为3203万元", "余额为13203万元", ["parts_far_over_total"]),
    ],
)
def test_an_items_second_amount_is_no_part_when_the_items_first_amounts_make_the_total(old: str, new: str, codes: list[str]) -> None:
    text = _DEBT.replace(old, new) if old else _DEBT
    assert [f.code for f in audit_text(text).findings] == codes


def test_shares_that_add_up_without_moving_a_remainder_are_judged_each() -> None:
    # 473.09 / 531.99 = 88.93% → 89%, 58.9 / 531.99 = 11.07% → 11%: 89% + 11% is 100% already, so "88%" and "12%"
    # moved no 尾差; both are wrong (the cut one a warning)
    text = (
        "2019年本年收入合计531.99万元,其中:一般公共预算财政拨款收入473.09万元,占88%;政府性基金预算财政拨款收入58.9万元,"
        "占12%;国有资本经营预算财政拨款收入0万元,占0%;事业收入0万元,占0%。"
    )
    assert sorted(_found(text)) == [("share_mismatch", "12%", "11.07%"), ("share_truncated", "88%", "89%")]
    # a true remainder (three thirds: 33.33% × 3 = 99.99%) moved onto one share stays spared
    moved = "项目支出3.00万元,其中:培训费1.00万元,占33.33%;会议费1.00万元,占33.33%;印刷费1.00万元,占33.34%。"
    assert _found(moved) == []
    assert _found(moved.replace("占33.34%", "占33.35%")) != []


@pytest.mark.parametrize("spaced", [False, True])
def test_a_gap_equal_to_an_amount_printed_among_the_parts_is_spared_however_the_number_is_typed(spaced: bool) -> None:
    # 591 + 47.44 = 638.44 against 758.54: the 120.1万元 printed inside the first part's brackets is the gap
    text = (
        "2019年市民政局下达我区省级彩票公益金758.54万元,其中:社会公益类项目591万元(农村互助幸福院项目167万元、社区服务体系"
        "建设项目250万元、殡仪馆设备购置50万、农村公益性公墓建设60万、购买社会组织服务项目64万元、资助贫困家庭大学生入学120.1万元)、"
        "儿童补助类项目47.44万元。"
    )
    other = text.replace("120.1万元", "100.1万元")
    text, other = (text.replace(".", ". "), other.replace(".", ". ")) if spaced else (text, other)
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == []
    assert audit_text(other).findings


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # the retired are no serving staff, and no posts; the headcount is no post either
        ("在职人员总数8人,其中行政人员7人,工勤人员1人;退休人员1人。", []),
        ("县工商联现有编制数4人,其中行政编制3人,全额事业编制1人,全额退休人员2人。", []),
        ("总编制数27人,其中参公管理事业编制数7人,事业单位自收自支编制数20人,在职实有人数27人;离退休5人。", []),
        # a list in brackets ends at its bracket; a bracketed list inside an item is the item's own
        ("全办现有在职人员15人(其中行政人员13人,事业人员2人),退休人员8人,聘用人员8人。", []),
        ("总编制6名,其中行政编制6名(其中:参照公务员法管理的事业编制6名)。", []),
        # still read when the kinds miss the total
        ("在职人员总数9人,其中行政人员7人,工勤人员1人;退休人员1人。", []),  # the retired make it doubtful: nothing said
        ("全办现有在职人员16人(其中行政人员13人,事业人员2人),退休人员8人。", ["sum_mismatch"]),
        ("总编制7名,其中行政编制6名(其中:参照公务员法管理的事业编制6名)。", []),  # one kind: no partition
        ("实有人数11人,其中:在职人员10人,离休人员0人,退休人员2人。", ["sum_mismatch"]),
    ],
)
def test_headcounts_by_kind_of_what_the_total_counts(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # 1754.89 + 452.34 + 598.14 + 66.6 = 2871.97 < 2994.57: what follows 包含 is the 基本支出's own (a selection)
        (
            "2019年局机关总支出决算数为4389.86万元,其中基本支出决算数为2994.57万元,包含工资福利支出1754.89万元;"
            "商品和服务支出452.34万元;对家庭和个人的补助598.14万元;其他资本性支出66.6万元。",
            [],
        ),
        # a 包括 inside the item's bracket opens nothing: the list goes on (75.29 + 20.88 + 0.48 + 3.38 = 100.03)
        (
            "全旗一般公共预算收入完成110.03亿元,其中:旗本级收入完成75.29亿元(包括苏里格开发区收入1.38亿元);"
            "上级转移支付20.88亿元;债券转贷收入0.48亿元;上年结余3.38亿元。",
            ["sum_mismatch"],
        ),
        # a 收支 total's one 收入 and one 支出 amount are its two sides, no parts
        ("2016年收支总预算8,795.61万元,其中:本年收入8,795.61万元,占收入预算100%;本年支出8,795.61万元。", []),
    ],
)
def test_an_items_own_selection_and_the_two_sides_of_a_total(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


# 2756453 / 2895809 = 95.19%: "预算" may be any of the budgets printed before (年初, 调整, 总指标)
_BUDGETS = (
    "2020年区人大批准的全区一般公共预算支出预算为2680000万元。经区人大常委会批准,一般公共预算支出预算调整为2590000万元。"
    "上年结转110662万元,上级财政下达转移支付收入325452万元,全年财政支出预算总指标为2895809万元。"
    "执行结果:全区一般公共预算支出2756453万元,为预算的95.19%,增长0.08%。"
)


@pytest.mark.parametrize(
    ("old", "new", "codes"),
    [
        ("", "", []),
        ("为预算的95.19%", "为预算的97.19%", ["execution_rate_mismatch"]),  # fits none of them
        ("为预算的95.19%", "为预算的106.43%", []),  # 2756453 / 2590000: the adjusted budget
    ],
)
def test_a_rate_of_the_budget_fits_any_budget_printed_before(old: str, new: str, codes: list[str]) -> None:
    text = _BUDGETS.replace(old, new) if old else _BUDGETS
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


def test_a_list_of_income_ends_at_an_amount_of_spending() -> None:
    text = (
        "2020年江西省一般公共预算收入2507.5亿元,居全国第15位,其中税收收入1702.59亿元,非税收入804.91亿元;"
        "一般公共预算支出6666.1亿元,位列全国第14位。"
    )
    assert _found(text) == []
    assert [f.code for f in audit_text(text.replace("804.91", "904.91")).findings] == ["sum_mismatch"]


def test_a_share_in_a_lists_sentence_may_be_of_the_total_the_list_breaks_down() -> None:
    # 8.3 / 9.4 = 88.3%, within 89.0% for figures printed to 0.1亿元; 8.3 / 86.5 (the 全区 figure of that name) is not
    text = (
        "全区一般公共预算收入86.5亿元。新区直管区2024年一般预算收入累计完成9.4亿元,同比增长8.6%。"
        "其中,税收收入完成8.3亿元,占一般公共预算收入比重89.0%。"
    )
    assert _found(text) == []


def test_a_headcounts_parts_are_named_without_the_words_before_their_bracket() -> None:
    found = audit_text("全办现有在职人员16人(其中行政人员13人,事业人员2人),退休人员8人。").findings
    assert [f.code for f in found] == ["sum_mismatch"]
    assert "（行政人员13人+事业人员2人）" in found[0].message


def test_a_subtotal_printed_among_its_items_is_no_excess() -> None:
    # 0.55 + 464.26 + 29.28 + 9 + 8.28 = 511.37, printed first among them; 511.37 + 536.54 = 1047.91
    text = (
        "(二)支出预算:2021年年初预算数1047.91万元,其中:一般公共服务支出预算511.37万元,教育支出预算0.55万元,"
        "文化旅游体育与传媒支出464.26万元,社会保障和就业支出预算29.28万元,卫生健康支出预算9万元,住房保障支出预算8.28万元,"
        "其他支出536.54万元。"
    )
    assert _found(text) == []
    assert [f.code for f in audit_text(text.replace("536.54", "636.54")).findings] == ["parts_far_over_total"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # a government's fund total also holds 上解, 补助下级, 债务还本: a list far short of it names some items
        ("市本级一般公共预算支出总计2412.52亿元,其中:一般公共预算支出1167.21亿元,为预算的96.1%,结转下年支出77.68亿元。", []),
        # a list of most of it is still the total's decomposition (3319 = 1703 + 103 + 1513)
        ("2023年政府性基金支出总计3651万元,其中本级支出1703万元,调出资金103万元,结转下年使用1513万元。", ["sum_mismatch"]),
        # a unit's 决算 form as before
        ("支出总计500.00万元,其中:本年支出合计400.00万元,年末结转和结余50.00万元。", ["sum_mismatch"]),
    ],
)
def test_a_governments_fund_total_is_no_units_form_when_its_list_is_far_short(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


def test_a_number_broken_across_lines_in_prose_is_read_whole() -> None:
    # 16986 + 346 + 497 + 15373 + 9772 + 7608 = 50582, the last amount broken "7|608|万元" over three lines
    text = "可用财力为50582万元,具体构成如下:基数为16986万元,分成346万元,专项分成497万元,专款指标15373万元,一次性补助9772万元,调入资金7\n608\n万元。"
    assert "7608万元" in [f.text.replace("\n", "") for f in audit_text(text).figures]
    assert _found(text) == []
