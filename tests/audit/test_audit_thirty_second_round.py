"""The thirty-second round: a 自评表's 一级指标 printed once with its weight ("产出指标(50分)") against the 分值 of the rows
under it, up to the next one or the 总分 row (``score_tables``; reported as ``weight_sum_mismatch`` at the label). A
成本指标 printed without a weight may be a 二级 of 产出 (the older form) or a 一级 of its own (the newer one): either
reading is right."""

from __future__ import annotations

import random

import pytest
from made_up_project_table import project_score_tables

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _errors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.stated, f.expected) for f in audit_text(text).findings if f.severity is Severity.ERROR]


def _points(text: str | None) -> int:
    assert text is not None and text.endswith("分")
    return int(text.removesuffix("分"))


@pytest.mark.parametrize("form", ["old", "cost", "bare"])
def test_made_up_tables_right_in_every_form_say_nothing(form: str) -> None:
    for seed in range(80):
        text = project_score_tables(random.Random(seed), "", 1 + seed % 3, whole=seed % 4 == 0, form=form)  # type: ignore[arg-type]
        assert _errors(text) == [], (form, seed)


def _weight_gaps(slip: str, form: str) -> list[int]:
    """Made-up pages (80) with one 一级指标 label or one row's 分值 moved: for each page found, its finding's expected
    weight less its stated one; every finding must be the one ``weight_sum_mismatch``."""
    gaps = []
    for seed in range(80):
        errors = _errors(project_score_tables(random.Random(seed), slip, 1 + seed % 3, form=form))  # type: ignore[arg-type]
        assert [code for code, *_ in errors] in ([], ["weight_sum_mismatch"]), (form, seed, errors)
        if errors:
            (_, stated, expected), = errors
            gaps.append(_points(expected) - _points(stated))
    return gaps


@pytest.mark.parametrize(("form", "least"), [("old", 78), ("cost", 80), ("bare", 80)])
def test_a_misprinted_level_one_weight_is_found_at_its_label(form: str, least: int) -> None:
    # one 一级指标's printed weight moved by 1 or 2 points, its rows right: the label is wrong, and the weight it should
    # print is its rows' sum. The older form misses a few: a 成本指标 row of 1 or 2 points under 产出 makes the moved label
    # one of the two readings (or as near to both), and nothing can say which was meant.
    gaps = _weight_gaps("label", form)
    assert all(abs(gap) in (1, 2) for gap in gaps), (form, gaps)
    assert len(gaps) >= least, (form, len(gaps))


@pytest.mark.parametrize(("form", "least"), [("old", 78), ("cost", 80), ("bare", 64)])
def test_a_row_weight_a_point_over_is_found_at_its_level_one_label(form: str, least: int) -> None:
    # one row's 分值 a point more, the 总分 row still 100: the rows of its 一级指标 make a point more than its label. In the
    # newer form with a 成本指标 printed by its name alone, a row of the 成本指标 has no label to miss: left alone.
    gaps = _weight_gaps("weight", form)
    assert all(gap == 1 for gap in gaps), (form, gaps)
    assert len(gaps) >= least, (form, len(gaps))


# A county site's copy of the older form (cells between spaces, blanks dropped; an unused indicator's lone 0 joined to
# the next row). Hand computed: 产出 10 + 20 + 10 + 10 (成本指标 a 二级 of it) = 50; 效益 10 + 10 + 10 = 30; 满意度 10;
# indicators 90, with the 资金 row's 10: 100.
_OLD_FORM = """项目支出绩效自评表
(2023年度)
项目名称 乡村道路养护经费
主管部门 031-县交通运输局 实施单位 031001-县交通运输局
项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额: 250 250 235 10 94.00% 9.40
其中:本年财政拨款 250 250 235
年度总体目标 预期目标 实际完成情况
完成全县农村公路日常养护。 基本完成年度目标。
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标({output}分) 数量指标 养护里程 ≥120公里 118公里 10 9.5 个别路段雨季延期
质量指标 路况优良率 ≥85% 88% {quality} 20
时效指标 完成时间 2023年底前 2023年底前完成 10 10
成本指标 每公里养护成本 ≤2万元 1.99万元 10 9
效益指标(30分) 社会效益指标 群众出行条件 明显改善 达成预期指标 10 10
经济效益指标 带动沿线产业 有所带动 达成预期指标 10 9
可持续影响指标 长效管护机制 健全 基本健全 10 8.5
生态效益指标 0
满意度指标(10分) 满意度指标 沿线群众满意度 ≥90% 93% 10 10
总分 100 95.40"""


