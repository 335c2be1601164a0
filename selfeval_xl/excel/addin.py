"""The Excel add-in (selfeval.xlam): built from ``macros/`` on any OS, byte for byte the same each time.

``build_addin_bytes`` assembles the package from:

- a blank add-in with an empty VBA project (pyOpenVBA's Excel-authored template);
- the VBA modules: every ``macros/*.bas`` (CRLF, ASCII, first line ``Attribute VB_Name``) — and
  nothing else: no xlwings VBA module, so no ``RunPython``, no ``cmd.exe``, no settings read from
  the active workbook (the ribbon calls the per-user ``selfeval serve`` over loopback HTTP; see
  ``selfeval_xl.excel.service`` and docs/addin.md);
- the text sheet ``selfeval.texts``: the ``texts.ADDIN`` catalog in A:B, which the ASCII-only VBA
  reads for its status-bar and dialog texts, and a note for IT;
- ``customUI/customUI14.xml`` (copied from ``macros/`` unchanged) and its relationship in
  ``_rels/.rels``, added by a plain zip step — never through openpyxl, which drops both.

Then ``package.normalize_package`` re-zips with fixed times, order and compression. The add-in is
never read back through openpyxl.

``install_target`` knows where Excel loads add-ins from at start-up (XLSTART on Windows, the
Startup folder on macOS); on Linux there is no Excel and ``install-addin`` says so.
``launcher_target``/``launcher_text`` give the logon launcher of the service on Windows.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from selfeval_xl.core import texts
from selfeval_xl.core.errors import OutputError

PROJECT_NAME = "selfeval"
ADDIN_FILE = f"{PROJECT_NAME}.xlam"
TEXT_SHEET = f"{PROJECT_NAME}.texts"
DEFAULT_OUTPUT = Path("dist") / ADDIN_FILE
RIBBON_PART = "customUI/customUI14.xml"
RIBBON_REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"  # customUI14
_VB_NAME = re.compile(r'^Attribute VB_Name = "([A-Za-z][A-Za-z0-9_]*)"\r\n')
_ROOT = Path(__file__).resolve().parents[2]


def default_macros_dir() -> Path:
    return _ROOT / "macros"


class AddinBuildError(OutputError):
    """The add-in cannot be built (no macros/, a source breaking the build's rules); exit 4 like any output."""

    def __init__(self, message: str) -> None:
        self._text = message
        super().__init__()

    @property
    def message(self) -> str:
        return self._text


def bad_source(path: Path, reason: str) -> AddinBuildError:
    return AddinBuildError(texts.render(texts.ADDIN, "build.bad_source", path=path, reason=reason))


# ---- sources -------------------------------------------------------------------------------------


def read_module(path: Path) -> tuple[str, str]:
    """(module name, source) of one .bas file, checked: CRLF only, ASCII, ``Attribute VB_Name`` = file stem."""
    data = path.read_bytes()
    if b"\n" in data.replace(b"\r\n", b"") or b"\r" in data.replace(b"\r\n", b""):
        raise bad_source(path, texts.ADDIN["build.reason_crlf"])
    try:
        source = data.decode("ascii")
    except UnicodeDecodeError:
        raise bad_source(path, texts.ADDIN["build.reason_ascii"]) from None
    match = _VB_NAME.match(source)
    if match is None or match.group(1) != path.stem:
        raise bad_source(path, texts.ADDIN["build.reason_name"])
    return match.group(1), source


def macro_modules(macros_dir: Path) -> list[tuple[str, str]]:
    """The project's own modules, in file-name order."""
    return [read_module(path) for path in sorted(macros_dir.glob("*.bas"))]


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


# ---- package parts --------------------------------------------------------------------------------


def _cell(ref: str, value: object) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def text_sheet_xml() -> bytes:
    """selfeval.texts: the catalog in A:B (key, text), then a blank row and the note for IT."""
    catalog = sorted(texts.ADDIN.items())
    cells: dict[tuple[int, str], object] = {}
    for n, (key, text) in enumerate(catalog, start=1):
        cells[n, "A"], cells[n, "B"] = key, text
    cells[len(catalog) + 2, "A"] = texts.ADDIN["conf.note"]
    rows: dict[int, list[str]] = {}
    for (n, col), value in sorted(cells.items()):
        rows.setdefault(n, []).append(_cell(f"{col}{n}", value))
    body = "".join(f'<row r="{n}">{"".join(row)}</row>' for n, row in sorted(rows.items()))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr codeName="Sheet1"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="14.5"/><cols><col min="1" max="1" width="24" customWidth="1"/>'
        '<col min="2" max="2" width="90" customWidth="1"/></cols>'
        f"<sheetData>{body}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    ).encode()


def _replace_once(data: bytes, old: bytes, new: bytes, part: str) -> bytes:
    if data.count(old) != 1:
        raise RuntimeError(f"{part}: expected one {old!r} in the add-in template")
    return data.replace(old, new)


def package_edits(package: zipfile.ZipFile, ribbon: bytes) -> dict[str, bytes]:
    """The parts that turn pyOpenVBA's blank add-in into selfeval.xlam."""
    workbook = _replace_once(package.read("xl/workbook.xml"), b'<sheet name="Sheet1"',
                             f'<sheet name="{TEXT_SHEET}"'.encode(), "workbook.xml")
    app = _replace_once(package.read("docProps/app.xml"), b"<vt:lpstr>Sheet1</vt:lpstr>",
                        f"<vt:lpstr>{TEXT_SHEET}</vt:lpstr>".encode(), "app.xml")
    core = re.sub(rb"<dc:creator>[^<]*</dc:creator>", b"<dc:creator>selfeval_xl</dc:creator>",
                  package.read("docProps/core.xml"))
    core = re.sub(rb"<cp:lastModifiedBy>[^<]*</cp:lastModifiedBy>", b"<cp:lastModifiedBy>selfeval_xl</cp:lastModifiedBy>", core)
    relationship = f'<Relationship Id="rIdSelfevalRibbon" Type="{RIBBON_REL_TYPE}" Target="{RIBBON_PART}"/>'
    rels = _replace_once(package.read("_rels/.rels"), b"</Relationships>",
                         relationship.encode() + b"</Relationships>", "_rels/.rels")
    return {
        "xl/workbook.xml": workbook,
        "xl/worksheets/sheet1.xml": text_sheet_xml(),
        "docProps/app.xml": app,
        "docProps/core.xml": core,
        "_rels/.rels": rels,
        RIBBON_PART: ribbon,
    }


def build_addin_bytes(macros_dir: Path | None = None) -> bytes:
    """The add-in built from ``macros_dir``: the same inputs give the same bytes, on any OS."""
    from pyopenvba import ExcelFile  # type: ignore[import-untyped]  # ships no type information

    from selfeval_xl.workbook.package import normalize_package

    macros_dir = macros_dir or default_macros_dir()
    ribbon_path = macros_dir / "customUI14.xml"
    if not macros_dir.is_dir() or not ribbon_path.is_file():
        raise AddinBuildError(texts.render(texts.ADDIN, "build.no_macros", path=macros_dir))
    modules = macro_modules(macros_dir)
    with tempfile.TemporaryDirectory(prefix="selfeval-addin-") as tmp:
        path = Path(tmp) / ADDIN_FILE
        with ExcelFile.create_new(path) as workbook:
            project = workbook.vba_project()
            project.delete_module("Module1")  # the template's empty standard module
            for name, source in modules:
                project.add_module(name, source)
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a warning here (signature, cache) would be a surprise: fail loudly
                workbook.save(path)
        data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        edits = package_edits(package, ribbon_path.read_bytes())
        edits[VBA_PART] = clean_vba_project(package.read(VBA_PART))
    return normalize_package(data, extra=edits)


VBA_PART = "xl/vbaProject.bin"
_VBA_PROJECT_STREAM = "VBA/_VBA_PROJECT"


def clean_vba_project(data: bytes) -> bytes:
    """The VBA project with its ``_VBA_PROJECT`` stream in the form MS-OVBA 2.3.4.1 asks of writers:
    Version 0xFFFF and no performance cache (pyOpenVBA keeps the template's version and zeroes the
    cache body; the stream keeps its length, the bytes after the header stay zero). With a version
    that matches no Office build, Office ignores every compiled (p-code) part — the template's
    ThisWorkbook and Sheet1 included — and compiles the modules from their source on first open."""
    import olefile  # type: ignore[import-untyped]  # ships no type information

    with olefile.OleFileIO(io.BytesIO(data), write_mode=True) as ole:
        stream = bytearray(ole.openstream(_VBA_PROJECT_STREAM).read())
        if stream[:2] != b"\xcc\x61" or len(stream) < 7:
            raise RuntimeError("_VBA_PROJECT: not the MS-OVBA header")
        stream[2:4] = b"\xff\xff"  # Version: MUST be 0xFFFF on write
        stream[4:] = bytes(len(stream) - 4)  # Reserved2, Reserved3 and the (ignored) cache: zero
        ole.write_stream(_VBA_PROJECT_STREAM, bytes(stream))
        ole.fp.seek(0)
        return bytes(ole.fp.read())


# ---- install -------------------------------------------------------------------------------------


def install_target(platform: str, environ: dict[str, str], home: Path) -> Path | None:
    """The folder Excel opens add-ins from at start-up, for the current user; None where Excel is not."""
    if platform.startswith("win"):
        appdata = environ.get("APPDATA") or str(home / "AppData" / "Roaming")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if platform == "darwin":
        content = home / "Library" / "Group Containers" / "UBF8T346G9.Office"
        localized = content / "User Content.localized" / "Startup.localized" / "Excel"
        return localized if localized.parent.is_dir() else content / "User Content" / "Startup" / "Excel"
    return None


def launcher_target(environ: dict[str, str], home: Path) -> Path:
    """The user's Startup folder entry that starts ``selfeval serve`` at logon (Windows)."""
    appdata = environ.get("APPDATA") or str(home / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / "selfeval-service.cmd"


def launcher_text(executable: Path) -> str:
    """The launcher: the windowless interpreter beside ``executable``, isolated (-I: no PYTHONPATH,
    no current folder, no user site on the path), running the installed package's service."""
    windowless = executable.with_name("pythonw.exe")
    interpreter = windowless if windowless.is_file() else executable
    return f'@echo off\r\nstart "" "{interpreter}" -I -m selfeval_xl serve\r\n'


def current_platform() -> str:
    return sys.platform
