"""Measured text for the Word document: widths, title lines, table column widths. Pure.

Widths are counted in *units* of half an em at the text's font size: a CJK (wide, full-width or
East-Asian-ambiguous, such as “ ” — ≥) character is 2 units, any other character 1. Fonts differ
a little from this count (proportional digits in a CJK fallback font), and LibreOffice wraps a cell
whose text leaves less than about 3 pt, so every fit keeps a margin of one unit and a tenth of a
unit for each Latin character (``fit_units``).

* ``title_lines`` breaks a title that does not fit its line at a natural place — before the year,
  after it, before the document's kind, after an administrative word inside the unit's name, before
  a bracket — never inside a number or a Latin
  word, never leaving a line of one or two characters, and of the possible breaks takes the most
  balanced one (GB/T 9704 asks for a trapezoid or a diamond, "词意完整").
* ``column_widths`` sizes table columns from their content: first so that no number, percentage or
  Latin word is ever broken and every header label and number fits on one line; the width left is
  shared by how much wider each column's widest text is (a column of long sentences gets most).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

PT_PER_MM = 72 / 25.4
CELL_MARGIN_TWIPS = 57  # left and right margin inside a table cell (1 mm)
CELL_PADDING_PT = 2 * CELL_MARGIN_TWIPS / 20
MAX_LINES = 3
SAFETY_UNITS = 1.0  # the margin of every fit (LibreOffice needs 3 pt more than the text and cell margins), plus a tenth of a unit for each Latin character or digit

_YEAR = re.compile(r"\d{4}年度?")
# Where the name of the document begins after the unit's name (部门整体支出绩效自评报告, 项目支出…).
_KIND = re.compile(r"部门整体|项目支出|整体支出|绩效自评")
# Words that end a part of an administrative name: a break may follow them (湖南省 / 邵阳市 / …局).
_NAME_ENDS = re.compile(r"省|市|县|区|州|盟|旗|镇|乡|街道|村|党|局|厅|委员会|委(?!员)|办公室|办(?!公)|院|会|部(?!门)"
                        r"|中心|公司|所|站|队|馆|处|科|校|机关")
# No break before closing marks and other punctuation (，。、）” % …), none after opening ones (（《“).
_NO_BREAK_BEFORE = frozenset(("Pe", "Pf", "Po"))
_NO_BREAK_AFTER = frozenset(("Ps", "Pi"))


def _closes(ch: str) -> bool:
    return unicodedata.category(ch) in _NO_BREAK_BEFORE


def _opens(ch: str) -> bool:
    return unicodedata.category(ch) in _NO_BREAK_AFTER


@lru_cache(maxsize=4096)
def char_units(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def text_units(text: str) -> int:
    """Width of one line of ``text`` in half-em units (CJK 2, Latin and digits 1)."""
    return sum(char_units(ch) for ch in text)


def fit_units(text: str) -> float:
    """Units to reserve for one line of ``text``: its width and the margin of the fit."""
    return text_units(text) + SAFETY_UNITS + 0.1 * sum(1 for ch in text if char_units(ch) == 1)


def _is_wide(ch: str) -> bool:
    return char_units(ch) == 2


def pieces(line: str) -> list[str]:
    """``line`` cut where it may wrap: between CJK characters, at spaces; never inside a run of
    digits, Latin letters and their punctuation ("97.88%", "B/A", "1551"), never before a closing or
    after an opening mark."""
    out: list[str] = []
    for ch in line:
        if not out:
            out.append(ch)
            continue
        prev = out[-1][-1]
        glued = (_closes(ch) or _opens(prev)
                 or (not _is_wide(ch) and not _is_wide(prev) and not ch.isspace() and not prev.isspace()))
        if glued:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def longest_piece(text: str) -> float:
    """Units to reserve for the widest part of ``text`` that may not be broken."""
    return max((fit_units(p) for line in text.split("\n") for p in pieces(line)), default=0.0)


# -- titles ----------------------------------------------------------------------------------------


def _break_penalty(title: str, at: int) -> int | None:
    """Cost of a line break before ``title[at]``: 0 at the year or before a bracket, 1 after the year,
    before the document's kind (部门整体…) or after an administrative word in a name (…省 / …局), 4
    between two other CJK characters; None where no break may be."""
    before, after = title[at - 1], title[at]
    if not (_is_wide(before) or _is_wide(after)) or _closes(after) or _opens(before):
        return None
    if _opens(after):
        return 0
    for match in _YEAR.finditer(title):
        if at in (match.start(), match.end()):
            return 0 if at == match.start() else 1
        if match.start() < at < match.end():
            return None
    if any(m.end() == at for m in _NAME_ENDS.finditer(title)) or any(m.start() == at for m in _KIND.finditer(title)):
        return 1
    return 4


def title_lines(title: str, width_em: float, *, shortest: int = 3) -> list[str]:
    """``title`` as printed lines at most ``width_em`` wide (with the margin of the fit), none of them
    shorter than ``shortest`` characters; the whole title when no such break exists (or when it
    would take more than ``MAX_LINES``: longer text is left to the word processor's wrapping)."""
    capacity = 2 * width_em + 0.01  # a hundredth of a unit for widths rounded to twips
    if fit_units(title) <= capacity or len(title) < 2 * shortest or fit_units(title) > MAX_LINES * capacity:
        return [title]
    breaks = {at: penalty for at in range(shortest, len(title) - shortest + 1)
              if (penalty := _break_penalty(title, at)) is not None}
    best: tuple[float, list[int]] | None = None
    for count in range(1, min(MAX_LINES, len(title) // shortest)):  # fewest first; one more if it reads better
        for cut in _combinations(sorted(breaks), count, len(title), shortest):
            lines = [title[a:b] for a, b in zip([0, *cut], [*cut, len(title)], strict=True)]
            widths = [fit_units(line) for line in lines]
            if max(widths) > capacity:
                continue
            cost = 20 * count + 10 * sum(breaks[c] for c in cut) + (max(widths) - min(widths)) / 4
            if best is None or cost < best[0]:
                best = (cost, cut)
        if best is not None and best[0] <= 20 * (count + 1):  # more lines cannot cost less
            break
    if best is None:
        return [title]
    return [title[a:b] for a, b in zip([0, *best[1]], [*best[1], len(title)], strict=True)]


def _combinations(positions: list[int], count: int, length: int, shortest: int) -> list[list[int]]:
    """Increasing choices of ``count`` break positions that leave every line ``shortest`` characters or more."""
    result: list[list[int]] = []

    def extend(chosen: list[int], start: int) -> None:
        if len(chosen) == count:
            if length - chosen[-1] >= shortest:
                result.append(list(chosen))
            return
        last = chosen[-1] if chosen else 0
        for i in range(start, len(positions)):
            if positions[i] - last >= shortest:
                extend([*chosen, positions[i]], i + 1)

    extend([], 0)
    return result


# -- table columns ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measure:
    """What a table cell asks of its columns: its text at a font size, over columns first..last
    (0-based), on ``row``; ``one_line`` when it should not wrap at all (header labels, numbers)."""

    row: int
    first: int
    last: int
    text: str
    size: float  # pt
    one_line: bool = False


def _units_to_pt(units: float, size: float) -> float:
    return units * size / 2 + CELL_PADDING_PT


def cell_em(width_pt: float, size: float) -> float:
    """The width (em) left for text in a cell ``width_pt`` wide, at a font size of ``size`` pt."""
    return max(0.0, (width_pt - CELL_PADDING_PT) / size)


def column_widths(cells: Sequence[Measure], columns: int, available: float) -> list[float]:
    """Widths (pt) of ``columns`` columns that add up to ``available``, sized from ``cells``."""
    hard = [CELL_PADDING_PT] * columns  # no number or word broken
    label = [CELL_PADDING_PT] * columns  # … and every header label and number on one line
    natural = [CELL_PADDING_PT] * columns  # … and every text on one line
    for cell in cells:
        need_hard = _units_to_pt(longest_piece(cell.text), cell.size)
        need_full = _units_to_pt(max(fit_units(line) for line in cell.text.split("\n")), cell.size)
        _require(hard, cell, need_hard)
        if cell.one_line:
            _require(label, cell, need_full)
        _require(natural, cell, need_full)
    label = [max(a, b) for a, b in zip(label, hard, strict=True)]
    natural = [max(a, b) for a, b in zip(natural, label, strict=True)]
    if sum(natural) <= available:
        return _stretch(natural, available)
    if sum(label) > available:  # labels must wrap: keep numbers whole, share the rest by label width
        return _fill(hard, label, available)
    return _fill(label, natural, available)


def _require(widths: list[float], cell: Measure, need: float) -> None:
    """Widen the columns of ``cell`` (in proportion, when it spans several) to give it ``need``."""
    have = sum(widths[cell.first:cell.last + 1])
    if need > have:
        for col in range(cell.first, cell.last + 1):
            widths[col] += (need - have) * widths[col] / have


def _stretch(widths: list[float], available: float) -> list[float]:
    scale = available / sum(widths)
    return [w * scale for w in widths]


def _fill(low: list[float], high: list[float], available: float) -> list[float]:
    """From ``low`` towards ``high``, each column by the same share of its gap; the total is ``available``."""
    gap = sum(h - lo for lo, h in zip(low, high, strict=True))
    room = available - sum(low)
    if room <= 0 or gap <= 0:
        return _stretch(low, available)
    share = min(1.0, room / gap)
    widths = [lo + (h - lo) * share for lo, h in zip(low, high, strict=True)]
    return _stretch(widths, available) if share == 1.0 else widths
