"""The per-user loopback service the ribbon calls: who may call it, what it runs, and that a workbook's
own sheets (a ``selfeval.conf``/``xlwings.conf`` sheet, ``*.py`` sheets) never change what runs."""

from __future__ import annotations

import http.client
import json
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlwings as xw

from selfeval_xl.core import texts
from selfeval_xl.excel import service
from tests.conftest import EXAMPLE
from tests.excel.remote import payload_from_xlsx

TOKEN = "s3cret-token"


class Recorder:
    def __init__(self) -> None:
        self.ran: list[tuple[str, Any]] = []

    def __call__(self, action: str, book: Any) -> None:
        self.ran.append((action, book))


@pytest.fixture
def running() -> Iterator[tuple[service.Service, Recorder]]:
    recorder = Recorder()
    worker = service.Worker(open_book=lambda name: f"book:{name}", runner=recorder, check_package=lambda: None)
    server = service.Service(0, TOKEN, worker)
    worker.start()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, recorder
    server.shutdown()
    server.server_close()
    worker.stop()


def post(server: service.Service, body: object, *, token: str | None = TOKEN, host: str | None = None,
         headers: dict[str, str] | None = None, method: str = "POST", path: str = "/run") -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    if token is not None:
        sent[service.TOKEN_HEADER] = token
    if host is not None:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host)
        for key, value in {**sent, "Content-Length": str(len(data))}.items():
            conn.putheader(key, value)
        conn.endheaders(data)
    else:
        conn.request(method, path, body=data, headers=sent)
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, text


def wait_for_job(server: service.Service) -> None:
    assert server.worker.done.wait(10)
    server.worker.done.clear()


def test_binds_loopback_only(running: tuple[service.Service, Recorder]) -> None:
    server, _ = running
    assert server.server_address[0] == "127.0.0.1"


def test_an_accepted_request_runs_its_action_on_the_named_book(running: tuple[service.Service, Recorder]) -> None:
    server, recorder = running
    status, text = post(server, {"action": "check", "book": "C:\\报表\\单位.xlsx"})
    assert (status, text) == (202, texts.ADDIN["service.accepted"])
    wait_for_job(server)
    assert recorder.ran == [("check", "book:C:\\报表\\单位.xlsx")]


def test_the_vba_body_escapes_decode_to_the_same_name(running: tuple[service.Service, Recorder]) -> None:
    """The ribbon sends ASCII JSON with \\uXXXX escapes (JsonText): the service reads the Chinese name back."""
    server, recorder = running
    name = "D:\\绩效\\\"引号\".xlsx"
    escaped = "".join(c if 32 <= ord(c) <= 126 and c not in '"\\' else f"\\u{ord(c):04X}" for c in name)
    body = ('{"action":"report","book":"' + escaped + '"}').encode("ascii")
    assert post(server, body)[0] == 202
    wait_for_job(server)
    assert recorder.ran == [("report", f"book:{name}")]


@pytest.mark.parametrize(
    ("kwargs", "status", "key"),
    [
        ({"token": None}, 403, "service.token"),
        ({"token": "guess"}, 403, "service.token"),
        ({"headers": {"Origin": "https://evil.example"}}, 403, "service.forbidden"),  # a web page
        ({"host": "evil.example:80"}, 403, "service.forbidden"),  # DNS rebinding
        ({"path": "/other"}, 404, "service.bad_request"),
    ],
)
def test_refused_callers_run_nothing(running: tuple[service.Service, Recorder], kwargs: dict[str, Any],
                                     status: int, key: str) -> None:
    server, recorder = running
    got = post(server, {"action": "check", "book": "x.xlsx"}, **kwargs)
    assert got == (status, texts.ADDIN[key])
    assert recorder.ran == []


@pytest.mark.parametrize("body", [
    {"action": "shell", "book": "x.xlsx"},
    {"action": "check"},
    {"action": "check", "book": 3},
    {"book": "x.xlsx"},
    b"not json",
    b"\xff\xfe",
])
def test_unknown_requests_run_nothing(running: tuple[service.Service, Recorder], body: object) -> None:
    server, recorder = running
    assert post(server, body) == (400, texts.ADDIN["service.bad_request"])
    assert recorder.ran == []


