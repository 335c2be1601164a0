"""Precision and recall of ``selfeval audit``: the headline on real published texts, then the
self-written regression corpus, with timing per report.

Run from the repository root: ``python benchmarks/audit_precision.py [--dev]``.

Real corpus (``tests/audit/real``, rules in ``tests/audit/real_corpus.py``): published texts split
into a development and a test half by the sha256 of their source address, before labelling (the
eighth round's pool pages, whose findings had been read, all dev).
The auditor was tuned on the dev half only; the figures printed are those of the **test half**,
per relation kind, then per kind of text (the manifest's ``kind``) and for the genres the issue names
(决算/预算公开说明, 三公 notes, 绩效自评), apart from governments' budget reports and procurement notices. ``--dev`` prints the dev half instead, with every miss in detail (for tuning;
the test half is never printed in detail).

Self-written corpus
The corpus (``tests/audit/audit_corpus.py``), a regression set: the labelled fixtures in ``tests/audit/data``, each
also in four noise variants (full-width digits, spaces inside numbers, lines wrapped at 28
characters, one block per paragraph as read from Word), plus the founding example with one
seeded error per variant. Figures match on (kind, paragraph, value, role); findings on
(code, paragraph).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "audit")]

from audit_corpus import Case, error_cases, figure_label, fixture_cases  # noqa: E402  (path set above)
from real_corpus import GENRES_IN_SCOPE, Result, Score, evaluate, genre, ids  # noqa: E402
from real_mutation import VARIANTS, mutation_recall  # noqa: E402

from selfeval_xl.audit import audit_blocks  # noqa: E402


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a"


def _fraction(value: object) -> str:
    return "n/a" if value is None else f"{value:.3f}"


SIXTH_ROUND = 173  # the first text added in the sixth round
SEVENTH_ROUND = 217  # the first text added in the seventh round
POOL_LABELLED = 247  # the first pool page labelled in the eighth round (all dev: their findings were read before)
BLIND_POOL = 423  # the first pool page labelled blind in the ninth round (split by address, like the first rounds)
BLIND_TENTH = 463  # the first of the pages labelled blind in the ninth round and merged, unread, in the tenth
BLIND_ELEVENTH = 543  # the first of the pages labelled blind and merged, unread, in the eleventh round
BLIND_THIRTEENTH = 663  # the first of the pages labelled blind in the twelfth round and merged, unread, in the thirteenth
FRESH = 717  # the first page gathered fresh and labelled blind before the auditor ever ran on it
BLIND_FOURTEENTH = 819  # the first pool page labelled blind in the fourteenth round and merged (after the fresh ones)
FIFTEENTH = 836  # the first page gathered fresh and labelled blind in the fifteenth round (merged as it arrived)
SIXTEENTH = 998  # the first page labelled blind in the sixteenth round (merged as it arrived)
SEVENTEENTH = 1324  # the first page labelled blind in the seventeenth round (gathered unlabelled, merged at once)
EIGHTEENTH = 1467  # the first page labelled blind in the eighteenth round (the genres only, merged at once)
NINETEENTH = 1742  # the first page labelled blind in the nineteenth round (the genres, by kind of unit, two batches)
TWENTY_FIRST = 2006  # the first page labelled blind in the twenty-first round (gathered and labelled in one go, merged unread)
TWENTY_SECOND = 2185  # the first page labelled blind in the twenty-second round (the same way)
TWENTY_THIRD = 2353  # the first page labelled blind in the twenty-third round (the same way)
TWENTY_FOURTH = 2549  # the first page labelled blind in the twenty-fourth round (the same way)
TWENTY_FIFTH = 2566  # the first page labelled blind in the twenty-fifth round (the same way)
TWENTY_SEVENTH = 2615  # the first page labelled blind in the twenty-seventh round (the same way)
TWENTY_EIGHTH = 2672  # the first page labelled blind in the twenty-eighth round (the same way)
TWENTY_NINTH = 2731  # the first page labelled blind in the twenty-ninth round (the same way)
THIRTY_SECOND = 2771  # the first page labelled blind in the thirty-second round (the same way, by kind of unit)
THIRTY_SECOND_B = 2871  # the first page of its second batch (the same way; the search budget ran out)
THIRTY_THIRD = 2913  # the first page labelled blind in the thirty-third round (the same way, by kind of unit)
THIRTY_THIRD_B = 2991  # the first page of its second batch (the same way, by the phrases texts print)
THIRTY_FIFTH = 3010  # the first page labelled blind in the thirty-fifth round (the search spent: news and tables)


# Each batch of the corpus as the benchmark prints it: (name, first id, the next batch's first id or None, what it
# is, with {span} for its ids), in order of merge.
_BATCHES: tuple[tuple[str, int, int | None, str], ...] = (
    ("sixth", SIXTH_ROUND, SEVENTH_ROUND, "the sixth round's texts ({span}; labelled by helpers, the test ones never read by the author of the rules)"),
    ("seventh", SEVENTH_ROUND, POOL_LABELLED, "the seventh round's texts ({span}; the same way)"),
    ("pool", POOL_LABELLED, BLIND_POOL, "the pool pages labelled in the eighth round ({span}; dev only, their findings read before labelling)"),
    ("ninth", BLIND_POOL, BLIND_TENTH, "the pool pages labelled blind in the ninth round ({span}; no finding on them read before labelling)"),
    ("tenth", BLIND_TENTH, BLIND_ELEVENTH, "the pool pages labelled blind and merged in the tenth round ({span}; the same way)"),
    ("eleventh", BLIND_ELEVENTH, BLIND_THIRTEENTH, "the pool pages labelled blind and merged in the eleventh round ({span}; the same way)"),
    ("thirteenth", BLIND_THIRTEENTH, FRESH, "the pool pages labelled blind in the twelfth round, merged unread in the thirteenth ({span})"),
    ("fresh", FRESH, BLIND_FOURTEENTH, "the pages gathered fresh and labelled blind, never run through the auditor before ({span}; the unbiased sample)"),
    ("fourteenth", BLIND_FOURTEENTH, FIFTEENTH, "the pool pages labelled blind and merged in the fourteenth round ({span})"),
    ("fifteenth", FIFTEENTH, SIXTEENTH, "the pages gathered fresh and labelled blind in the fifteenth round ({span}; merged as they arrived)"),
    ("sixteenth", SIXTEENTH, SEVENTEENTH, "the pages labelled blind in the sixteenth round ({span}; gathered fresh, merged as they arrived)"),
    ("seventeenth", SEVENTEENTH, EIGHTEENTH, "the pages labelled blind in the seventeenth round ({span}; gathered fresh, merged together)"),
    ("eighteenth", EIGHTEENTH, NINETEENTH, "the pages labelled blind in the eighteenth round ({span}; the issue's genres only, gathered fresh, merged in two batches)"),
    ("nineteenth", NINETEENTH, TWENTY_FIRST, "the pages labelled blind in the nineteenth round ({span}; the issue's genres, gathered fresh by kind of unit, merged in two batches)"),
    ("twenty_first", TWENTY_FIRST, TWENTY_SECOND, "the pages labelled blind in the twenty-first round ({span}; gathered and labelled in one go, any genre the search still held, three batches)"),
    ("twenty_second", TWENTY_SECOND, TWENTY_THIRD, "the pages labelled blind in the twenty-second round ({span}; the same way, by kind of unit and section, two batches)"),
    ("twenty_third", TWENTY_THIRD, TWENTY_FOURTH, "the pages labelled blind in the twenty-third round ({span}; the same way, two batches; the search held few pages not yet taken)"),
    ("twenty_fourth", TWENTY_FOURTH, TWENTY_FIFTH, "the pages labelled blind in the twenty-fourth round ({span}; the same way, one batch of 17 pages: the search held almost nothing new)"),
    ("twenty_fifth", TWENTY_FIFTH, TWENTY_SEVENTH, "the pages labelled blind in the twenty-fifth round ({span}; the same way, 49 pages, news and notices the most)"),
    ("twenty_seventh", TWENTY_SEVENTH, TWENTY_EIGHTH, "the pages labelled blind in the twenty-seventh round ({span}; the same way, 57 pages, 7 of them pool pages read before, dev; 2026 budget notes, 项目 绩效, allocation news)"),
    ("twenty_eighth", TWENTY_EIGHTH, TWENTY_NINTH, "the pages labelled blind in the twenty-eighth round ({span}; the same way, 59 pages; 决算 notes, 项目 绩效, lottery-fund notices)"),
    ("twenty_ninth", TWENTY_NINTH, THIRTY_SECOND, "the pages labelled blind in the twenty-ninth round ({span}; the same way, 40 pages; fiscal reports, 项目 绩效)"),
    ("thirty_second", THIRTY_SECOND, THIRTY_SECOND_B, "the pages labelled blind in the thirty-second round ({span}; the same way, 100 pages by kind of unit: 卫生院, schools, towns, departments' 绩效自评, 群团)"),
    ("thirty_second_b", THIRTY_SECOND_B, THIRTY_THIRD, "its second batch ({span}; 42 pages, then the search budget ran out; news and notices the most)"),
    ("thirty_third", THIRTY_THIRD, THIRTY_THIRD_B, "the pages labelled blind in the thirty-third round ({span}; the same way, 78 pages; fiscal notices, bond disclosures, education-funding bulletins the most)"),
    ("thirty_third_b", THIRTY_THIRD_B, THIRTY_FIFTH, "its second batch ({span}; 19 pages, most hits held already)"),
    ("thirty_fifth", THIRTY_FIFTH, None, "the pages labelled blind in the thirty-fifth round ({span}; 22 pages, the search spent: news of 三公 and university budgets, budget tables)"),
)  # fmt: skip


def _batch(split: str, since: int, until: int | None, what: str) -> Score:
    """Score one batch of the corpus and print its line ("of which … (2913-2990; …): TP 4, FP 1, FN 4")."""
    score = evaluate(split, since=since, until=until).total
    span = f"{since:03d}-{until - 1:03d}" if until is not None else f"from {since:03d}"
    print(f"  of which {what.format(span=span)}: TP {score.tp}, FP {score.fp}, FN {score.fn}")
    return score


def real_corpus(split: str) -> Result:
    result = evaluate(split)
    print(f"real corpus, {split} half ({len(ids(split))} texts): error findings against labelled errors")
    print(f"  {'kind':<7} {'TP':>3} {'FP':>3} {'FN':>3}  precision  recall")
    rows: list[tuple[str, Score]] = sorted(result.by_kind.items())
    for kind, score in [*rows, ("all", result.total)]:
        print(
            f"  {kind:<7} {score.tp:>3} {score.fp:>3} {score.fn:>3}  {_fraction(score.precision):>9}"
            f"  {_fraction(score.recall):>6}"
        )
    counts = Counter(genre(i) for i in ids(split))
    print("  by kind of text (texts: TP/FP/FN, precision, recall):")
    for name in sorted(counts):
        score = result.by_genre[name]
        print(
            f"    {name:<20} {counts[name]:>3}: {score.tp}/{score.fp}/{score.fn}"
            f"  {_fraction(score.precision)}  {_fraction(score.recall)}"
        )
    scope = result.genres(GENRES_IN_SCOPE)
    print(
        f"    the issue's genres ({', '.join(GENRES_IN_SCOPE)}): {scope.tp}/{scope.fp}/{scope.fn},"
        f" precision {_fraction(scope.precision)}, recall {_fraction(scope.recall)}"
    )
    codes = Counter(code for _, code, _ in result.non_relation_hits)
    by_code = ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))
    print(
        f"  findings on non-relations (TOCs, flattened table rows, …): {len(result.non_relation_hits)}"
        + (f" ({by_code})" if by_code else "")
    )
    print(f"  warnings (not scored): {result.warnings}")
    batch = {
        name: _batch(split, since, until, what)
        for name, since, until, what in _BATCHES
        if split == "dev" or name != "pool"  # the eighth round's pool pages are all dev
    }
    fresh, fourteenth = batch["fresh"], batch["fourteenth"]
    names = list(batch)
    rounds = [batch[name] for name in names[names.index("fifteenth") :]]
    fifteenth = Score(sum(r.tp for r in rounds), sum(r.fp for r in rounds), sum(r.fn for r in rounds))
    # The pool keeps every page's error findings read (tests/audit/test_audit_pool.py), so the pages drawn
    # from it "unread" were pages with no error finding at the time: they can add misses, hardly a true or a
    # false error. The texts gathered and labelled straight away carry no such selection.
    early, older = evaluate(split, until=BLIND_POOL).total, evaluate(split, since=BLIND_POOL, until=FRESH).total
    drawn = Score(older.tp + fourteenth.tp, older.fp + fourteenth.fp, older.fn + fourteenth.fn)
    direct = Score(early.tp + fresh.tp + fifteenth.tp, early.fp + fresh.fp + fifteenth.fp, early.fn + fresh.fn + fifteenth.fn)
    print(
        f"  texts labelled as gathered (before {BLIND_POOL:03d}, in dev also the eighth round's pool pages,"
        f" {FRESH:03d}-{BLIND_FOURTEENTH - 1:03d} and from {FIFTEENTH:03d}): precision {_fraction(direct.precision)}, recall {_fraction(direct.recall)}"
        f" ({direct.tp}/{direct.fp}/{direct.fn}); pool pages drawn blind ({BLIND_POOL:03d}-{FRESH - 1:03d} and"
        f" {BLIND_FOURTEENTH:03d}-{FIFTEENTH - 1:03d}; drawn among"
        f" pages with no error finding then): {drawn.tp}/{drawn.fp}/{drawn.fn}"
    )
    return result


def mutations(split: str) -> None:
    by_kind, _ = mutation_recall(split)
    total = Score(sum(s.tp for s in by_kind.values()), 0, sum(s.fn for s in by_kind.values()))
    parts = ", ".join(f"{kind} {s.tp}/{s.tp + s.fn}" for kind, s in sorted(by_kind.items()))
    print(
        f"mutation recall, {split} half: every relation labelled ok, broken on purpose, is reported in "
        f"{total.tp}/{total.tp + total.fn} = {_fraction(total.recall)} ({parts})"
    )
    reprinted = []
    for name, variant in VARIANTS.items():
        found = sum(s.tp for s in mutation_recall(split, variant)[0].values())
        reprinted.append(f"{name} {found}")
    print(f"  the same, each text reprinted otherwise (of {total.tp + total.fn}): " + ", ".join(reprinted))


def main() -> int:
    dev = "--dev" in sys.argv[1:]
    result = real_corpus("dev" if dev else "test")
    mutations("dev" if dev else "test")
    if dev and result.details:
        print("dev-half misses and false alarms:")
        print("\n".join(f"  {line}" for line in result.details))
    print()
    print("self-written regression corpus")
    cases: list[Case] = fixture_cases() + error_cases()
    fig_tp = fig_found = fig_labelled = 0
    fin_tp = fin_found = fin_labelled = 0
    timings: list[tuple[float, str, int]] = []
    misses: list[str] = []
    for case in cases:
        start = time.perf_counter()
        report = audit_blocks(case.blocks)
        elapsed = time.perf_counter() - start
        timings.append((elapsed, case.name, report.paragraphs))
        found = {(f.code, f.paragraph) for f in report.findings}
        fin_tp += len(found & case.findings)
        fin_found += len(found)
        fin_labelled += len(case.findings)
        misses += [f"  finding  {case.name}: extra {x}" for x in sorted(found - case.findings)]
        misses += [f"  finding  {case.name}: missed {x}" for x in sorted(case.findings - found)]
        if case.figures is not None:
            figures = {
                figure_label(f.kind.value, f.paragraph, f.value if f.value is not None else f.role, f.role)
                for f in report.figures
            }
            fig_tp += len(figures & case.figures)
            fig_found += len(figures)
            fig_labelled += len(case.figures)
            misses += [f"  figure   {case.name}: extra {x}" for x in sorted(figures - case.figures)]
            misses += [f"  figure   {case.name}: missed {x}" for x in sorted(case.figures - figures)]
    labelled_figs = sum(1 for c in cases if c.figures is not None)
    print(
        f"reports: {len(cases)} ({labelled_figs} with figure labels, {len(cases) - labelled_figs} seeded-error variants)"
    )
    print(f"figure extraction  precision {_ratio(fig_tp, fig_found)}  recall {_ratio(fig_tp, fig_labelled)}")
    print(f"findings           precision {_ratio(fin_tp, fin_found)}  recall {_ratio(fin_tp, fin_labelled)}")
    times = sorted(t for t, _, _ in timings)
    mean = sum(times) / len(times)
    slowest = max(timings)
    print(
        f"time per report    mean {mean * 1000:.1f} ms, median {times[len(times) // 2] * 1000:.1f} ms, "
        f"max {slowest[0] * 1000:.1f} ms ({slowest[1]}, {slowest[2]} paragraphs)"
    )
    if misses:
        print("differences from the labels:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
