"""How ``selfeval audit`` did on pages it had never seen: every blind merge replayed with the code of its time.

Each commit that merged blind-labelled pages into the real corpus (``tests/audit/real/manifest.json``; pages from
the ninth round on, id 423, none of whose findings was read before labelling) is replayed: the code of the commit
before it (a temporary git worktree, imported in a child process) audits the pages that commit added, and its
error findings are scored against today's labels with today's matcher (``tests/audit/real_corpus.py``). What it
prints is the precision a reviewer meets on new pages, before any rule was written from them — per half, per
finding code and per kind of text. The rounds' own at-merge figures (docs/audit.md) are each one row of this.
Each half's last line applies today's bounds on a list far from its total and on a share over its whole
(``selfeval_xl/audit/plausible.py``, twenty-fourth round) to those same findings, read from their printed figures
(the old finding does not say whether its parts were printed in one unit, so that exception is not applied).

Run from the repository root of a full clone (a shallow clone lacks the history and is told so):
``python benchmarks/audit_replay.py [--since 423]``. About a minute: one worktree and one child process per merge.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "audit")]

from real_corpus import ERRORISH, LABELS, MANIFEST, REAL, matches  # noqa: E402  (path set above)

from selfeval_xl.audit.numbers import UNIT_FACTOR, parse_decimal  # noqa: E402
from selfeval_xl.audit.plausible import far_apart, far_over, over_whole  # noqa: E402

MANIFEST_PATH = "tests/audit/real/manifest.json"
BLIND_FROM = 423  # the first page labelled blind (the ninth round's pool pages)

# Run in the child with the old code first on its path: every finding of every page numbered lo..hi.
_DUMP = """
import json, sys
from pathlib import Path
from selfeval_xl.audit import audit_text
real, lo, hi = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
out = {}
for entry in json.loads((real / "manifest.json").read_text("utf-8")):
    if lo <= int(entry["id"]) <= hi and not str(entry.get("origin", "")).startswith("pool "):  # (pool pages: read)
        report = audit_text((real / "texts" / f"{entry['id']}.txt").read_text("utf-8"))
        out[str(entry["id"])] = [
            {"code": f.code, "severity": str(getattr(f.severity, "value", f.severity)), "stated": f.stated,
             "sentence": f.sentence, "expected": getattr(f, "expected", None)}
            for f in report.findings
        ]
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _git(*args: str, repo: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def _ids_at(revision: str, repo: Path) -> set[int]:
    try:
        return {int(e["id"]) for e in json.loads(_git("show", f"{revision}:{MANIFEST_PATH}", repo=repo))}
    except subprocess.CalledProcessError:
        return set()  # the manifest did not exist yet


def blind_merges(since: int, repo: Path = ROOT) -> list[tuple[str, int, int]]:
    """(commit, first id, last id) of every commit of ``repo`` that added pages numbered ``since`` or later, oldest
    first."""
    found = []
    for commit in _git("log", "--format=%H", "--", MANIFEST_PATH, repo=repo).split():
        added = sorted(_ids_at(commit, repo) - _ids_at(f"{commit}^", repo))
        if added and added[0] >= since:
            found.append((commit, added[0], added[-1]))
    return found[::-1]


def replay(commit: str, first: int, last: int) -> dict[str, list[dict[str, str | None]]]:
    """The findings of the code before ``commit`` on the pages it added."""
    with tempfile.TemporaryDirectory(prefix="replay-") as tmp:
        tree = Path(tmp) / "tree"
        _git("worktree", "add", "--detach", str(tree), f"{commit}^")
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            done = subprocess.run(
                [sys.executable, "-c", _DUMP, str(REAL), str(first), str(last)],
                cwd=tmp, env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            found: dict[str, list[dict[str, str | None]]] = json.loads(done.stdout)
            return found
        finally:
            _git("worktree", "remove", "--force", str(tree))


def score(
    findings: Mapping[str, Sequence[Mapping[str, str | None]]], labels: Mapping[str, Mapping[str, Sequence[object]]]
) -> list[tuple[str, str, bool]]:
    """(text id, code, true?) of every error finding: true when it matches a relation labelled error or truncation."""
    rows = []
    for text_id, found in findings.items():
        relations = [r for r in labels[text_id]["relations"] if isinstance(r, dict)]
        for f in found:
            if f["severity"] not in ("error", "Severity.ERROR"):
                continue
            seen = SimpleNamespace(sentence=f["sentence"] or "", stated=f["stated"])
            true = any(r["verdict"] in ERRORISH for r in relations if matches(seen, r))  # type: ignore[arg-type]
            rows.append((text_id, str(f["code"]), true))
    return rows


_NUMBER = re.compile(r"-?\s*\d[\d,\s]*(?:\.\d+)?")


def _amount(printed: str | None) -> Decimal | None:
    """A printed figure's first number, in 万元 when it names its unit (a count or percentage as printed)."""
    number = _NUMBER.search(printed or "")
    if number is None:
        return None
    value = parse_decimal(number.group()) * (-1 if number.group().startswith("-") else 1)
    rest = (printed or "")[number.end() :].lstrip().replace("億", "亿").replace("萬", "万")
    unit = next((u for u in ("亿元", "万元", "千元", "元") if rest.startswith(u)), None)
    return value * UNIT_FACTOR[unit] if unit else value


def doubted_today(found: Mapping[str, str | None]) -> bool:
    """Would today's bounds make this old error finding a warning? (a list far from its total, a share of a
    whole smaller than its part)"""
    stated, expected = _amount(found.get("stated")), _amount(found.get("expected"))
    if stated is None or expected is None:
        return False
    if found["code"] == "parts_exceed_total":
        return far_over(stated, expected)
    if found["code"] == "sum_mismatch":
        return far_apart(stated, expected)
    return found["code"] == "share_mismatch" and over_whole(expected, stated)


def _line(name: str, rows: Iterable[tuple[str, str, bool]]) -> str:
    tally = Counter(true for _, _, true in rows)
    found = tally[True] + tally[False]
    precision = f"{tally[True] / found:.2f}" if found else "n/a"
    return f"  {name:<32}{tally[True]:>5}{tally[False]:>6}   {precision}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", type=int, default=BLIND_FROM, help="the first page id of the merges replayed")
    args = parser.parse_args(argv)
    if _git("rev-parse", "--is-shallow-repository").strip() == "true":
        print("a shallow clone has no history to replay: run in a full clone")
        return 2
    half = {str(e["id"]): str(e["split"]) for e in MANIFEST}
    kind = {str(e["id"]): str(e["kind"]) for e in MANIFEST}
    rows: list[tuple[str, str, bool]] = []
    kept: list[tuple[str, str, bool]] = []  # the same, less those today's bounds make warnings
    merges = blind_merges(args.since)
    for commit, first, last in merges:
        replayed = replay(commit, first, last)
        found = score(replayed, LABELS)
        rows += found
        kept += score({k: [f for f in v if not doubted_today(f)] for k, v in replayed.items()}, LABELS)
        tally = Counter((half[text_id], true) for text_id, _, true in found)
        print(f"{commit[:7]} ids {first}-{last}: dev {tally['dev', True]} true / {tally['dev', False]} false, "
              f"test {tally['test', True]} / {tally['test', False]}")  # fmt: skip
    print(f"\nerror findings on pages never seen before ({len(merges)} merges from id {args.since}): true, false, precision")
    for h in ("dev", "test"):
        mine = [r for r in rows if half[r[0]] == h]
        print(_line(f"{h} half", mine))
        codes: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
        kinds: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
        for r in mine:
            codes[r[1]].append(r)
            kinds[kind[r[0]]].append(r)
        for name, group in sorted(codes.items(), key=lambda item: -len(item[1])):
            print(_line(f"  {name}", group))
        for name, group in sorted(kinds.items()):
            print(_line(f"  [{name}]", group))
        print(_line("  with today's bounds (far lists)", [r for r in kept if half[r[0]] == h]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
