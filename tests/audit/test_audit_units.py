"""Table-driven tests of the small pieces: numbers, normalisation, paragraphs, headings, typos, items."""

from __future__ import annotations

from decimal import Decimal

import pytest

from selfeval_xl.audit import analyse, audit_text
from selfeval_xl.audit.enumerations import split_items
from selfeval_xl.audit.numbers import (
    cn_to_int,
    decimals_of,
    fmt_amount,
    int_to_cn,
    parse_decimal,
    round_half_up,
)
from selfeval_xl.audit.text import classify, normalise, split_paragraphs
from selfeval_xl.audit.typos import find_typos


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("两", 2), ("四", 4), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
     ("百", 100), ("二三", None), ("", None), ("四个", None)],
)  # fmt: skip
def test_cn_to_int(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    ("raw", "value", "decimals"),
    [
        ("176.18", "176.18", 2),
        ("176. 18", "176.18", 2),
        ("1,250.00", "1250.00", 2),
        ("80", "80", 0),
        ("77.4", "77.4", 1),
    ],
)
def test_parse_decimal(raw: str, value: str, decimals: int) -> None:
    assert parse_decimal(raw) == Decimal(value)
    assert str(parse_decimal(raw)) == value  # built from the digits, never through float
    assert decimals_of(raw) == decimals


@pytest.mark.parametrize(
    ("value", "places", "rounded"),
    [
        ("31.965", 2, "31.97"),
        ("31.975", 2, "31.98"),
        ("0.125", 2, "0.13"),
        ("-0.125", 2, "-0.13"),
        ("68.0346", 2, "68.03"),
    ],
)
def test_round_half_up(value: str, places: int, rounded: str) -> None:
    assert str(round_half_up(Decimal(value), places)) == rounded


def test_fmt_amount_and_numerals() -> None:
    assert fmt_amount(Decimal("523.641850"), "元", 2) == "5,236,418.50元"
    assert fmt_amount(Decimal("96.2")) == "96.20万元"
    assert [int_to_cn(n) for n in (1, 4, 10, 12, 20, 31)] == ["一", "四", "十", "十二", "二十", "三十一"]


def test_normalise_is_one_to_one() -> None:
    text = "１２３，．％（一）：；　支出"
    assert normalise(text) == "123,.%(一):; 支出"
    assert len(normalise(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "level", "heading"),
    [("一、基本情况", 1, "一、基本情况"), ("（三）、区本级其他财政性资金实施情况", 2, "（三）、区本级其他财政性资金实施情况"),
     ("一、、基本情况", 1, "一、、基本情况"), ("七、存在的问题及原因：", 1, "七、存在的问题及原因"),
     ("1、基本支出情况", 3, "1、基本支出情况"), ("第二部分 部门决算表", 1, "第二部分 部门决算表"),
     ("一般公共预算支出176.18万元。", 0, ""), ("十分重视预算绩效管理。", 0, "")],
)  # fmt: skip
def test_headings(text: str, level: int, heading: str) -> None:
    p = analyse((text,)).paragraphs[0]
    assert (p.level, p.heading) == (level, heading)
    assert classify(normalise(text))[0] == level


def test_lines_broken_mid_sentence_are_joined_but_headings_are_not() -> None:
    text = "二、一般公共预算支出情况\n融媒体中心2020年部门整体支出176.\n18万元，其中：基本支出96.18万元，\n项目支出80万元。\n2、项目支出情况\n2020年度项目支出80万元。"
    assert split_paragraphs((text,)) == [
        "二、一般公共预算支出情况",
        "融媒体中心2020年部门整体支出176.18万元，其中：基本支出96.18万元，项目支出80万元。",
        "2、项目支出情况",
        "2020年度项目支出80万元。",
    ]


def test_page_number_lines_are_dropped() -> None:
    assert split_paragraphs(("第一段。\n— 1 —\n第二段。",)) == ["第一段。", "第二段。"]


@pytest.mark.parametrize(
    ("text", "typos"),
    [("其中：基本指出96.18万元", [(3, "基本支出")]), ("项目指出80万元", [(0, "项目支出")]),
     ("人员经废30.75万元", [(0, "人员经费")]), ("政府行基金预算支出", [(0, "政府性基金预算")]),
     ("基本支出、项目支出、人员经费、公用经费", []), ("预算执行情况良好", []), ("预算执行数为100万元", []),
     ("绩效指标完成情况", []), ("项目收入10万元", []), ("公共经费", []), ("结转节余资金", []),
     ("国有资产管理", []), ("基本完成区融媒体中心功能建设", [])],
)  # fmt: skip
def test_typos(text: str, typos: list[tuple[int, str]]) -> None:
    assert find_typos(normalise(text)) == typos


