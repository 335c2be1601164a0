"""The export set is published all or nothing: a failure mid-set leaves no file and no staging folder."""

from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from selfeval_xl.cli.main import main
from selfeval_xl.core.errors import OutputError
from selfeval_xl.render import files
from selfeval_xl.render.files import STAGING_PREFIX, publish_set
from tests.conftest import EXAMPLE


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def full_disk_on(call: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the ``call``-th staged write fail as a full disk does (after writing part of the file)."""
    real = files._write_synced
    count = {"n": 0}

    def write(path: Path, data: bytes) -> None:
        count["n"] += 1
        if count["n"] == call:
            path.write_bytes(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(files, "_write_synced", write)


def test_publish_set_writes_every_file(tmp_path: Path) -> None:
    targets = {tmp_path / "a.xlsx": b"1", tmp_path / "a.docx": b"22", tmp_path / "a.pdf": b"333"}
    publish_set(targets, tmp_path, force=False)
    assert names(tmp_path) == ["a.docx", "a.pdf", "a.xlsx"]
    assert [p.read_bytes() for p in targets] == [b"1", b"22", b"333"]


def test_full_disk_mid_set_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full_disk_on(2, monkeypatch)
    targets = {tmp_path / "a.xlsx": b"1" * 100, tmp_path / "a.docx": b"2" * 100, tmp_path / "a.pdf": b"3"}
    with pytest.raises(OutputError) as caught:
        publish_set(targets, tmp_path, force=False)
    assert "a.docx" in caught.value.message and "磁盘空间不足" in caught.value.message
    assert names(tmp_path) == []  # no file of the set, no staging folder


def test_a_failed_move_takes_the_set_back_out(tmp_path: Path) -> None:
    taken = tmp_path / "a.pdf"
    taken.write_bytes(b"someone else's")  # appears between the check and the move
    targets = {tmp_path / "a.xlsx": b"1", tmp_path / "a.docx": b"2", taken: b"3"}
    with pytest.raises(OutputError) as caught:
        publish_set(targets, tmp_path, force=False)
    assert caught.value.code == "output_exists"
    assert names(tmp_path) == ["a.pdf"] and taken.read_bytes() == b"someone else's"


def test_a_failed_forced_move_puts_the_old_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = {tmp_path / "a.xlsx": b"old-1", tmp_path / "a.docx": b"old-2"}
    for path, data in old.items():
        path.write_bytes(data)
    real = files._place

    def place(staged: Path, path: Path, *, force: bool) -> None:
        if path.suffix == ".docx":
            raise OSError(errno.EIO, "Input/output error", str(path))
        real(staged, path, force=force)

    monkeypatch.setattr(files, "_place", place)
    with pytest.raises(OutputError):
        publish_set(dict.fromkeys(old, b"new"), tmp_path, force=True)
    assert {p: p.read_bytes() for p in old} == old
    assert names(tmp_path) == ["a.docx", "a.xlsx"]


def test_stale_staging_folders_of_dead_runs_are_removed(tmp_path: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "30"])
    dead = subprocess.Popen(["true"])
    dead.wait()
    try:
        alive_folder = tmp_path / f"{STAGING_PREFIX}{sleeper.pid}-x"
        dead_folder = tmp_path / f"{STAGING_PREFIX}{dead.pid}-y"
        for folder in (alive_folder, dead_folder):
            folder.mkdir()
            (folder / "0.pdf").write_bytes(b"half")
        publish_set({tmp_path / "a.xlsx": b"1"}, tmp_path, force=False)
        assert names(tmp_path) == sorted([alive_folder.name, "a.xlsx"])  # a running export keeps its folder
    finally:
        sleeper.kill()
        sleeper.wait()


def test_export_on_a_full_disk_exits_4_and_a_rerun_is_not_blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "报送"
    full_disk_on(2, monkeypatch)
    args = ["export", str(EXAMPLE), "-o", str(out), "--formats", "xlsx,docx"]
    assert main(args) == 4
    err = capsys.readouterr().err
    assert "无法写入" in err and "绩效自评报告.docx" in err
    assert names(out) == []
    monkeypatch.undo()
    assert main(args) == 0
    assert [p.suffix for p in sorted(out.iterdir())] == [".docx", ".xlsx"]


def test_force_replaces_the_whole_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "报送"
    args = ["export", str(EXAMPLE), "-o", str(out), "--formats", "xlsx,docx"]
    assert main(args) == 0
    before: dict[Any, bytes] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(args) == 4  # exists, no --force
    assert main([*args, "--force"]) == 0
    assert sorted(before) == names(out)
    shutil.rmtree(out)
