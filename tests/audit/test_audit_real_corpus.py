"""The real corpus is well formed, and the auditor keeps its precision on it (see real_corpus)."""

from __future__ import annotations

import hashlib

from real_corpus import LABELS, MANIFEST, evaluate, ids, ratio_within_rounding, text_of, within_rounding

from selfeval_xl.audit import Severity, audit_text
from selfeval_xl.audit.findings import SEVERITY

POOL_LABELLED = 247  # the first pool page labelled in the eighth round (benchmarks/audit_precision.py)
BLIND_POOL = 423  # the first pool page labelled blind in the ninth round
BLIND_TENTH = 463  # the first of the tenth round's blind pages (labelled in the ninth, merged unread)
BLIND_ELEVENTH = 543  # the first of the eleventh round's blind pages (labelled and merged unread)
BLIND_THIRTEENTH = 663  # the first of the pool pages labelled blind in the twelfth round, merged unread in the thirteenth
FRESH = 717  # the first page gathered fresh and labelled blind before the auditor ever ran on it (thirteenth round)
BLIND_FOURTEENTH = 819  # the first pool page labelled blind in the fourteenth round, merged after the fresh pages
FIFTEENTH = 836  # the first page gathered fresh and labelled blind in the fifteenth round (merged as it arrived)
SIXTEENTH = 998  # the first page labelled blind in the sixteenth round (gathered in the fifteenth; merged as it arrived)
SEVENTEENTH = 1324  # the first page gathered (unlabelled, dev half read) and labelled blind in the seventeenth round
EIGHTEENTH = 1467  # the first page gathered (unlabelled, dev half read) and labelled blind in the eighteenth round
NINETEENTH = 1742  # the first page gathered (unlabelled, dev half read) and labelled blind in the nineteenth round
TWENTY_FIRST = 2006  # the first page gathered and labelled blind in the twenty-first round (merged before any was read)
TWENTY_FIRST_B = 2097  # the first page of the round's second batch (older years, 三公, townships; merged the same way)
TWENTY_FIRST_C = 2171  # the first page of its third batch (western provinces' 决算, 自评表 pages; the same way)
TWENTY_SECOND = 2185  # the first page gathered and labelled blind in the twenty-second round (merged before any was read)
TWENTY_SECOND_B = 2294  # the first page of its second batch (north-east 决算, townships, eastern 项目 绩效, 事业单位; the same way)
TWENTY_THIRD = 2353  # the first page gathered and labelled blind in the twenty-third round (merged before any was read)
TWENTY_THIRD_B = 2423  # the first page of its second batch (重庆 and 四川 决算, 项目 绩效, 三公 news, southern finance notices)
TWENTY_FOURTH = 2549  # the first page of the twenty-fourth round's batch (gathered and labelled blind; 17 pages in all)
TWENTY_FIFTH = 2566  # the first page of the twenty-fifth round's batch (the same way; 49 pages, news and notices the most)
TWENTY_SEVENTH = 2615  # the first page of the twenty-seventh round's batch (the same way; 57 pages, 2026 budget notes the most)
TWENTY_EIGHTH = 2672  # the first page of the twenty-eighth round's batch (the same way; 59 pages, 决算 notes and 项目 绩效 the most)
TWENTY_NINTH = 2731  # the first page of the twenty-ninth round's batch (the same way; 40 pages, fiscal reports and 项目 绩效 the most)
THIRTY_SECOND = 2771  # the first page of the thirty-second round's batch (five helpers, 100 pages by kind of unit: 卫生院, schools, towns…)
THIRTY_SECOND_B = 2871  # the first page of its second batch (five helpers, 42 pages before the search budget ran out)
THIRTY_THIRD = 2913  # the first page of the thirty-third round's batch (five helpers by kind of unit, 78 pages)
THIRTY_THIRD_B = 2991  # the first page of its second batch (four helpers by the phrases texts print, 19 pages)


