"""LibreOffice (headless), an independent Office implementation, opens the add-in and lists its VBA modules."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from selfeval_xl.excel.addin import TEXT_SHEET
from tests.excel.conftest import MACROS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice's type detection does not know the .xlam extension, so the filter is named: it is
# the OOXML filter that keeps VBA, which LibreOffice imports into a Basic library "VBAProject".
VBA_FILTER = "Calc MS Excel 2007 VBA XML"

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI installs it")


def test_libreoffice_opens_the_addin_and_lists_its_modules(addin_path: Path, tmp_path: Path) -> None:
    assert SOFFICE is not None
    out = tmp_path / "out"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         f"--infilter={VBA_FILTER}", "--convert-to", "ods", "--outdir", str(out), str(addin_path)],
        capture_output=True, text=True, timeout=180,
    )
    converted = out / "selfeval.ods"
    assert converted.is_file(), result.stdout + result.stderr
    with zipfile.ZipFile(converted) as ods:
        library = ods.read("Basic/VBAProject/script-lb.xml").decode("utf-8")
        content = ods.read("content.xml").decode("utf-8")
        ribbon_module = ods.read("Basic/VBAProject/SelfevalRibbon.xml").decode("utf-8")
    modules = set(re.findall(r'library:element library:name="([^"]+)"', library))
    own = {path.stem for path in MACROS.glob("*.bas")}
    assert modules == own | {"ThisWorkbook", "Sheet1"}  # no xlwings module: nothing runs Python from Excel
    assert f'table:name="{TEXT_SHEET}"' in content
    assert "Sub SelfevalCheck(control As IRibbonControl)" in ribbon_module
