"""Reading .docx (built here with python-docx from the seed text) and .pdf; unreadable inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from audit_corpus import SEED, fixture_text

from selfeval_xl.audit import AuditInputError, audit_file, audit_text
from selfeval_xl.audit.text import split_paragraphs

docx = pytest.importorskip("docx")


def _seed_docx(path: Path, with_table: bool = False) -> Path:
    document = docx.Document()
    for paragraph in split_paragraphs((fixture_text(SEED),)):
        document.add_paragraph(paragraph)
    if with_table:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "项目"
        table.cell(0, 1).text = "金额"
        table.cell(1, 0).text = "基本支出"
        table.cell(1, 1).text = "96.18万元，其中人员经费30.75万元，公用经费65.43万元"
        document.add_paragraph("以上为本单位自评情况。")
    document.save(str(path))
    return path


def test_docx_from_seed_audits_like_the_text(tmp_path: Path) -> None:
    report = audit_file(_seed_docx(tmp_path / "seed.docx"))
    assert report == audit_text(fixture_text(SEED))
    assert [(f.code, f.paragraph) for f in report.findings] == [("term_typo", 22)]


def test_docx_table_cells_are_read_in_order(tmp_path: Path) -> None:
    report = audit_file(_seed_docx(tmp_path / "table.docx", with_table=True))
    texts = [f.text for f in report.figures if f.paragraph > 39]
    assert texts == ["96.18万元", "30.75万元", "65.43万元"]
    assert report.paragraphs == 39 + 4 + 1
    assert not report.errors


def test_docx_soft_line_break_inside_a_paragraph_is_joined(tmp_path: Path) -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("2020年部门整体支出176.18万元，其中：基本支出96.18万元，")
    run.add_break()
    document.paragraphs[0].add_run("项目支出90万元。")
    document.save(str(tmp_path / "br.docx"))
    (finding,) = audit_file(tmp_path / "br.docx").findings
    assert (finding.code, finding.paragraph, finding.expected) == ("sum_mismatch", 1, "186.18万元")


def test_missing_unsupported_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(AuditInputError, match="找不到文件"):
        audit_file(tmp_path / "none.txt")
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(AuditInputError, match=r"不支持的文件类型“\.doc”"):
        audit_file(tmp_path / "a.doc")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(AuditInputError, match="无法打开 Word 文件"):
        audit_file(tmp_path / "bad.docx")
    (tmp_path / "bin.txt").write_bytes(bytes(range(128, 256)) * 3)
    with pytest.raises(AuditInputError, match="无法识别文本文件的编码"):
        audit_file(tmp_path / "bin.txt")


def test_pdf_without_text_has_a_clear_chinese_message(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (tmp_path / "scan.pdf").open("wb") as handle:
        writer.write(handle)
    with pytest.raises(AuditInputError, match="没有可提取的文字") as caught:
        audit_file(tmp_path / "scan.pdf")
    assert caught.value.key == "input.pdf_no_text"


def _text_pdf(lines: list[str], *more_pages: list[str]) -> bytes:
    """A minimal PDF with Helvetica text lines, a page per list (ASCII only: no CJK font is available here)."""
    pages = [lines, *more_pages]
    n = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * k} 0 R' for k in range(n))}] /Count {n} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for k, page in enumerate(pages):
        stream = "BT /F1 12 Tf 50 800 Td 14 TL " + " ".join(f"({line}) '" for line in page) + " ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * k} 0 R >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_with_text_is_read_page_by_page(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from selfeval_xl.audit.reader import read_report

    (tmp_path / "text.pdf").write_bytes(_text_pdf(["Total 176.18", "Part 96.18"]))
    (page,) = read_report(tmp_path / "text.pdf")
    assert "176.18" in page and "96.18" in page


def test_pdf_pages_are_read_as_one_text_in_order(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from selfeval_xl.audit.reader import read_report

    (tmp_path / "two.pdf").write_bytes(_text_pdf(["Total 176.18, of which"], ["Part 96.18 and part 80."]))
    (text,) = read_report(tmp_path / "two.pdf")
    assert text.index("176.18") < text.index("96.18") < text.index("80.")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.parametrize("text_id", ["189", "227"])
def test_a_printed_pdf_reads_like_its_text(tmp_path: Path, text_id: str) -> None:
    """Real texts of the dev half printed to PDF by LibreOffice (two pages; lines wrapped at the page's
    edge, one after a list's ";"; table cells one per line; "2017 年", "194.44 万元") read as the texts
    themselves: the same findings, no other."""
    pytest.importorskip("pypdf")
    import subprocess

    from real_corpus import text_of

    from selfeval_xl.audit import audit_file

    text = text_of(text_id)
    source = tmp_path / f"{text_id}.txt"
    source.write_text(text, "utf-8")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    printed = audit_file(tmp_path / f"{text_id}.pdf").findings
    assert sorted(f.code for f in printed) == sorted(f.code for f in audit_text(text).findings)


def test_pdf_running_headers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from selfeval_xl.audit.reader import read_report

    pages = [
        ["Unit report 2023", "Total 176.18, of which", "Page 1 of 3"],
        ["Unit report 2023", "part 96.18 and part 80.", "Page 2 of 3"],
        ["Unit report 2023", "The end.", "Page 3 of 3"],
    ]
    (tmp_path / "three.pdf").write_bytes(_text_pdf(*pages))
    (text,) = read_report(tmp_path / "three.pdf")
    assert "Unit report" not in text and "Page" not in text
    assert " ".join(text.split()) == "Total 176.18, of which part 96.18 and part 80. The end."