def test_the_older_form_read_by_hand() -> None:
    assert _errors(_OLD_FORM.format(output=50, quality=20)) == []
    # the label misprinted (its rows make 50, and the table its 100): 50, not 40 (成本指标 left out), is the nearer
    assert _errors(_OLD_FORM.format(output=51, quality=20)) == [("weight_sum_mismatch", "51分", "50分")]
    assert _errors(_OLD_FORM.format(output=48, quality=20)) == [("weight_sum_mismatch", "48分", "50分")]
    # the 质量指标 row's 分值 printed 21 (its 得分 20): 产出's rows make 51, a point over its label as the rows are over
    # the 总分's 100 (the 总分's own check is not read then: its rows no longer make its weight)
    assert _errors(_OLD_FORM.format(output=50, quality=21)) == [("weight_sum_mismatch", "50分", "51分")]
    found = [f for f in audit_text(_OLD_FORM.format(output=51, quality=20)).findings if f.code == "weight_sum_mismatch"]
    assert "产出指标" in found[0].message and "51分" in found[0].message and "50分" in found[0].message
    # the label as a PDF spaces it ("(51 分)"): the same finding, placed at its weight
    spaced = _OLD_FORM.replace("({output}分)", "({output} 分)").format(output=51, quality=20)
    (moved,) = (f for f in audit_text(spaced).findings if f.code == "weight_sum_mismatch")
    assert (moved.stated, moved.expected) == ("51分", "50分")


# The newer form: 成本指标 a 一级 of its own, printed by its name alone between 产出 and 效益. Hand computed: 产出 10 + 15 +
# 5 = 30 (its label); 成本 10 + 10 = 20 (no label); 效益 30; 满意度 10; 90 with the 资金 row's 10: 100.
_NEW_FORM = """绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
产出指标({output}分) | 数量指标 | 培训人次 | ≥300人次 | 320人次 | 10 | 10 |
| 质量指标 | 培训合格率 | ≥95% | 97% | 15 | 15 |
| 时效指标 | 完成时间 | 2024年底前 | 2024年11月 | 5 | 5 |
成本指标 | 经济成本指标 | 人均培训成本 | ≤800元 | 760元 | 10 | 10 |
| 社会成本指标 | 对参训单位工作的影响 | 较小 | 较小 | {social} | 10 |
效益指标(30分) | 社会效益指标 | 就业技能提升 | 明显 | 明显 | 20 | 18 | 部分学员结业后未跟踪
| 可持续影响指标 | 长效培训机制 | 建立 | 已建立 | 10 | 10 |
满意度指标(10分) | 服务对象满意度指标 | 学员满意度 | ≥90% | 95% | 10 | 10 |
总分 | 100 | {total}"""
_FUNDS = "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n年度资金总额: | 48 | 48 | 48 | 10 | 100.00% | 10\n"


def test_the_newer_form_read_by_hand() -> None:
    assert _errors(_FUNDS + _NEW_FORM.format(output=30, social=10, total="98")) == []
    assert _errors(_FUNDS + _NEW_FORM.format(output=32, social=10, total="98")) == [("weight_sum_mismatch", "32分", "30分")]
    # a 成本指标 row's 分值 over by a point: 成本 has no label of its own, so nothing says whose rows are off
    assert _errors(_FUNDS + _NEW_FORM.format(output=30, social=11, total="98")) == []


def test_tables_the_check_leaves_alone() -> None:
    # a table cut off before its 总分 (an excerpt), with its label misprinted: no 总分, nothing said
    cut = _OLD_FORM.format(output=51, quality=20).rsplit("\n", 1)[0]
    assert _errors(cut) == []
    # every 一级指标's subtotal printed above its rows: each group's rows make twice its label — no one of them is off
    subtotals = _OLD_FORM.format(output=50, quality=20)
    for label, weight, score in (("产出指标(50分)", 50, "48.5"), ("效益指标(30分)", 30, "27.5"), ("满意度指标(10分)", 10, "10")):
        subtotals = subtotals.replace(label, f"{label} {weight} {score}\n", 1)
    assert [code for code, *_ in _errors(subtotals)] == []


_SHARES = "收入构成:2024年总收入5777.99万元,其中: 财政拨款收入5557.53万元占比{first}%;政府性基金预算财政拨款收入53.38万元占比0.92%;其他收入167.08万元占比2.89%"


