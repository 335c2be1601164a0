"""Twenty-sixth round (docs/audit.md, "Twenty-sixth round"). Every text here is made up."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


# the 转移支付 区域绩效自评表: three cells a row, each row ending its line (the lines are joined by a comma)
_REGIONAL = (
    "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
    "年度资金总额: 500.00 450.00 {total}\n"
    " 其中:中央补助 200.00 200.00 {central}\n"
    "       地方资金 300.00 250.00 {local}\n"
    "       其他资金\n"
    "总体目标完成情况\n"
)


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        (("90%", "100%", "83.33%"), []),
        (("95%", "100%", "83.33%"), [("execution_rate_mismatch", "error", "95%", "90.00%")]),
        (("90%", "110%", "83.33%"), [("execution_rate_mismatch", "error", "110%", "100.00%")]),
        (("90%", "100%", "85%"), [("execution_rate_mismatch", "error", "85%", "83.33%")]),
    ],
)
def test_rows_of_the_regional_form_each_ending_a_line(rates: tuple[str, str, str], expected: list[tuple[str, ...]]) -> None:
    total, central, local = rates
    assert _found(_REGIONAL.format(total=total, central=central, local=local)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年项目资金为14.97万元,实际已支付14.97万元,支付率为110%。", [("named_rate_mismatch", "error", "110%", "100.00%")]),
        ("2024年项目资金为14.97万元,实际已支付14.97万元,支付率为100%。", []),
        ("项目资金50万元,已拨付40万元,拨付率85%。", [("named_rate_mismatch", "error", "85%", "80.00%")]),
        ("项目资金50万元,已拨付40万元,拨付率80%。", []),
    ],
)
def test_a_payment_rate_of_the_project_money(text: str, expected: list[tuple[str, ...]]) -> None:
    """"项目资金…,已支付…,支付率…": the money the sentence names as the project's is what was paid out of."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kept zero among one-decimal prints: the majority's print
        ("项目资金97.80万元,基本支出12.3万元,项目支出45.6万元,其他支出8.2万元。", "97.8万元"),
        # a padded zero among prints of three or four decimals (full prints): the house's two, not the majority's
        ("项目资金97.0万元,基本支出12.312万元,项目支出45.623万元,其他支出8.221万元。", "97.00万元"),
        # 元 printed past 分 among one-decimal prints: the house's two
        ("项目资金97.875元,基本支出12.3元,项目支出45.6元,其他支出8.2元。", "97.88元"),
    ],
)
def test_an_odd_precision_suggests_at_most_two_decimals(text: str, expected: str) -> None:
    assert [(f.code, f.expected) for f in audit_text(text).findings] == [("mixed_precision", expected)]


@pytest.mark.parametrize(
    "text",
    [
        # 万元/亿元 printed to a smaller unit exactly (97.875万元 = 978,750元) is a full print, not a slip (thirty-fifth round)
        "项目资金97.875万元,基本支出12.3万元,项目支出45.6万元,其他支出8.2万元。",
        "项目资金97.8751万元,基本支出12.312万元,项目支出45.623万元,其他支出8.221万元。",
        "债务限额19.2316亿元,一般债务限额6.6亿元,专项债务限额12.6亿元,新增债务2.1亿元。",
        # the house's two decimals among full prints; 分 among 元 prints of one decimal
        "资助经费136.00万元,全年预算数5372.5833万元,执行数4772.5812万元。",
        "基本支出预算1440224.60元,同比减少12602.40元,项目支出预算52000.5元,其他支出3000.5元,结余800.5元。",
    ],
)
def test_a_full_print_is_no_odd_precision(text: str) -> None:
    assert [f.code for f in audit_text(text).findings if f.code == "mixed_precision"] == []


