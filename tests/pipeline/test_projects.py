"""项目支出绩效自评: each project's funds, scores, 自评表 and report, from a department built through the
template contract (tests/pipeline/project_books.py); every figure against a hand computation."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.audit import Severity, audit_text
from selfeval_xl.cli.main import main
from selfeval_xl.pipeline import Evaluation, output_sheets
from selfeval_xl.workbook.template import template_bytes
from tests.pipeline.project_books import NUTRITION, SAFETY, education_bureau


def _evaluate(tmp_path: Path, data: dict[str, Any], name: str = "edu.xlsx") -> Evaluation:
    path = tmp_path / name
    path.write_bytes(template_bytes(data))
    return evaluate(read_workbook(path))


def test_funds_scores_and_grades_by_hand(tmp_path: Path) -> None:
    ev = _evaluate(tmp_path, education_bureau())
    assert not ev.errors, ev.errors
    nutrition, safety = ev.projects
    assert (nutrition.name, safety.name) == (NUTRITION, SAFETY)
    # by source: 上级 190 + 本级 75 = 当年财政拨款 265; + 上年结转 15 = 280 (its 项目支出 row); budget 200 + 80 + 20
    funds = nutrition.funds
    assert (funds["appropriation"].adjusted, funds["appropriation"].executed) == (D("280.00"), D("265.00"))
    assert (funds["total"].adjusted, funds["total"].executed) == (D("300.00"), D("280.00"))
    assert not nutrition.from_projects_table
    s = nutrition.scoring
    assert s is not None
    # 280 ÷ 300 = 93.333% → 93.33%; its score 10 × 93.33% = 9.333 → 9.33
    assert (s.execution_rate, s.execution_score) == (D("93.33"), D("9.33"))
    # 20 × 4800/5000 = 19.20; ≤ 0 with 0 → 15; 15 × 98/100 = 14.70; 达成 30 × 100% = 30; 95 ≥ 90 → 10
    assert [x.score for x in s.indicators] == [D("19.20"), D("15.00"), D("14.70"), D("30.00"), D("10.00")]
    # 9.33 + 19.20 + 15 + 14.70 + 30 + 10 = 98.23 → 优
    assert (s.total, s.grade) == (D("98.23"), "优")
    # no funds typed: its 项目支出 row is its 本级财政拨款 (100 / 90 → 90.00%, 9.00)
    t = safety.scoring
    assert safety.from_projects_table and t is not None
    assert (safety.funds["total"].adjusted, safety.funds["total"].executed) == (D("100.00"), D("90.00"))
    # 50 + 30 × 2/4 = 15.00 + 10 + 9.00 = 84.00 → 良
    assert (t.execution_rate, t.execution_score, t.total, t.grade) == (D("90.00"), D("9.00"), D("84.00"), "良")


def test_the_scoring_sheets_follow_the_ministry_form(tmp_path: Path) -> None:
    ev = _evaluate(tmp_path, education_bureau())
    sheets = {s.title: s for s in output_sheets(ev, "生成时间")}
    sheet = sheets[f"项目自评表-{NUTRITION}"]
    rows: dict[int, list[Any]] = {}
    for cell in sheet.cells:
        rows.setdefault(cell.row, []).append(cell.value)
    flat = [[v for v in r if v != ""] for _, r in sorted(rows.items())]
    assert flat[0] == ["项目支出绩效自评表（2023年度）"]
    assert flat[1] == ["项目名称", NUTRITION, "自评总分", 98.23, "等级", "优"]
    assert flat[2] == ["主管部门", "某县教育局", "实施单位", "全县农村义务教育学校"]
    assert flat[3][0] == "项目资金（万元）"
    assert flat[4] == ["年度资金总额", 280, 300, 280, 0.9333, 10, 9.33]  # 初始 200 + 80 (结转 none)
    assert flat[5][:4] == ["其中：当年财政拨款", 280, 280, 265]
    assert flat[6][1:4] == [200, 200, 190] and flat[7][1:4] == [80, 80, 75]
    assert flat[8][:3] == ["上年结转资金", 20, 15]
    assert flat[-1] == ["总计", 100, 98.23, "等级：优"] or flat[-1][-3:] == [100, 98.23, "等级：优"]
    assert f"项目自评表-{SAFETY}" in sheets


def test_the_project_report_states_the_table_and_audits_clean(tmp_path: Path) -> None:
    ev = _evaluate(tmp_path, education_bureau())
    nutrition, safety = ev.scored_projects
    text = render_text(ev.project_narrative(nutrition))
    assert text.startswith("某县教育局2023年度学生营养改善计划项目支出绩效自评报告\n")
    for expected in ("全年预算数300.00万元，全年执行数280.00万元，预算执行率93.33%。",
                     "全年执行数中，本级财政拨款75.00万元、上级财政拨款190.00万元和上年结转资金15.00万元。",
                     "自评得分98.23分，等级为“优”。其中，预算执行率得分9.33分，产出指标得分48.90分（满分50分）",
                     "受益学生人数：年度指标值≥5000人，实际完成4800人，得分19.20分（满分20分）；偏差原因及改进措施：",
                     "学生营养健康状况：年度指标值改善，实际完成明显改善（达成），得分30.00分",
                     "2项指标未得满分：“受益学生人数”和“资金拨付及时率”。",
                     "六、有关建议\n建议逐年安排食堂设施改造资金。"):
        assert expected in text, expected
    assert "七、" not in text  # nothing to say: no empty heading
    other = render_text(ev.project_narrative(safety))
    assert other.startswith("某县教育局2023年度校园安全建设项目支出绩效自评报告")  # never "项目项目"
    assert "六、" not in other and "五、主要经验及做法" in other
    for report in (text, other):
        assert [f for f in audit_text(report).findings if f.severity is Severity.ERROR] == []
    # the 部门整体 report names them with their scores
    assert ("2023年度对学生营养改善计划和校园安全建设项目2个项目开展了项目支出绩效自评，"
            "自评得分分别为98.23分（优）、84.00分（良）。") in render_text(ev.narrative())


@pytest.mark.parametrize(("change", "code", "sheet"), [
    (lambda t: t["project_info"].append({"project": "不存在的项目"}), "project_eval_unknown", "项目自评"),
    (lambda t: t["project_funds"][0].update(executed=D("191.00")), "project_funds_mismatch", "项目自评"),
    (lambda t: t["project_funds"].append({"project": NUTRITION, "item": "本级财政拨款", "executed": D("0")}),
     "project_fund_duplicate", "项目自评"),
    (lambda t: t["project_indicators"][0].update(weight=21), "weights_total", "项目指标"),
])
def test_project_errors_are_at_their_cells(tmp_path: Path, change: Any, code: str, sheet: str) -> None:
    data = copy.deepcopy(education_bureau())
    change(data["tables"])
    found = [i for i in _evaluate(tmp_path, data).errors if i.code == code]
    assert found and all(i.where is not None and i.where.sheet == sheet for i in found), found


def test_cli_project_reports_and_export_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "edu.xlsx"
    book.write_bytes(template_bytes(education_bureau()))
    assert main(["report", str(book), "--project", SAFETY, "--text"]) == 0
    assert capsys.readouterr().out.startswith("某县教育局2023年度校园安全建设项目支出绩效自评报告")
    assert main(["report", str(book), "--project", "没有的项目", "--text"]) == 2
    assert "学生营养改善计划、校园安全建设项目" in capsys.readouterr().err
    out = tmp_path / "out.xlsx"
    assert main(["report", str(book), "--all-projects", "-o", str(out)]) == 0
    import openpyxl

    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert names[-4:] == [f"项目自评报告-{NUTRITION}", f"项目自评表-{NUTRITION}", f"项目自评报告-{SAFETY}",
                          f"项目自评表-{SAFETY}"]
    capsys.readouterr()
    assert main(["export", str(book), "-o", str(tmp_path / "exp"), "--formats", "xlsx,docx", "-q"]) == 0
    made = sorted(p.name for p in (tmp_path / "exp").iterdir())
    assert "某县教育局2023年学生营养改善计划项目支出绩效自评表.xlsx" in made
    assert "某县教育局2023年校园安全建设项目支出绩效自评报告.docx" in made


def test_a_workbook_without_the_project_sheets_is_complete(tmp_path: Path, example_data: dict[str, Any]) -> None:
    """Workbooks made before the 项目自评 sheets existed (or with them deleted) read as before."""
    import openpyxl

    path = tmp_path / "old.xlsx"
    path.write_bytes(template_bytes(example_data))
    book = openpyxl.load_workbook(path)
    for title in ("项目自评", "项目指标"):
        del book[title]
    book.save(path)
    ev = evaluate(read_workbook(path))
    assert not ev.errors and ev.projects == ()
