"""File names safe on Windows; writes that never clobber and never leave a partial file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from selfeval_xl.core.errors import OutputError
from selfeval_xl.render.files import MAX_STEM, MAX_STEM_BYTES, file_stem, publish, safe_stem


@pytest.mark.parametrize(("text", "expected"), [
    ("大祥区融媒体中心2020年部门整体支出绩效自评报告", "大祥区融媒体中心2020年部门整体支出绩效自评报告"),
    ('A/B\\C:D*E?F"G<H>I|J', "A_B_C_D_E_F_G_H_I_J"),
    ("换行\n与\t制表", "换行 与 制表"),
    ("  两端空格与句点. . ", "两端空格与句点"),
    ("CON", "_CON"),
    ("lpt1.备份", "_lpt1.备份"),
    ("", "未命名单位"),
    ("///", "未命名单位"),
    ("\x00\x1f", "未命名单位"),
    ("Ａ１２", "Ａ１２"),  # full-width letters are legal in Windows names and kept
])
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_safe_stem_limits_the_length() -> None:
    stem = safe_stem("很长的单位名称" * 40)
    assert len(stem) <= MAX_STEM and len(stem.encode("utf-8")) <= MAX_STEM_BYTES  # 255 bytes per name on Linux
    assert len(stem.encode("utf-8")) > MAX_STEM_BYTES - 3  # cut at the last whole character that fits
    assert safe_stem("a" * 300) == "a" * MAX_STEM


@pytest.mark.parametrize(("kind", "unit", "year", "expected"), [
    ("report", "大祥区融媒体中心", 2020, "大祥区融媒体中心2020年部门整体支出绩效自评报告"),
    ("scoring", "大祥区融媒体中心", 2020, "大祥区融媒体中心2020年部门整体支出绩效自评表"),
    ("report", "某局", None, "某局部门整体支出绩效自评报告"),
    ("report", " ", 2021, "未命名单位2021年部门整体支出绩效自评报告"),
    ("report", "市局/办公室", 2021, "市局_办公室2021年部门整体支出绩效自评报告"),
])
def test_file_stem(kind: str, unit: str, year: int | None, expected: str) -> None:
    assert file_stem(kind, unit, year) == expected


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~selfeval-"))


def test_publish_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "报告.docx"
    publish(target, b"new", force=False)
    assert target.read_bytes() == b"new"
    assert _leftovers(target.parent) == []
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_publish_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputError) as caught:
        publish(target, b"new", force=False)
    assert caught.value.code == "output_exists"
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []
    publish(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_publish_without_hard_links_still_refuses_to_overwrite(tmp_path: Path, monkeypatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "报告.pdf"
    publish(target, b"one", force=False)
    assert target.read_bytes() == b"one"
    with pytest.raises(OutputError):
        publish(target, b"two", force=False)
    assert target.read_bytes() == b"one"
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_nothing_under_the_final_name(tmp_path: Path, monkeypatch) -> None:
    def crash(fd: int) -> None:
        raise KeyboardInterrupt  # the user presses Ctrl+C (or the disk fills) mid-write

    monkeypatch.setattr(os, "fsync", crash)
    target = tmp_path / "报告.xlsx"
    with pytest.raises(KeyboardInterrupt):
        publish(target, b"partial", force=False)
    assert not target.exists()
    assert _leftovers(tmp_path) == []
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        publish(target, b"partial", force=True)
    assert target.read_bytes() == b"old"