def test_a_change_the_other_way_names_the_current_year_as_told() -> None:
    from selfeval_xl.audit.engine import analyse
    from selfeval_xl.audit.findings import change_finding

    a = analyse(("2023年支出1957.23万元,2022年支出1953.72万元,减少3.51万元。",))
    current, prior, change = a.figures[:3]
    default = change_finding(a, change, "3.51万元", current, prior, "减少", -1, "2022年")
    named = change_finding(a, change, "3.51万元", current, prior, "减少", -1, "2022年", current_label="2023年")
    assert default.message.startswith("本年1957.23万元、2022年1953.72万元，较2022年实为增加3.51万元")
    assert named.message.startswith("2023年1957.23万元、2022年1953.72万元，较2022年实为增加3.51万元")


@pytest.mark.parametrize(
    ("count", "expected"),
    [("6个", [("count_mismatch", "error", "6个", "5")]), ("5个", [])],
)
def test_a_list_running_into_the_next_sentence(count: str, expected: list[tuple[str, ...]]) -> None:
    """The list's full stop lost in the copy: its last item ends with the name every other item ends with."""
    text = (
        f"镇政府内设机构共{count},分别是:党建工作办公室、经济发展办公室、城乡建设办公室、社会事务办公室、平安建设办公室"
        "镇政府实有人数86人(其中:在职36人,离退休50人),总编制数38人。"
    )
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the last item shares no ending with the others: nothing to cut at, the list stays unread
        "内设机构共4个,分别是:党建工作办公室、经济发展办公室、城乡建设办公室、财政所镇政府实有人数86人。",
        # two items only: no ending to learn from
        "内设机构共3个,分别是:党建工作办公室、平安建设办公室镇政府实有人数86人。",
    ],
)
def test_a_run_on_list_is_cut_only_at_a_shared_ending(text: str) -> None:
    assert _found(text) == []


_COUNTIES = "县区 地方一般公共预算收入 上级政府转移支付 财政债券收入 合计\n{rows}\n\n从上表可以看出,章贡区的财政收入最高。\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("章贡区 120.0 90.0 10.0 220.0\n龙南 70.0 50.0 5.0 125.0", []),
        ("章贡区 120.0 90.0 10.0 220.0\n龙南 70.0 50.0 5.0 130.0", [("sum_mismatch", "error", "130.0", "125.0")]),
        # a cell printed coarser than the rest may round: 70.4 + 50 + 5.0 = 125.4, the 50 is 49.5–50.5
        ("龙南 70.4 50 5.0 125.9", []),
        ("龙南 70.4 50 5.0 126.0", [("sum_mismatch", "error", "126.0", "125.4")]),
        # a row short of a cell is not read
        ("龙南 70.0 50.0 130.0", []),
    ],
)
def test_the_total_column_of_rows_copied_one_a_line(rows: str, expected: list[tuple[str, ...]]) -> None:
    assert _found(_COUNTIES.format(rows=rows)) == expected


def test_the_total_column_first_and_cells_between_bars() -> None:
    text = "| 单位 | 合计 | 基本支出 | 项目支出 |\n| 局机关 | 300.00 | 200.00 | 90.00 |\n| 信息中心 | 50.00 | 30.00 | 20.00 |\n"
    found = audit_text(text).findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("sum_mismatch", "300.00", "290.00")]
    assert found[0].message == "局机关合计为300.00，但其组成部分（200.00+90.00）合计为290.00，两者不一致。"


@pytest.mark.parametrize(
    "header",
    [
        "单位 合计 小计 人员经费 公用经费",  # a subtotal among the columns: not a sum across them
        "单位 预算数 执行数 执行率 合计",  # a rate among them
        "单位 人员经费 合计 公用经费 项目支出",  # the total in the middle
        "单位 人员经费 公用经费 项目支出",  # no total
    ],
)
def test_a_header_that_does_not_sum_its_columns(header: str) -> None:
    assert _found(f"{header}\n局机关 100.00 60.00 30.00 20.00\n") == []


