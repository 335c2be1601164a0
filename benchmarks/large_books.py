"""Large-but-legal workbooks: ``selfeval check`` time and peak memory against the same file without its extras.

Run from the repository root: ``python benchmarks/large_books.py [--runs 3]``.

Files (generated from the founding example, all within the input limits of ``workbook.reader``):
  * ``extra_sheets``: 180 extra sheets of numbers and unique text (~14 MB on disk, ~57 MB of XML);
  * ``pasted_extra``: one extra sheet of 100,000 pasted rows × 8 columns;
  * ``pasted_contract``: 100,000 rows pasted below the table of 经济分类明细 (a contract sheet: read
    up to the 5,000-row limit, then named as an error at the sheet);
and the baseline, the example itself (the same file without its extra sheets or rows).
Each command runs in a new interpreter (cold start included), ``--runs`` times; the best time and
that run's peak RSS are printed, with the ratios to the baseline. Target (issue 15): every such
file checks in under 5 s and 300 MB on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.measure import ROOT

EXAMPLE = ROOT / "examples" / "daxiang_media_center_2020.xlsx"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_TYPE = REL + "/worksheet"
SST_TYPE = REL + "/sharedStrings"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SST_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _col(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


class _Strings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        self.items.append(text)
        return len(self.items) - 1

    def xml(self) -> bytes:
        body = "".join(f"<si><t>{escape(s)}</t></si>" for s in self.items)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
                f'count="{len(self.items)}" uniqueCount="{len(self.items)}">{body}</sst>').encode()


def _rows(first: int, count: int, cols: int, rng: random.Random, strings: _Strings, first_col: int = 1) -> str:
    out = []
    for r in range(first, first + count):
        cells = [f'<c r="{_col(first_col)}{r}" t="s"><v>{strings.add(f"粘贴的说明文字 {r}-{rng.random():.8f}")}</v></c>']
        cells += [f'<c r="{_col(c)}{r}"><v>{rng.randrange(10**8) / 100}</v></c>'
                  for c in range(first_col + 1, first_col + cols)]
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return "".join(out)


def _sheet_xml(rows: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def build(dst: Path, *, extra_sheets: int = 0, rows: int = 0, cols: int = 8, into: str | None = None,
          seed: int = 15) -> Path:
    """The example plus ``extra_sheets`` sheets of ``rows`` × ``cols``, or ``rows`` pasted into the
    contract sheet part ``into`` (below its last row)."""
    rng = random.Random(seed)
    with zipfile.ZipFile(EXAMPLE) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    strings = _Strings()
    sheets, rels, types = [], [], []
    for i in range(extra_sheets):
        n = 100 + i
        parts[f"xl/worksheets/sheet{n}.xml"] = _sheet_xml(_rows(1, rows, cols, rng, strings))
        sheets.append(f'<sheet xmlns:r="{REL}" name="粘贴{i + 1}" sheetId="{n}" r:id="rIdX{n}"/>')
        rels.append(f'<Relationship Type="{SHEET_TYPE}" Target="/xl/worksheets/sheet{n}.xml" Id="rIdX{n}"/>')
        types.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_CT}"/>')
    if into is not None:
        xml = parts[into].decode()
        last = max(int(x) for x in re.findall(r'<row r="(\d+)"', xml))
        xml = xml.replace("</sheetData>", _rows(last + 10, rows, cols, rng, strings, first_col=2) + "</sheetData>")
        parts[into] = xml.encode()
    parts["xl/sharedStrings.xml"] = strings.xml()
    rels.append(f'<Relationship Type="{SST_TYPE}" Target="sharedStrings.xml" Id="rIdSST"/>')
    types.append(f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_CT}"/>')
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>", "".join(sheets).encode() + b"</sheets>")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", "".join(rels).encode() + b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", "".join(types).encode() + b"</Types>")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return dst


CASES = {
    "extra_sheets": {"extra_sheets": 180, "rows": 400, "cols": 24},
    "pasted_extra": {"extra_sheets": 1, "rows": 100_000, "cols": 8},
    "pasted_contract": {"rows": 100_000, "cols": 6, "into": "xl/worksheets/sheet3.xml"},
}


# Runs the CLI and prints the process's own peak memory (VmHWM of the exec'd image: ru_maxrss would
# also count the pages of this parent, which it was forked from).
WRAPPER = (
    "import runpy, sys\n"
    "sys.argv = ['selfeval', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('selfeval_xl', run_name='__main__')\n"
    "finally:\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "    sys.stderr.write('\\nVMHWM_KB=' + hwm + '\\n')\n"
)


def run_check(command: list[str], path: Path, code: Path = ROOT) -> tuple[float, float, int]:
    """Seconds (cold process), peak MB and exit code of ``selfeval <command> <path>`` (package from ``code``)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *command, str(path)], capture_output=True, text=True,
                          cwd=code, check=False, timeout=900)
    seconds = time.perf_counter() - start
    return seconds, int(proc.stderr.rpartition("VMHWM_KB=")[2].strip() or 0) / 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", default="check", help="selfeval command to time (check, report --text …)")
    parser.add_argument("--before", type=Path, help="another checkout (e.g. the main branch) to time the same files with")
    args = parser.parse_args()
    command = args.command.split()
    with tempfile.TemporaryDirectory() as tmp:
        files = {"baseline (example)": EXAMPLE}
        for name, spec in CASES.items():
            files[name] = build(Path(tmp) / f"{name}.xlsx", **spec)  # type: ignore[arg-type]
        print(f"selfeval {args.command}: best of {args.runs} cold runs; peak RSS of that run")
        print(f"{'file':<22}{'size MB':>9}{'XML MB':>9}{'seconds':>9}{'peak MB':>9}{'x time':>8}{'x mem':>8}  exit"
              + ("   before: seconds, peak MB" if args.before else ""))
        base = None
        for name, path in files.items():
            with zipfile.ZipFile(path) as zf:
                xml_mb = sum(i.file_size for i in zf.infolist()) / 2**20
            seconds, peak, code = min(run_check(command, path) for _ in range(args.runs))
            base = base or (seconds, peak)
            print(f"{name:<22}{path.stat().st_size / 2**20:>9.1f}{xml_mb:>9.1f}{seconds:>9.2f}{peak:>9.0f}"
                  f"{seconds / base[0]:>8.2f}{peak / base[1]:>8.2f}  {code}", end="")
            if args.before:
                was = run_check(command, path, args.before.resolve())
                print(f"{'':>6}{was[0]:>8.2f}{was[1]:>9.0f}", end="")
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
