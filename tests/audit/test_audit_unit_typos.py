"""An amount printed in 元 in a text kept in 万元, which its relation shows to be 万元 (unit_typos.py)."""

from __future__ import annotations

from selfeval_xl.audit import Severity, audit_text


def _found(text: str) -> list[tuple[str, Severity, str | None, str | None]]:
    return [(f.code, f.severity, f.stated, f.expected) for f in audit_text(text).findings]


def test_a_change_that_adds_up_in_wan_is_a_unit_typo_not_a_wrong_change() -> None:
    # 259 - 139 = 120 (万元): the change is right, its unit is not
    text = "一般公共服务支出12037万元,比上年同期17531万元减支5494万元。科学技术支出259万元,比上年同期139万元增加120元,增长86.3%。"
    assert _found(text) == [("unit_typo", Severity.WARNING, "120元", "120万元")]


def test_a_total_in_yuan_whose_parts_are_in_wan() -> None:
    # 39029 + 49406 = 88435 (万元)
    text = "全县一般公共预算收入88435元,其中:税收收入39029万元,非税收入49406万元。上级补助收入40549万元。"
    assert _found(text) == [("unit_typo", Severity.WARNING, "88435元", "88435万元")]


def test_a_wrong_figure_in_yuan_stays_an_error() -> None:
    # 259 - 139 = 120, not 150: reading 150元 as 万元 mends nothing
    text = "一般公共服务支出12037万元,比上年同期17531万元减支5494万元。科学技术支出259万元,比上年同期139万元增加150元,增长86.3%。"
    assert [code for code, *_ in _found(text)] == ["yoy_change_mismatch"]


def test_a_sentence_in_yuan_on_purpose_is_left_as_it_is() -> None:
    # per-pupil costs in 元 beside totals in 万元: (17049.52 - 13248.56) / 17049.52 = 22.29%, not 25.29%
    text = (
        "2023年支出合计3384.47万元,比上年3458.30万元减少73.83万元。"
        "幼儿园生均支出13248.56元,比上年17049.52元,下降25.29%。"
    )
    assert ("yoy_mismatch", Severity.ERROR, "25.29%", "22.29%") in _found(text)
    assert all(code != "unit_typo" for code, *_ in _found(text))


def test_a_text_kept_in_yuan_is_not_mended() -> None:
    text = "支出合计120000元,其中基本支出80000元,项目支出30000元,其他支出10万元。"
    assert all(code != "unit_typo" for code, *_ in _found(text))