@pytest.mark.parametrize("wide", [False, True])
def test_shares_read_alike_in_full_width_digits(wide: bool) -> None:
    # found on a dev page of the round's batch reprinted in full-width digits: the amount right before "占比" was
    # compared as printed ("５５５７．５３万元") with the normalised words before it, so the share went unlinked and a
    # fallback check judged it without the 尾差 rule. Hand computed: 5557.53 / 5777.99 = 96.1845…% → 96.18%; 53.38 /
    # 5777.99 = 0.92%, 167.08 / 5777.99 = 2.89%; printed 96.19 + 0.92 + 2.89 = 100.00, one unit moved onto the largest (尾差)
    def printed(text: str) -> str:
        return text.translate({code: code + 0xFEE0 for code in range(0x21, 0x7F) if chr(code) in "0123456789.%"}) if wide else text

    assert _errors(printed(_SHARES.format(first="96.19"))) == []
    (code, stated, expected), = _errors(printed(_SHARES.format(first="96.15")))
    assert (code, expected) == ("share_mismatch", "96.18%") and stated == printed("96.15%")


_UNIT_SENTENCES = (
    "从决算单位构成看,纳入本部门{year}年度部门决算编制范围的单位共{total}个,其中:行政单位{a}个,参照公务员法管理的事业单位{b}个,其他事业单位{c}个。",
    "本部门共有预算单位{total}家,其中:行政单位{a}家,参照公务员管理事业单位{b}家,事业单位{c}家,具体为本级及所属单位。",
    "按照部门决算编报要求,纳入{year}年部门决算编报范围的独立核算单位共{total}个,其中行政单位{a}个,全额事业单位{b}个,差额事业单位{c}个。",
    "本局下设独立编制机构{total}个(含本级),其中行政单位{a}个,参公事业单位{b}个,其他事业单位{c}个。",
)


def test_units_by_their_kinds_of_the_final_accounts_form() -> None:
    # the 部门决算's partition of its units (行政单位, 参照公务员法管理的事业单位, 其他事业单位; or 事业单位 by 全额/差额): the
    # kinds make the count of units. Written from the form's phrasing, figures random; a count one or more off is wrong.
    rng = random.Random(32)
    for k in range(200):
        a, b, c = rng.randint(0, 3), rng.randint(0, 2), rng.randint(0, 40)
        sentence = _UNIT_SENTENCES[k % len(_UNIT_SENTENCES)]
        year = rng.randint(2019, 2025)
        assert _errors(sentence.format(year=year, total=a + b + c, a=a, b=b, c=c)) == [], k
        off = a + b + c + rng.choice((-2, -1, 1, 2, 5))
        if off < 0:
            continue
        unit = "家" if "家" in sentence else "个"
        found = [(f.code, f.stated, f.expected) for f in audit_text(sentence.format(year=year, total=off, a=a, b=b, c=c)).findings]
        # (a count twice its kinds' sum or more, or half of it or less, is the bounds' warning, as for any list)
        far = off >= 2 * (a + b + c) or 2 * off <= a + b + c
        assert found == [("sum_far_apart" if far else "sum_mismatch", f"{off}{unit}", f"{a + b + c}{unit}")], k


def test_unit_kinds_read_by_hand() -> None:
    # a dev page of the round's batch: the unit itself is one of the kinds, and every kind reads 0 (0 + 0 + 0 ≠ 1)
    text = "宣汉县教师进修学校属于一级预算单位,下设独立编制机构1个(本单位),其中行政单位0个,参照公务员法管理的事业单位0个,其他事业单位0个。"
    assert _errors(text) == [("sum_mismatch", "1个", "0个")]
    # the message names the count as printed, its year and all
    (found,) = audit_text("纳入本部门2023年度部门决算编制范围的单位共4个,其中:行政单位1个,参照公务员法管理的事业单位0个,其他事业单位2个。").findings
    assert found.message.startswith("纳入本部门2023年度部门决算编制范围的单位共为4个") and "合计为3个" in found.message
    # units under the department (下属, 二级) whose kinds count its own 本级 too (行政单位 1): one more, not proven wrong
    assert _errors("省医疗保障局下属二级单位3个,其中行政单位1个,参照公务员法管理的事业单位1个,其他事业单位2个。") == []
    assert _errors("区科协下属二级预算单位0个,其中行政单位1个,其他事业单位0个,参照公务员法管理的事业单位0个。") == []
    # one kind alone, or kinds of something else (资产 by kind of unit), are not this partition
    assert _errors("纳入决算编制范围的单位共2个,其中:行政单位1个。") == []
    assert _errors("全市行政事业单位共有车辆12辆,其中行政单位5辆,事业单位6辆。") == []


