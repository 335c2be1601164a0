"""The template contract as a Markdown table, for README (``python -m selfeval_xl.workbook.contract README.md``).

README keeps the table between ``<!-- contract:start -->`` and ``<!-- contract:end -->``; a test
fails when it differs from what this module renders from ``layout``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from selfeval_xl.workbook import layout
from selfeval_xl.workbook.layout import KIND_LABEL, Kind

START, END = "<!-- contract:start -->", "<!-- contract:end -->"


def _kind(kind: Kind, choices: tuple[str, ...], strict: bool) -> str:
    if not choices:
        return KIND_LABEL[kind]
    return f"{KIND_LABEL[kind]}：{' / '.join(choices)}" + ("" if strict else "（可自填）")


def markdown() -> str:
    lines = ["| sheet | field | defined name | type | required |", "|---|---|---|---|---|"]
    for sheet, fld in layout.all_fields():
        lines.append(f"| {sheet.title} | {fld.name} | `{fld.name}` | {_kind(fld.kind, fld.choices, fld.strict_choices)} "
                     f"| {'是' if fld.required else ''} |")
    lines += ["", "| sheet | table[column] | list | type | required |", "|---|---|---|---|---|"]
    for sheet, table in layout.all_tables():
        fixed = "（固定行：" + "、".join(label for _, label in table.fixed_rows) + "）" if table.fixed_rows else ""
        for column in table.columns:
            lines.append(f"| {sheet.title} | {table.name}[{column.header}] | {table.title}{fixed} "
                         f"| {_kind(column.kind, column.choices, column.strict_choices)} | {'是' if column.required else ''} |")
            fixed = ""
    return "\n".join(lines)


def update(readme: Path) -> bool:
    """Rewrite the marked region of ``readme``; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + r".*?" + re.escape(END), f"{START}\n{markdown()}\n{END}", text, flags=re.S)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    update(Path(sys.argv[1] if len(sys.argv) > 1 else "README.md"))
