"""Whole made-up texts (``made_up_juesuan``: 决算公开说明, ``made_up_selfeval``: 自评报告,
``made_up_budget``: 预算公开说明, ``made_up_sangong``: 三公 note and 自评表): each clean at several
scales and with the noise of published text, and every relation in it, broken on purpose, is
reported — the rules together, not one at a time."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

import pytest
from audit_corpus import NOISE, wrapped

from selfeval_xl.audit import Severity, audit_text

# a broken total may exceed its parts; a broken change amount is reported as such
SAME_KIND = {
    "sum_mismatch": {"sum_mismatch", "parts_exceed_total"},
    "yoy_mismatch": {"yoy_mismatch", "yoy_change_mismatch"},
}

# module -> (seeds it is audited clean at, the seed it is broken at, (words before a figure, code))
TEXTS: dict[str, tuple[tuple[int, ...], int, tuple[tuple[str, str], ...]]] = {
    "made_up_juesuan": ((0, 3, 7, 12, 25), 3, (
        ("收入总计", "sum_mismatch"), ("本年收入合计", "sum_mismatch"), ("事业收入", "share_mismatch"),
        ("项目支出", "sum_mismatch"), ("本年支出合计增加", "yoy_mismatch"),
        ("社会保障和就业(类)支出", "share_mismatch"), ("公用经费", "sum_mismatch"),
        ("公务接待费", "sum_mismatch"), ("比上年减少", "yoy_mismatch"), ("政府采购服务支出", "sum_mismatch"),
        ("授予中小企业合同金额", "share_mismatch"), ("执法执勤用车", "sum_mismatch"),
        ("年中追加", "sum_mismatch"), ("质量指标", "sum_mismatch"), ("全年执行数", "execution_rate_mismatch"),
        ("管理人员", "sum_mismatch"),
    )),
    "made_up_selfeval": ((0, 1, 5, 9), 2, (
        ("调整后预算", "sum_mismatch"), ("项目支出", "share_mismatch"), ("3.宣传教育项目", "sum_mismatch"),
        ("全年执行数", "execution_rate_mismatch"), ("比上年增加", "yoy_mismatch"),
        ("实际到位资金", "named_rate_mismatch"), ("效益指标", "sum_mismatch"), ("退休人员", "sum_mismatch"),
        ("内设机构共", "count_mismatch"),
    )),
    "made_up_budget": ((0, 2, 4, 11), 1, (
        ("事业收入", "share_mismatch"), ("项目支出", "share_mismatch"), ("各增加", "yoy_mismatch"),
        ("社会保障和就业支出", "share_mismatch"), ("公用经费", "sum_mismatch"), ("公务接待费", "sum_mismatch"),
        ("政府采购服务预算", "sum_mismatch"),
    )),
    "made_up_sangong": ((0, 1, 3, 8), 2, (
        ("支出决算为", "execution_rate_mismatch"), ("公务接待费支出决算为", "share_mismatch"),
        ("同比减少", "yoy_mismatch"), ("比上年减少", "yoy_mismatch"), ("比上年增加", "yoy_mismatch"),
        ("公务用车运行维护费", "sum_mismatch"),
    )),
}  # fmt: skip


def document(module: str, seed: int) -> str:
    text: str = importlib.import_module(module).document(seed)
    return text


def errors(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings if f.severity is Severity.ERROR]


def broken_codes(text: str, name: str, noise: Callable[[str], str] = str) -> set[str]:
    """The errors once the figure printed right after ``name`` is changed (+1, or ×1.1 with decimals),
    the text then passed through ``noise``."""
    m = re.search(re.escape(name) + r"(\d+(?:\.\d+)?)", text)
    assert m is not None, name
    value = m.group(1)
    broken = str(int(value) + 1) if "." not in value else f"{float(value) * 1.1:.2f}"
    return set(errors(noise(text[: m.start(1)] + broken + text[m.end(1) :])))


@pytest.mark.parametrize(("module", "seed"), [(m, s) for m, (seeds, _, _) in TEXTS.items() for s in seeds])
def test_the_text_audits_clean(module: str, seed: int) -> None:
    assert audit_text(document(module, seed)).findings == ()


@pytest.mark.parametrize(
    ("module", "name", "code"), [(m, n, c) for m, (_, _, broken) in TEXTS.items() for n, c in broken]
)
def test_each_figure_broken_on_purpose_is_reported(module: str, name: str, code: str) -> None:
    text = document(module, TEXTS[module][1])
    assert broken_codes(text, name) & SAME_KIND.get(code, {code}), name


@pytest.mark.parametrize("noise", ["full_width", "spaced", "wrapped"])
@pytest.mark.parametrize("module", list(TEXTS))
def test_the_made_up_texts_stay_clean_as_published_noise_has_them(module: str, noise: str) -> None:
    """Full-width digits, spaces inside numbers, lines wrapped mid-sentence (PDF text)."""
    assert audit_text(NOISE[noise](document(module, 4))).findings == ()


@pytest.mark.parametrize(("name", "code"), TEXTS["made_up_juesuan"][2])
def test_broken_figures_are_reported_in_pdf_text_too(name: str, code: str) -> None:
    assert broken_codes(document("made_up_juesuan", 3), name, wrapped) & SAME_KIND.get(code, {code}), name
