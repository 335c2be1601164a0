"""The real corpus (``tests/audit/real``): published texts, hand-labelled relations, and scoring.

Excerpts of published 绩效自评报告, 部门决算/预算公开说明 and 三公经费 notes (172 in the first rounds; the
count and each text's source address, genre and half are in ``manifest.json``); ``labels.json`` lists per text the arithmetic relations
(kind, verbatim quote, stated figure, inputs, expected value, verdict) and ``non_relations``:
number patterns that are not checkable relations (TOCs, flattened table rows, document numbers…).
The split into ``dev`` and ``test`` was fixed from the sha256 of each source address before any
labelling; the auditor is tuned on ``dev`` only and the headline figures are those of ``test``.

How a finding meets a label (same text only; quotes and sentences compared after normalisation,
without whitespace):
- a finding *matches* a relation when its sentence contains the relation's quote, the quote
  contains its sentence, or its stated value equals the relation's stated value (as numbers,
  with the same kind of figure: a percentage against a percentage);
- an **error** finding that matches a relation labelled ``error`` or ``truncation`` is a true
  positive (TP); an error finding that matches no such relation is a false positive (FP);
- a relation labelled ``error`` that no error finding matches is a false negative (FN); a
  relation labelled ``truncation`` counts as found when any finding (warning or error) matches it,
  since truncation slips are reported as warnings;
- every finding, of any severity, whose sentence overlaps a ``non_relation`` quote and whose
  stated figure (if any) is printed in that quote counts as a finding on a non-relation (tables
  of contents, flattened table rows…); that count must be zero.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from selfeval_xl.audit import Finding, Severity, audit_text
from selfeval_xl.audit.text import normalise, strip_ruby

REAL = Path(__file__).parent / "real"
MANIFEST: list[dict[str, object]] = json.loads((REAL / "manifest.json").read_text("utf-8"))
LABELS: dict[str, dict[str, list[object]]] = json.loads((REAL / "labels.json").read_text("utf-8"))
ERRORISH = ("error", "truncation")
# The genres the issue names (绩效自评报告, 部门决算/预算公开说明, 三公经费 notes); the corpus also holds
# governments' budget-execution reports and procurement notices, scored but outside that list.
GENRES_IN_SCOPE = ("budget", "final_accounts", "performance_dept", "performance_project", "sangong")

# finding code -> relation kind, for the per-kind count of unmatched findings
CODE_KIND = {
    "sum_mismatch": "sum",
    "grand_total_without_carry_over": "sum",
    "balance_mismatch": "sum",
    "grand_totals_differ": "pair",
    "total_volumes_differ": "pair",
    "adjustment_mismatch": "sum",
    "budget_gap_mismatch": "sum",
    "savings_mismatch": "sum",
    "leftover_mismatch": "sum",
    "formula_mismatch": "rate",
    "unit_slip": "pair",
    "pp_change_mismatch": "yoy",
    "formula_truncated": "rate",
    "change_sum_mismatch": "sum",
    "change_rounding_gap": "sum",
    "parts_exceed_total": "sum",
    "total_in_item_place": "sum",
    "total_score_restated": "pair",
    "separator_slip": "sum",
    "parts_below_total": "sum",
    "split_count_differs": "sum",
    "sum_rounding_gap": "sum",
    "restated_amount_differs": "sum",
    "share_mismatch": "share",
    "shares_not_100": "pair",
    "shares_rounding_drift": "pair",
    "shares_exceed_100": "pair",
    "execution_rate_mismatch": "rate",
    "rate_truncated": "rate",
    "rate_capped": "rate",
    "named_rate_mismatch": "rate",
    "named_rate_truncated": "rate",
    "grade_mismatch": "score",
    "grade_other_bands": "score",
    "score_out_of_range": "score",
    "score_above_100": "score",
    "score_sum_mismatch": "score",
    "score_deduction_mismatch": "score",
    "weight_sum_mismatch": "score",
    "count_mismatch": "count",
    "yoy_mismatch": "yoy",
    "yoy_truncated": "yoy",
    "decrease_over_100": "yoy",
    "average_growth_mismatch": "yoy",
    "average_growth_truncated": "yoy",
    "share_truncated": "share",
    "percent_within_rounding": "share",
}


def ids(split: str) -> list[str]:
    return [str(e["id"]) for e in MANIFEST if e["split"] == split]


def text_of(text_id: str) -> str:
    return (REAL / "texts" / f"{text_id}.txt").read_text("utf-8")


def _squash(text: str) -> str:
    return "".join(normalise(strip_ruby(text)).split())


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number(text: str | None) -> tuple[Decimal, bool] | None:
    """The first number of a printed figure and whether it is a percentage."""
    if not text:
        return None
    squashed = _squash(text).replace(",", "")
    m = _NUMBER.search(squashed)
    if not m:
        return None
    try:
        return Decimal(m.group()), squashed[m.end() : m.end() + 1] == "%"
    except InvalidOperation:  # pragma: no cover - the pattern only matches digits
        return None


_AMOUNT_UNITS = ("元", "萬", "万", "亿", "億")


def within_rounding(relation: dict[str, object]) -> bool:
    """The labelling convention for rounding (docs/audit.md "Labels"): a sum whose non-zero parts are
    printed at the total's own precision and miss it by at most one unit of that print per part is
    ``ambiguous`` (each part may be rounded on its own), never ``error``."""
    stated = str(relation.get("stated") or "")
    if relation.get("kind") != "sum" or "%" in stated or not any(u in stated for u in _AMOUNT_UNITS):
        return False
    total = _first(stated)
    exact = _first(str(relation.get("expected_unrounded") or relation.get("expected") or ""))
    inputs = relation.get("inputs")
    parts = [p for p in (_first(str(x)) for x in inputs) if p] if isinstance(inputs, list) else []
    if total is None or exact is None or len(parts) < 2:
        return False
    exponent = total.as_tuple().exponent
    if any(p.as_tuple().exponent != exponent for p in parts):
        return False
    assert isinstance(exponent, int)
    return 0 < abs(total - exact) <= Decimal(len(parts)).scaleb(exponent)


def ratio_within_rounding(relation: dict[str, object]) -> bool:
    """The labelling brief's rounding rule for a share or rate of two printed amounts: when the stated
    percentage lies in the range the amounts allow, each read ± half a unit of its last printed digit (for
    an amount of a hundred such units or more, as ``percent_within_rounding`` reads them), the relation is
    ``ambiguous``, never ``error``; counts are exact ("6,222万元 … 15,653万元的39.8%": 6222.5 ÷ 15652.5 gives 39.754%)."""
    stated = str(relation.get("stated") or "")
    inputs = relation.get("inputs")
    if relation.get("op") not in ("share", "rate") or "%" not in stated or not isinstance(inputs, list) or len(inputs) != 2:
        return False
    if not all(any(u in str(x) for u in _AMOUNT_UNITS) for x in inputs):
        return False  # counts (人, 个) are exact
    part, whole, percent = _first(str(inputs[0])), _first(str(inputs[1])), _first(stated)
    if part is None or whole is None or percent is None or part <= 0 or whole <= 0:
        return False

    def slack(amount: Decimal) -> Decimal:
        unit = Decimal(1).scaleb(int(amount.as_tuple().exponent))
        return unit / 2 if amount >= unit * 100 else Decimal(0)

    low = (part - slack(part)) / (whole + slack(whole)) * 100
    high = (part + slack(part)) / (whole - slack(whole)) * 100
    place = Decimal(1).scaleb(int(percent.as_tuple().exponent))
    return low.quantize(place, ROUND_HALF_UP) <= percent <= high.quantize(place, ROUND_HALF_UP)


def _first(text: str) -> Decimal | None:
    """The first number printed, signed and with its printed precision ("-1,042.50万元": -1042.50)."""
    m = re.search(r"-?\d[\d,，]*(?:\.\d+)?", text)
    return Decimal(m.group().replace(",", "").replace("，", "")) if m else None


def matches(finding: Finding, relation: dict[str, object]) -> bool:
    sentence, quote = _squash(finding.sentence), _squash(str(relation["quote"]))
    if sentence and (quote in sentence or sentence in quote):
        return True
    stated, labelled = _number(finding.stated), _number(str(relation["stated"]))
    return stated is not None and stated == labelled


def on_non_relation(finding: Finding, quote: str) -> bool:
    """Is the finding about the non-relation: in a sentence overlapping it, and (when it states a
    figure) on a figure the non-relation holds, not on another figure of a long sentence?"""
    sentence, squashed = _squash(finding.sentence), _squash(quote)
    overlaps = bool(sentence) and (squashed in sentence or sentence in squashed)
    return overlaps and (not finding.stated or _squash(finding.stated) in squashed)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> Decimal | None:
        found = self.tp + self.fp
        return Decimal(self.tp) / found if found else None

    @property
    def recall(self) -> Decimal | None:
        labelled = self.tp + self.fn
        return Decimal(self.tp) / labelled if labelled else None


@dataclass
class Result:
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_genre: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))  # by kind of text
    non_relation_hits: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def total(self) -> Score:
        out = Score()
        for score in self.by_kind.values():
            out.tp, out.fp, out.fn = out.tp + score.tp, out.fp + score.fp, out.fn + score.fn
        return out


    def genres(self, names: tuple[str, ...]) -> Score:
        """The scores of the texts of these kinds together."""
        out = Score()
        for name in names:
            score = self.by_genre.get(name, Score())
            out.tp, out.fp, out.fn = out.tp + score.tp, out.fp + score.fp, out.fn + score.fn
        return out


def genre(text_id: str) -> str:
    """The kind of published text (``final_accounts``, ``budget``, ``sangong``, ``performance_dept``,
    ``performance_project``, ``fiscal_report``, ``procurement``) as the manifest records it."""
    return str(_GENRES[text_id])


_GENRES = {str(entry["id"]): entry["kind"] for entry in MANIFEST}


def evaluate(split: str, since: int = 0, until: int | None = None) -> Result:
    """Score the auditor on one half of the corpus (see the module docstring for the rules), or on its
    texts numbered ``since`` and later, before ``until`` (a round's batch)."""
    result = Result()
    for text_id in (i for i in ids(split) if since <= int(i) < (until or 10**9)):
        by_genre = result.by_genre[genre(text_id)]
        report = audit_text(text_of(text_id))
        labels = LABELS[text_id]
        relations = [r for r in labels["relations"] if isinstance(r, dict)]
        errors = [f for f in report.findings if f.severity is Severity.ERROR]
        result.warnings += len(report.findings) - len(errors)
        for f in errors:
            hit = [r for r in relations if matches(f, r)]
            good = [r for r in hit if r["verdict"] in ERRORISH]
            if good:
                continue  # true positives are counted once per relation, below
            kind = str(hit[0]["kind"]) if hit else CODE_KIND.get(f.code, "other")
            result.by_kind[kind].fp += 1
            by_genre.fp += 1
            result.details.append(f"{text_id} FP {f.code} {f.stated}→{f.expected} | {f.sentence[:90]}")
        for r in relations:
            if r["verdict"] not in ERRORISH:
                continue
            pool = errors if r["verdict"] == "error" else report.findings
            if any(matches(f, r) for f in pool):
                result.by_kind[str(r["kind"])].tp += 1
                by_genre.tp += 1
            else:
                result.by_kind[str(r["kind"])].fn += 1
                by_genre.fn += 1
                result.details.append(
                    f"{text_id} FN {r['kind']} {r['verdict']} stated {r['stated']} expected {r['expected']}"
                    f" | {r['quote']}"
                )
        for f in report.findings:
            for quote in labels["non_relations"]:
                if on_non_relation(f, str(quote)):
                    result.non_relation_hits.append((text_id, f.code, str(quote)))
                    result.details.append(f"{text_id} NONREL {f.code} | {str(quote)[:80]}")
                    break
    return result