def test_rows_one_a_line_keep_apart() -> None:
    """The first row joins its header by a cell mark (never "…备注赣县区"); the rows after it, and the words after the
    last, start paragraphs of their own; a number the line break cut still joins its line."""
    from selfeval_xl.audit.text import split_paragraphs

    text = (
        "县区 地方一般公共预算收入 合计 备注\n赣县区 80.0 145.0\n龙南 70.0 130.0\n上犹县 60.0 110.0\n"
        "从上表可以看出,收入最高的是赣县区\n的收入。"
    )
    assert split_paragraphs((text,)) == [
        "县区 地方一般公共预算收入 合计 备注 | 赣县区 80.0 145.0",
        "龙南 70.0 130.0",
        "上犹县 60.0 110.0",
        "从上表可以看出,收入最高的是赣县区的收入。",
    ]
    cut = "| 年度资金总额 | 7.29 | 7.29 | 7.2\n9 | 10.00 | 100% | 10.00 |"
    assert split_paragraphs((cut,)) == ["| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |"]


_SANGONG = (
    "项 目 | 2014年决算数 | 2015年决算数 | 2015年决算比上年增、减情况 | |\n增、减额 | 增、减幅度 | |||\n"
    "1、因公出国(境)费 | 12.23 | 65.98 | 53.75 | {a} |\n2、公务接待费 | 977.3 | 918.5 | -58.8 | {b} |\n"
    "3、公务用车运行维护费 | 918.19 | 939.99 | 21.8 | {c} |\n"
)


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        # one decimal throughout but one: 2.40% is no padding of 2.4 (21.8 / 918.19 = 2.3742%)
        (("439.5%", "-6.0%", "2.40%"), [("yoy_mismatch", "error", "2.40%", "2.37%")]),
        (("439.5%", "-6.0%", "2.37%"), []),
        (("439.5%", "-6.0%", "2.4%"), []),
        # two decimals throughout: a one-decimal value typed into a column that shows two
        (("439.49%", "-6.02%", "2.40%"), []),
        # the column pads its one-decimal values (each two-decimal cell ends in 0) beside whole ones
        (("439%", "-6.00%", "2.40%"), []),
    ],
)
def test_a_zero_after_the_point_is_padding_only_where_the_column_pads(rates: tuple[str, str, str], expected: list[tuple[str, ...]]) -> None:
    a, b, c = rates
    assert _found(_SANGONG.format(a=a, b=b, c=c)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two parts of 基本支出, each a share of 支出合计, in two sentences: at most 100% together
        ("本年支出合计200万元。人员经费占支出合计的65%。公用经费占支出合计的45%。", [("shares_exceed_100", "error", "110%", "100%")]),
        ("本年支出合计200万元,其中人员经费130万元,占支出合计的65%。公用经费90万元,占支出合计的45%。", [("shares_exceed_100", "error", "110%", "100%")]),
        ("本年支出合计200万元。人员经费占支出合计的55%。公用经费占支出合计的45%。", []),
        ("本年支出合计200万元。人员经费占支出合计的55.4%。公用经费占支出合计的44.7%。", []),  # 100.1: their rounding
        ("本年支出合计200万元。人员经费占支出合计的45%。公用经费占支出合计的25%。", []),  # 项目支出 the rest
        # one kind twice (two years), or the two in separate paragraphs: not read together
        ("2022年人员经费占支出合计的65%。2023年人员经费占支出合计的60%。", []),
        ("人员经费占支出合计的65%。\n\n公用经费占支出合计的45%。", []),
    ],
)
def test_shares_of_parts_that_hold_nothing_of_each_other(text: str, expected: list[tuple[str, ...]]) -> None:
    assert _found(text) == expected


def test_the_message_names_the_whole_and_each_part() -> None:
    (found,) = audit_text("人员经费占支出合计的65%。公用经费占支出合计的45%。").findings
    assert found.message == "占支出合计的各项比例（人员经费65%+公用经费45%）合计为110%，超过100%；互不包含的各项之和不能超过总数，请核实。"
