"""Twenty-ninth round: rules found by made-up 绩效 texts (figures right, phrasing varied), each a general reading.

- a grade is the grade of the score stated beside it: the score of its own sentence (cut at semicolons), the
  nearest before it; a grade stated apart is paired only with the one total score no other grade is stated beside;
- a person's yearly appraisal ("年度考核等次为优秀") is not a score's grade.

The texts are made up.
"""

from __future__ import annotations

from selfeval_xl.audit import audit_text
from selfeval_xl.audit.model import Severity


def _grades(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (f.stated, f.expected)
        for f in audit_text(text).findings
        if f.code in ("grade_mismatch", "grade_other_bands") and f.severity is Severity.ERROR
    ]


_YEARS = "上年度自评得分{last}分,评价等级为{g1}{sep}本年度自评得分{this}分,评价等级为{g2}。"


def test_each_years_grade_is_of_its_own_score() -> None:
    for sep in (";", ","):
        # 81.6 良 then 70.5 中: the 良 is nearer the 70.5 after it than the 81.6 before it, and still 81.6's
        assert _grades(_YEARS.format(last="81.6", g1="良", this="70.5", g2="中", sep=sep)) == []
        assert _grades(_YEARS.format(last="93", g1="优", this="58.5", g2="差", sep=sep)) == []
        # either grade moved is found, against its own score
        assert _grades(_YEARS.format(last="81.6", g1="中", this="70.5", g2="中", sep=sep)) == [("中", "良")]
        assert _grades(_YEARS.format(last="81.6", g1="良", this="70.5", g2="良", sep=sep)) == [("良", "中")]


def test_several_projects_in_one_sentence() -> None:
    text = "河道清淤项目自评得分92.4分,评价等级为优秀;公共卫生服务项目自评得分66分,评价等级为中;文化惠民工程项目自评得分83分,评价等级为良好。"
    assert _grades(text) == []
    assert _grades(text.replace("66分,评价等级为中", "66分,评价等级为良")) == [("良", "中")]


def test_a_grade_printed_before_its_score() -> None:
    assert _grades("经自评,本项目评价结果为良好,自评得分84.5分。") == []
    assert _grades("经自评,本项目评价结果为优秀,自评得分84.5分。") == [("优", "良")]


def test_a_persons_appraisal_is_not_the_projects_grade() -> None:
    text = "单位在职职工16人,其中6人年度考核等次为优秀。项目自评得分72.89分,评价等级为中。"
    assert _grades(text) == []
    assert _grades(text.replace("评价等级为中", "评价等级为良")) == [("良", "中")]


def test_a_grade_stated_apart_takes_the_one_total_score() -> None:
    assert _grades("根据评分标准,本项目自评总分为78分。\n综上,项目绩效评价等级为优。") == [("优", "中")]
    assert _grades("根据评分标准,本项目自评总分为78分。\n综上,项目绩效评价等级为中。") == []
    # two projects' totals, neither graded beside it: which one the grade is of is not known
    two = "A项目自评得分78分。B项目自评得分93分。\n综上,项目绩效评价等级为优。"
    assert _grades(two) == []
    # the totals graded in their own sentences leave the one left for the grade stated apart
    three = "A项目自评得分78分,评价等级为中。B项目自评得分93分,评价等级为优。部门整体自评得分88分。\n综上,部门整体绩效评价等级为优。"
    assert _grades(three) == [("优", "良")]
