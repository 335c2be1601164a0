"""The PDF (LibreOffice headless): the founding example's figures in its text, pages that are not blank."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.render.conftest import needs_poppler
from tests.report.test_golden import SEED_FACTS

pytestmark = needs_poppler


def pdf_text(pdf: Path, *pages: int) -> str:
    args = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def squeeze(text: str) -> str:
    """Text without the line breaks and spaces pdftotext puts between glyphs and at line ends."""
    return re.sub(r"\s+", "", text)


def test_pdf_text_holds_the_founding_examples_facts(example_pdf: Path) -> None:
    assert example_pdf.name == "大祥区融媒体中心2020年部门整体支出绩效自评报告.pdf"
    text = squeeze(pdf_text(example_pdf))
    missing = [fact for fact in SEED_FACTS if squeeze(fact) not in text]
    assert not missing
    for figure in ("176.18万元", "96.18万元", "80.00万元", "31.97%", "68.03%", "97.88%"):
        assert figure in text
    assert "附件" in text and "部门整体支出绩效自评表" in text and "95.69" in text  # the 自评表


def test_pdf_pages_are_numbered(example_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(example_pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 3
    for page in (1, 2, pages):
        assert f"—{page}—" in squeeze(pdf_text(example_pdf, page)), page


def test_pdf_fonts_are_embedded(example_pdf: Path) -> None:
    listing = subprocess.run(["pdffonts", str(example_pdf)], check=True, capture_output=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert rows, "no fonts: the text would not render"
    assert all(" yes " in row for row in rows), listing  # embedded, so Chinese renders on any machine


def _gray_page(pdf: Path, page: int, tmp_path: Path) -> tuple[int, int, bytes]:
    """Render one page with pdftoppm as 8-bit grey PGM: (width, height, pixels)."""
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "40", "-gray", "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True)
    data = (tmp_path / f"page{page}.pgm").read_bytes()
    magic, width, height, maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
    assert magic == b"P5" and maxval == b"255"
    return int(width), int(height), pixels


def test_first_page_is_not_blank_and_looks_like_a_document(example_pdf: Path, tmp_path: Path) -> None:
    width, height, pixels = _gray_page(example_pdf, 1, tmp_path)
    assert width < height  # portrait A4
    dark = [i for i, v in enumerate(pixels) if v < 128]
    assert len(dark) > 0.01 * width * height  # a page of text, not a blank page
    rows = sorted({i // width for i in dark})
    cols = sorted({i % width for i in dark})
    # ink starts below the 37 mm top margin and stays inside the 28 mm / 26 mm side margins
    assert rows[0] > height * 30 / 297
    assert cols[0] > width * 24 / 210 and cols[-1] < width * (210 - 22) / 210


def test_attached_table_page_is_landscape(example_pdf: Path, tmp_path: Path) -> None:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(example_pdf)], check=True, capture_output=True,
                          text=True).stdout
    sizes = re.findall(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    landscape = [int(n) for n, w, h in sizes if float(w) > float(h)]
    assert landscape and landscape[0] > 1
    assert "附件" in pdf_text(example_pdf, landscape[0])
