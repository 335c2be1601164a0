"""Merge a batch of blind-labelled texts into the real corpus (``tests/audit/real``).

Run from the repository root:

    python tests/audit/merge_labelled.py BATCH_DIR [BATCH_DIR …] [--dry-run]

A batch directory holds ``texts/<local id>.txt`` and ``labels.json`` (``{local id: {"relations": [...],
"non_relations": [...]}}``, written by a labeller who never ran the auditor; the brief is in
``tests/audit/LABELLING.md``) and either

- ``manifest.json`` (a list of ``{"id", "source", "title", "province", "level", "kind", "year"}``): pages
  gathered fresh, merged with origin ``fresh blind <local id>``; or
- nothing more, when the local ids are those of the unlabelled pool (``tests/audit/pool``): the pages
  move from the pool to the corpus, with origin ``blind pool <local id>`` and the pool's address and title.

A fresh page whose address the pool holds (its error findings were read there) is no blind page: it joins the dev
half with origin ``pool <pool id>, …`` and leaves the pool (the twenty-seventh round's helpers, told only the corpus'
addresses, brought back seven).

Each text gets the next free id, and its split is fixed by the sha256 of its address (odd: test), as for
every text of the corpus. A text whose address the corpus already holds, whose label file is missing or
whose quotes are not verbatim is left out and named. Only labelled texts move; the batch is not changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
REAL = HERE / "real"
POOL = HERE / "pool"

_KINDS = (
    ("三公", "sangong"),
    ("部门整体", "performance_dept"),
    ("绩效", "performance_project"),
    ("采购", "procurement"),
    ("决算", "final_accounts"),
    ("预算执行", "fiscal_report"),
    ("收支", "fiscal_report"),
    ("预算", "budget"),
)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def split_of(source: str) -> str:
    return "test" if int(hashlib.sha256(source.encode()).hexdigest(), 16) % 2 == 1 else "dev"


def _guess(title: str) -> dict[str, object]:
    kind = next((k for word, k in _KINDS if word in title), "fiscal_report")
    year = re.search(r"20\d\d", title)
    return {"province": "未知", "level": "未知", "kind": kind, "year": int(year.group()) if year else 0}


def _problems(text: str, labels: dict[str, list[object]]) -> list[str]:
    out = []
    for r in labels.get("relations", []):
        if not isinstance(r, dict) or str(r.get("quote", "")) not in text:
            out.append(f"quote not verbatim: {r.get('quote') if isinstance(r, dict) else r!r}")
        elif r.get("verdict") not in ("ok", "error", "truncation", "ambiguous"):
            out.append(f"verdict {r.get('verdict')!r}")
    out += [f"non-relation not verbatim: {q}" for q in labels.get("non_relations", []) if str(q) not in text]
    return out


def merge(batches: list[Path], dry_run: bool = False) -> int:
    manifest = json.loads((REAL / "manifest.json").read_text("utf-8"))
    labels = json.loads((REAL / "labels.json").read_text("utf-8"))
    pool_rows = [line.split("\t") for line in (POOL / "index.tsv").read_text("utf-8").splitlines()]
    pool = {row[0]: row for row in pool_rows}
    pool_sources = {row[1]: row[0] for row in pool_rows}
    reviewed = json.loads((POOL / "reviewed.json").read_text("utf-8"))
    known = {str(e["source"]) for e in manifest}
    next_id = max(int(e["id"]) for e in manifest) + 1
    moved: list[str] = []
    added = 0
    for batch in batches:
        batch_labels = json.loads((batch / "labels.json").read_text("utf-8"))
        gathered = batch / "manifest.json"
        entries = json.loads(gathered.read_text("utf-8")) if gathered.exists() else [
            {"id": pid, "source": pool[pid][1], "title": pool[pid][2] if len(pool[pid]) > 2 else "", **_guess(pool[pid][2] if len(pool[pid]) > 2 else "")}
            for pid in sorted(batch_labels) if pid in pool
        ]  # fmt: skip
        origin = "fresh blind" if gathered.exists() else "blind pool"
        for entry in sorted(entries, key=lambda e: str(e["id"])):
            local = str(entry["id"])
            path = batch / "texts" / f"{local}.txt"
            if local not in batch_labels or not path.exists():
                print(f"{batch.name}/{local}: no labels or no text; left out")
                continue
            text, source = path.read_text("utf-8"), str(entry["source"])
            if source in known:
                print(f"{batch.name}/{local}: address already in the corpus; left out")
                continue
            problems = _problems(text, batch_labels[local])
            if problems:
                print(f"{batch.name}/{local}: left out: {'; '.join(problems[:3])}")
                continue
            text_id = str(next_id)
            next_id += 1
            known.add(source)
            meta = {k: entry.get(k, _guess(str(entry.get("title", "")))[k]) for k in ("province", "level", "kind", "year")}
            # a fresh page the pool holds: its findings were read there, so it is no blind page (dev, and out of the pool)
            read = pool_sources.get(source) if origin == "fresh blind" else None
            manifest.append({
                "id": text_id, "file": f"texts/{text_id}.txt", "source": source, "title": str(entry.get("title", "")),
                **meta, "split": "dev" if read else split_of(source),
                "origin": f"pool {read}, labelled blind as {local} (its findings read before: dev)" if read else f"{origin} {local}",
            })  # fmt: skip
            if read:
                moved.append(read)
            labels[text_id] = {"relations": batch_labels[local]["relations"], "non_relations": batch_labels[local].get("non_relations", [])}
            if not dry_run:
                _write(REAL / "texts" / f"{text_id}.txt", text)
            if origin == "blind pool":
                moved.append(local)
            added += 1
    print(f"{added} texts merged (ids up to {next_id - 1}); {len(moved)} left the pool")
    if dry_run:
        return 0
    _write(REAL / "manifest.json", _dump(manifest))
    _write(REAL / "labels.json", _dump(labels))
    if moved:
        _write(POOL / "index.tsv", "".join("\t".join(row) + "\n" for row in pool_rows if row[0] not in moved))
        _write(POOL / "reviewed.json", _dump({k: v for k, v in reviewed.items() if k not in moved}))
        for pid in moved:
            (POOL / "texts" / f"{pid}.txt").unlink()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="+", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    return merge(args.batches, args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