def test_every_text_has_its_source_and_a_split_fixed_by_the_address() -> None:
    assert (len(MANIFEST), len(LABELS)) == (3031, 3031)  # as numbers: a failure must not print the labels
    for entry in MANIFEST:
        source = str(entry["source"])
        assert source.startswith("http")
        odd = int(hashlib.sha256(source.encode()).hexdigest(), 16) % 2 == 1
        # pages of the unlabelled pool labelled in the eighth round are all dev: their findings were read
        # before; the ninth round's ("blind pool …") were labelled before any of their findings was read
        pooled = str(entry.get("origin", "")).startswith("pool ")
        assert entry["split"] == ("dev" if pooled else "test" if odd else "dev")
        assert text_of(str(entry["id"]))


def test_every_quote_is_verbatim() -> None:
    for text_id, labels in LABELS.items():
        text = text_of(text_id)
        for relation in labels["relations"]:
            assert isinstance(relation, dict)
            assert str(relation["quote"]) in text, (text_id, relation["quote"])
        for quote in labels["non_relations"]:
            assert str(quote) in text, (text_id, quote)


def test_dev_half_precision_recall_and_no_finding_on_non_relations() -> None:
    result = evaluate("dev", until=POOL_LABELLED)
    total = result.total
    assert total.fp == 0
    assert total.recall is not None and total.recall >= 0.7
    assert result.non_relation_hits == []
    # the pool pages labelled in the eighth round: measured, then pinned (docs/audit.md)
    pool = evaluate("dev", since=POOL_LABELLED, until=BLIND_POOL)
    assert pool.total.tp >= 49  # 47 in the twentieth round, when a 4.8% of 0.16万元 / 3.42万元 labelled error (the
    # amounts' rounding allows 4.52%–4.83%) was a 提示; since the twenty-first, amounts under a hundred units of their
    # last digit are read as printed (a relative slack over 0.5% is no rounding a department hides behind)
    assert pool.total.fp <= 17  # the 17th: a one-cent gap labelled ambiguous, read once 1000.86万 is an amount
    # the dev ones of the ninth round's blind pages: 0 TP, 0 FP, 3 FN when merged (docs/audit.md)
    blind = evaluate("dev", since=BLIND_POOL, until=BLIND_TENTH)
    assert blind.total.fp == 0
    assert blind.total.tp >= 3
    # the dev ones of the tenth round's blind pages: 1 TP, 0 FP, 2 FN when merged; 3/0/0 after its rules
    tenth = evaluate("dev", since=BLIND_TENTH, until=BLIND_ELEVENTH)
    assert tenth.total.fp == 0
    assert tenth.total.tp >= 3
    # the dev ones of the eleventh round's blind pages (no error labelled among them): no false error
    eleventh = evaluate("dev", since=BLIND_ELEVENTH, until=BLIND_THIRTEENTH)
    assert eleventh.total.fp == 0
    # the dev ones of the pool pages labelled blind in the twelfth round: 0 TP, 0 FP, 1 FN when merged
    thirteenth = evaluate("dev", since=BLIND_THIRTEENTH, until=FRESH)
    assert thirteenth.total.fp == 0
    # the dev ones of the fresh pages (never run through the auditor before labelling): 0 / 0 / 1 at merge
    fresh = evaluate("dev", since=FRESH, until=BLIND_FOURTEENTH)
    assert fresh.total.fp == 0  # 1 at merge in the fourteenth round (a cent gap beside a whole-万元 part), read and fixed
    # the dev ones of the pool pages labelled blind in the fourteenth round: no false error
    assert evaluate("dev", since=BLIND_FOURTEENTH, until=FIFTEENTH).total.fp == 0
    # the dev ones of the fifteenth round's fresh pages: read after they were measured at merge and fixed
    assert evaluate("dev", since=FIFTEENTH, until=SIXTEENTH).total.fp == 0
    # the dev ones of the sixteenth round's pages: measured at merge (their findings read, the false ones fixed
    # but one: the shares of a short list, each fitting its amount, judged not to add up to 100% — a test label
    # counts such a finding a true error, a dev label ambiguous)
    assert evaluate("dev", since=SIXTEENTH, until=SEVENTEENTH).total.fp <= 1
    # the dev ones of the seventeenth round's pages: 1 TP, 1 FP, 7 FN at merge of the first batch (a list cut
    # off where the page's copy stops, read and fixed), 4 / 0 / 4 at merge of the second
    assert evaluate("dev", since=SEVENTEENTH, until=EIGHTEENTH).total.fp == 0
    # the dev ones of the eighteenth round's pages: 4 TP, 2 FP, 5 FN at merge of the first batch, 1 / 1 / 2 at
    # merge of the second (a rate printed capped at 100%, now a warning); the first batch's two false errors,
    # year-on-year percentages of 2-decimal 万元 amounts inside the range the amounts' own rounding allows
    # (ambiguous by the labelling brief), are 提示 since the twentieth round (docs/audit.md, "Twentieth round")
    assert evaluate("dev", since=EIGHTEENTH, until=NINETEENTH).total.fp == 0
    # the dev ones of the nineteenth round's pages: 13 TP, 2 FP, 7 FN at merge of the first batch (a share of the
    # year's own spending read against the 年度支出, fixed), 8 / 4 / 2 at merge of the second (last year's amount
    # nearest a change and a nested item of a classification, fixed); three are left: a 收入总计 and a 支出总计
    # printed unequal in a 决算 note whose copy stops before its 支出 figures (not labelled), a year glued to an
    # amount ("与2019498.83万元相比"); a share of 2-decimal 万元 the labeller found within the amounts' rounding
    # is a 提示 since the twentieth round (docs/audit.md, "Nineteenth round", "Twentieth round")
    assert evaluate("dev", since=NINETEENTH, until=TWENTY_FIRST).total.fp <= 2
    # the dev ones of the twenty-first round's pages, gathered and labelled blind in one go: 13 TP, 9 FP, 5 FN at merge;
    # read and fixed (the last: a 其中 list pairing an item and a 总计 with two amounts, labelled a non-relation)
    assert evaluate("dev", since=TWENTY_FIRST, until=TWENTY_FIRST_B).total.fp == 0
    # the second batch's dev pages: 2 TP, 5 FP, 7 FN at merge; read and fixed (percentages of whole 元 and whole 万元
    # amounts of a hundred units or more inside their rounding range, an average's 其中)
    assert evaluate("dev", since=TWENTY_FIRST_B, until=TWENTY_FIRST_C).total.fp == 0
    # the third batch's dev pages: 0 TP, 1 FP, 0 FN at merge; fixed (a 收入总计 and 支出总计 balanced by the carries
    # printed with them)
    assert evaluate("dev", since=TWENTY_FIRST_C, until=TWENTY_SECOND).total.fp == 0
    # the dev ones of the twenty-second round's pages (performance reports of projects and departments, units' 决算
    # and 预算, 三公 and the smaller sections of the notes, finance bureaus' evaluations): 1 TP, 2 FP, 5 FN at merge;
    # read and fixed (a whole change beside amounts in cents is a rounded print; a 实有人数 of the serving staff)
    assert evaluate("dev", since=TWENTY_SECOND, until=TWENTY_SECOND_B).total.fp == 0
    # the second batch's dev pages (lottery-fund notices the most of them: the 决算 queries found little new): 2 TP,
    # 3 FP, 0 FN at merge; read and fixed (items numbered "(一)" under body text, a change printed coarser than its
    # parts' changes, a rate set against another's with 低于)
    assert evaluate("dev", since=TWENTY_SECOND_B, until=TWENTY_THIRD).total.fp == 0
    # the dev ones of the twenty-third round's pages (项目 绩效, units' 预算 and 决算 of schools and hospitals, finance
    # bureaus' evaluation notices; the searches found few pages not already held): 9 TP, 2 FP, 3 FN at merge; read and
    # fixed (a clause opening with 每县 states a unit price; 全国 parts are no parts of a 中央 revenue)
    assert evaluate("dev", since=TWENTY_THIRD, until=TWENTY_THIRD_B).total.fp == 0
    # the second batch's dev pages (the 决算 helpers fell back on lottery-fund, debt and allocation notices): 8 TP, 9 FP,
    # 8 FN at merge; read, and 7 fixed (a list going on in the next sentence's comma parts, paragraph items named like
    # their total, a 总额 ending a list, siblings with their own shares, a rate's whole done already, a milestone
    # passed); left: a two-column OCR page and a 节约率 of 11% beside an actual amount printed "1420,53万元"
    assert evaluate("dev", since=TWENTY_THIRD_B, until=TWENTY_FOURTH).total.fp <= 2
    # the twenty-fourth round's pages (four helpers, 17 pages: the search held almost nothing new): dev 2 TP, 0 FP,
    # 1 FN at merge (a head-count list with a 参公 kind, now read), test 0 / 0 / 4 (not read)
    assert evaluate("dev", since=TWENTY_FOURTH, until=TWENTY_FIFTH).total.fp == 0
    # the twenty-fifth round's pages (four helpers; two found nothing new, two 25 and 24 pages of 项目 绩效, budget
    # notes, lottery-fund and finance news): dev 0 TP, 0 FP, 3 FN at merge, test 1 / 0 / 3 (not read)
    assert evaluate("dev", since=TWENTY_FIFTH, until=TWENTY_SEVENTH).total.fp == 0
    # the twenty-seventh round's pages (four helpers, 57 pages kept of 75: Taiwan's pages and two mirrors of held pages
    # left out before any was read; 7 of them pool pages, whose findings had been read: dev, out of the pool): on the 50
    # blind pages dev 1 TP, 2 FP, 3 FN at merge, test 4 / 0 / 4 (not read); the pool pages 2 / 0 / 1. Read: one false count
    # gone (an item joining two names), one left (a list whose labeller reads "总务办公室" as two, ambiguous); the misses
    # of a budget note's 收入 and 支出 changes apart are found as warnings
    assert evaluate("dev", since=TWENTY_SEVENTH, until=TWENTY_EIGHTH).total.fp <= 1
    # the twenty-eighth round's pages (four helpers, 59 pages in 336 searches; two helpers found almost nothing new):
    # dev 0 TP, 0 FP, 0 FN at merge (no error labelled on its 32 dev pages), test 0 / 0 / 2 (not read). Read: two
    # false warnings gone (an outline's numbering carried past "第一部分:", a numeral inside a court's name)
    assert evaluate("dev", since=TWENTY_EIGHTH, until=TWENTY_NINTH).total.fp == 0
    # the twenty-ninth round's pages (four helpers, 40 pages in 320 searches; two helpers found 1 and 3 pages): dev 1 TP,
    # 0 FP, 1 FN at merge (19 pages), test 4 / 2 / 1 (21 pages, not read)
    assert evaluate("dev", since=TWENTY_NINTH, until=THIRTY_SECOND).total.fp == 0
    # the thirty-second round's pages (five helpers, 100 pages, queried by kind of unit — 卫生院, schools, towns, departments'
    # 绩效自评, 三公 of courts and 群团): dev 2 TP, 0 FP, 9 FN at merge (48 pages), test 8 / 3 / 3 (52 pages, not read)
    assert evaluate("dev", since=THIRTY_SECOND, until=THIRTY_SECOND_B).total.fp == 0
    # its second batch (42 pages; a 43rd, the same text as a test page at another address, left out): dev 1 TP, 1 FP,
    # 2 FN at merge (20 pages; the false error read and fixed: a note in brackets between a budget's name and its
    # amount), test 0 / 2 / 0 (22 pages, not read)
    assert evaluate("dev", since=THIRTY_SECOND_B, until=THIRTY_THIRD).total.fp == 0
    # the thirty-third round's pages (five helpers, 78 pages; most of what the searches gave by kind of unit was held
    # already, so fiscal notices, bond disclosures and education-funding bulletins came instead): dev 1 TP, 1 FP, 2 FN
    # at merge (32 pages; the false error read and fixed: lines wrapped into one paragraph hold several items), test
    # 4 / 1 / 4 (46 pages, not read)
    assert evaluate("dev", since=THIRTY_THIRD, until=THIRTY_THIRD_B).total.fp == 0
    # its second batch (19 pages; a 20th, a mirror of a page held, left out): dev 0 TP, 1 FP, 2 FN at merge (7 pages;
    # the false error read and kept: a 社会保险基金's 收支结余 that is not its income less its spending, which the
    # label calls ambiguous, since such funds may pass money up and down between them), test 0 / 0 / 0 (12 pages)
    assert evaluate("dev", since=THIRTY_THIRD_B).total.fp <= 1
    assert all(SEVERITY[code] is Severity.WARNING for _, code, _ in pool.non_relation_hits)


