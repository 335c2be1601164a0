"""The ribbon's 新年度 button: next year's workbook from the open one, written beside it (never over it,
never over an existing file); the open workbook is only read."""

from __future__ import annotations

from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.excel.adapter import _alert, _book_folder, _evaluate, _guarded


def run_new_year(book: Any) -> None:
    with _guarded(book):
        folder = _book_folder(book)
        if folder is None:
            return
        from selfeval_xl.render.files import new_year_stem
        from selfeval_xl.workbook.new_year import next_year_data
        from selfeval_xl.workbook.package import write_atomic
        from selfeval_xl.workbook.template import template_bytes

        evaluation = _evaluate(book)
        if evaluation.errors:
            _alert(book, texts.render(texts.ADDIN, "newyear.refused", errors=len(evaluation.errors)), critical=True)
            return
        info = evaluation.model.info
        year = info.year + 1 if info.year is not None else None
        out = folder / f"{new_year_stem(info.unit_name, year)}.xlsx"
        if out.exists():
            _alert(book, texts.render(texts.ADDIN, "newyear.exists", path=out), critical=True)
            return
        write_atomic(out, template_bytes(next_year_data(evaluation.model)))
        _alert(book, texts.render(texts.ADDIN, "newyear.done", year=year or "", path=out))
