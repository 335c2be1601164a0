"""The weights of a scoring table (评分表) printed as text: each indicator's weight is the sum of
the weights under it, the first-level weights make 100. Tables are made up here and printed the
ways real pages print them; every expected figure is worked out by hand in the test."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval_xl.audit import audit_text


@dataclass
class Node:
    name: str
    weight: int
    children: list[Node] = field(default_factory=list)


def _table() -> list[Node]:
    # 25 = 15 + 10; 15 = 5 + 5 + 5; 10 = 6 + 4; 30 = 12 + 18; 12 = 4 + 4 + 4; 18 = 10 + 8;
    # 45 = 20 + 15 + 10; 20 = 8 + 12; 15 = 5 + 5 + 5; 10 = 3 + 3 + 4; 25 + 30 + 45 = 100
    return [
        Node("决策", 25, [
            Node("项目立项", 15, [Node("立项依据充分性", 5), Node("立项程序规范性", 5), Node("绩效目标合理性", 5)]),
            Node("资金投入", 10, [Node("预算编制科学性", 6), Node("资金分配合理性", 4)]),
        ]),
        Node("过程", 30, [
            Node("资金管理", 12, [Node("资金到位率", 4), Node("预算执行率", 4), Node("资金使用合规性", 4)]),
            Node("组织实施", 18, [Node("管理制度健全性", 10), Node("制度执行有效性", 8)]),
        ]),
        Node("产出及效益", 45, [
            Node("产出数量", 20, [Node("培训人次", 8), Node("覆盖乡镇数", 12)]),
            Node("产出质量", 15, [Node("合格率", 5), Node("完成率", 5), Node("验收通过率", 5)]),
            Node("满意度", 10, [Node("群众满意度", 3), Node("学员满意度", 3), Node("单位满意度", 4)]),
        ]),
    ]  # fmt: skip


def _rows(roots: list[Node]) -> list[list[Node]]:
    """Table rows as a page prints them: a row starts with the cells that begin in it."""
    rows: list[list[Node]] = []

    def walk(node: Node, row: list[Node]) -> None:
        row.append(node)
        if not node.children:
            rows.append(row)
            return
        for i, child in enumerate(node.children):
            walk(child, row if i == 0 else [])

    for root in roots:
        walk(root, [])
    return rows


def _as_pipes(roots: list[Node]) -> str:
    head = "| 一级指标 | 二级指标 | 三级指标 | 得分 |\n"
    return head + "\n".join(
        "| " + " | ".join(f"{n.name}({n.weight}分)" for n in row) + " |" for row in _rows(roots)
    )


def _as_lines(roots: list[Node]) -> str:
    return "\n".join(f"{n.name}（{n.weight}分）" for row in _rows(roots) for n in row)


def _as_pdf(roots: list[Node]) -> str:
    return "评分表 一级指标 二级指标 三级指标 " + " ".join(
        f"{n.name}({n.weight} 分)" for row in _rows(roots) for n in row
    )


def _find(roots: list[Node], name: str) -> Node:
    todo = list(roots)
    while todo:
        node = todo.pop()
        if node.name == name:
            return node
        todo.extend(node.children)
    raise KeyError(name)


def _weight_findings(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.message, f.stated, f.expected)
        for f in audit_text(text).findings
        if f.code == "weight_sum_mismatch"
    ]


PRINTS = [_as_pipes, _as_lines, _as_pdf]


@pytest.mark.parametrize("printed", PRINTS)
def test_a_table_that_adds_up_raises_nothing(printed) -> None:
    assert audit_text(printed(_table())).findings == ()


@pytest.mark.parametrize("printed", PRINTS)
@pytest.mark.parametrize(
    ("name", "moved", "expected"),
    [("决策", 26, "25分"), ("项目立项", 16, "15分"), ("资金投入", 11, "10分"), ("组织实施", 17, "18分"),
     ("产出及效益", 44, "45分"), ("产出数量", 21, "20分"), ("满意度", 11, "10分")],
)  # fmt: skip
def test_a_misprinted_weight_is_named_with_the_figure_its_neighbours_agree_on(
    printed, name, moved, expected
) -> None:
    roots = _table()
    _find(roots, name).weight = moved
    found = _weight_findings(printed(roots))
    assert len(found) == 1
    message, stated, figure = found[0]
    assert (stated, figure) == (f"{moved}分", expected)
    assert f"“{name}”" in message


@pytest.mark.parametrize("printed", PRINTS)
def test_a_misprinted_leaf_is_reported_at_its_parent(printed) -> None:
    roots = _table()
    _find(roots, "预算执行率").weight = 5  # 资金管理 12 over 4 + 5 + 4 = 13
    found = _weight_findings(printed(roots))
    assert [(s, e) for _, s, e in found] == [("12分", "13分")]
    assert "“资金管理”" in found[0][0]


def test_two_tables_one_after_another_are_each_read() -> None:
    project = [
        Node("决策", 20, [Node("项目立项", 10, [Node("依据", 5), Node("程序", 5)]), Node("绩效目标", 10, [Node("合理性", 6), Node("明确性", 4)])]),
        Node("产出效益", 80, [Node("产出", 50, [Node("数量", 25), Node("质量", 25)]), Node("效益", 30, [Node("社会效益", 20), Node("满意度", 10)])]),
    ]  # fmt: skip
    assert _weight_findings(_as_pipes(_table()) + "\n" + _as_pipes(project)) == []
    _find(project, "效益").weight = 31
    found = _weight_findings(_as_pipes(_table()) + "\n" + _as_pipes(project))
    assert [(s, e) for _, s, e in found] == [("31分", "30分")]


def test_tables_that_are_not_read_are_left_alone() -> None:
    roots = _table()
    rows = _as_pipes(roots).split("\n")
    cut = "\n".join(rows[:-3])  # an excerpt that stops inside the table
    assert _weight_findings(cut) == []
    bonus = _as_pipes(roots) + "\n| 加分项(10分) | 创新举措(10分) |"  # a table of 110 points
    assert _weight_findings(bonus) == []
    _find(roots, "项目立项").weight = 16
    _find(roots, "组织实施").weight = 17  # two misprints: no single reading
    assert _weight_findings(_as_pipes(roots)) == []


def test_weights_in_running_text_and_list_markers_are_no_table() -> None:
    text = (
        "一、评价指标(100分)。(1)预算执行率(10分),得分9分;(2)产出指标(50分),得分46分;"
        "(3)效益指标(30分),得分28分;(4)满意度(10分),得分10分。总得分93分。\n"
        "根据评分办法,决策(20分)、过程(20分)、产出(30分)、效益(30分)四个方面进行打分。"
    )
    assert _weight_findings(text) == []


def _random_table(rng: random.Random) -> list[Node]:
    def split(total: int, parts: int) -> list[int]:
        cuts = sorted(rng.sample(range(1, total), parts - 1))
        return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]

    roots = []
    for i, first in enumerate(split(100, rng.choice([3, 4]))):
        second = split(first, min(first, rng.choice([1, 2, 3])))
        kids = []
        for j, weight in enumerate(second):
            leaves = split(weight, min(weight, rng.choice([1, 2, 3, 4])))
            kids.append(
                Node(f"二级{i}{j}", weight, [Node(f"三级{i}{j}{k}", x) for k, x in enumerate(leaves)])
            )
        roots.append(Node(f"一级{i}", first, kids))
    return roots


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_any_table_that_adds_up_raises_nothing_and_a_named_weight_is_a_moved_one(seed: int) -> None:
    rng = random.Random(seed)
    roots = _random_table(rng)
    assert _weight_findings(_as_pipes(roots)) == []
    internal = [n for root in roots for n in (root, *root.children)]
    moved = rng.choice(internal)
    moved.weight += 1
    for message, stated, _ in _weight_findings(_as_pipes(roots)):
        # when a reading is reported, it names the moved weight or the indicator right over it
        over = next((n for n in internal if moved in n.children), None)
        named = {moved.name} | ({over.name} if over else set())
        assert any(f"“{name}”" in message for name in named), (message, moved.name)
        assert stated is not None
