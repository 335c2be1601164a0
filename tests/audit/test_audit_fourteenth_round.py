"""Fourteenth round: rules and fixes of the round (docs/audit.md, "Fourteenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _sangong_table(values: list[str]) -> str:
    header = ["一般公共预算财政拨款“三公”经费支出决算表", "单位:万元", "合计", "因公出国", "(境)费", "公务用车购置及运行维护费",
              "公务接待费", "小计", "公务用车", "购置费", "公务用车", "运行维护费"] + ["预算数", "决算数"] * 6  # fmt: skip
    return "\n\n".join([*header, *values, "注:本表反映部门本年度“三公”经费支出预决算情况。"])


# two 三公 tables in one text, each followed by its 公务接待费 note: 41.61 / 188.11 = 22.12%; 40 / 50 = 80%
_ONE = _sangong_table(["683.51", "358.18", "80.00", "0.00", "415.40", "316.57", "105.00", "104.02", "310.40", "212.55", "188.11", "41.61"])
_TWO = _sangong_table(["100.00", "70.00", "0.00", "0.00", "50.00", "30.00", "0.00", "0.00", "50.00", "30.00", "50.00", "40.00"])
_TEXT = "\n\n".join([_ONE, "公务接待费支出决算为41.61万元,完成预算的22.12%。", _TWO, "公务接待费支出决算为40.00万元,完成预算的80%。"])


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("22.12%", "22.12%", []),
        ("22.12%", "24.33%", [("execution_rate_mismatch", "24.33%", "22.12%")]),
        # the second table's note is judged against the second table's budget (50.00), not the first's
        ("80%", "70%", [("execution_rate_mismatch", "70%", "80.00%")]),
    ],
)
def test_completion_notes_read_once_are_judged_against_their_own_table(old: str, new: str, found: list[tuple[str, str, str]]) -> None:
    # the text's completion notes are collected in one pass and each table takes those after it
    # (benchmarks/audit_linearity.py, "one table": it was a scan of the whole paragraph per 三公 table)
    assert [(f.code, f.stated, f.expected) for f in audit_text(_TEXT.replace(old, new)).findings] == found


def test_a_flattened_tables_negative_cell_is_printed_in_brackets_among_the_parts() -> None:
    text = "项目支出: | 100.00 | 90.00\n1、中介服务 | 110.00 | 50.00\n2、信息化建设 | -20.00 | 40.00"
    assert [f.message for f in audit_text(text).findings] == ["项目支出为100.00，但其组成部分（110.00+(-20.00)）合计为90.00，两者不一致。"]
    assert not audit_text(text.replace("-20.00", "-10.00")).findings


def test_the_merge_tool_takes_only_new_verbatim_labelled_texts(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from merge_labelled import merge, split_of
    from real_corpus import MANIFEST

    (tmp_path / "texts").mkdir()
    entries = [{"id": "a1", "source": "https://example.gov.cn/a1", "title": "某县2023年部门决算公开说明"},
               {"id": "a2", "source": "https://example.gov.cn/a2", "title": "某县2023年三公经费"},
               {"id": "a3", "source": MANIFEST[0]["source"]}]
    for e in entries:
        (tmp_path / "texts" / f"{e['id']}.txt").write_text("支出合计10万元,其中甲4万元、乙6万元。", "utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps(entries), "utf-8")
    relation = {"kind": "sum", "op": "sum", "quote": "支出合计10万元", "stated": "10万元", "inputs": ["4", "6"],
                "expected": "10", "computed_verdict": "ok", "verdict": "ok"}
    bad = dict(relation, quote="支出合计11万元")
    labels = {"a1": {"relations": [relation], "non_relations": []}, "a2": {"relations": [bad], "non_relations": []},
              "a3": {"relations": [relation], "non_relations": []}}
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), "utf-8")
    assert merge([tmp_path], dry_run=True) == 0
    out = capsys.readouterr().out
    assert "a2: left out: quote not verbatim" in out and "a3: address already in the corpus" in out
    assert "1 texts merged" in out
    assert {split_of("https://example.gov.cn/a1"), split_of("https://example.gov.cn/a2")} <= {"dev", "test"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the prior year's figure in a clause of its own: 23992 − 21012 = 2980, 2980 / 21012 = 14.2%
        ("2021年全县财政总收入完成23992万元,较上年21012万元,增收2980万元,增幅14.2%。", []),
        ("2021年全县财政总收入完成23992万元,较上年21012万元,增收3278万元,增幅14.2%。", [("yoy_change_mismatch", "3278万元", "2980.00万元")]),
        ("2021年全县财政总收入完成23992万元,较上年21012万元,增收2980万元,增幅15.6%。", [("yoy_mismatch", "15.6%", "14.2%")]),
        # the amount's completion of its budget between it and the comparison: 11489 − 11972 = −483
        ("完成地方财政收入11489万元,占年度预算12000万元的95.7%,较上年决算11972万元,减收483万元,减幅4%。", []),
        ("完成地方财政收入11489万元,占年度预算12000万元的95.7%,较上年决算11972万元,减收531万元,减幅4%。",
         [("yoy_change_mismatch", "531万元", "483.00万元")]),
        ("完成地方财政收入11489万元,占年度预算12000万元的95.7%,较上年决算11972万元减收531万元。", [("yoy_change_mismatch", "531万元", "483.00万元")]),
        ("完成地方财政收入11489万元,占年度预算12000万元的95.7%,较上年决算11972万元减收483万元。", []),
        # a clause between the prior figure and the change names another subject: not read
        ("支出23992万元,较上年21012万元,其中公务接待费增加300万元,增长5%。", []),
    ],
)
def test_a_prior_years_figure_in_its_own_clause(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.name == "ERROR"] == found


_ADJUSTED = "县人大常委会审查批准调整全县一般公共预算收入为500000万元。2022年全县一般公共预算收入完成502682万元,为调整预算的{}%,同比增长10.6%;"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "占年调整预算的": 791944 / 795622 = 99.54%
        ("支出预算调整为795622万元,实际完成791944万元,占年调整预算的99.5%,增长12%。", []),
        ("支出预算调整为795622万元,实际完成791944万元,占年调整预算的95.5%,增长12%。", [("execution_rate_mismatch", "95.5%", "99.54%")]),
        # the adjusted budget of the side, approved in the sentence before: 502682 / 500000 = 100.54%
        (_ADJUSTED.format("100.5"), []),
        (_ADJUSTED.format("110.5"), [("execution_rate_mismatch", "110.5%", "100.54%")]),
        # a part's rate after ";其中": its own adjusted budget is not printed, so not the side's
        (_ADJUSTED.format("100.5") + "其中税收收入完成288395万元,为调整预算的97.2%。", []),
    ],
)
def test_an_adjusted_budget_named_by_its_approval(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.name == "ERROR"] == found


@pytest.mark.parametrize("joiner", ["安排", "预计为", "累计完成", "实际完成"])
def test_a_whole_named_with_a_budget_verb_is_found_by_its_name(joiner: str) -> None:
    # "收入安排77.6亿元" is the 一般公共预算收入 a share names: 65.7 / 77.6 = 84.66%
    text = f"全市一般公共预算收入{joiner}77.6亿元,同比增长5%。其中:税收收入65.7亿元,同比增长26.1%,占一般公共预算收入的{{}}%;非税收入11.9亿元。"
    assert not [f for f in audit_text(text.format("84.7")).findings if f.severity.name == "ERROR"]
    assert [(f.code, f.expected) for f in audit_text(text.format("93.1")).findings] == [("share_mismatch", "84.66%")]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("因公出国(境)费支出决算减少69.08万元,下降110%。", ["decrease_over_100"]),
        ("国内公务接待批次为0次,较上年减少119批次,下降110%。", ["decrease_over_100"]),
        ("会议费压减120%。", ["decrease_over_100"]),
        # to nothing is 100%; a balance, a growth rate or a share may fall through zero
        ("因公出国(境)费支出决算减少69.08万元,下降100%。", []),
        ("年末结余减少30万元,下降120%。", []),
        ("收入增速下降150%。", []),
        ("资产负债率下降120个百分点。", []),
    ],
)
def test_a_decrease_of_more_than_everything(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings] == codes


def test_the_transfer_payment_forms_rows_by_level_are_read() -> None:
    # 中央对地方转移支付 区域绩效自评表: 年度资金总额, 其中:中央财政资金, 地方资金; 27.9996 / 127 = 22.05%, 5 / 10 = 50%
    table = ("资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | ||||\n年度资金总额: | 137 | 32.9996 | 24% | ||||\n"
             "其中:中央财政资金 | 127 | 27.9996 | {} | ||||\n地方资金 | 10 | 5 | {} | ||||\n其他资金 | 0 | 0 | 0 | ||||\n")  # fmt: skip
    assert [f.code for f in audit_text(table.format("22%", "50%")).findings if f.severity.name == "ERROR"] == []
    found = [(f.code, f.stated, f.expected) for f in audit_text(table.format("25%", "40%")).findings if f.severity.name == "ERROR"]
    assert found == [("execution_rate_mismatch", "25%", "22.05%"), ("execution_rate_mismatch", "40%", "50.00%")]


_FUNDS = ("1.资金投入情况分析\n\n(1)项目资金到位情况。2021年预算飞行经费共计9799.2万元,其中中央补助资金7814万元,省级补助资金1985.2万元。\n\n"
          "(2)项目资金执行情况。实际执行飞行经费9109.54万元,结余689.66万元。项目执行率{}%。\n")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the one budget of the paragraph before: 9109.54 / 9799.2 = 92.96%
        (_FUNDS.format("92.96"), []),
        (_FUNDS.format("95.96"), [("execution_rate_mismatch", "95.96%", "92.96%")]),
        # two budgets stated before (年初 and adjusted): the rate's is not known, so it is not read
        (_FUNDS.format("95.96").replace("。\n\n(2)", ",调整后预算9500万元。\n\n(2)"), []),
        # a part's rate after 其中 takes no budget of the paragraphs before
        (_FUNDS.format("92.96") + "其中中央补助资金执行7000万元,执行率95%。\n", []),
    ],
)
def test_a_rates_budget_stated_in_the_paragraph_before(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.name == "ERROR"] == found


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("全镇一般公共预算收入累计实现7,598万元,为年度收入目标7,598万元的100%。", []),
        ("全镇一般公共预算收入累计实现7,598万元,为年度收入目标7,598万元的110%。", ["execution_rate_mismatch"]),
        ("项目支出完成300万元,为年度计划400万元的85%。", ["execution_rate_mismatch"]),
        # a target without its amount is not a budget the rate can be checked against
        ("全年完成招商引资10亿元,完成年度目标的80%。", []),
    ],
)
def test_a_target_printed_with_its_amount_is_read_as_a_budget(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # 税收 + 非税 make the 一般公共预算收入: a short pair is an error, not a partial list
        ("全县一般公共预算收入76138万元,其中税收收入47008万元、非税收入29130万元,增长5%。", []),
        ("全县一般公共预算收入83752万元,其中税收收入47008万元、非税收入29130万元,增长5%。", ["sum_mismatch"]),
        # a 总收入 counts revenue shared upwards too: still a partial list
        ("全县一般公共预算总收入83752万元,其中税收收入47008万元、非税收入29130万元。", ["parts_below_total"]),
    ],
)
def test_tax_and_non_tax_revenue_make_the_general_budget_revenue(text: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(text).findings] == codes


_SHARES = ("集中采购机构采购1274批次,实际采购金额9814.98万元,占总采购额的{};社会代理机构采购145批次,实际采购金额11146.60万元,"
           "占总采购额的36.79%;单位自行采购1113批次,实际采购金额9337.30万元,占总采购额的{}。")  # fmt: skip


@pytest.mark.parametrize(
    ("first", "last", "found"),
    [
        # the three items make the whole (30298.88): 32.39%, 36.79%, 30.82%
        ("32.39%", "30.82%", []),
        ("35.63%", "30.82%", [("share_mismatch", "35.63%", "32.39%")]),
        # two shares that do not fit: which item (or the whole) is wrong is not known
        ("35.63%", "33.90%", []),
        # (the same with other figures: one fitting share proves nothing)
        ("20.00%", "18.00%", []),
    ],
)
def test_shares_of_a_whole_made_of_the_items_listed(first: str, last: str, found: list[tuple[str, str, str]]) -> None:
    text = _SHARES.format(first, last)
    assert [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.name == "ERROR"] == found


def test_a_comparison_tables_change_columns_named_on_the_line_below() -> None:
    # "比上年增、减情况" spans "增、减金额 | 增、减幅度" on the next line: 22.15 − 18.15 = 4, 4 / 18.15 = 22.04%
    table = ("项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |\n增、减金额 | 增、减幅度 | |||\n"
             "合计 | 18.15 | 22.15 | {} | {} |\n1.因公出国(境)费 | ||||\n2.公务接待费 | 3 | 7 | 4 | 133% |\n")  # fmt: skip
    assert not audit_text(table.format("4", "22%")).findings
    found = [(f.code, f.stated, f.expected) for f in audit_text(table.format("5", "25%")).findings]
    assert found == [("yoy_change_mismatch", "5", "4.00"), ("yoy_mismatch", "25%", "22.04%")]
    # a spanning cell with no change columns under it is no header
    assert not audit_text("项目 | 2023年预算数 | 2024年预算数 | 增减情况 | |\n说明 | |||\n合计 | 18.15 | 22.15 | 5 | 25% |\n").findings


_TAXES = ("税收收入{}万元,包括:增值税13694万元,企业所得税25541万元,个人所得税5982万元,资源税1355万元,城市维护建设税8976万元,"
          "房产税6866万元,印花税9153万元,城镇土地使用税15313万元,土地增值税59058万元,车船税2796万元,耕地占用税62142万元,"
          "契税76761万元,环境保护税553万元{}。")  # fmt: skip


@pytest.mark.parametrize(
    ("total", "other", "codes"),
    [
        ("288395", ",其他税收收入205万元", []),
        # a list closed by its 其他 item names every part: short of the total, it is wrong
        ("317235", ",其他税收收入205万元", ["sum_mismatch"]),
        # the main taxes only: short of the total, a partial list
        ("317235", "", ["parts_below_total"]),
    ],
)
def test_a_tax_list_closed_by_its_other_item_is_complete(total: str, other: str, codes: list[str]) -> None:
    assert [f.code for f in audit_text(_TAXES.format(total, other)).findings] == codes


@pytest.mark.parametrize(
    ("income", "codes"),
    [
        # 7817.12 + 30595.04 + 3928 + 17417.08 = 59757.24: a cent off a 2-dp total, "3928万元" a 2-dp figure
        # printed without its zeros — a rounding gap (a 提示), as among 2-dp parts
        ("3928", ["sum_rounding_gap"]),
        ("3929", ["parts_exceed_total"]),
    ],
)
def test_a_whole_wan_part_among_two_decimal_parts_keeps_the_cent_rule(income: str, codes: list[str]) -> None:
    text = f"收入预算59757.23万元,其中:上年结转7817.12万元;一般公共预算拨款收入30595.04万元;事业收入{income}万元;其他收入17417.08万元。"
    assert [f.code for f in audit_text(text).findings] == codes


@pytest.mark.parametrize(("pct", "codes"), [("2.97%", []), ("3.27%", ["yoy_mismatch"])])
def test_an_items_change_after_an_earlier_items_comparison(pct: str, codes: list[str]) -> None:
    # "与上年持平" is the item before the ";": 公务接待费's own change is 30 of 1010, 2.97%
    text = ("“三公”经费预算总额为3136万元,较2020年的3178万元减少42万元,下降1.32%。其中:因公出国(境)经费90万元,与上年持平;"
            f"公务接待费980万元,减少30万元,下降{pct};公务用车购置及运行维护费2066万元。")  # fmt: skip
    assert [f.code for f in audit_text(text).findings] == codes


@pytest.mark.parametrize(("pct", "codes"), [("6.6%", []), ("7.3%", ["yoy_mismatch"])])
def test_a_percentage_first_then_an_increase_of_revenue(pct: str, codes: list[str]) -> None:
    # 增收 is against last year: 12944 / (209570 − 12944) = 6.58%
    assert [f.code for f in audit_text(f"工业入库全辖税收209570万元,增长{pct},增收12944万元。").findings] == codes


@pytest.mark.parametrize(
    ("first", "second", "codes"),
    [
        ("92.89%", "7.11%", []),
        # of the list's own total (67524.50): one share fits to two decimals, so the other is wrong
        ("102.18%", "7.11%", ["share_mismatch"]),
        # one fitting integer share does not prove the whole
        ("93%", "9%", []),
    ],
)
def test_shares_of_the_lists_own_total(first: str, second: str, codes: list[str]) -> None:
    text = f"文化旅游体育与传媒支出62722.85万元,占比{first};社会保障和就业支出4801.65万元,占比{second}。"
    assert [f.code for f in audit_text(text).findings if f.severity.name == "ERROR"] == codes


def test_a_letter_spaced_comparison_table_reads_as_printed_tight() -> None:
    import re

    table = "项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |\n增、减金额 | 增、减幅度 | |||\n合计 | 18.15 | 22.15 | 5 | 25% |\n"
    spaced = re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1 ", table)  # "增 、减 金 额": a PDF's character spacing
    assert [f.code for f in audit_text(spaced).findings] == [f.code for f in audit_text(table).findings] == ["yoy_change_mismatch", "yoy_mismatch"]
