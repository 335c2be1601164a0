"""The indexed term-typo scan finds exactly what the window-by-window scan it replaced found."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval_xl.audit.homophones import HOMOPHONES
from selfeval_xl.audit.lexicon import ALLOWED_NEAR_TERMS, SHAPE_CONFUSABLES, TERMS
from selfeval_xl.audit.text import is_cjk, normalise
from selfeval_xl.audit.typos import find_typos

HERE = Path(__file__).parent


def _covered(norm: str, words: frozenset[str] | tuple[str, ...], pos: int) -> bool:
    for word in words:
        begin = norm.find(word, max(0, pos - len(word) + 1))
        while 0 <= begin <= pos:
            if begin + len(word) > pos:
                return True
            begin = norm.find(word, begin + 1)
    return False


def reference_typos(norm: str) -> list[tuple[int, str]]:
    """The former scan: every window of the text against every term, in Python."""
    hits: list[tuple[int, str]] = []
    for term in TERMS:
        width = len(term)
        for i in range(len(norm) - width + 1):
            window = norm[i : i + width]
            diffs = [j for j in range(width) if window[j] != term[j]]
            if len(diffs) != 1 or not all(is_cjk(c) for c in window):
                continue
            j = diffs[0]
            alike = HOMOPHONES.get(term[j], "") + SHAPE_CONFUSABLES.get(term[j], "")
            if window[j] not in alike or window in TERMS:
                continue
            if _covered(norm, ALLOWED_NEAR_TERMS, i + j) or _covered(norm, TERMS, i + j):
                continue
            hits.append((i, term))
    hits.sort(key=lambda h: (-len(h[1]), h[0]))
    kept: list[tuple[int, str]] = []
    for start, term in hits:
        if all(start + len(term) <= s or s + len(t) <= start for s, t in kept):
            kept.append((start, term))
    return sorted(kept)


def test_same_hits_on_every_text_of_both_corpora() -> None:
    paths = sorted((HERE / "real" / "texts").glob("*.txt")) + sorted((HERE / "data").glob("*.txt"))
    total = 0
    for path in paths:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig") if not path.name.endswith("gb18030.txt") else raw.decode("gb18030")
        norm = normalise(text)
        found = find_typos(norm)
        assert found == reference_typos(norm), path.name
        total += len(found)
    assert total >= 1  # the founding example's 基本指出 at least


_ALIKE = "".join(sorted({c for t in TERMS for c in t + "".join(HOMOPHONES.get(c, "") for c in t)}))
_ALPHABET = _ALIKE + "".join(ALLOWED_NEAR_TERMS) + "".join(SHAPE_CONFUSABLES.values()) + "的,。1 "


@st.composite
def near_term(draw: st.DrawFn) -> str:
    """A standard term with one character replaced by a sound- or look-alike one."""
    term = draw(st.sampled_from(TERMS))
    j = draw(st.integers(0, len(term) - 1))
    alike = HOMOPHONES.get(term[j], "") + SHAPE_CONFUSABLES.get(term[j], "")
    if not alike:
        return term
    return term[:j] + draw(st.sampled_from(alike)) + term[j + 1 :]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            near_term(),
            st.sampled_from(TERMS + tuple(ALLOWED_NEAR_TERMS)),
            st.text(alphabet=_ALPHABET, min_size=1, max_size=6),
        ),
        max_size=12,
    )
)
def test_same_hits_on_generated_near_terms(pieces: list[str]) -> None:
    norm = "".join(pieces)
    assert find_typos(norm) == reference_typos(norm)