@pytest.mark.parametrize("opener", ["具体是", "具体为", "具体是:", "具体为:"])
def test_a_list_opened_by_juti_names_every_part(opener: str) -> None:
    # "具体是" / "具体为" ("namely") gives the whole of the amount, as "具体为:" did: a short list is an error, not a
    # partial list's 提示. A dev page of the round's batch, its figures changed: 90.79 + 16 + 32 + 4.75 = 143.54
    text = f"2023年共下达社会福利事业专项资金{{total}}万元,{opener}老年人福利类90.79万元,儿童福利类16万元,残疾人福利类32万元,养老服务4.75万元。"
    assert _errors(text.format(total="143.54")) == []
    assert _errors(text.format(total="144.53")) == [("sum_mismatch", "144.53万元", "143.54万元")]
    assert _errors(f"本项目资金使用范围{opener}指用于老年人福利、儿童福利和残疾人福利三个方面,共下达143.54万元。") == []


def _one_cell_a_line(rows: list[list[str]], width: int) -> str:
    """A table as some sites' copies give it: each cell a line ending in a cell mark ("0 |"), a blank cell a lone
    "|", each row closed by a line of the marks of its missing cells ("|||")."""
    lines = []
    for row in rows:
        lines.append("|")
        lines += [f"{cell} |" if cell else "|" for cell in row]
        lines.append("|" * max(2, width - len(row)))
    return "\n".join(lines)


def test_a_table_copied_one_cell_a_line_is_read_row_by_row() -> None:
    # (a dev page of the round's batch has the form; all its rows ran into one paragraph, no row could be read)
    header = ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    right = _one_cell_a_line([header, ["年度资金总额:", "20", "24.5", "23.8", "10", "97.14%", "9.71"]], 9)
    assert _errors(right) == []  # 23.8 / 24.5 = 97.142…%; 10 × 97.14% = 9.714 → 9.71
    wrong = right.replace("97.14% |", "99.14% |")
    assert _errors(wrong) == [("execution_rate_mismatch", "99.14%", "97.14%")]
    # its 绩效指标 rows and 总分: 9.71 + 28 + 19.5 + 29 + 10 = 96.21
    indicators = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "完成培训人次", "≥300人次", "320人次", "30", "28", "部分培训延期"],
        ["", "质量指标", "培训合格率", "≥95%", "96%", "20", "19.5", ""],
        ["效益指标", "社会效益指标", "技能提升", "明显", "明显", "30", "29", ""],
        ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "", "", "", "", "100", "{total}", ""],
    ]
    table = right + "\n" + _one_cell_a_line(indicators, 9)
    assert _errors(table.replace("{total}", "96.21")) == []
    assert _errors(table.replace("{total}", "97.21")) == [("score_sum_mismatch", "97.21分", "96.21分")]


@pytest.mark.parametrize("note", ["(下同)", "(以下简称调整数)", "(经人大批准)"])
def test_a_note_in_brackets_between_a_name_and_its_amount_is_read_through(note: str) -> None:
    # a dev page of the round's second batch: "…调整预算数(下同)为30.3亿元,决算数为30.6亿元,…为调整预算的101.2%" — the
    # note cut the amount off its name, and the rate was judged against the 年初预算数 (30.6 / 26.9 = 113.75%). Hand
    # computed: 30.6 / 30.3 = 100.990…%; the inputs' rounding (±0.05亿元) allows 100.66%–101.32%, so 101.2% stands
    text = f"一般公共预算收入年初预算数为26.9亿元,调整预算数{note}为30.3亿元,决算数为30.6亿元,为调整预算的{{rate}}%。"
    assert _errors(text.format(rate="101.2")) == []
    assert _errors(text.format(rate="103.2")) == [("execution_rate_mismatch", "103.2%", "100.99%")]


def test_a_note_with_figures_is_not_read_through() -> None:
    # "(含结转5万元)" is a part of the amount, not a note: the words before it do not name what follows
    from selfeval_xl.audit.text import clause_start

    norm = "全年支出(含结转5万元)为30万元"
    assert clause_start(norm, norm.index("30万元")) == norm.index(")") + 1
    norm = "调整预算数(下同)为30.3亿元"
    assert clause_start(norm, norm.index("30.3")) == 0
