"""selfeval build-addin: reproducible bytes, every VBA module decodes back exactly, the package parts."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
import xlwings
from oletools.olevba import VBA_Parser

from selfeval_xl.cli.main import main
from selfeval_xl.core import texts
from selfeval_xl.excel.addin import (
    RIBBON_PART,
    RIBBON_REL_TYPE,
    TEXT_SHEET,
    AddinBuildError,
    build_addin_bytes,
    read_module,
)
from tests.excel.conftest import MACROS

XLWINGS_DIR = Path(xlwings.__file__).resolve().parent
SHEET_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def decoded_modules(path: Path) -> dict[str, str]:
    """Module name → source, as oletools (an independent reader) decodes the VBA project."""
    parser = VBA_Parser(str(path))
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def expected_bas(path: Path) -> str:
    return path.read_bytes().decode("ascii")


def test_two_builds_give_the_same_bytes(tmp_path: Path, addin_bytes: bytes) -> None:
    first, second = tmp_path / "a" / "selfeval.xlam", tmp_path / "b.xlam"
    assert main(["build-addin", "-o", str(first)]) == 0
    assert main(["build-addin", "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes() == addin_bytes
    assert hashlib.sha256(first.read_bytes()).hexdigest() == hashlib.sha256(build_addin_bytes(MACROS)).hexdigest()


def test_zip_members_have_fixed_times_and_order(addin_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(addin_bytes)) as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(2026, 1, 1, 0, 0, 0)}
    names = [info.filename for info in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])


def test_every_module_decodes_back_to_its_source(addin_path: Path) -> None:
    modules = decoded_modules(addin_path)
    own = sorted(MACROS.glob("*.bas"))
    assert own, "macros/ has no .bas modules"
    for path in own:
        assert modules[path.stem] == expected_bas(path), path.name
    assert set(modules) == {p.stem for p in own} | {"ThisWorkbook", "Sheet1"}  # no xlwings module


def test_vba_project_stream_is_the_clean_writer_form(addin_bytes: bytes) -> None:
    """MS-OVBA 2.3.4.1: Version 0xFFFF on write, no usable performance cache (read by olefile)."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(_part(addin_bytes, "xl/vbaProject.bin")))
    try:
        stream = ole.openstream("VBA/_VBA_PROJECT").read()
        names = {"/".join(entry) for entry in ole.listdir()}
    finally:
        ole.close()
    assert stream[:4] == b"\xcc\x61\xff\xff" and not any(stream[4:])
    assert not any(name.split("/")[-1].startswith("__SRP_") for name in names)  # no cache streams either


def test_pinned_xlwings_is_what_build_and_runtime_share() -> None:
    pyproject = (MACROS.parent / "pyproject.toml").read_text(encoding="utf-8")
    pins = set(re.findall(r'"xlwings==([0-9.]+)"', pyproject))
    assert pins == {xlwings.__version__}, "the excel and test extras must pin the installed xlwings"


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def test_ribbon_part_and_its_relationship(addin_bytes: bytes) -> None:
    assert _part(addin_bytes, RIBBON_PART) == (MACROS / "customUI14.xml").read_bytes()
    rels = _part(addin_bytes, "_rels/.rels").decode()
    found = re.findall(r'<Relationship [^>]*Type="([^"]+)"[^>]*Target="([^"]+)"', rels)
    assert (RIBBON_REL_TYPE, RIBBON_PART) in found
    ids = re.findall(r'Id="([^"]+)"', rels)
    assert len(ids) == len(set(ids))


def _texts(data: bytes) -> dict[str, str]:
    """The add-in's text sheet: A:B key → text, down to the first blank row, as AddinText's Match finds them."""
    from lxml import etree

    root = etree.fromstring(_part(data, "xl/worksheets/sheet1.xml"))
    cells = {cell.get("r"): "".join(cell.itertext()) for cell in root.iterfind(".//m:c", SHEET_NS)}
    found, row = {}, 1
    while f"A{row}" in cells:
        found[cells[f"A{row}"]] = cells.get(f"B{row}", "")
        row += 1
    return found


