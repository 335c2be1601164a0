"""The ribbon and the VBA callbacks: schema-valid, every button wired to a Sub that calls the service with a known action."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from selfeval_xl.core import texts
from selfeval_xl.excel.addin import RIBBON_PART
from selfeval_xl.excel.service import ACTIONS
from tests.excel.conftest import DATA, MACROS

XS = "{http://www.w3.org/2001/XMLSchema}"
CUSTOMUI = "{http://schemas.microsoft.com/office/2009/07/customui}"
RIBBON_SUB = re.compile(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(\s*control\s+As\s+IRibbonControl\s*\)", re.I | re.M)
CALL_SERVICE = re.compile(r'\bCallService\s+"(\w+)",\s*"([\w.]+)"')


def load_schema(path: Path) -> etree.XMLSchema:
    """Microsoft's customUI14.xsd, made acceptable to libxml2.

    As published, a few complex types extend a base that already brings an attribute (directly or
    through an attribute group) and declare it again; .NET tolerates that, libxml2 refuses
    ("Duplicate attribute use 'getEnabled'"). In memory only, each such redundant declaration is
    dropped from the extension (a group that also brings new attributes is replaced by those).
    """
    doc = etree.parse(str(path))
    root = doc.getroot()
    types = {ct.get("name"): ct for ct in root.findall(XS + "complexType")}
    groups = {g.get("name"): g for g in root.findall(XS + "attributeGroup")}

    def group_attributes(ref: str) -> list[etree._Element]:
        group = groups[ref]
        found = list(group.findall(XS + "attribute"))
        for sub in group.findall(XS + "attributeGroup"):
            found += group_attributes(sub.get("ref"))
        return found

    def own(node: etree._Element) -> set[str]:
        names = {a.get("name") for a in node.findall(XS + "attribute")}
        for g in node.findall(XS + "attributeGroup"):
            names |= {a.get("name") for a in group_attributes(g.get("ref"))}
        return names

    def inherited(type_name: str) -> set[str]:
        node = types.get(type_name)
        if node is None:
            return set()
        names = own(node)
        for ext in node.iter(XS + "extension"):
            names |= own(ext) | inherited(ext.get("base"))
        return names

    for node in types.values():
        for ext in node.iter(XS + "extension"):
            seen = inherited(ext.get("base"))
            for child in list(ext):
                if child.tag == XS + "attribute":
                    attributes = [child]
                elif child.tag == XS + "attributeGroup":
                    attributes = group_attributes(child.get("ref"))
                else:
                    continue
                if any(a.get("name") in seen for a in attributes):
                    at = ext.index(child)
                    ext.remove(child)
                    if child.tag == XS + "attributeGroup":
                        for a in reversed([a for a in attributes if a.get("name") not in seen]):
                            ext.insert(at, copy.deepcopy(a))
                seen |= {a.get("name") for a in attributes}
    return etree.XMLSchema(doc)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return load_schema(DATA / "customui14.xsd")


def built_ribbon(addin_bytes: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(addin_bytes)) as package:
        return etree.fromstring(package.read(RIBBON_PART))


def test_the_schema_copy_is_microsofts() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "customui14.xsd"
    if shared.is_file():  # beside the repository in CI and on developer machines
        assert (DATA / "customui14.xsd").read_bytes() == shared.read_bytes()
    assert b'targetNamespace="http://schemas.microsoft.com/office/2009/07/customui"' in (DATA / "customui14.xsd").read_bytes()


def test_ribbon_validates_against_customui14(schema: etree.XMLSchema, addin_bytes: bytes) -> None:
    ribbon = built_ribbon(addin_bytes)
    assert schema.validate(ribbon), schema.error_log


def test_schema_rejects_a_broken_ribbon(schema: etree.XMLSchema, addin_bytes: bytes) -> None:
    broken = built_ribbon(addin_bytes)
    button = broken.find(f".//{CUSTOMUI}button")
    button.set("size", "huge")
    assert not schema.validate(broken)
    unknown = built_ribbon(addin_bytes)
    unknown.find(f".//{CUSTOMUI}tab").set("bogus", "1")
    assert not schema.validate(unknown)


def _vba_sources() -> str:
    return "\n".join(p.read_bytes().decode("ascii") for p in sorted(MACROS.glob("*.bas")))


def test_every_onaction_has_a_ribbon_sub(addin_bytes: bytes) -> None:
    actions = [el.get("onAction") for el in built_ribbon(addin_bytes).iter() if el.get("onAction")]
    subs = RIBBON_SUB.findall(_vba_sources())
    assert len(actions) == 6
    assert len(subs) == len(set(subs)), "a ribbon callback is defined twice"
    assert sorted(a.rsplit(".", 1)[-1] for a in actions) == sorted(subs)


def test_ribbon_labels_are_the_catalog(addin_bytes: bytes) -> None:
    """Labels stay readable in the XML that ships; this keeps them equal to texts.ADDIN."""
    ribbon = built_ribbon(addin_bytes)
    tab = ribbon.find(f".//{CUSTOMUI}tab")
    assert tab.get("label") == texts.ADDIN["ribbon.tab"]
    groups = [g.get("label") for g in ribbon.iter(f"{CUSTOMUI}group")]
    assert groups == [texts.ADDIN["ribbon.group_main"], texts.ADDIN["ribbon.group_help"]]
    keys = {"SelfevalLedger": "ledger", "SelfevalCheck": "check", "SelfevalReport": "report",
            "SelfevalExport": "export", "SelfevalNewYear": "newyear", "SelfevalAbout": "about"}
    for button in ribbon.iter(f"{CUSTOMUI}button"):
        key = keys[button.get("onAction")]
        assert button.get("label") == button.get("screentip") == texts.ADDIN[f"ribbon.{key}"]
        assert button.get("supertip") == texts.ADDIN[f"ribbon.{key}_tip"]


def test_every_vba_text_key_is_in_the_catalog() -> None:
    keys = set(re.findall(r'AddinText\s*\(?\s*"([\w.]+)"', _vba_sources()))
    keys |= {status for _, status in CALL_SERVICE.findall(_vba_sources())}
    assert keys >= {"status.ledger", "status.check", "status.report", "status.export", "status.about",
                    "vba.no_workbook", "vba.service_missing", "vba.service_down", "dialog.title"}
    assert keys <= set(texts.ADDIN)


def test_every_button_sub_calls_the_service_once_with_an_action_it_knows() -> None:
    source = _vba_sources()
    sent = []
    for name in RIBBON_SUB.findall(source):
        body = source.split(f"Sub {name}(", 1)[1].split("End Sub", 1)[0]
        calls = CALL_SERVICE.findall(body)
        assert len(calls) == 1, name
        action, status = calls[0]
        assert action in ACTIONS and status == f"status.{action}", name
        sent.append(action)
    assert sorted(sent) == sorted(ACTIONS)


def test_every_action_the_service_accepts_runs_an_adapter_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    from selfeval_xl.excel import adapter, new_year, service

    ran: list[tuple[str, object]] = []
    for name in ("run_check", "run_generate_report", "run_export", "run_import_ledger", "run_about"):
        monkeypatch.setattr(adapter, name, lambda book, name=name: ran.append((name, book)))
    monkeypatch.setattr(new_year, "run_new_year", lambda book: ran.append(("run_new_year", book)))
    for action in ACTIONS:
        service.run_action(action, "book")
    assert [name for name, _ in ran] == ["run_check", "run_generate_report", "run_export", "run_import_ledger",
                                         "run_new_year", "run_about"]


def test_the_service_starts_in_a_fresh_isolated_interpreter() -> None:
    """As the logon launcher runs it (-I: no PYTHONPATH, no current folder on the path): the module imports."""
    result = subprocess.run([sys.executable, "-I", "-c", "import selfeval_xl.excel.service as s; assert s.ACTIONS"],
                            cwd=MACROS, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_macro_sources_are_crlf_ascii() -> None:
    for path in sorted(MACROS.glob("*.bas")):
        data = path.read_bytes()
        data.decode("ascii")
        assert b"\n" not in data.replace(b"\r\n", b""), path.name
