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
    CONF_SHEET,
    RIBBON_PART,
    RIBBON_REL_TYPE,
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
    assert set(modules) == {p.stem for p in own} | {"xlwings", "Dictionary", "ThisWorkbook", "Sheet1"}


def test_xlwings_module_is_the_installed_one_with_our_project_name(addin_path: Path) -> None:
    code = decoded_modules(addin_path)["xlwings"]
    installed = (XLWINGS_DIR / "xlwings_custom_addin.bas").read_bytes().decode("ascii")
    assert code == installed.replace('PROJECT_NAME As String = "myaddin"', 'PROJECT_NAME As String = "selfeval"')
    embedded = re.search(r'Public Const XLWINGS_VERSION As String = "([^"]+)"', code)
    assert embedded is not None and embedded.group(1) == xlwings.__version__
    assert "'Version: " + xlwings.__version__ in code


def test_pinned_xlwings_is_what_build_and_runtime_share() -> None:
    pyproject = (MACROS.parent / "pyproject.toml").read_text(encoding="utf-8")
    pins = set(re.findall(r'"xlwings==([0-9.]+)"', pyproject))
    assert pins == {xlwings.__version__}, "the excel and test extras must pin the installed xlwings"


def _body(source: str) -> str:
    """A class module without its file preamble (VERSION ... END) and Attribute lines."""
    lines = source.replace("\r\n", "\n").split("\n")
    if lines[0].startswith("VERSION "):
        lines = lines[lines.index("END") + 1:]
    while lines and lines[0].startswith("Attribute "):
        lines.pop(0)
    return "\n".join(lines)


def test_dictionary_class_body_is_xlwings_own(addin_path: Path) -> None:
    code = decoded_modules(addin_path)["Dictionary"]
    source = (XLWINGS_DIR / "addin" / "Dictionary.cls").read_bytes().decode("ascii")
    assert 'Attribute VB_Name = "Dictionary"' in code
    assert len(_body(source)) > 1000 and _body(code) == _body(source)


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


def _config(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """(A:B settings read down to the first blank row as xlwings does, D:E catalog)."""
    from lxml import etree

    root = etree.fromstring(_part(data, "xl/worksheets/sheet1.xml"))
    cells: dict[str, str] = {}
    for cell in root.iterfind(".//m:c", SHEET_NS):
        if cell.get("t") == "b":
            cells[cell.get("r")] = "TRUE" if cell.findtext("m:v", namespaces=SHEET_NS) == "1" else "FALSE"
        else:
            cells[cell.get("r")] = "".join(cell.itertext())
    settings, row = {}, 1
    while f"A{row}" in cells:
        settings[cells[f"A{row}"]] = cells.get(f"B{row}", "")
        row += 1
    catalog = {cells[f"D{n}"]: cells[f"E{n}"] for n in range(1, 1000) if f"D{n}" in cells}
    return settings, catalog


def test_config_sheet_turns_workbook_path_off_and_carries_the_catalog(addin_bytes: bytes) -> None:
    workbook = _part(addin_bytes, "xl/workbook.xml").decode()
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == [CONF_SHEET]
    settings, catalog = _config(addin_bytes)
    assert settings == {"ADD_WORKBOOK_TO_PYTHONPATH": "FALSE"}  # no interpreter: the user's config file decides
    assert catalog == texts.ADDIN


def test_interpreter_options_go_into_the_config_sheet(tmp_path: Path) -> None:
    out = tmp_path / "it.xlam"
    interpreter = r"C:\selfeval\.venv\Scripts\pythonw.exe"
    assert main(["build-addin", "-o", str(out), "--interpreter-win", interpreter, "--udf-server"]) == 0
    settings, _ = _config(out.read_bytes())
    assert settings == {"ADD_WORKBOOK_TO_PYTHONPATH": "FALSE", "INTERPRETER_WIN": interpreter, "USE UDF SERVER": "TRUE"}


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


def test_the_built_addin_names_the_entry_module(addin_path: Path) -> None:
    """A rebuilt add-in embeds the entry module's name: moving it again needs a rebuild (and this test)."""
    parser = VBA_Parser(str(addin_path))
    try:
        code = "\n".join(source for *_, source in parser.extract_macros())
    finally:
        parser.close()
    assert "from selfeval_xl.excel.entry import run_check_caller" in code
    assert "xlwings_adapter" not in code
