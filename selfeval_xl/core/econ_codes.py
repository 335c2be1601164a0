"""部门预算支出经济分类科目 (财预〔2017〕98号, 2018+): code → name, class and expense category.

309xx and 310xx share item names, so an entry is always identified by its 5-digit code, never by
name. Category rule (domain.md §4): within 基本支出, 301 and 303 are 人员经费; everything else
(302, 307, 309, 310, 312, 399 ...) is 公用经费. 项目支出 is not split.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Category(enum.Enum):
    PERSONNEL = "personnel"  # 人员经费
    PUBLIC = "public"  # 公用经费


@dataclass(frozen=True, slots=True)
class EconCode:
    code: str  # 5 digits, e.g. "30101"
    name: str  # official name

    @property
    def klass(self) -> str:
        """The 3-digit class (类), e.g. "301"."""
        return self.code[:3]

    @property
    def category(self) -> Category:
        return Category.PERSONNEL if self.klass in PERSONNEL_CLASSES else Category.PUBLIC

    @property
    def label(self) -> str:
        """What the template dropdown shows: "30101 基本工资"."""
        return f"{self.code} {self.name}"


PERSONNEL_CLASSES = frozenset({"301", "303"})

CLASS_NAMES: dict[str, str] = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "307": "债务利息及费用支出",
    "309": "资本性支出（基本建设）",
    "310": "资本性支出",
    "311": "对企业补助（基本建设）",
    "312": "对企业补助",
    "313": "对社会保障基金补助",
    "399": "其他支出",
}

_TABLE = """
30101 基本工资
30102 津贴补贴
30103 奖金
30106 伙食补助费
30107 绩效工资
30108 机关事业单位基本养老保险缴费
30109 职业年金缴费
30110 职工基本医疗保险缴费
30111 公务员医疗补助缴费
30112 其他社会保障缴费
30113 住房公积金
30114 医疗费
30199 其他工资福利支出
30201 办公费
30202 印刷费
30203 咨询费
30204 手续费
30205 水费
30206 电费
30207 邮电费
30208 取暖费
30209 物业管理费
30211 差旅费
30212 因公出国（境）费用
30213 维修（护）费
30214 租赁费
30215 会议费
30216 培训费
30217 公务接待费
30218 专用材料费
30224 被装购置费
30225 专用燃料费
30226 劳务费
30227 委托业务费
30228 工会经费
30229 福利费
30231 公务用车运行维护费
30239 其他交通费用
30240 税金及附加费用
30299 其他商品和服务支出
30301 离休费
30302 退休费
30303 退职（役）费
30304 抚恤金
30305 生活补助
30306 救济费
30307 医疗费补助
30308 助学金
30309 奖励金
30310 个人农业生产补贴
30311 代缴社会保险费
30399 其他对个人和家庭的补助
30701 国内债务付息
30702 国外债务付息
30703 国内债务发行费用
30704 国外债务发行费用
30901 房屋建筑物购建
30902 办公设备购置
30903 专用设备购置
30905 基础设施建设
30906 大型修缮
30907 信息网络及软件购置更新
30908 物资储备
30913 公务用车购置
30919 其他交通工具购置
30921 文物和陈列品购置
30922 无形资产购置
30999 其他基本建设支出
31001 房屋建筑物购建
31002 办公设备购置
31003 专用设备购置
31005 基础设施建设
31006 大型修缮
31007 信息网络及软件购置更新
31008 物资储备
31009 土地补偿
31010 安置补助
31011 地上附着物和青苗补偿
31012 拆迁补偿
31013 公务用车购置
31019 其他交通工具购置
31021 文物和陈列品购置
31022 无形资产购置
31099 其他资本性支出
31101 资本金注入
31199 其他对企业补助
31201 资本金注入
31203 政府投资基金股权投资
31204 费用补贴
31205 利息补贴
31299 其他对企业补助
31302 对社会保险基金补助
31303 补充全国社会保障基金
31304 对机关事业单位职业年金的补助
39906 赠与
39907 国家赔偿费用支出
39908 对民间非营利组织和群众性自治组织补贴
39909 经常性赠与
39910 资本性赠与
39999 其他支出
"""

CODES: dict[str, EconCode] = {
    code: EconCode(code, name)
    for code, name in (line.split(" ", 1) for line in _TABLE.strip().splitlines())
}

# Codes that appear in older local tables or are reserved for the military: recognised, so the
# message can say *why* they are refused instead of "unknown".
RETIRED: dict[str, str] = {
    "30104": "2018年起已取消",
    "30105": "2018年起已取消",
    "30219": "军队专用科目",
    "30220": "军队专用科目",
    "30221": "军队专用科目",
    "30222": "军队专用科目",
    "30223": "军队专用科目",
}

_CODE_AT_START = re.compile(r"^\s*(\d{5})(?!\d)")


def code_from_cell(value: object) -> str | None:
    """The 5-digit code in a cell: 30101, "30101", "30101 基本工资", 30101.0. None if there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, str):
        text = value
    else:
        return None
    match = _CODE_AT_START.match(text)
    return match.group(1) if match else None


def lookup(code: str) -> EconCode | None:
    return CODES.get(code)
