"""selfeval install-addin: where Excel loads add-ins from; Linux says Excel is not there. And the ADDIN catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfeval_xl.cli.main import main
from selfeval_xl.core import texts
from selfeval_xl.excel import addin
from tests.excel.conftest import MACROS

ROOT = MACROS.parent


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("win32", {"APPDATA": r"C:\Users\kj\AppData\Roaming"},
         Path(r"C:\Users\kj\AppData\Roaming") / "Microsoft" / "Excel" / "XLSTART"),
        ("win32", {}, Path("/home/kj") / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART"),
        ("darwin", {}, Path("/home/kj/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel")),
        ("linux", {"APPDATA": "x"}, None),
        ("cygwin", {}, None),
    ],
)
def test_install_target(platform: str, environ: dict[str, str], expected: Path | None) -> None:
    assert addin.install_target(platform, environ, Path("/home/kj")) == expected


def test_install_target_on_macos_prefers_the_localized_folder(tmp_path: Path) -> None:
    startup = tmp_path / "Library" / "Group Containers" / "UBF8T346G9.Office" / "User Content.localized" / "Startup.localized"
    startup.mkdir(parents=True)
    assert addin.install_target("darwin", {}, tmp_path) == startup / "Excel"


def test_linux_says_excel_is_not_there(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(addin, "current_platform", lambda: "linux")
    assert main(["install-addin"]) == 4
    err = capsys.readouterr().err
    assert err.strip() == texts.render(texts.ADDIN, "install.no_excel", system="linux")
    assert "Excel" in err and "Windows" in err


def test_windows_install_copies_the_built_addin_into_xlstart(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                             addin_bytes: bytes) -> None:
    monkeypatch.setattr(addin, "current_platform", lambda: "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert main(["install-addin"]) == 0
    installed = tmp_path / "Roaming" / "Microsoft" / "Excel" / "XLSTART" / "selfeval.xlam"
    assert installed.read_bytes() == addin_bytes
    # ... and the logon launcher of the service the ribbon calls: isolated interpreter, the installed package
    launcher = tmp_path / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / "selfeval-service.cmd"
    text = launcher.read_bytes().decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert '-I -m selfeval_xl serve' in text and text.startswith("@echo off")


def test_launcher_prefers_the_windowless_interpreter(tmp_path: Path) -> None:
    python = tmp_path / "python.exe"
    python.write_bytes(b"")
    assert f'"{python}" -I -m selfeval_xl serve' in addin.launcher_text(python)
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert f'"{tmp_path / "pythonw.exe"}" -I -m selfeval_xl serve' in addin.launcher_text(python)


def test_install_from_a_file_into_a_chosen_folder(tmp_path: Path, addin_path: Path) -> None:
    assert main(["install-addin", "--from", str(addin_path), "--dir", str(tmp_path / "trusted")]) == 0
    assert (tmp_path / "trusted" / "selfeval.xlam").read_bytes() == addin_path.read_bytes()
    assert main(["install-addin", "--from", str(tmp_path / "missing.xlam"), "--dir", str(tmp_path)]) == 4


# ---- the ADDIN catalog -----------------------------------------------------------------------------


def test_every_addin_text_renders_with_its_placeholders() -> None:
    for key, template in texts.ADDIN.items():
        params = dict.fromkeys(texts.placeholders(template), "X")
        rendered = texts.render(texts.ADDIN, key, **params)
        assert "{" not in rendered and "}" not in rendered, key
        assert re.search(r"[\u4e00-\u9fff]", rendered), f"{key} has no Chinese text"


def test_every_addin_key_is_used_and_every_used_key_exists() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in
                     [ROOT / "selfeval_xl" / "excel" / "addin.py", ROOT / "selfeval_xl" / "excel" / "adapter.py",
                      ROOT / "selfeval_xl" / "excel" / "service.py", ROOT / "selfeval_xl" / "excel" / "new_year.py",
                      ROOT / "selfeval_xl" / "excel" / "render.py", ROOT / "selfeval_xl" / "cli" / "addin.py"])
    vba = "\n".join(p.read_bytes().decode("ascii") for p in MACROS.glob("*.bas"))
    sections = "|".join(sorted({key.split(".")[0] for key in texts.ADDIN}))
    used = set(re.findall(rf'"((?:{sections})\.\w+)"', code))  # every quoted catalog-shaped key
    used |= set(re.findall(r'(?:AddinText|CallService "\w+",)\s*\(?\s*"([\w.]+)"', vba))
    used |= {k for k in texts.ADDIN if k.startswith("ribbon.")}  # test_ribbon checks them against the XML
    assert used <= set(texts.ADDIN), sorted(used - set(texts.ADDIN))
    assert set(texts.ADDIN) <= used, sorted(set(texts.ADDIN) - used)
