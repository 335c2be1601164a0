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
    assert report.paragraphs == 39 + 2 + 1  # each row of short cells one line: "项目 | 金额", "基本支出 | 96.18万元，…"
    assert not report.errors


def _table_docx(path: Path, rows: list[tuple[str, ...]], before: str = "三、自评得分情况") -> Path:
    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.add_paragraph("四、存在的问题。无。")
    document.save(str(path))
    return path


_SCORES = [
    ("一级指标", "二级指标", "分值", "得分"),
    ("决策", "项目立项", "10", "9.5"),
    ("", "绩效目标", "10", "8"),
    ("过程", "资金管理", "20", "18"),
    ("产出", "产出数量", "40", "36"),
    ("效益", "满意度", "20", "19"),
    ("合计", "", "100", "{total}"),
]


def test_a_docx_tables_rows_are_read_as_rows(tmp_path: Path) -> None:
    # 9.5 + 8 + 18 + 36 + 19 = 90.5: the 自评表's 合计 row, read as a row of a table (a cell a block, it was not read)
    right = [tuple(c.format(total="90.5") for c in row) for row in _SCORES]
    assert not audit_file(_table_docx(tmp_path / "right.docx", right)).findings
    wrong = [tuple(c.format(total="91.5") for c in row) for row in _SCORES]
    report = audit_file(_table_docx(tmp_path / "wrong.docx", wrong))
    assert [(f.code, f.stated, f.expected, f.sentence) for f in report.findings] == [
        ("score_sum_mismatch", "91.5分", "90.5分", "合计 |  | 100 | 91.5")
    ]
    # a header cell wrapped by a break is one cell
    document = docx.Document(str(tmp_path / "wrong.docx"))
    cell = document.tables[0].cell(0, 3)
    cell.text = "自评"
    cell.paragraphs[0].add_run().add_break()
    cell.paragraphs[0].add_run("得分")
    document.save(str(tmp_path / "wrapped.docx"))
    assert [f.code for f in audit_file(tmp_path / "wrapped.docx").findings] == ["score_sum_mismatch"]


def test_a_docx_cell_of_prose_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    # a layout table (the report inside a cell): its paragraphs stay paragraphs, as before
    prose = "2020年部门整体支出176.18万元，其中：基本支出96.18万元，项目支出80万元，全年预算执行率为100%，各项工作均按计划完成。"
    path = _table_docx(tmp_path / "layout.docx", [("年度总体目标完成情况", prose)])
    report = audit_file(path)
    assert report.paragraphs == 1 + 2 + 1
    assert not report.findings


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


def test_a_docx_funds_row_with_a_blank_cell_keeps_its_columns(tmp_path: Path) -> None:
    # no 年初预算数: the blank cell is a column, so 100.00 is the 全年预算数 and 90.00 the 全年执行数 (the 分值 10 was read
    # as the third amount, against the sources' dashes)
    rows = [
        ("项目资金(万元)", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"),
        ("年度资金总额", "", "100.00", "90.00", "10", "90.00%", "9.00"),
        ("其中:当年财政拨款", "", "100.00", "{spent}", "—", "—", "—"),
        ("上年结转资金", "", "", "", "—", "—", "—"),
        ("其他资金", "", "", "", "—", "—", "—"),
    ]
    right = [tuple(c.format(spent="90.00") for c in row) for row in rows]
    assert not audit_file(_table_docx(tmp_path / "right.docx", right, "二、项目资金情况")).findings
    wrong = [tuple(c.format(spent="80.00") for c in row) for row in rows]
    found = audit_file(_table_docx(tmp_path / "wrong.docx", wrong, "二、项目资金情况")).findings
    assert [(f.code, f.stated, f.expected) for f in found] == [("sum_mismatch", "90.00", "80.00")]
