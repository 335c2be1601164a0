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
from collections import defaultdict
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


def mutation_recall(split: str) -> tuple[dict[str, Score], list[str]]:
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
            errors = [f for f in audit_text(broken_text).findings if f.severity is Severity.ERROR]
            if any(matches(f, moved) for f in errors):
                by_kind[str(relation["kind"])].tp += 1
            else:
                by_kind[str(relation["kind"])].fn += 1
                missed.append(f"{text_id} {relation['kind']} {moved['stated']} | {moved['quote']}")
    return by_kind, missed
