"""Row heights of the output sheets: how tall a wrapped text is, and never taller than Excel allows.

Excel refuses a row over 409 points (a COM call asking for more fails); a paragraph that needs more
is cut into pieces that each fit one row (``fit_rows``), after a sentence where possible.
"""

from __future__ import annotations

import math
import re


def row_height(text: str, width: float, size: float) -> float:
    """Row height (points) that shows ``text`` wrapped in a column ``width`` characters wide."""
    units_per_line = width * 7 / (size * 1.33)  # CJK characters per line at this font size
    visual = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text) or 1.0
    lines = max(1, math.ceil(visual / units_per_line))
    return round(lines * size * 1.4 + 4, 1)


MAX_ROW_HEIGHT = 409.0  # Excel's largest row height (points): asking for more fails through COM


def _fits(text: str, width: float, size: float) -> bool:
    return row_height(text, width, size) <= MAX_ROW_HEIGHT


def fit_rows(text: str, width: float, size: float) -> list[str]:
    """``text`` in pieces that each fit one row of at most ``MAX_ROW_HEIGHT``: cut after a sentence
    (。；！？) where possible, inside a sentence only when one sentence alone is too long."""
    if _fits(text, width, size):
        return [text]
    sentences = [piece for piece in re.split("(?<=[\u3002\uff1b\uff01\uff1f])", text) if piece]
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if _fits(current + sentence, width, size):
            current += sentence
            continue
        if current:
            pieces.append(current)
        current = ""
        while not _fits(sentence, width, size):  # one very long sentence: cut where the row is full
            cut = max(1, _longest_fitting(sentence, width, size))
            pieces.append(sentence[:cut])
            sentence = sentence[cut:]
        current = sentence
    if current:
        pieces.append(current)
    return pieces


def _longest_fitting(text: str, width: float, size: float) -> int:
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(text[:middle], width, size):
            low = middle
        else:
            high = middle - 1
    return low


