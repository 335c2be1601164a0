"""Build the example workbooks from the data below: ``python examples/build_examples.py``.

The founding example is 大祥区融媒体中心's 2020 report (shared/seed). The report gives only the
totals of 人员经费 (30.75) and 公用经费 (65.43) and the items they include; the item amounts
below are plausible values chosen so that every listed item is non-zero and the totals add up
exactly. Budget (年初/全年预算) figures are likewise illustrative; the executed figures are the
report's. A test rebuilds this file and fails if the committed workbook is stale.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal as D
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from selfeval_xl.workbook.package import write_atomic  # noqa: E402
from selfeval_xl.workbook.template import template_bytes  # noqa: E402

DUTIES = [
    "坚决贯彻党管媒体原则，严格执行党中央、省、市、区委关于新闻宣传、媒体融合发展等工作的路线、方针、政策和决策部署，落实中央和省、市、区委的工作要求，坚持和加强党对新闻舆论工作的集中统一领导，坚持移动优先，建成全区的主流思想舆论阵地、综合服务平台和社区信息枢纽。",
    "围绕区委、区政府重大决策、中心工作开展宣传。负责全媒体的舆论宣传策划、采集、编辑、发布、播出；负责全区新闻素材、音视频资料、政务服务信息及其他重要电子档案资料的收集、归类、保存、开发利用等工作。",
    "负责整合全区党政各类信息资源，全力打造“媒体+政务+服务”于一体的融媒体平台，充分发挥信息服务平台的作用，为群众提供一站式政务服务、信息服务和便民服务。开展党建服务、智库服务、电商平台服务；组织开展各类群众性文化、体育、科普、公益活动。",
    "负责建设和运营维护全媒体矩阵。整合报纸、内部资料性出版物、广播、电视、网站、“两微一端”、手机报、电子阅报栏、户外大屏等各类媒体资源，运用各类传播平台、信息技术，构建适应新时代要求的全媒体矩阵，建立全区（含各级各部门）的对外新闻宣传和群众性活动内容的“策采编审校发”一体化管理制度并组织实施，推进媒体融合发展。",
    "负责全区新闻宣传和对外通联工作，抓好新闻网络宣传阵地和新闻宣传通讯员队伍建设，并指导协调各单位新闻宣传等有关业务工作。协助配合上级媒体机构和新闻单位采访。",
    "负责区本级在商业平台开设的“大祥发布”微信公众号和区委区政府政务微博等各类新媒体官方账号的运营维护。负责编发《大祥新闻动态》，并面向全区免费赠阅发行。",
    "负责技术用房、采编设备及融媒体平台的规划、设计、建设和运营维护；负责全面对接省级、市级技术平台，并提供技术支撑。",
    "完成区委、区政府交办的其他任务。",
]

GOALS = [
    "突出落实首要任务，持续推进习近平新时代中国特色社会主义思想走深走实走心。",
    "突出决胜决战主线，着力营造浓厚氛围、凝聚磅礴力量。坚持正面宣传为主，创新报道方式方法，加大对外上稿力度。",
    "突出治理效能提升，扎实推动《条例》和两个《纲要》的贯彻落实。",
    "突出中心任务，持续掀起我区经济社会高质量发展宣传热潮。",
    "加快推进区融媒体中心建设，争取在三区中处于领跑地位，建设我区融媒体传播矩阵。",
    "做好全年采编播新闻工作及新闻外宣工作，努力创作更多优秀新闻，集中力量创作一批现象级作品。",
]


def _econ(code: str, amount: str, spending: str = "基本支出", display: str = "") -> dict[str, Any]:
    from selfeval_xl.core.econ_codes import CODES

    row: dict[str, Any] = {"code": CODES[code].label, "spending": spending, "amount": D(amount)}
    if display:
        row["display"] = display
    return row


def _indicator(level1: str, level2: str, name: str, direction: str, unit: str, target: Any, actual: Any,
               weight: int, *, rating: str = "", manual: D | None = None, reason: str = "") -> dict[str, Any]:
    row: dict[str, Any] = {"level1": level1, "level2": level2, "name": name, "direction": direction, "unit": unit,
                           "target": target, "actual": actual, "weight": weight}
    for key, value in (("rating", rating), ("manual", manual), ("reason", reason)):
        if value:
            row[key] = value
    return row


DAXIANG_2020: dict[str, Any] = {
    "fields": {
        "unit_name": "大祥区融媒体中心",
        "short_name": "区融媒体中心",
        "year": 2020,
        "level": "区本级",
        "amount_unit": "万元",
        "founded_on": dt.date(2019, 6, 21),
        "founding_way": "挂牌成立",
        "affiliation": "中共大祥区委直属",
        "rank": "正科级",
        "nature": "公益一类全额拨款事业单位",
        "supervisor": "区委宣传部",
        "staffing_kind": "全额事业编",
        "staffing": 8,
        "staff_actual": 4,
        "body_word": "股室",
        "body_count": 4,
        "output_intro": "紧扣时代主题，不断提升新闻策划宣传质量。",
        "output_as_of": dt.date(2020, 12, 22),
    },
    "tables": {
        "bodies": [{"name": n} for n in ("综合运行部", "采编部", "技术保障部", "综合服务部")],
        "leaders": [{"title": "主任", "count": 1}, {"title": "副主任", "count": 2}],
        "duties": [{"text": t} for t in DUTIES],
        "goals": [{"text": t} for t in GOALS],
        "general": [
            {"_row": "total", "initial": D("130.00"), "adjusted": D("180.00"), "executed": D("176.18")},
            {"_row": "basic", "initial": D("70.00"), "adjusted": D("98.50"), "executed": D("96.18")},
            {"_row": "personnel", "initial": D("30.00"), "adjusted": D("31.20"), "executed": D("30.75")},
            {"_row": "public", "initial": D("40.00"), "adjusted": D("67.30"), "executed": D("65.43")},
            {"_row": "project", "initial": D("60.00"), "adjusted": D("81.50"), "executed": D("80.00")},
        ],
        "items": [
            _econ("30101", "9.86"), _econ("30102", "8.42"), _econ("30106", "1.20"), _econ("30108", "3.52"),
            _econ("30109", "1.41"), _econ("30110", "1.87"), _econ("30112", "0.25"), _econ("30113", "4.22"),
            _econ("30201", "6.85"), _econ("30202", "4.36"), _econ("30203", "2.10"), _econ("30211", "1.93"),
            _econ("30213", "3.27", display="维修费"), _econ("30226", "36.48"), _econ("30228", "0.62"),
            _econ("30229", "1.20"), _econ("30239", "2.40", display="其他交通费"), _econ("30299", "6.22"),
            _econ("31006", "45.00", "项目支出"), _econ("30227", "15.00", "项目支出"),
            _econ("31002", "20.00", "项目支出"),
        ],
        "projects": [
            {"name": "融媒体中心装修项目", "adjusted": D("46.00"), "executed": D("45.00"), "use": "融媒体中心装修开支"},
            {"name": "融媒体能力建设项目", "adjusted": D("35.50"), "executed": D("35.00"), "use": "融媒体能力建设"},
        ],
        "funds": [
            {"_row": key, "has": "无"} for key in ("local_other", "gov_fund", "soe_capital", "social_insurance")
        ],
        "paragraphs": [
            {"text": "基本完成区融媒体中心功能建设，建立适应全媒体生产传播的一体化组织架构，构建新型采编流程，打通策、采、编、审、发、评全流程，建成了“一次采集、多种生成、全媒传播”的中央厨房，形成集约高效的内容生产体系和传播链条。"},
        ],
        "outputs": [
            {"what": "在大祥发布发稿", "quantity": 1551, "unit": "篇"},
            {"what": "在大祥融媒APP发稿", "quantity": 3570, "unit": "篇"},
            {"what": "在中央级媒体上稿", "quantity": 98, "unit": "篇"},
            {"what": "在省级媒体上稿", "quantity": 243, "unit": "篇"},
            {"what": "在市级媒体发稿", "quantity": 1356, "unit": "篇"},
            {"what": "开辟专题", "quantity": 36, "unit": "个"},
            {"what": "制作完成全市重点人员管控现场会宣传片、“智慧大祥，网融万家”等视频、H5等", "quantity": 30,
             "unit": "篇", "qualifier": "余"},
        ],
        "measures": [{"text": "进一步加强资金管理，通过部门建章建制，合理有效地提高资金使用效率。"}],
        # 自评表: 年度资金总额 and 本年财政拨款 are derived from 预算支出 (v2); no carry-over, no other funds.
        "money": [
            {"_row": "carryover", "initial": D("0"), "adjusted": D("0"), "executed": D("0")},
            {"_row": "other", "initial": D("0"), "adjusted": D("0"), "executed": D("0")},
        ],
        "overall_goals": [
            {"expected": "加快推进区融媒体中心建设，建设我区融媒体传播矩阵。",
             "actual": "基本完成区融媒体中心功能建设，建成“一次采集、多种生成、全媒传播”的中央厨房。"},
            {"expected": "做好全年采编播新闻工作及新闻外宣工作，加大对外上稿力度。",
             "actual": "在大祥发布发稿1551篇、大祥融媒APP发稿3570篇，在中央、省、市级媒体上稿发稿共1697篇。"},
        ],
        "indicators": [
            _indicator("产出指标", "数量指标", "“大祥发布”发稿数量", "≥", "篇", 1500, 1551, 10),
            _indicator("产出指标", "数量指标", "大祥融媒APP发稿数量", "≥", "篇", 3500, 3570, 10),
            _indicator("产出指标", "数量指标", "中央级媒体上稿数量", "≥", "篇", 100, 98, 5,
                       reason="中央级媒体版面有限，部分稿件未获采用；下一步加强与中央媒体的选题对接。"),
            _indicator("产出指标", "数量指标", "省级媒体上稿数量", "≥", "篇", 200, 243, 5),
            _indicator("产出指标", "数量指标", "市级媒体发稿数量", "≥", "篇", 1200, 1356, 5),
            _indicator("产出指标", "数量指标", "开辟专题数量", "≥", "个", 30, 36, 5),
            _indicator("产出指标", "质量指标", "视频、H5等融媒体作品数量", "≥", "篇", 30, 30, 5),
            _indicator("产出指标", "时效指标", "重要新闻及时发布", "定性", "", "及时", "及时", 5, rating="达成"),
            _indicator("效益指标", "社会效益指标", "主流舆论阵地影响力", "定性", "", "提升", "明显提升", 10,
                       rating="达成"),
            _indicator("效益指标", "社会效益指标", "融媒体中心功能建设", "定性", "", "建成中央厨房", "基本建成", 10,
                       rating="达成", manual=D("9"),
                       reason="部分技术用房仍在完善；下一步加快技术用房和采编设备的完善。"),
            _indicator("效益指标", "可持续影响指标", "全媒体传播矩阵长效运行", "定性", "", "形成长效机制",
                       "机制初步建立", 10, rating="部分达成",
                       reason="技术平台对接尚未全部完成；下一步完善运行管理制度，推进与省、市平台全面对接。"),
            _indicator("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "%", 90, 92, 10),
        ],
    },
}

EXAMPLES = {"daxiang_media_center_2020.xlsx": DAXIANG_2020}


def all_examples() -> dict[str, dict[str, Any]]:
    from examples.education_bureau_2023 import education_bureau

    return {**EXAMPLES, "county_education_bureau_2023.xlsx": education_bureau()}


def main() -> None:
    for name, data in all_examples().items():
        write_atomic(HERE / name, template_bytes(data))
        print(f"wrote examples/{name}")


if __name__ == "__main__":
    main()
