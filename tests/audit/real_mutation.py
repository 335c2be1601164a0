"""Mutation recall on the real corpus: does the auditor check each labelled relation at all?

Real errors are rare (a dozen per half), too few to tune against. Every labelled relation whose
verdict is ``ok`` is a relation the auditor should be checking, so each is broken on purpose:
the stated figure inside its quote is moved by about a tenth (a count by one) and the text is
audited again. The relation counts as *checked* when an error (or, for a moved figure printed
coarser than the rule allows, any) finding matches the broken quote. The score is per kind and
per half, like the real-error figures; tuning looks at the development half only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from real_corpus import LABELS, Score, ids, matches, text_of

from selfeval_xl.audit import Severity, audit_text

_NUM = re.compile(r"\d+(?:\.\d+)?")


def _moved(number: str, percent: bool) -> str:
    value = Decimal(number)
    places = Decimal(1).scaleb(-len(number.partition(".")[2]))
    if value == value.to_integral() and not percent and value < 100 and "." not in number:
        return str(value + 1)
    step = max(value * Decimal("0.1"), places * 3)
    return str((value + step).quantize(places, ROUND_HALF_UP))


def mutate(text: str, relation: dict[str, object]) -> tuple[str, dict[str, object]] | None:
    """The text with the relation's stated figure moved, and the relation as it now reads."""
    quote, stated = str(relation["quote"]), str(relation["stated"])
    at = text.find(quote)
    number = _NUM.search(stated.replace(",", ""))
    if at < 0 or not number:
        return None
    spot = re.search(re.escape(number.group()) + r"(?![\d.])", quote)
    if not spot:
        return None
    percent = "%" in stated
    new = _moved(number.group(), percent)
    broken = quote[: spot.start()] + new + quote[spot.end() :]
    moved = dict(relation, quote=broken, stated=stated.replace(number.group(), new, 1))
    return text[:at] + broken + text[at + len(quote) :], moved


_NO_LINE_START = ",.;:!?)%、。，；：！？）》”’"


def _wrapped(text: str, width: int = 74) -> str:
    """Hard-wrapped like a PDF page: a break after ``width`` columns (a Chinese character takes two),
    never inside a number nor before punctuation."""
    lines = []
    for line in text.split("\n"):
        out, used = [], 0
        for i, c in enumerate(line):
            after = line[i + 1] if i + 1 < len(line) else ""
            narrow = (c, after) != (" ", " ") and all(x != "" and x != " " and unicodedata.east_asian_width(x) not in "WF" for x in (c, after))
            glued = narrow or (after != "" and after in _NO_LINE_START)
            out.append(c)
            used += 2 if unicodedata.east_asian_width(c) in "WF" else 1
            if used >= width and not glued:
                out.append("\n")
                used = 0
        lines.append("".join(out).rstrip("\n"))
    return "\n".join(lines)


_FULL_WIDTH = str.maketrans("0123456789.%,;:()", "０１２３４５６７８９．％，；：（）")
_GROUPABLE = re.compile(r"(?<![\d.,])(\d{4,})(?=(?:\.\d+)?\s*(?:万元|亿元|元))")

# The same texts as other pages print them: copied with their line spacing, hard-wrapped by a PDF,
# digits grouped by thousands, full-width signs, a space between a word and its number, spaced units
# (50 万 元), every Chinese character spaced (a PDF's character spacing).
VARIANTS: dict[str, Callable[[str], str]] = {
    "blank lines": lambda t: t.replace("\n", "\n\n"),
    "wrapped": _wrapped,
    "grouped digits": lambda t: _GROUPABLE.sub(lambda m: f"{int(m.group(1)):,}", t),
    "full-width": lambda t: t.translate(_FULL_WIDTH),
    "spaced numbers": lambda t: re.sub(r"(?<=[\u4e00-\u9fff])(\d)", r" \1", t),
    "spaced units": lambda t: re.sub(r"(\d)\s*([万亿])元", r"\1 \2 元", t),
    "letter-spaced": lambda t: re.sub(r"([\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\1 ", t),
}


def mutation_recall(split: str, variant: Callable[[str], str] | None = None) -> tuple[dict[str, Score], list[str]]:
    """Per kind, the broken relations reported; ``variant`` reprints each broken text (and quote)."""
    by_kind: dict[str, Score] = defaultdict(Score)
    missed: list[str] = []
    for text_id in ids(split):
        text = text_of(text_id)
        for relation in LABELS[text_id]["relations"]:
            if not isinstance(relation, dict) or relation["verdict"] != "ok":
                continue
            done = mutate(text, relation)
            if done is None:
                continue
            broken_text, moved = done
            if variant is not None:
                broken_text = variant(broken_text)
                moved = dict(moved, quote=variant(str(moved["quote"])), stated=variant(str(moved["stated"])))
            errors = [f for f in audit_text(broken_text).findings if f.severity is Severity.ERROR]
            if any(matches(f, moved) for f in errors):
                by_kind[str(relation["kind"])].tp += 1
            else:
                by_kind[str(relation["kind"])].fn += 1
                missed.append(f"{text_id} {relation['kind']} {moved['stated']} | {moved['quote']}")
    return by_kind, missed
