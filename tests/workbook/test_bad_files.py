"""Files that are not our workbook, hostile files, and every numeric cell of the example broken in turn.

Each bad file must exit 3 with one Chinese message, no traceback, quickly and in bounded memory,
and leave the file byte-identical.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfeval_xl import evaluate, read_workbook
from selfeval_xl.core.model import RawBook, RawSheet
from tests.conftest import EXAMPLE, ROOT, sha256

# Runs the CLI and reports the child's own peak memory (VmHWM of the exec'd image; ru_maxrss would also
# count the pytest process the child was forked from).
_WRAPPER = (
    "import runpy, sys\n"
    "sys.argv = ['selfeval', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('selfeval_xl', run_name='__main__')\n"
    "finally:\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "    sys.stderr.write('\\nVMHWM_KB=' + hwm + '\\n')\n"
)


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run the CLI in a child; return the result, seconds taken and that child's peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=60)
    elapsed = time.perf_counter() - start
    stderr, _, hwm = proc.stderr.rpartition("\nVMHWM_KB=")
    proc.stderr = stderr
    return proc, elapsed, int(hwm.strip() or 0) // 1024


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _random(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(20_000))


def _csv(path: Path) -> None:
    path.write_text("单位名称,年度\n大祥区融媒体中心,2020\n", encoding="utf-8")


def _zip_without_workbook(path: Path) -> None:
    path.write_bytes(_zip({"readme.txt": b"hello", "data/a.csv": b"1,2"}))


def _truncated(path: Path) -> None:
    data = EXAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _legacy_xls(path: Path) -> None:
    # The OLE2 compound-document signature, as every BIFF8 .xls starts.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)


def _other_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "别的表格"
    book.save(path)


def _older_version(path: Path) -> None:
    book = openpyxl.load_workbook(EXAMPLE)
    book["模板信息"]["B2"] = "2025.1"
    book.save(path)


def _xml_bomb(path: Path) -> None:
    with zipfile.ZipFile(EXAMPLE) as src:
        members = {name: src.read(name) for name in src.namelist()}
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' \
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    members["xl/worksheets/sheet1.xml"] = (lol + sheet.replace("<sheetPr>", "<sheetPr>&lol3;", 1)).encode()
    members["xl/workbook.xml"] = ('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                  + members["xl/workbook.xml"].decode()).encode()
    path.write_bytes(_zip(members))


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (_empty, "不是有效的 Excel 工作簿"),
    "random": (_random, "不是有效的 Excel 工作簿"),
    "csv": (_csv, "CSV"),
    "zip": (_zip_without_workbook, "压缩包"),
    "truncated": (_truncated, "不完整或已损坏"),
    "xls": (_legacy_xls, "97-2003"),
    "other": (_other_workbook, "不是用绩效自评模板填写"),
    "older": (_older_version, "模板版本"),
    "xmlbomb": (_xml_bomb, "拒绝处理"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_exits_3_with_one_chinese_message(kind: str, tmp_path: Path) -> None:
    make, expected = BAD_FILES[kind]
    path = tmp_path / f"{kind}.xlsx"
    make(path)
    before = sha256(path)
    for command in (["check", str(path)], ["report", str(path)]):
        proc, seconds, peak_mb = run_cli(*command)
        assert proc.returncode == 3, (kind, proc.stdout, proc.stderr)
        assert expected in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        assert seconds < 10 and peak_mb < 500
    assert sha256(path) == before
    assert not list(tmp_path.glob("*_报告.xlsx"))


def test_password_protected_workbook(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    path = tmp_path / "locked.xlsx"
    with EXAMPLE.open("rb") as plain, path.open("wb") as out:
        OOXMLFile(plain).encrypt("secret", out)
    proc, _, _ = run_cli("check", str(path))
    assert proc.returncode == 3 and "密码" in proc.stderr


def test_missing_path_and_directory(tmp_path: Path) -> None:
    proc, _, _ = run_cli("check", str(tmp_path / "nope.xlsx"))
    assert proc.returncode == 3 and "找不到文件" in proc.stderr
    proc, _, _ = run_cli("report", str(tmp_path))
    assert proc.returncode == 3 and "文件夹" in proc.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_real_legacy_xls_from_libreoffice(tmp_path: Path) -> None:
    src = tmp_path / "src.xlsx"
    src.write_bytes(EXAMPLE.read_bytes())
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(src)],
                   capture_output=True, timeout=120, check=True)
    proc, _, _ = run_cli("check", str(tmp_path / "src.xls"))
    assert proc.returncode == 3 and "97-2003" in proc.stderr


def test_zip_bomb_refused_from_the_directory_fast(tmp_path: Path) -> None:
    """2 GB of sheet XML compressed to a few MB: refused before anything is inflated."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(EXAMPLE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name != "xl/worksheets/sheet1.xml":
                dst.writestr(name, src.read(name))
        chunk = b"<c><v>0</v></c>" * 65536  # ~1 MB
        with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(2048):
                fh.write(chunk)
    assert path.stat().st_size < 10 * 1024 * 1024
    proc, seconds, peak_mb = run_cli("check", str(path))
    assert proc.returncode == 3 and "拒绝处理" in proc.stderr, (proc.returncode, proc.stderr)
    assert seconds < 10 and peak_mb < 200, (seconds, peak_mb)
    # The refusal itself, without interpreter start-up: well within a second, with little memory.
    import tracemalloc

    from selfeval_xl.core.errors import UnsafeWorkbookError

    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(UnsafeWorkbookError):
        read_workbook(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 50 * 1024 * 1024, (elapsed, peak)


# ---- every numeric input cell of the example, broken in turn ---------------------------------------

def _numeric_cells() -> list[tuple[str, str]]:
    from selfeval_xl.workbook import layout

    raw = read_workbook(EXAMPLE)
    cells = []
    for sheet in raw.sheets:
        if sheet.title not in layout.SHEET_ORDER:
            continue
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                    cells.append((sheet.title, openpyxl.utils.get_column_letter(c) + str(r)))
    return cells


NUMERIC_CELLS = _numeric_cells()


def test_the_example_has_many_numeric_cells() -> None:
    assert len(NUMERIC_CELLS) > 40


@pytest.mark.parametrize("replacement", ["不详", -5])
def test_each_numeric_cell_broken_is_reported_at_that_cell(replacement: object, tmp_path: Path) -> None:
    from selfeval_xl.cli.main import main

    failures = []
    for sheet, a1 in NUMERIC_CELLS:
        path = tmp_path / "b.xlsx"
        book = openpyxl.load_workbook(EXAMPLE)
        book[sheet][a1] = replacement
        book.save(path)
        before = sha256(path)
        out = io.StringIO()
        import contextlib

        with contextlib.redirect_stdout(out):
            code = main(["check", str(path), "--json"])
        doc = json.loads(out.getvalue())
        hits = [i for i in doc["issues"] if i["sheet"] == sheet and i["cell"] == a1 and i["severity"] == "error"]
        if code != 1 or not hits or sha256(path) != before:
            failures.append((sheet, a1, code))
    assert not failures, failures


# ---- the parser never raises on arbitrary cell values ------------------------------------------------

cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.decimals(allow_nan=False, allow_infinity=False), st.datetimes(), st.dates(), st.times(),
    st.sampled_from(["#REF!", "#DIV/0!", "#VALUE!", "30余", "1,234.5", "１２３", "十万", "176.18万元", "  ", "=A1"]),
)
EXAMPLE_RAW = read_workbook(EXAMPLE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 70), st.integers(1, 8), cell_values), max_size=25))
def test_parser_never_raises_on_arbitrary_values(edits: list[tuple[int, int, int, object]]) -> None:
    sheets = {s.title: [list(r) for r in s.rows] for s in EXAMPLE_RAW.sheets}
    titles = [s.title for s in EXAMPLE_RAW.sheets if s.title != "模板信息"]
    for sheet_index, row, col, value in edits:
        rows = sheets[titles[sheet_index % len(titles)]]
        while len(rows) < row:
            rows.append([])
        while len(rows[row - 1]) < col:
            rows[row - 1].append(None)
        rows[row - 1][col - 1] = value
    raw = RawBook(tuple(RawSheet(t, tuple(tuple(r) for r in rows)) for t, rows in sheets.items()),
                  EXAMPLE_RAW.names, EXAMPLE_RAW.tables, "x.xlsx")
    ev = evaluate(raw)
    ev.narrative(force=True)
    assert all(i.code != "internal_error" for i in ev.issues), [i for i in ev.issues if i.code == "internal_error"]


def test_environment_keeps_tmp_clean(tmp_path: Path) -> None:
    """Atomic writes leave no temporary files behind."""
    from selfeval_xl.cli.main import main

    out = tmp_path / "o.xlsx"
    assert main(["report", str(EXAMPLE), "-o", str(out)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["o.xlsx"]
    assert not [p for p in EXAMPLE.parent.iterdir() if p.name.startswith(".~selfeval")]
