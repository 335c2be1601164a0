"""Twenty-fifth round: a signed percentage of change ("增长-30%") and a change amount that goes the other
way (docs/audit.md, "Twenty-fifth round"). Every text here is made up."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text

# this year 1674.95, last year 2423.96: a fall of 749.01, 30.900262%
_BOTH_YEARS = "2023年收入预算1674.95万元,比2022年2423.96万元减少749.01万元,"


def _found(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("增长-30%", [("yoy_truncated", "warning", "30%", "31%")]),  # 30.90 cut to 30
        ("增长-25%", [("yoy_mismatch", "error", "25%", "30.9%")]),
        ("增长-30.90%", []),
        ("增长−30.90%", []),  # the minus sign of a word processor
        ("增长－31%", []),  # the full-width one
        ("增长 -31.90%", [("yoy_mismatch", "error", "31.90%", "30.90%")]),
        ("下降30.90%", []),
    ],
)
def test_a_signed_growth_is_a_fall(rate: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _found(f"{_BOTH_YEARS}{rate}。") == expected


@pytest.mark.parametrize(
    "text",
    [
        "收入1674.95万元,较上年2423.96万元增长-31.90%。",  # last year's figure, then the percentage
        "2023年收入1674.95万元,2022年收入2423.96万元,增长-31.90%。",  # two named years, then the percentage
    ],
)
def test_a_signed_percentage_against_both_years(text: str) -> None:
    assert _found(text) == [("yoy_mismatch", "error", "31.90%", "30.90%")]


def test_a_signed_percentage_first_then_the_amount() -> None:
    assert _found("收入1674.95万元,同比增长-31.90%,减收749.01万元。") == [("yoy_mismatch", "error", "31.90%", "30.90%")]


def test_a_growth_signed_against_a_rise_is_no_arithmetic() -> None:
    """"增加…,增长-30%": the two verbs disagree; the percentage is not checked as a fall or a rise."""
    found = _found("2023年收入预算1674.95万元,比2022年2423.96万元增加749.01万元,增长-30%。")
    assert [code for code, *_ in found] == ["yoy_change_mismatch"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2023年收入预算1674.95万元,比2022年2423.96万元增加749.01万元。", "较上年实为减少749.01万元，报告写为增加749.01万元"),
        ("2023年收入预算1674.95万元,比2022年2423.96万元增加740.01万元。", "较上年实为减少749.01万元，报告写为增加740.01万元"),
    ],
)
def test_a_change_the_other_way_says_so(text: str, said: str) -> None:
    """Not "增减额应为749.01万元,报告写为749.01万元", which reads as no error at all."""
    (found,) = audit_text(text).findings
    assert found.code == "yoy_change_mismatch" and said in found.message


@pytest.mark.parametrize("word", ["与", "较", "比"])
def test_a_year_run_into_last_years_figure_is_not_read_as_one_amount(word: str) -> None:
    """"与2019498.83万元相比": 2019年 with its 年 dropped, or 2019498.83万元; neither is checked."""
    text = f"2020年度收、支总计424.71万元。{word}2019498.83万元相比,收、支总计各减少74.12万元,减少14.86%。"
    assert _found(text) == []


def test_a_plain_large_amount_after_a_comparison_is_still_read() -> None:
    found = _found("收入总计424.71万元,较上年498.83万元减少74.12万元,下降15.86%。")
    assert found == [("yoy_mismatch", "error", "15.86%", "14.86%")]


_SHARES = "本年收入1335.34万元,其中:财政拨款448.87万元,占总收入的33.61%;{rest}"


@pytest.mark.parametrize(
    ("rest", "codes"),
    [
        # each share right of its amount; the list leaves 886.47万元 out: the list's own warning, no shares error
        ("其他收入0万元,占总收入的0.00%。", ["parts_below_total"]),
        # a share that is wrong of its amount still makes the shares' sum a finding
        ("其他收入0万元,占总收入的5.00%。", ["parts_below_total", "share_mismatch", "shares_not_100"]),
        # over 100% however right each share is
        ("事业收入896.47万元,占总收入的67.13%;其他收入10万元,占总收入的0.75%。", ["parts_exceed_total", "shares_not_100"]),
    ],
)
def test_shares_short_of_100_when_each_is_right(rest: str, codes: list[str]) -> None:
    assert sorted(code for code, *_ in _found(_SHARES.format(rest=rest))) == codes


_FORM = "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n年度资金总额 | 200 | 220 | 180 | 10 | 81.82% | {score} |"


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("8.18", []),  # 10 × 180/220 = 8.1818…
        ("8.2", []),
        ("8", []),  # whole points, floored or rounded: a scoring practice
        ("8.1", [("table_score_truncated", "warning", "8.1", "8.2")]),
        ("8.17", [("table_score_differs", "warning", "8.17", "8.18")]),
        ("7", [("table_score_differs", "warning", "7", "8")]),
        ("10", [("table_score_differs", "warning", "10", "8")]),
    ],
)
def test_the_execution_score_of_a_self_evaluation_row(score: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = [f for f in _found(_FORM.format(score=score)) if f[0].startswith("table_score")]
    assert found == expected


def test_the_execution_score_is_of_a_rate_at_most_100() -> None:
    row = "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n年度资金总额 | 200 | 220 | 230 | 10 | 104.55% | {} |"
    assert _found(row.format("10")) == []
    assert _found(row.format("9.5")) == [("table_score_differs", "warning", "9.5", "10.0")]
    (found,) = audit_text(row.format("9.5")).findings
    assert "按分值10×预算执行率104.55%（超过100%的按100%计）计算" in found.message


_CHONGQING = (
    "资金情况 | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 |\n"
    "年度总金额 | 3,724,055.00 | 4,764,453.11 | 4,614,453.11 | |\n"
    "其中:财政拨款 | 3,724,055.00 | 4,764,453.11 | 4,614,453.11 | {rate} | 10.00 | {score} |"
)


@pytest.mark.parametrize(
    ("rate", "score", "expected"),
    [
        ("96.85", "9.69", []),  # 4614453.11 / 4764453.11 = 96.8516%; × 10 = 9.6852
        ("96.85", "9.68", [("table_score_truncated", "warning", "9.68", "9.69")]),
        ("95.85", "9.69", [("execution_rate_mismatch", "error", "95.85", "96.85%")]),
    ],
)
def test_the_chongqing_form_prints_its_rate_without_percent(rate: str, score: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _found(_CHONGQING.format(rate=rate, score=score)) == expected


def test_a_rate_printed_as_a_ratio() -> None:
    """"0.958" under 执行率: 27.8 / 29 = 0.95862…, a ratio; rows printed with spaces, run into each other."""
    form = "项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n(万元) 年度资金总额 29 29 27.8 9 {} 9\n其中:当年财政拨款"
    assert _found(form.format("0.959")) == []
    assert _found(form.format("0.958")) == [("rate_truncated", "warning", "0.958", "0.959")]
    assert _found(form.format("0.90")) == [("execution_rate_mismatch", "error", "0.90", "0.959")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence before opens naming 收入: its first amount is this year's (7018.511 − 2042.519 = 4975.992)
        ("2024年本部门收入预算7018.511万元,其中,一般公共预算财政拨款收入7018.511万元,政府性基金预算财政拨款收入0万元。"
         "收入较上年增加2042.519万元,增加30.14%,主要原因是人员增加。", [("yoy_mismatch", "error", "30.14%", "41.05%")]),
        ("2024年本部门支出预算7018.511万元。支出较上年增加2042.519万元,增长41.05%。", []),
        ("2024年本部门支出预算7018.511万元。支出预算较上年增加2042.519万元,增长30.14%。",
         [("yoy_mismatch", "error", "30.14%", "41.05%")]),
        # the sentence before is about the other side, or opens on a part: nothing to compare with
        ("2024年本部门支出预算7018.511万元。收入较上年增加2042.519万元,增长30.14%。", []),
        ("其中:项目收入7018.511万元。收入较上年增加2042.519万元,增长30.14%。", []),
    ],
)  # fmt: skip
def test_a_change_whose_subject_the_sentence_before_names(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年末退休人员150人,比2022年末149人增加1人。", []),
        ("2023年末退休人员150人,比2022年末149人增加2人。", [("yoy_change_mismatch", "error", "2人", "1人")]),
        ("公务用车保有量5辆,比上年8辆减少3辆,下降37.5%。", []),
        ("公务用车保有量5辆,比上年8辆减少2辆。", [("yoy_change_mismatch", "error", "2辆", "3辆")]),
        ("接待50批次400人次,比上年40批次增加10批次。", []),  # 批次 against 批次, not 人次
        ("接待50批次400人次,较上年420人次减少20人次。", []),
    ],
)
def test_a_count_change_against_both_years_counts(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _found(text) == expected


def test_a_count_change_the_other_way_says_so() -> None:
    (found,) = audit_text("接待50批次400人次,比上年410人次增加10人次。").findings
    assert found.code == "yoy_change_mismatch" and "较上年实为减少10人次，报告写为增加10人次" in found.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收入161.5万元,比上年130.5万元净增31万元,增长23.75%。", []),
        ("收入161.5万元,比上年130.5万元净增31.69万元,增长25.77%。",
         [("yoy_change_mismatch", "error", "31.69万元", "31.00万元"), ("yoy_mismatch", "error", "25.77%", "23.75%")]),
        ("收入161.5万元,比上年净减31万元,下降16.10%。", []),  # 31 / 192.5
        ("收入161.5万元,比上年净减31万元,下降19.20%。", [("yoy_mismatch", "error", "19.20%", "16.10%")]),
    ],
)  # fmt: skip
def test_net_increase_and_decrease_are_changes(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    """净增/净减 ("比上年财政奖补资金净增31.69万元,增长25.77%") are a rise and a fall like 增加/减少."""
    assert [f for f in _found(text) if f[0] != "mixed_precision"] == expected


_JOINED = (
    "资金情况\n(万元)\n全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n年度资金总额: 8.408 8.408 10 {rate} 10\n"
    "其中:本年财政拨款 8.408 8.408 10 100.00% 10\n      其他资金 0 0\n年度总体目标"
)


def test_a_row_run_into_its_header_is_read() -> None:
    """The header's last word and the first row joined as one line ("…执行率(B/A) 得分年度资金总额: 8.408 …")."""
    assert _found(_JOINED.format(rate="100.00%")) == []
    assert _found(_JOINED.format(rate="110.00%")) == [("execution_rate_mismatch", "error", "110.00%", "100.00%")]


