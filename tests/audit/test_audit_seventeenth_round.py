"""Seventeenth round: rules and fixes of the round (docs/audit.md, "Seventeenth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the total is itself "占比60.8%" of a whole the text never names: its parts' bare 占比 may be of
        # their own pools (31.2 / 101.63 = 30.70%, yet 68.7% is of the central funds)
        ("2022年共安排产业类项目4852个,投入资金101.63亿元,占比60.8%,其中中央衔接资金投向产业发展类项目31.2亿元,占比68.7%。", []),
        # without the total's own share, a part's bare 占比 is of the total: 31.2 / 101.63 = 30.70%
        (
            "2022年共安排产业类项目4852个,投入资金101.63亿元,其中中央衔接资金投向产业发展类项目31.2亿元,占比68.7%。",
            [("share_mismatch", "68.7%", "30.70%")],
        ),
    ],
)
def test_a_bare_share_under_a_total_that_is_itself_a_share_of_an_unnamed_whole(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 203379 + 27960 + 60817 + 5417 + 10580 = 308153: one unit short with five whole parts, each of which
        # may be rounded on its own — not proven wrong (the corpus's rounding convention)
        ("全区农林牧渔业总产值308154万元,同比增长8.3%。其中:农业产值203379万元,同比增长7.1%;林业产值27960万元;牧业产值60817万元;渔业产值5417万元;农林牧渔服务业产值10580万元。", []),
        # six units short is more than five parts' rounding
        (
            "全区农林牧渔业总产值308159万元,同比增长8.3%。其中:农业产值203379万元,同比增长7.1%;林业产值27960万元;牧业产值60817万元;渔业产值5417万元;农林牧渔服务业产值10580万元。",
            [("sum_mismatch", "308159万元", "308153.00万元")],
        ),
    ],
)
def test_a_gap_within_the_parts_own_rounding_is_no_error(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # each item's bare 占比 fits the larger whole printed before (61.95 / 439.49 = 14.10%, 61.72 / 439.49 =
        # 14.04%), not the list's own total 356.85: four shares of 439.49 need not make 100%
        (
            "全市一般公共预算支出累计完成439.49亿元,同比增长6.23%。其中,民生类支出356.85亿元,占一般公共预算支出比重为81.2%。"
            "民生类支出中,教育支出61.95亿元,占比为14.1%,社会保障就业支出61.72亿元,占比为14.04%,农林水支出57.14亿元,"
            "占比为13%,卫生健康支出43.57亿元,占比为9.91%。",
            [],
        ),
        # an amount printed as a bound ("超过", "突破", "近", "约") is no exact term of a share
        ("2020年一般公共预算收入突破9000亿元,是继2015年突破8000亿元后再次跨上一个千亿元台阶,其中税收收入超过7400亿元,增长1%,税收占比81.8%。", []),
        ("2020年一般公共预算收入9000亿元,其中税收收入7400亿元,税收占比81.8%。", [("share_mismatch", "81.8%", "82.22%")]),
    ],
)
def test_shares_of_a_larger_whole_and_of_bounds(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the list runs to the end of the text unclosed: the page's copy may stop mid-list
        ("天水市教育局下属4个事业单位。公益一类4个:包括天水市招生考试办公室、天水市电化教育馆、天水市勤工俭学办公室", []),
        # closed by its full stop, or followed by more text, it is an enumeration
        (
            "天水市教育局下属4个事业单位。公益一类4个:包括天水市招生考试办公室、天水市电化教育馆、天水市勤工俭学办公室。",
            [("count_mismatch", "4个", "3")],
        ),
    ],
)
def test_a_list_cut_off_where_the_text_ends(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found


def test_a_prior_year_figure_printed_with_its_name_and_a_cut_percentage_shown_finer() -> None:
    # (8105563 − 8014212) / 8014212 = 1.13987% → 1.14%: "1.13%" is the value cut, a warning with both values
    text = "2018年部门预算收入总数8105563.00元,较2017年部门预算收入总数8014212.00元增长1.13%。"
    (finding,) = audit_text(text).findings
    assert (finding.code, finding.expected) == ("yoy_truncated", "1.14%")
    assert "增减幅度为1.1399%，四舍五入应为1.14%" in finding.message
    assert _found(text.replace("1.13%", "1.25%")) == [("yoy_mismatch", "1.25%", "1.14%")]
    # a change after 较上年 is never the prior year's figure
    assert audit_text("2018年收入810.56万元,较上年增加9.14万元,增长1.14%。").findings == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 12 + 3 = 15: the total named after its count, the parts named before theirs
        ("年初批复12个项目,年中增加3个项目,共15个项目。", []),
        ("年初批复12个项目,年中增加3个项目,共16个项目。", [("sum_mismatch", "16个", "15个")]),
        ("年初批复项目12个,年中追加项目3个,共实施项目15个。", []),
        ("年初批复项目12个,年中追加项目3个,共实施项目16个。", [("sum_mismatch", "16个", "15个")]),
        # a 共 with nothing counted named is no total of these parts
        ("年初批复项目12个,年中追加项目3个,共16个。", []),
    ],
)
def test_counts_split_by_when_the_items_came_named_before_or_after(text: str, found: list[tuple[str, str, str]]) -> None:
    assert _found(text) == found
