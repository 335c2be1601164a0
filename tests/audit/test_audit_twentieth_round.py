"""Twentieth round: rules and fixes of the round (docs/audit.md, "Twentieth round")."""

from __future__ import annotations

import pytest

from selfeval_xl.audit import audit_text


def _codes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.severity.value, f.stated, f.expected) for f in audit_text(text).findings]


@pytest.mark.parametrize(
    ("printed", "found"),
    [
        # 12.37 / 57.83 = 21.3903%; read as rounded prints (±0.005万元) the amounts allow 21.38%–21.40%
        ("21.39%", []),
        ("21.40%", [("percent_within_rounding", "warning", "21.40%", "21.39%")]),
        ("21.43%", [("share_mismatch", "error", "21.43%", "21.39%")]),
    ],
)
def test_a_share_within_its_amounts_rounding_is_a_hint(printed: str, found: list[tuple[str, ...]]) -> None:
    assert _codes(f"本年支出合计57.83万元,其中基本支出12.37万元,占{printed}。") == found


def test_a_cut_share_stays_a_truncation() -> None:
    # 12.37 / 57.79 = 21.4051%: 21.40% is the value cut, reported as such even inside the rounding range
    assert _codes("本年支出合计57.79万元,其中基本支出12.37万元,占21.40%。") == [
        ("share_truncated", "warning", "21.40%", "21.41%")
    ]


def test_large_amounts_leave_no_room() -> None:
    # 147.88 / 315.47 = 46.876%: the amounts' rounding moves it by less than 0.003 points, so 46.89% is wrong
    assert _codes("本年支出合计315.47万元,其中基本支出147.88万元,占46.89%。") == [
        ("share_mismatch", "error", "46.89%", "46.88%")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the change and this year's figure: last year 37.29万元 ± 0.01, the change 21.43 ± 0.005 → 57.44%–57.50%
        ("2023年度公务接待费支出决算15.86万元,比上年减少21.43万元,下降57.47%。", []),
        (
            "2023年度公务接待费支出决算15.86万元,比上年减少21.43万元,下降57.49%。",
            [("percent_within_rounding", "warning", "57.49%", "57.47%")],
        ),
        (
            "2023年度公务接待费支出决算15.86万元,比上年减少21.43万元,下降57.55%。",
            [("yoy_mismatch", "error", "57.55%", "57.47%")],
        ),
        (
            "2023年度公务接待费支出决算15.86万元,比上年减少21.43万元,下降57.46%。",
            [("yoy_truncated", "warning", "57.46%", "57.47%")],
        ),
        # both years printed
        (
            "公务接待费2023年决算15.86万元,较2022年决算37.29万元下降57.49%。",
            [("percent_within_rounding", "warning", "57.49%", "57.47%")],
        ),
        (
            "公务接待费2023年决算15.86万元,较2022年决算37.29万元下降57.55%。",
            [("yoy_mismatch", "error", "57.55%", "57.47%")],
        ),
    ],
)
def test_a_change_rate_within_its_amounts_rounding_is_a_hint(text: str, found: list[tuple[str, ...]]) -> None:
    assert _codes(text) == found


def test_the_hint_names_the_range_the_amounts_allow() -> None:
    (hint,) = audit_text("本年支出合计57.83万元,其中基本支出12.37万元,占21.40%。").findings
    assert hint.confidence == "low"
    assert "21.38%至21.40%" in hint.message and "应为21.39%" in hint.message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 0.23 / 6.27 = 3.668%: the change's two digits allow 3.59%–3.75%, yet 3.66% is the value cut
        ("2023年度公务接待费支出6.04万元,比上年减少0.23万元,下降3.66%。", [("yoy_truncated", "warning", "3.66%", "3.67%")]),
        ("2023年度公务接待费支出6.04万元,比上年减少0.23万元,下降3.67%。", []),
        # amounts printed to 0.1万元 have no single value to cut
        ("2023年度公务接待费支出6.0万元,比上年减少0.2万元,下降3.2%。", []),
    ],
)
def test_a_cut_percentage_of_fine_amounts_is_a_truncation_inside_their_range(text: str, found: list[tuple[str, ...]]) -> None:
    assert _codes(text) == found


