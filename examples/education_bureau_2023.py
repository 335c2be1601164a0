"""The second bundled example: a county education bureau whose two projects are evaluated on their own
(项目支出绩效自评). Invented figures, built to show the 项目自评 and 项目指标 sheets: one project with its
funds typed by source (上级 / 本级 / 上年结转), one taking its funds from the 项目支出 row."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from examples.build_examples import _econ, _indicator


def department(name: str, level: str, year: int) -> dict[str, Any]:
    return {
        "fields": {"unit_name": name, "short_name": name, "year": year, "level": level, "amount_unit": "万元",
                   "staffing": 20, "staff_actual": 18},
        "tables": {
            "duties": [{"text": "负责全县教育事业发展规划和各级各类学校管理工作。"}],
            "goals": [{"text": "保障全县义务教育学校正常运转，改善办学条件。"}],
            "paragraphs": [{"text": "全年各项教育工作有序推进。"}],
            "measures": [{"text": "进一步加强项目资金管理和绩效跟踪。"}],
            "funds": [{"_row": key, "has": "无"} for key in ("local_other", "gov_fund", "soe_capital",
                                                            "social_insurance")],
        },
    }


def _line(row: str, adjusted: str, executed: str) -> dict[str, Any]:
    return {"_row": row, "adjusted": D(adjusted), "executed": D(executed)}


NUTRITION, SAFETY = "学生营养改善计划", "校园安全建设项目"


def education_bureau() -> dict[str, Any]:
    data = department("某县教育局", "县本级", 2023)
    data["fields"]["preset"] = "国家标准（执行率10、产出50、效益30、满意度10）"
    t = data["tables"]
    t["general"] = [_line("total", "1000.00", "950.00"), _line("basic", "600.00", "580.00"),
                    _line("personnel", "400.00", "390.00"), _line("public", "200.00", "190.00"),
                    _line("project", "400.00", "370.00")]
    t["items"] = [_econ("30101", "250.00"), _econ("30102", "140.00"), _econ("30201", "90.00"),
                  _econ("30299", "100.00"), _econ("31002", "370.00", "项目支出")]
    t["projects"] = [
        {"name": NUTRITION, "adjusted": D("300.00"), "executed": D("280.00"), "use": "农村义务教育学生营养膳食补助"},
        {"name": SAFETY, "adjusted": D("100.00"), "executed": D("90.00"), "use": "中小学校园视频监控和安保设施建设"},
    ]
    t["money"] = [{"_row": "carryover", "initial": D("0"), "adjusted": D("0"), "executed": D("0")},
                  {"_row": "other", "initial": D("0"), "adjusted": D("0"), "executed": D("0")}]
    t["overall_goals"] = [{"expected": "保障全县义务教育学校正常运转，改善农村学校办学条件",
                           "actual": "全县义务教育学校运转正常，完成营养改善和校园安全建设任务"}]
    t["indicators"] = [
        _indicator("产出指标", "数量指标", "义务教育巩固率", "≥", "%", 98, 99, 50),
        _indicator("效益指标", "社会效益指标", "农村学校办学条件", "定性", "", "改善", "明显改善", 30, rating="达成"),
        _indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "%", 90, 93, 10),
    ]
    t["project_info"] = [
        {"project": NUTRITION, "department": "某县教育局", "implementer": "全县农村义务教育学校",
         "overview": "该项目为全县农村义务教育阶段学生提供营养膳食补助，每生每天5元",
         "experience": "建立食堂食材统一配送制度，每周公示带量食谱",
         "problems": "部分学校食堂设施老化，原因是建设年代较早、维修资金不足",
         "suggestions": "建议逐年安排食堂设施改造资金"},
        {"project": SAFETY, "implementer": "县教育技术装备中心"},
    ]
    # 学生营养改善计划 by source: 上级 200/190, 本级 80/75, 上年结转 20/15 → total 300.00 / 280.00 = its 项目支出 row
    t["project_funds"] = [
        {"project": NUTRITION, "item": "上级财政拨款", "initial": D("200.00"), "adjusted": D("200.00"),
         "executed": D("190.00")},
        {"project": NUTRITION, "item": "本级财政拨款", "initial": D("80.00"), "adjusted": D("80.00"),
         "executed": D("75.00")},
        {"project": NUTRITION, "item": "上年结转资金", "adjusted": D("20.00"), "executed": D("15.00"),
         "note": "部分结转资金用于下学期膳食补助"},
    ]
    t["project_goals"] = [
        {"project": NUTRITION, "expected": "保障农村义务教育学生每天一顿营养餐", "actual": "全年按时足额发放营养膳食补助"},
        {"project": SAFETY, "expected": "全县中小学视频监控全覆盖", "actual": "完成200台监控设备安装"},
    ]
    t["project_indicators"] = [
        {"project": NUTRITION, **_indicator("产出指标", "数量指标", "受益学生人数", "≥", "人", 5000, 4800, 20,
                                           reason="部分学校撤并，在校学生减少；下一步按实际人数核定补助")},
        {"project": NUTRITION, **_indicator("产出指标", "质量指标", "食品安全事故", "≤", "起", 0, 0, 15)},
        {"project": NUTRITION, **_indicator("产出指标", "时效指标", "资金拨付及时率", "≥", "%", 100, 98, 15,
                                           reason="年底部分资金拨付滞后；下一步按季度拨付")},
        {"project": NUTRITION, **_indicator("效益指标", "社会效益指标", "学生营养健康状况", "定性", "", "改善",
                                           "明显改善", 30, rating="达成")},
        {"project": NUTRITION, **_indicator("满意度指标", "服务对象满意度指标", "家长满意度", "≥", "%", 90, 95, 10)},
        {"project": SAFETY, **_indicator("产出指标", "数量指标", "安装监控设备", "≥", "台", 200, 200, 50)},
        {"project": SAFETY, **_indicator("效益指标", "社会效益指标", "校园安全事件", "≤", "起", 2, 4, 30,
                                        reason="校外人员进入校园事件仍有发生；下一步加强门卫值守")},
        {"project": SAFETY, **_indicator("满意度指标", "服务对象满意度指标", "师生满意度", "≥", "%", 90, 92, 10)},
    ]
    return data
