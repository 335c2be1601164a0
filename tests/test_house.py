"""The house: folder list, import directions (import-linter), module sizes, the public API, the add-in's
entry module. These keep the layout of docs/architecture.md true as the code grows."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "selfeval_xl"
MAX_ENTRIES = 12
MAX_MODULE_LINES = 400
PACKAGES = ["core", "workbook", "rules", "figures", "report", "render", "excel", "importers", "collect", "audit", "cli"]


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extra"
    return subprocess.run([exe, "--config", str(root / ".importlinter")], cwd=root, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(root), "PATH": str(Path(exe).parent)})


def test_the_top_level_reads_like_the_pipeline() -> None:
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name not in {"__init__.py", "__main__.py", "py.typed",
                                                                        "__pycache__"})
    assert len(entries) <= MAX_ENTRIES, entries
    assert set(PACKAGES) <= set(entries)


@pytest.mark.parametrize("name", PACKAGES)
def test_each_subpackage_says_what_it_owns_may_import_and_where_its_tests_are(name: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert "May import" in doc, name
    assert f"tests/{name}/" in doc, name
    assert (ROOT / "tests" / name).is_dir(), f"tests/{name} mirrors the package"


def test_no_module_is_over_the_size_limit() -> None:
    big = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
           and p.name != "homophones.py"}  # generated data table (tests/audit/audit_homophones_gen.py)
    assert not big, big


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line"), [
    ("core/numbers.py", "import subprocess"),  # the pure core starting a process
    ("figures/yoy.py", "import openpyxl"),  # a figure touching a file format
    ("rules/budget.py", "from selfeval_xl.render import xlsx"),  # a rule importing a renderer
    ("collect/summary.py", "from selfeval_xl.importers import ledger"),  # one feature importing another
    ("report/narrative.py", "import xlwings"),  # Excel outside the Excel side
])
def test_the_contracts_catch_a_wrong_import(tmp_path: Path, module: str, line: str) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "selfeval_xl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", copy / ".importlinter")
    target = copy / "selfeval_xl" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = _lint_imports(copy)
    assert result.returncode != 0 and "BROKEN" in result.stdout, result.stdout[-2000:]


def test_every_public_name_is_documented() -> None:
    import selfeval_xl

    doc = selfeval_xl.__doc__ or ""
    for name in selfeval_xl.__all__:
        if name == "__version__":
            continue
        assert re.search(rf"\b{name}\b", doc), f"{name} is not in the package docstring"
        value = getattr(selfeval_xl, name)
        assert getattr(value, "__doc__", None), f"{name} has no docstring"


def test_the_ribbon_runs_nothing_itself() -> None:
    """The VBA starts no process and runs no Python: it only calls the per-user service (excel.service)."""
    macros = "\n".join(p.read_bytes().decode("ascii") for p in (ROOT / "macros").glob("*.bas"))
    macros = "\n".join(line.split("' ")[0] for line in macros.splitlines() if not line.lstrip().startswith("'"))
    for forbidden in ("RunPython", "WScript", "Shell", "cmd.exe", "python", "CreateProcess", "Declare "):
        assert forbidden.lower() not in macros.lower(), forbidden
    assert "http://127.0.0.1:" in macros