def test_text_sheet_carries_the_catalog_and_no_xlwings_settings(addin_bytes: bytes) -> None:
    workbook = _part(addin_bytes, "xl/workbook.xml").decode()
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == [TEXT_SHEET]
    assert _texts(addin_bytes) == texts.ADDIN
    sheet = _part(addin_bytes, "xl/worksheets/sheet1.xml").decode()
    for setting in ("INTERPRETER", "PYTHONPATH", "CONDA", "UDF", "ADD_WORKBOOK_TO_PYTHONPATH"):
        assert setting not in sheet, setting


@pytest.mark.parametrize(
    ("content", "reason_key"),
    [
        (b'Attribute VB_Name = "Bad"\nSub X()\nEnd Sub\n', "build.reason_crlf"),
        ('Attribute VB_Name = "Bad"\r\n\' 绩效\r\n'.encode(), "build.reason_ascii"),
        (b'Attribute VB_Name = "Other"\r\nSub X()\r\nEnd Sub\r\n', "build.reason_name"),
        (b"Sub X()\r\nEnd Sub\r\n", "build.reason_name"),
    ],
)
def test_a_bad_module_source_is_refused(tmp_path: Path, content: bytes, reason_key: str) -> None:
    path = tmp_path / "Bad.bas"
    path.write_bytes(content)
    with pytest.raises(AddinBuildError) as caught:
        read_module(path)
    assert texts.ADDIN[reason_key] in caught.value.message


def test_missing_macros_folder_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build-addin", "-o", str(tmp_path / "x.xlam"), "--macros", str(tmp_path / "nowhere")])
    assert code == 4
    assert "nowhere" in capsys.readouterr().err
    assert not (tmp_path / "x.xlam").exists()


def _code(addin_path: Path) -> str:
    return "\n".join(decoded_modules(addin_path).values())


def _statements(code: str) -> str:
    """VBA code without comments (a ' outside a string starts one; our code has none inside strings)."""
    return "\n".join(line.split("'")[0] if '"' not in line else line for line in code.splitlines()
                     if not line.lstrip().startswith("'"))


def test_the_built_addin_starts_no_process_and_reads_no_workbook_settings(addin_path: Path) -> None:
    """What the built .xlam runs, read back by oletools: an HTTP request to loopback and dialogs — nothing
    that starts a process (the ASR rule would block it), and no settings from the active workbook."""
    code = _statements(_code(addin_path))
    for forbidden in ("RunPython", "WScript", "Shell", "cmd.exe", "python", "Declare ", "ActiveWorkbook.Sheets",
                      "ActiveWorkbook.Worksheets", "ActiveWorkbook.Names", ".conf", "Environ$(\"PYTHON", "CallByName"):
        assert forbidden.lower() not in code.lower(), forbidden
    assert 'CreateObject("MSXML2.ServerXMLHTTP.6.0")' in code
    assert '"http://127.0.0.1:" & port & "/run"' in code and '"X-Selfeval-Token", token' in code
    assert "ThisWorkbook.Worksheets(TEXT_SHEET)" in code
    parser = VBA_Parser(str(addin_path))
    try:
        kinds = {kind for kind, *_ in parser.analyze_macros()}
        keywords = {keyword for _, keyword, _ in parser.analyze_macros()}
    finally:
        parser.close()
    assert "AutoExec" not in kinds  # nothing runs when the add-in or a workbook opens
    assert not {"Shell", "Run", "WScript.Shell", "Shell.Application"} & keywords, keywords


def test_first_run_failures_are_chinese_dialogs_with_the_error_kept(addin_path: Path) -> None:
    code = _code(addin_path)
    call = code.split("Private Sub CallService(", 1)[1].split("End Sub", 1)[0]
    # no workbook open: said before anything else, not blamed on the program
    assert call.index("If ActiveWorkbook Is Nothing Then") < call.index("ReadService(")
    assert 'AddinText("vba.no_workbook")' in call
    # no service running / unreachable: each its own dialog
    assert 'AddinText("vba.service_missing")' in call
    failed = call.split("Failed:", 1)[1]
    # Err.Description is read before AddinText (whose On Error clears Err) runs
    assert failed.index("Err.Description") < failed.index("AddinText(")
    assert 'Replace(AddinText("vba.service_down"), "{error}", failure)' in failed
    assert "{error}" in texts.ADDIN["vba.service_down"]
    # a refusal by the service (token, foreign package) is shown as the service wrote it, in Chinese
    assert "MsgBox http.responseText" in call
