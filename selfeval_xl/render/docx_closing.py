"""The end of the report's text: the 附件说明 line and the 落款 (unit and date), GB/T 9704 §7.3.3 and
§7.3.5.2 for a document without a seal. Styles come from ``render.docx``; widths from ``docx_layout``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.render import docx_layout
from selfeval_xl.render.docx import LINE_PITCH, SIZE_3, TEXT_WIDTH, style_name
from selfeval_xl.render.docx_layout import PT_PER_MM


def attachment_note_lines(doc: Any, names: Sequence[str]) -> None:
    """附件说明 (GB/T 9704 §7.3.3): an empty line under the text, then "附件：name" two characters in;
    several attachments are numbered "1.name"; a name too long for its line is broken at a natural
    place (as a title is) and continues under its first character."""
    from docx.shared import Pt

    label_em = docx_layout.text_units(texts.EXPORT["attachment_note"]) / 2
    line_em = TEXT_WIDTH * PT_PER_MM / SIZE_3
    for n, name in enumerate(names, start=1):
        number = texts.render(texts.EXPORT, "attachment_item", n=n, name="") if len(names) > 1 else ""
        number_em = docx_layout.text_units(number) / 2
        lines = docx_layout.title_lines(name, line_em - 2 - label_em - number_em)  # broken where a title is
        lines[0] = (texts.EXPORT["attachment_note"] if n == 1 else "") + number + lines[0]
        paragraph = doc.add_paragraph(style=style_name("attachment_note"))
        for k, line in enumerate(lines):
            run = paragraph.add_run()
            if k:
                run.add_break()
            run.add_text(line)
        fmt = paragraph.paragraph_format
        fmt.left_indent = Pt(SIZE_3 * (2 + label_em + number_em))  # where the name begins
        fmt.first_line_indent = -Pt(SIZE_3 * ((label_em if n == 1 else 0) + number_em))  # hanging
        if n == 1:
            fmt.space_before = Pt(LINE_PITCH / 20)


def signature_lines(doc: Any, unit: str, signed: date | None) -> None:
    """落款: the unit 2 characters in from the right after an empty line, the date on the next line
    starting 2 characters right of the unit's first character; a date longer than that keeps 2
    characters to the right itself and moves the unit left instead (GB/T 9704 §7.3.5.2). The date's
    digits are Arabic (their width varies by font: measured with the margin of a fit). A unit too
    long for the line is broken at a natural place (as a title is), each line 2 characters in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    date_text = texts.render(texts.EXPORT, "signed_date", year=signed.year, month=signed.month,
                             day=signed.day) if signed is not None else ""
    line_em = TEXT_WIDTH * PT_PER_MM / SIZE_3
    lines = docx_layout.title_lines(unit, line_em - 2) if unit else []
    unit_em = max((docx_layout.text_units(line) / 2 for line in lines), default=0.0)  # CJK: exact
    date_em = docx_layout.fit_units(date_text) / 2 if date_text else 0.0
    date_under_unit = bool(lines) and unit_em - 2 >= date_em  # the date fits right of the unit's start + 2
    unit_right = 2.0 if date_under_unit or not date_text else max(2.0, date_em + 4 - unit_em)
    if lines:
        unit_paragraph = _lines_paragraph(doc, lines)
        unit_paragraph.paragraph_format.right_indent = Pt(SIZE_3 * unit_right)
        unit_paragraph.paragraph_format.space_before = Pt(LINE_PITCH / 20)
        unit_paragraph.paragraph_format.keep_with_next = bool(date_text) or None
    if date_text:
        fmt = _lines_paragraph(doc, [date_text]).paragraph_format
        if date_under_unit:  # placed by its first character, whatever the digits' width
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt.left_indent = Pt(SIZE_3 * (line_em - unit_right - unit_em + 2))
        else:
            fmt.right_indent = Pt(SIZE_3 * 2)
        if not lines:
            fmt.space_before = Pt(LINE_PITCH / 20)


def _lines_paragraph(doc: Any, lines: Sequence[str]) -> Any:
    paragraph = doc.add_paragraph(style=style_name("signature"))
    for k, line in enumerate(lines):
        run = paragraph.add_run()
        if k:
            run.add_break()
        run.add_text(line)
    return paragraph