@pytest.mark.parametrize(
    ("listing", "items"),
    [("综合运行部、采编部、技术保障部和综合服务部", 4), ("人力资源和社会保障局、财政局", 2),
     ("办公室、研究室和提案委", 3), ("县广播站、县电视台和县新闻网", 3),
     ("“受益学生人数”、“资金拨付及时率”和“家长满意度”", 3), ("《条例》、《纲要》和《规定》", 3),
     ("“促进城乡和区域协调”、“改善民生”", 2)],
)  # fmt: skip
def test_split_items(listing: str, items: int) -> None:
    assert len(split_items(listing)) == items


@pytest.mark.parametrize(
    ("text", "codes"),
    [("内设办公室、财务股共三个股室。", {"count_mismatch"}), ("内设办公室、财务股共两个股室。", set()),
     ("设有办公室、财务股等2个股室。", set()), ("下属单位4个：A站、B站、C站、D站。", set()),
     ("下属单位5个：A站、B站、C站、D站。", {"count_mismatch"}), ("走访企业、社区30家。", set()),
     ("宣传片、视频、H5等共30篇。", set()),
     ("3项指标未得满分：“受益学生人数”、“资金拨付及时率”和“家长满意度”。", set()),
     ("4项指标未得满分：“受益学生人数”、“资金拨付及时率”和“家长满意度”。", {"count_mismatch"})],
)  # fmt: skip
def test_counts(text: str, codes: set[str]) -> None:
    assert {f.code for f in audit_text(text).findings} == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [("自评得分95分，等级为优。", set()), ("自评得分90分，等级为“优”。", set()), ("自评得分89.9分，等级为“优”。", {"grade_mismatch"}),
     ("综合评分为75分，评价等级为良。", {"grade_other_bands"}), ("综合评分为74.5分，评价等级为良。", {"grade_mismatch"}),
     ("自评得分59分，自评等级：差。", set()),
     ("自评得分105分。", set()), ("满分100分,自评得分105分。", {"score_above_100"})],
)  # fmt: skip
def test_grades(text: str, codes: set[str]) -> None:
    assert {f.code for f in audit_text(text).findings} == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [("支出100.00万元，其中：办公费60.00万元，差旅费50.00万元。", {"parts_exceed_total"}),
     ("支出100.00万元，其中：办公费60.00万元，差旅费30.00万元。", {"sum_mismatch"}),
     ("支出100.00万元，其中办公费60.00万元，差旅费30.00万元。", {"parts_below_total"}),
     ("支出100.00万元，其中：办公费60.00万元，差旅费30.00万元等。", {"parts_below_total"}),
     ("支出100.00万元。其中：办公费60.00万元。差旅费40.00万元。", set()),
     ("收支总预算100.00万元。收入包括：拨款90.00万元、结转10.00万元；支出包括：教育80.00万元。", set()),
     ("收入完成80.00万元，增长3%。加上结转15.00万元，调入5.00万元，收入总计100.00万元。", set()),
     ("收入完成80.00万元，增长3%。加上结转15.00万元，调入6.00万元，收入总计100.00万元。", {"sum_mismatch"}),
     ("总额1969万元，较2024年的2190万元减少221万元，下降10.1%；其中：出国40万元，接待242万元，用车1687万元。", set()),
     ("支出100.00万元，其中：办公费60.00万元。", set()),
     ("支出100.00万元，比上年增加20.00万元，其中：办公费60.00万元，差旅费40.00万元。", set()),
     ("基本支出100.00万元，人员经费60.00万元，公用经费40.00万元。", set()),
     ("基本支出100.00万元，人员经费60.00万元，公用经费41.00万元。", {"sum_mismatch"}),
     ("基本支出100.00万元，其中：人员经费33.33万元，占基本支出的33.33%；公用经费66.67万元，占基本支出的66.67%。", set()),
     ("基本支出3.00万元，其中：人员经费1.00万元，占33%；公用经费1.00万元，占33%；其他1.00万元，占33%。", {"shares_rounding_drift"}),
     ("全年预算数100万元，执行数95万元，预算执行率95%。", set()),
     ("预算执行率为100%。", set())],
)  # fmt: skip
def test_sums_and_shares(text: str, codes: set[str]) -> None:
    assert {f.code for f in audit_text(text).findings} == codes