def test_get_and_huge_bodies_are_refused(running: tuple[service.Service, Recorder]) -> None:
    server, recorder = running
    assert post(server, b"", method="GET")[0] == 405
    assert post(server, b"x" * (service.MAX_BODY + 1))[0] == 413
    assert recorder.ran == []


def test_service_file_is_crlf_and_private(tmp_path: Path) -> None:
    path = service.write_service_file(tmp_path / ".selfeval", 51234, TOKEN)
    assert path.read_bytes() == f"port=51234\r\ntoken={TOKEN}\r\n".encode("ascii")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [service.SERVICE_FILE]  # no temporary left


def test_settings_come_from_the_user_file_or_the_managed_one_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert service.read_settings({}, home) == service.ServiceSettings(port=0)
    (home / ".selfeval").mkdir(parents=True)
    (home / ".selfeval" / "selfeval.conf").write_text("[service]\nport = 47001\n", encoding="utf-8")
    assert service.read_settings({}, home).port == 47001
    managed = tmp_path / "it.conf"
    managed.write_text("[service]\nport = 47002\n", encoding="utf-8")
    assert service.read_settings({"SELFEVAL_CONF": str(managed)}, home).port == 47002
    managed.write_text("[service]\nport = lots\n", encoding="utf-8")
    assert service.read_settings({"SELFEVAL_CONF": str(managed)}, home).port == 0
    managed.write_text("not an ini file", encoding="utf-8")
    assert service.read_settings({"SELFEVAL_CONF": str(managed)}, home).port == 0


def test_the_installed_package_is_recognised_and_another_copy_is_not(tmp_path: Path) -> None:
    assert service.foreign_package() is None  # this test run imports the installed (editable) package
    impostor = tmp_path / "selfeval_xl"
    impostor.mkdir()
    assert service.foreign_package(impostor) == impostor.resolve()


class FakeApp:
    def __init__(self) -> None:
        self.alerts: list[tuple[str, dict[str, Any]]] = []

    def alert(self, prompt: str, **kwargs: Any) -> None:
        self.alerts.append((prompt, kwargs))


class FakeBook:
    def __init__(self) -> None:
        self.app = FakeApp()


def test_a_foreign_package_stops_the_run_with_a_chinese_dialog(tmp_path: Path) -> None:
    book, recorder = FakeBook(), Recorder()
    worker = service.Worker(open_book=lambda name: book, runner=recorder, check_package=lambda: tmp_path / "x")
    worker.run("check", "a.xlsx")
    assert recorder.ran == []
    (prompt, kwargs), = book.app.alerts
    assert prompt == texts.render(texts.ADDIN, "service.foreign", path=tmp_path / "x") and kwargs["mode"] == "critical"


def test_a_book_that_is_not_open_runs_nothing() -> None:
    recorder = Recorder()
    service.Worker(open_book=lambda name: None, runner=recorder, check_package=lambda: None).run("check", "x")
    assert recorder.ran == []


# ---- a workbook someone else sent cannot choose what runs ------------------------------------------------

EVIL = "open({marker!r}, 'w').write('ran')\n"