def test_labels_follow_the_rounding_convention() -> None:
    # a sum missing by no more than its parts' own rounding is never labelled an error (both halves)
    wrong = [(text_id, r["quote"]) for text_id, labels in LABELS.items() for r in labels["relations"]
             if r["verdict"] == "error" and within_rounding(r)]  # fmt: skip
    assert wrong == []
    # and the rule tells a rounding gap from a slip: 0.72 + 0.02 + 0.59 = 1.33 against 1.32, not 821.39 against 821.5
    assert within_rounding({"kind": "sum", "stated": "1.32亿元", "expected": "1.33亿元", "inputs": ["0.72亿元", "0.02亿元", "0.59亿元"]})
    assert not within_rounding({"kind": "sum", "stated": "821.5万元", "expected": "821.4万元", "expected_unrounded": "821.39",
                                "inputs": ["25439.38万元", "24617.99万元"]})  # fmt: skip
    assert not within_rounding({"kind": "sum", "stated": "14人", "expected": "13人", "inputs": ["13人", "0人"]})


def test_percentage_labels_follow_the_rounding_convention() -> None:
    # a share or rate its printed amounts allow, each read as rounded, is never labelled an error (both halves)
    wrong = [(text_id, r["quote"]) for text_id, labels in LABELS.items() for r in labels["relations"]
             if r["verdict"] == "error" and ratio_within_rounding(r)]  # fmt: skip
    assert wrong == []
    # 6221.5 ÷ 15653.5 … 6222.5 ÷ 15652.5 is 39.745%–39.754%: 39.7% and 39.8% both fit, 39.9% does not
    rate = {"kind": "rate", "op": "rate", "inputs": ["政府性基金收入6,222万元", "预算15,653万元"]}
    assert ratio_within_rounding(rate | {"stated": "39.8%"}) and ratio_within_rounding(rate | {"stated": "39.7%"})
    assert not ratio_within_rounding(rate | {"stated": "39.9%"})
    # amounts under a hundred units of their last digit are read as printed, counts always
    # (0.89 ÷ 0.92 = 96.74%; read ± 0.005 each it would reach 96.8%)
    assert not ratio_within_rounding(rate | {"stated": "96.8%", "inputs": ["支出0.89万元", "预算0.92万元"]})
    assert not ratio_within_rounding(rate | {"stated": "65.2%", "inputs": ["完成3150人", "计划4835人"]})


