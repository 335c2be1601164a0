"""Fixtures of the export tests: the founding example evaluated and exported once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfeval_xl.core import texts
from selfeval_xl.pipeline import Evaluation, evaluate
from selfeval_xl.workbook.reader import read_workbook
from tests.conftest import EXAMPLE

GENERATED = "生成时间：2026-01-01 00:00　程序版本：selfeval_xl test"
STYLE_KEYS = {texts.EXPORT[f"style.{k}"]: k for k in ("title", "banner", "h1", "h2", "body", "item")}

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice (soffice) is not installed; .ci/run installs it")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed; .ci/run installs it")


@pytest.fixture(scope="session")
def example_evaluation() -> Evaluation:
    return evaluate(read_workbook(EXAMPLE))


@pytest.fixture(scope="session")
def example_export(tmp_path_factory: pytest.TempPathFactory, example_evaluation: Evaluation) -> dict[str, Path]:
    """xlsx and docx of the founding example (no PDF: that needs LibreOffice, see ``example_pdf``)."""
    from selfeval_xl.render import export_evaluation

    out = tmp_path_factory.mktemp("export")
    paths = export_evaluation(example_evaluation, out, ["xlsx", "docx"], generated=GENERATED)
    return {p.suffix[1:]: p for p in paths}


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of the founding example, through the command line (LibreOffice headless)."""
    from selfeval_xl.cli.main import main

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = tmp_path_factory.mktemp("pdf")
    assert main(["export", str(EXAMPLE), "-o", str(out), "--formats", "pdf"]) == 0
    (pdf,) = out.glob("*.pdf")
    return pdf
