"""selfeval audit on hostile or unusable inputs: every one exits 3 with a Chinese message naming the file."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest

from selfeval_xl.cli.main import main


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, flate: bool = False) -> bytes:
    body = zlib.compress(data, 9) if flate else data
    return (b"<< /Length %d%s >>\nstream\n" % (len(body), b" /Filter /FlateDecode" if flate else b"")
            + body + b"\nendstream")


def _page_pdf(font_map: bytes) -> bytes:
    """One page of text whose font's /ToUnicode map is ``font_map`` (a stream object)."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 _stream(b"BT /F1 12 Tf 72 700 Td (abc) Tj ET"),
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", font_map])


def audit(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str]:
    code = main(["audit", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_pdf_decompression_bomb_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "炸弹.pdf"
    path.write_bytes(_page_pdf(_stream(b" " * 100_000_000, flate=True)))  # 100 MB in ~100 KB
    assert path.stat().st_size < 500_000
    code, text = audit(capsys, path)
    assert code == 3 and "解压后过大" in text and "炸弹.pdf" in text and "Traceback" not in text


def test_a_damaged_stream_pypdf_recovers_from_leaves_no_english_on_stderr(tmp_path: Path) -> None:
    """pypdf reads around a damaged deflate stream and logs an English warning: the user sees none of it."""
    from tests.workbook.test_bad_files import run_cli

    broken = zlib.compress(b"/CIDInit /ProcSet findresource begin " * 200)
    broken = broken[:40] + b"\xff" * 30 + broken[70:]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(_page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(broken) + broken
                               + b"\nendstream"))
    proc, _, _ = run_cli("audit", str(path))
    assert proc.returncode in (0, 1, 3), proc.stderr
    assert "Error -3" not in proc.stderr and "WARNING" not in proc.stderr and "Traceback" not in proc.stderr


def test_a_directory_exits_3_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = audit(capsys, tmp_path)
    assert code == 3 and "文件夹" in text and "Usage" not in text and "Error" not in text


def test_a_name_over_255_bytes_exits_3_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = audit(capsys, tmp_path / ("报告" * 50 + ".txt"))  # 300 bytes
    assert code == 3 and "文件名过长" in text and "Traceback" not in text
