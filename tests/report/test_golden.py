"""Golden files for what people read: the narrative text and a readable dump of the written sheets."""

from __future__ import annotations

import re
from pathlib import Path

from selfeval_xl import evaluate, read_workbook, render_text
from selfeval_xl.cli.main import main
from selfeval_xl.render.docx_table import cell_text
from tests.conftest import EXAMPLE, check_golden, sha256

# Every figure, list and fact of the founding report (shared/seed), as the tool must print them.
SEED_FACTS = [
    "大祥区融媒体中心2020年部门整体支出绩效自评报告",
    "于2019年6月21日挂牌成立", "中共大祥区委直属正科级公益一类全额拨款事业单位", "归口区委宣传部管理",
    "内设综合运行部、采编部、技术保障部和综合服务部共四个股室", "核定全额事业编8名，目前到位4人", "主任1名、副主任2名",
    "部门整体支出176.18万元，其中：基本支出96.18万元，项目支出80.00万元",
    "人员经费30.75万元，占基本支出的31.97%",
    "主要包括基本工资、津贴补贴、伙食补助费、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金；",
    "公用经费65.43万元，占基本支出的68.03%",
    "主要包括办公费、印刷费、咨询费、差旅费、维修费、劳务费、工会经费、福利费、其他交通费、其他商品和服务支出。",
    "项目支出80.00万元，主要用于融媒体中心装修开支和融媒体能力建设",
    "2020年没有区本级其他财政性资金", "2020年没有政府性基金预算支出", "2020年没有国有资本经营预算支出",
    "2020年没有社会保险基金预算支出",
    "截止到2020年12月22日", "在大祥发布发稿1551篇", "在大祥融媒APP发稿3570篇", "在中央级媒体上稿98篇",
    "在省级媒体上稿243篇", "在市级媒体发稿1356篇", "开辟专题36个", "H5等30余篇",
    "进一步加强资金管理，通过部门建章建制，合理有效地提高资金使用效率。",
]
HEADINGS = ["一、基本情况", "（一）部门基本情况", "（二）部门年度整体支出绩效目标", "二、一般公共预算支出情况",
            "（一）基本支出情况", "（二）项目支出情况", "（三）区本级其他财政性资金实施情况", "三、政府性基金预算支出情况",
            "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况", "六、部门整体支出绩效情况", "七、下一步改进措施"]


def example_text() -> str:
    return render_text(evaluate(read_workbook(EXAMPLE)).narrative())


def test_narrative_reproduces_the_founding_example() -> None:
    text = example_text()
    for fact in SEED_FACTS:
        assert fact in text, fact
    positions = [text.index(h + "\n") for h in HEADINGS]
    assert positions == sorted(positions), "sections out of order"
    for n in range(1, 9):
        assert f"（{n}）" in text  # duties (1)–(8)
    goals = text.split("（二）部门年度整体支出绩效目标\n")[1].split("二、")[0]
    assert [line.split(".")[0] for line in goals.strip().splitlines()] == ["1", "2", "3", "4", "5", "6"]


def test_narrative_golden() -> None:
    check_golden("daxiang_2020_report.txt", example_text())


def dump_sheets(path: Path, titles: list[str]) -> str:
    """A readable, stable dump of output sheets: one line per non-empty cell."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    out = []
    for title in titles:
        ws = book[title]
        out.append(f"== {title} ({ws.page_setup.orientation}, A4={str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4})")
        for row in ws.iter_rows():
            for cell in row:
                if cell.value not in (None, ""):
                    shown = cell_text(cell.value, cell.number_format)  # as Excel shows it (0.00, 0.00%)
                    value = re.sub(r"生成时间：[0-9: -]+", "生成时间：<now>", shown)
                    link = f" -> {cell.hyperlink.location or cell.hyperlink.target}" if cell.hyperlink else ""
                    out.append(f"{cell.coordinate}\t{value}{link}")
    return "\n".join(out) + "\n"


def test_written_sheets_golden(tmp_path: Path) -> None:
    before = sha256(EXAMPLE)
    out = tmp_path / "out.xlsx"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    assert sha256(EXAMPLE) == before
    dump = dump_sheets(out, ["自评报告", "自评表", "计算明细", "校验结果"])
    check_golden("daxiang_2020_sheets.txt", dump)
    report_lines = [line.split("\t", 1)[1].strip("\u3000") for line in dump.split("== 自评表")[0].splitlines()[1:]]
    assert [line for line in example_text().splitlines() if line] == report_lines
