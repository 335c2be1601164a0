"""Term typos: windows of a paragraph one sound- or look-alike character away from a finance term ("预箅" for 预算),
found by one regex per term built once, so the scan runs in the regex engine and not window by window in Python."""

from __future__ import annotations

import re

from selfeval_xl.audit.homophones import HOMOPHONES
from selfeval_xl.audit.lexicon import ALLOWED_NEAR_TERMS, SHAPE_CONFUSABLES, TERMS


def _covered_by(norm: str, words: frozenset[str] | tuple[str, ...], pos: int) -> bool:
    """Does one of ``words`` occur in ``norm`` over offset ``pos``? (bounded search, never to the end)"""
    return any(norm.find(word, max(0, pos - len(word) + 1), pos + len(word)) >= 0 for word in words)


def _near_pattern(term: str) -> re.Pattern[str]:
    """Windows one sound- or look-alike character off ``term``, overlapping matches allowed."""
    variants = []
    for j, char in enumerate(term):
        alike = "".join(c for c in HOMOPHONES.get(char, "") + SHAPE_CONFUSABLES.get(char, "") if c != char)
        if alike:
            variants.append(re.escape(term[:j]) + f"[{re.escape(alike)}]" + re.escape(term[j + 1 :]))
    return re.compile(f"(?=({'|'.join(variants)}))")


# Built once: the scan runs in the regex engine, not window by window in Python.
_NEAR_TERMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((term, _near_pattern(term)) for term in TERMS)


def find_typos(norm: str) -> list[tuple[int, str]]:
    """(offset, intended term) of windows one sound- or look-alike character away from a term."""
    hits: list[tuple[int, str]] = []
    for term, pattern in _NEAR_TERMS:
        width = len(term)
        for m in pattern.finditer(norm):
            i = m.start()
            window = norm[i : i + width]
            diffs = [j for j in range(width) if window[j] != term[j]]
            if len(diffs) != 1 or window in TERMS:
                continue
            j = diffs[0]
            if _covered_by(norm, ALLOWED_NEAR_TERMS, i + j) or _covered_by(norm, TERMS, i + j):
                continue
            hits.append((i, term))
    # Overlapping hits: keep the longest term, then the earliest.
    hits.sort(key=lambda h: (-len(h[1]), h[0]))
    kept: list[tuple[int, str]] = []
    for start, term in hits:
        if all(start + len(term) <= s or s + len(t) <= start for s, t in kept):
            kept.append((start, term))
    return sorted(kept)