def test_test_half_keeps_its_precision() -> None:
    # Only counts are compared, so that a failure does not print the held-out texts' details.
    # The held-out half is measured, not tuned on. Its figures are pinned here as a regression guard
    # (see docs/audit.md for the measured figures); texts added to the corpus move them, and the pins
    # with them.
    result = evaluate("test")
    true_errors, false_errors = int(result.total.tp), int(result.total.fp)
    # 116 since the twenty-fourth round: a list far over or twice apart from its total, not by a slip of the pen, is
    # a warning (bounds chosen on the dev half's pages as first seen, then measured here once: 3 true errors fewer)
    # 117 since the twenty-fifth round (its batch: 1 true error at merge, not read; its rules moved none on test)
    # 121 since the twenty-seventh round (its batch: 4 true errors at merge on its blind test pages, not read; one
    # fewer for a pool page of the batch moved to dev, its findings having been read)
    # 125 since the twenty-ninth round (its batch: 4 true errors at merge on its blind test pages, not read)
    # 133 since the thirty-second round (its batch: 8 true errors at merge on its 52 blind test pages, not read), 134
    # with its two list rules written from its dev pages (units by their 决算 kinds; 具体是 opening a whole list)
    # 138 since the thirty-third round (its batch: 4 true errors at merge on its 46 blind test pages, not read; 0 on the
    # 12 of its second batch); 139 with the thirty-seventh round's rules (measured once, at the end; not read)
    assert true_errors >= 139  # 116 before; 119 before: 3 and 1 more on the twenty-third round's two batches at merge; 90 until the twenty-first round: 3, 4 and 2 true errors on its batches at merge, 2 more
    # truncations found once a cut value is reported whatever its amounts' print; 5 on the twenty-second's at merge;
    # 9 with the tables read one cell a line under a name spanning rows (a blind helper's report named a test page of
    # that kind with 9 errors before the reader was written from three dev pages of the same hospital form)
    # 5, and 3 on the fresh pages merged in the thirteenth round, 5 on those of the fourteenth, 13 on the fifteenth's,
    # 18 on the sixteenth's, 7 on the seventeenth's, 11 on the eighteenth's, 12 on the nineteenth's, 0 on the
    # twenty-first's first batch, 3 on its second and 0 on its third, 3 on the twenty-second's (measured at merge;
    # none of them read) and 1 on its second batch; one fewer since a head-count's list in the next sentence is read;
    # 10 and 6 on the twenty-third's (at merge, not read), five fewer with its rules
    # 21 fewer with the twenty-fourth round's far lists and shares over their whole
    # 2 fewer with the twenty-fifth round's rules (a year run into last year's figure, shares each right of their
    # amounts); 0 on its batch at merge
    assert false_errors <= 67  # one more with those tables; one fewer with the twenty-seventh round's lost glyph ("?"
    # read as a space); 0 on the twenty-eighth round's batch at merge (2 errors labelled on its test pages, both missed);
    # one fewer with the twenty-ninth round's grade pairing, 2 more on its batch at merge (not read); 3 more on the
    # thirty-second round's batch at merge (not read), and one more with its two list rules (the test half's totals
    # looked at, the text not read); 2 more on its second batch at merge (not read); 1 more on the thirty-third round's
    # batch at merge (not read); 0 on its second batch
    failed = sum(f.code == "check_failed" for text_id in ids("test") for f in audit_text(text_of(text_id)).findings)
    assert failed == 0
    errors_on_non_relations = sum(SEVERITY[code] is not Severity.WARNING for _, code, _ in result.non_relation_hits)
    # one since the sixteenth round's pages, one more with the twenty-first round's second batch (measured at merge,
    # not read)
    assert errors_on_non_relations <= 2


def test_dev_half_noise_raises_no_new_error() -> None:
    # Full-width digits, spaces typed inside numbers and PDF line wraps change nothing an error says.
    from collections import Counter

    from audit_corpus import full_width, spaced, wrapped

    def errors(text: str) -> Counter[str]:
        return Counter(f.code for f in audit_text(text).findings if f.severity is Severity.ERROR)

    for text_id in ids("dev"):
        clean = errors(text_of(text_id))
        for noise in (full_width, spaced, wrapped):
            assert not errors(noise(text_of(text_id))) - clean, (text_id, noise.__name__)
