"""The founding example, its seeded-error variants, and the synthetic outline fixtures."""

from __future__ import annotations

import pytest
from audit_corpus import ERROR_VARIANTS, SEED, ErrorVariant, fixture_cases, fixture_text

from selfeval_xl.audit import Severity, audit_blocks, audit_file, audit_text
from selfeval_xl.audit.reader import read_report

ARITHMETIC = {
    "sum_mismatch", "parts_exceed_total", "parts_below_total", "restated_amount_differs", "share_mismatch",
    "shares_not_100", "shares_rounding_drift", "execution_rate_mismatch", "count_mismatch", "grade_mismatch",
}  # fmt: skip


def test_founding_example_has_only_its_typo() -> None:
    report = audit_text(fixture_text(SEED))
    assert not {f.code for f in report.findings} & ARITHMETIC
    assert [(f.code, f.severity, f.section, f.paragraph, f.section_paragraph) for f in report.findings] == [
        ("term_typo", Severity.WARNING, "二、一般公共预算支出情况", 22, 1)
    ]
    typo = report.findings[0]
    assert (typo.stated, typo.expected) == ("基本指出", "基本支出")
    assert typo.sentence.startswith("融媒体中心2020年部门整体支出176.18万元")
    assert typo.message == "“基本指出”疑为“基本支出”之误。"


def test_founding_example_figures() -> None:
    report = audit_text(fixture_text(SEED))
    amounts = [(f.text, f.role) for f in report.figures if f.kind.value == "amount"]
    assert amounts[:3] == [("176.18万元", "total"), ("96.18万元", "basic"), ("80万元", "project")]
    assert ("30余篇", "余") in [(f.text, f.qualifier) for f in report.figures]
    assert [f.text for f in report.figures if f.kind.value == "percent"] == ["31.97 %", "68.03%"]


@pytest.mark.parametrize("variant", ERROR_VARIANTS, ids=lambda v: v.name)
def test_seeded_error_is_caught_where_it_is(variant: ErrorVariant) -> None:
    report = audit_text(variant.text(fixture_text(SEED)))
    hits = [f for f in report.findings if f.code == variant.code and f.paragraph == variant.paragraph]
    assert len(hits) == 1, [(f.code, f.paragraph) for f in report.findings]
    hit = hits[0]
    assert (hit.section, hit.paragraph, hit.section_paragraph, hit.expected) == (
        variant.section, variant.paragraph, variant.section_paragraph, variant.expected,
    )  # fmt: skip
    assert hit.message and "{" not in hit.message
    others = {f.code for f in report.findings} - {variant.code, "term_typo"}
    assert others == set(variant.also)


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda c: c.name)
def test_fixture_findings_match_labels(case: object) -> None:
    report = audit_blocks(case.blocks)  # type: ignore[attr-defined]
    assert {(f.code, f.paragraph) for f in report.findings} == case.findings  # type: ignore[attr-defined]


def test_score_first_layout_is_clean_and_reads_score_and_grade() -> None:
    report = audit_file(_data("nanxian_finance_2020_score_first.txt"))
    assert report.findings == ()
    kinds = {(f.kind.value, f.text) for f in report.figures}
    assert ("score", "97分") in kinds and ("grade", "优") in kinds


def test_gb18030_report_with_1dp_amounts_gets_one_precision_warning() -> None:
    report = audit_file(_data("nanxian_cppcc_2021_gb18030.txt"))
    assert [(f.code, f.section, f.stated, f.expected) for f in report.findings] == [
        ("mixed_precision", "一、基本情况", "76.40万元", "76.4万元")
    ]
    assert not report.errors


def test_yuan_report_with_bom_converts_and_flags_denied_problems() -> None:
    report = audit_file(_data("county_agriculture_2021_yuan_bom.txt"))
    first = report.figures[3]
    assert (first.text, str(first.value), first.unit) == ("5,236,418.50元", "523.641850", "元")
    (finding,) = report.findings
    assert (finding.code, finding.stated, finding.section) == (
        "low_rate_problems_denied",
        "85.01%",
        "六、部门整体支出绩效情况",
    )
    assert "七、存在的问题及原因" in finding.message


def test_error_fixture_reports_every_error_with_expected_values() -> None:
    report = audit_file(_data("media_center_2021_errors.txt"))
    got = {(f.code, f.stated, f.expected) for f in report.findings}
    assert got == {
        ("grade_mismatch", "优", "良"),
        ("count_mismatch", "五个", "4"),
        ("count_mismatch", "10个", "3"),
        ("sum_mismatch", "520.36万元", "530.36万元"),
        ("term_typo", "项目指出", "项目支出"),
        ("term_typo", "人员经废", "人员经费"),
        ("shares_not_100", "101.00%", "100.00%"),
        # "其中人员经费占基本支出的62.50%": 200.16 / 320.36 = 62.48%, 120.2 / 320.36 = 37.52%
        ("share_mismatch", "62.50%", "62.48%"),
        ("share_mismatch", "38.50%", "37.52%"),
        ("execution_rate_mismatch", "92.00%", "90.00%"),
    }
    assert [f.paragraph for f in report.findings] == sorted(f.paragraph for f in report.findings)


def test_lower_bounds_are_never_arithmetic_errors() -> None:
    text = "内设办公室、财务股等共30余个股室。全年发稿30余篇。"
    assert audit_text(text).findings == ()


def test_reading_all_encodings_gives_the_same_text(tmp_path: object) -> None:
    from pathlib import Path

    text = fixture_text(SEED)
    folder = Path(str(tmp_path))
    for name, data in {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "gb.txt": text.encode("gb18030"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
    }.items():
        (folder / name).write_bytes(data)
        assert audit_file(folder / name) == audit_text(text), name
    assert read_report(folder / "gb.txt") == (text,)


def _data(name: str) -> str:
    from audit_corpus import DATA

    return str(DATA / name)