def hostile_workbook(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The example with the sheets xlwings would obey: selfeval.conf / xlwings.conf settings pointing
    at a folder whose modules shadow selfeval_xl's, a licence key, and *.py sheets of code."""
    marker = tmp_path / "pwned"
    shadow = tmp_path / "shadow"
    (shadow / "selfeval_xl" / "excel").mkdir(parents=True)
    for module in ("selfeval_xl/__init__.py", "selfeval_xl/excel/__init__.py", "selfeval_xl/excel/adapter.py",
                   "xlwings.py", "adapter.py"):
        (shadow / module).write_text(EVIL.format(marker=str(marker)), encoding="utf-8")
    book = openpyxl.load_workbook(EXAMPLE)
    for title in ("selfeval.conf", "xlwings.conf"):
        ws = book.create_sheet(title)
        for row in (("PYTHONPATH", str(shadow)), ("INTERPRETER_WIN", "C:\\evil\\python.exe"),
                    ("CONDA ENV", "x & calc.exe"), ("LICENSE_KEY", "noncommercial"),
                    ("ADD_WORKBOOK_TO_PYTHONPATH", True)):
            ws.append(row)
    for title in ("adapter.py", "selfeval_xl.py", "main.py"):
        ws = book.create_sheet(title)
        for line in EVIL.format(marker=str(marker)).splitlines():
            ws.append([line])
    path = tmp_path / "别人发来的.xlsx"
    book.save(path)
    return path, marker, shadow


def test_conf_and_py_sheets_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xlwings.pro import embedded_code

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("xlwings' embedded-code route was taken")

    monkeypatch.setattr(embedded_code, "dump_embedded_code", refuse)
    path, marker, shadow = hostile_workbook(tmp_path)
    before_path, before_modules = list(sys.path), set(sys.modules)
    book = xw.Book(json=payload_from_xlsx(path, client="Office.js", version=xw.__version__))
    try:
        worker = service.Worker(open_book=lambda name: book)  # the real runner and package check
        worker.run("check", path.name)
        actions = book.json()["actions"]
    finally:
        book.close()
    alerts = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1 and "校验" in alerts[0], alerts  # our check ran, with its own dialog
    assert not marker.exists()
    assert sys.path == before_path and str(shadow) not in sys.path
    loaded = set(sys.modules) - before_modules
    assert not any(name.endswith(".py") or name in ("adapter", "main") for name in loaded), loaded
    assert Path(sys.modules["selfeval_xl.excel.adapter"].__file__).resolve().parent == Path(service.__file__).resolve().parent
    assert os.environ.get("CONDA_DEFAULT_ENV") != "x & calc.exe"


def test_serve_writes_the_service_file_and_removes_it_when_stopped(tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def ready(server: service.Service, path: Path) -> None:
        seen["text"] = path.read_text(encoding="ascii")
        seen["port"] = server.port
        threading.Thread(target=server.shutdown, daemon=True).start()

    service.serve(service.ServiceSettings(port=0), tmp_path / ".selfeval", ready=ready)
    port, token = seen["text"].splitlines()
    assert port == f"port={seen['port']}" and len(token.removeprefix("token=")) >= 40
    assert not (tmp_path / ".selfeval" / service.SERVICE_FILE).exists()


def test_serve_command_has_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    from selfeval_xl.cli.main import main

    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert texts.ADDIN["help.serve"][:10] in out and "127.0.0.1" in out


# ---- what only the COM path does -------------------------------------------------------------------------


def test_com_reader_knows_percent_cells_as_the_file_reader_does(tmp_path: Path) -> None:
    """98% typed in a %-formatted cell is 0.98 to COM: the COM reader asks the number format of the small
    numbers, so the scores equal those of the file reader (not 0.72 against a target of 90)."""
    from selfeval_xl import evaluate, read_workbook
    from selfeval_xl.excel.adapter import FORMAT_PROBES, raw_from_xlwings
    from tests.excel.fake_com import FakeComBook
    from tests.pipeline.test_departments import (
        _econ,
        _indicator,
        _line,
        _percent_format,
        _write,
        department,
    )

    data = department("某省档案馆", "省本级", 2023)
    t = data["tables"]
    t["general"] = [_line("total", "1000.00", "1000.00"), _line("basic", "1000.00", "1000.00"),
                    _line("personnel", "800.00", "800.00"), _line("public", "200.00", "200.00")]
    t["items"] = [_econ("30101", "800.00"), _econ("30201", "200.00")]
    t["indicators"] = [_indicator("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥", "%", 90, 0, 10,
                                  reason="等候时间较长。")]
    path = _write(tmp_path, data, "p.xlsx")
    _percent_format(path, "绩效指标", "绩效指标表", "实际完成值", 0, 0.72)  # 72%
    from_file = evaluate(read_workbook(path))
    fake = FakeComBook(path)
    from_com = evaluate(raw_from_xlwings(fake))  # type: ignore[arg-type]
    assert from_file.scoring is not None and from_com.scoring is not None
    # 10 × 72/90 = 8.00 on both paths
    assert [s.score for s in from_com.scoring.indicators] == [s.score for s in from_file.scoring.indicators]
    assert from_com.scoring.total == from_file.scoring.total
    assert 0 < fake.calls.count("number_format") <= FORMAT_PROBES * len(fake.sheets)


def test_currency_cells_from_com_are_numbers() -> None:
    from decimal import Decimal

    from selfeval_xl.excel.adapter import normal_value

    assert normal_value(Decimal("176.1800")) == 176.18 and isinstance(normal_value(Decimal("176.1800")), float)
    assert normal_value(Decimal("2020.0000")) == 2020 and isinstance(normal_value(Decimal("2020")), int)