_LINES = [  # 629.00万元 in all: 65.56%, 20.36%, 8.93%, 3.72%, 1.43%
    ("工资福利支出", "412.36", "65.56"),
    ("商品和服务支出", "128.05", "20.36"),
    ("对个人和家庭的补助", "56.20", "8.93"),
    ("资本性支出", "23.39", "3.72"),
    ("其他支出", "9.00", "1.43"),
]


def _share_lines(lines: list[tuple[str, str, str]]) -> str:
    head = "按经济分类,本年支出情况如下:\n"
    return head + "\n".join(f"{n}、{name}{amount}万元,占总支出的{pct}%。" for n, (name, amount, pct) in enumerate(lines, 1))


def test_a_run_of_share_lines_of_one_whole_is_checked_against_the_items_sum() -> None:
    assert _codes(_share_lines(_LINES)) == []
    wrong = [(n, a, "20.63" if p == "20.36" else p) for n, a, p in _LINES]
    assert _codes(_share_lines(wrong)) == [("share_mismatch", "error", "20.63%", "20.36%")]


@pytest.mark.parametrize(
    "lines",
    [
        # three lines are too few to prove the whole
        [(n, a, "20.63" if p == "20.36" else p) for n, a, p in _LINES[:3]],
        # a list that leaves an item out fits none of its shares (taken of the whole) and says nothing
        [(n, a, "20.63" if p == "20.36" else p) for n, a, p in _LINES if n != "工资福利支出"],
        # two of five wrong: more than a third, no proof of the whole
        [(n, a, {"20.36": "20.63", "8.93": "9.83"}.get(p, p)) for n, a, p in _LINES],
    ],
)
def test_share_lines_that_do_not_prove_their_whole_say_nothing(lines: list[tuple[str, str, str]]) -> None:
    assert [c for c in _codes(_share_lines(lines)) if c[1] == "error"] == []


@pytest.mark.parametrize(
    ("rate", "found"),
    [
        # 全年预算数 48.6, 全年执行数 45.27: 93.1481% — the row lost its blank 年初预算数 cell
        ("93.15%", []),
        ("93.14%", [("rate_truncated", "warning", "93.14%", "93.15%")]),
        ("95.15%", [("execution_rate_mismatch", "error", "95.15%", "93.15%")]),
    ],
)
def test_a_table_row_that_lost_its_blank_leading_cells_fills_the_last_columns(rate: str, found: list[tuple[str, ...]]) -> None:
    text = (
        "项目资金(万元) |\n| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n年度资金总额 |\n"
        f"| 48.6 | 45.27 | 10 | {rate} | 9 |\n"
    )
    assert _codes(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a bracket opened by 包含 right after the amount (or after its sentence's full stop) lists its parts
        ("1、培训支出316.52万元。(包含师资费用205.52万元、场地租赁81万元、教材资料35万元)", [("parts_exceed_total", "error", "316.52万元", "321.52万元")]),
        ("1、培训支出316.52万元(包括师资费用205.52万元、场地租赁81万元、教材资料35万元)。", [("parts_exceed_total", "error", "316.52万元", "321.52万元")]),
        ("1、培训支出321.52万元。(包含师资费用205.52万元、场地租赁81万元、教材资料35万元)", []),
        # one amount in brackets is an aside, not a list
        ("1、培训支出321.52万元。(包含上年结转5.01万元)", []),
    ],
)
def test_a_bracket_opened_by_baohan_lists_the_amounts_parts(text: str, found: list[tuple[str, ...]]) -> None:
    assert [c for c in _codes(text) if c[1] == "error"] == found


def test_a_cut_share_inside_its_amounts_range_is_a_truncation() -> None:
    # 0.23 / 6.27 = 3.668%: the part's two digits allow 3.59%–3.75%, yet 3.66% is the value cut
    assert _codes("本年支出合计6.27万元,其中项目支出0.23万元,占3.66%。") == [("share_truncated", "warning", "3.66%", "3.67%")]
    assert _codes("本年支出合计6.27万元,其中项目支出0.23万元,占3.67%。") == []