def test_a_funds_row_with_a_rate_where_an_amount_belongs_is_not_summed() -> None:
    """"年度资金总额 30 30 10 100% 99" over "其中:当年财政拨款 30 30 100%": cells lost, columns unknown."""
    table = "\n".join(["年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额", "30", "30", "10", "100%",
                       "99", "其中:当年财政拨款", "30", "30", "", "100%", "", "上年结转资金", "", "", "其他资金", "", "", "年度总体目标"])  # fmt: skip
    assert [code for code, *_ in _found(table) if code == "sum_mismatch"] == []


_LOW = "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n年度资金总额 | 200 | 220 | 180 | 10 | 81.82% | 8 |\n\n{}"


@pytest.mark.parametrize(
    ("problems", "codes"),
    [
        ("存在的问题:资金拨付进度偏慢,部分采购未按期完成。", []),  # stated inline, without a heading
        ("存在问题 | 个别项目支出进度滞后 |", []),
        ("存在的问题:无。", ["low_rate_problems_denied"]),
        ("下一步将加快支出进度。", ["low_rate_problems_missing"]),
    ],
)
def test_a_low_rate_with_its_problems_stated_inline(problems: str, codes: list[str]) -> None:
    assert [code for code, *_ in _found(_LOW.format(problems)) if code.startswith("low_rate")] == codes


@pytest.mark.parametrize(
    ("odd", "flagged"),
    [("18.67", False), ("76.40", True), ("18.675", False), ("７６．４０", True), ("76.0", False), ("76.00", True)],
)
def test_two_decimals_among_one_decimal_prints(odd: str, flagged: bool) -> None:
    """One-decimal prints drop a trailing zero (12.3 for 12.30): a two-decimal amount beside them is the full print,
    unless it kept a zero the others drop; an amount printed to a smaller unit exactly (18.675万元 = 186,750元) is a full
    print (thirty-fifth round)."""
    text = f"支出12.3万元,收入45.6万元,结余33.3万元,其他1.2万元,专项{odd}万元。"
    assert [code for code, *_ in _found(text)] == (["mixed_precision"] if flagged else [])
