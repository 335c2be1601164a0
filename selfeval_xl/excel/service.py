"""The add-in's launcher: a per-user service on 127.0.0.1 that the ribbon calls over HTTP.

Why not xlwings' ``RunPython``: it starts Python as a child of Excel through ``cmd.exe`` (blocked
by Defender's ASR rule "Block all Office applications from creating child processes" on managed
PCs) and it reads its settings first from a ``<project>.conf`` sheet *inside the active workbook*
(interpreter, ``PYTHONPATH``, conda env) and runs ``*.py`` sheets as code in its embedded-code
mode — so a workbook someone else sent could choose what runs. Here nothing of that exists:

* ``selfeval serve`` is started once per logon (a launcher in the user's Startup folder, written
  by ``selfeval install-addin``; or a scheduled task that IT manages) with ``python -I``, so no
  environment variable, current folder or user site can put other code first on the path;
* it binds 127.0.0.1 only and writes ``%USERPROFILE%\\.selfeval\\connection.txt`` (port and a fresh
  random token, readable by the user only); the ribbon's VBA reads that file and sends the token
  with every request, so no other user of the machine and no web page can call it (requests with
  an ``Origin`` header, i.e. from a browser, and requests for another ``Host`` are refused too);
* a request names an action from a fixed list and the workbook's ``FullName``; the service finds
  that workbook among the open Excel instances through COM (an out-of-process client, not a child
  of Excel) and runs the same entry points as before (``selfeval_xl.excel.adapter``). The reply
  comes at once (202) and the work runs when Excel is idle, so Excel's macro never waits on COM
  calls into itself;
* before each run it refuses when the imported ``selfeval_xl`` is not the installed distribution
  (``foreign_package``), and the workbook's sheets are only ever read as data: a ``selfeval.conf``,
  ``xlwings.conf`` or ``*.py`` sheet changes nothing (tests prove it).

Settings come from the service's own command line and the per-user file
``%USERPROFILE%\\.selfeval\\selfeval.conf`` (``port = 0`` for a free port; IT may point
``SELFEVAL_CONF`` at a managed file when it starts the service) — never from a workbook.
"""

from __future__ import annotations

import configparser
import hmac
import json
import logging
import os
import queue
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from selfeval_xl.core import texts

log = logging.getLogger("selfeval_xl")

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Selfeval-Token"
SERVICE_FILE = "connection.txt"
CONFIG_FILE = "selfeval.conf"
MAX_BODY = 64 * 1024
ACTIONS = ("check", "report", "export", "ledger", "newyear", "about")


def state_dir(home: Path | None = None) -> Path:
    """%USERPROFILE%\\.selfeval (~/.selfeval): the service file, the user's settings."""
    return (home or Path.home()) / ".selfeval"


@dataclass(frozen=True)
class ServiceSettings:
    port: int = 0  # 0: a free port, written to connection.txt for the ribbon


def read_settings(environ: Mapping[str, str] | None = None, home: Path | None = None) -> ServiceSettings:
    """The per-user (or IT-managed, ``SELFEVAL_CONF``) settings file; defaults when absent or unreadable."""
    environ = os.environ if environ is None else environ
    path = Path(environ["SELFEVAL_CONF"]) if environ.get("SELFEVAL_CONF") else state_dir(home) / CONFIG_FILE
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
        port = parser.getint("service", "port", fallback=0)
    except (configparser.Error, ValueError, OSError):
        return ServiceSettings()
    return ServiceSettings(port=port if 0 <= port < 65536 else 0)


def write_service_file(folder: Path, port: int, token: str) -> Path:
    """port= and token= lines (CRLF: VBA's Line Input), readable by this user only, replaced atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SERVICE_FILE
    temporary = folder / f".{SERVICE_FILE}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii", newline="\r\n") as fh:
        fh.write(f"port={port}\ntoken={token}\n")
    temporary.replace(path)
    return path


def foreign_package(package_dir: Path | None = None) -> Path | None:
    """Where ``selfeval_xl`` was imported from, when that is not the installed distribution; else None.

    A regular install lists ``selfeval_xl/__init__.py`` among its files; an editable install records
    its source folder in ``direct_url.json``. No distribution at all is foreign too.
    """
    import importlib.metadata as metadata
    from urllib.parse import unquote, urlparse

    here = (package_dir or Path(__file__).resolve().parents[1]).resolve()
    try:
        dist = metadata.distribution("selfeval_xl")
    except metadata.PackageNotFoundError:
        return here
    for item in dist.files or ():
        if item.as_posix() == "selfeval_xl/__init__.py":
            installed = Path(str(dist.locate_file(item))).resolve().parent
            return None if installed == here else here
    direct = dist.read_text("direct_url.json")
    if direct:
        try:
            info = json.loads(direct)
        except ValueError:
            return here
        url = urlparse(str(info.get("url", "")))
        if info.get("dir_info", {}).get("editable") and url.scheme == "file":
            source = Path(unquote(url.path.lstrip("/") if os.name == "nt" else url.path))
            return None if (source / "selfeval_xl").resolve() == here else here
    return here


# ---- the work ----------------------------------------------------------------------------------------


BookOpener = Callable[[str], Any]
Runner = Callable[[str, Any], None]


def open_book_through_com(fullname: str) -> Any:
    """The workbook ``fullname`` open in any running Excel instance (COM; Windows desktop Excel)."""
    import xlwings as xw

    for app in xw.apps:
        for book in app.books:
            if book.fullname == fullname:
                return book
    return None


def run_action(action: str, book: Any) -> None:
    """One ribbon action on ``book``, through the entry points the CLI's engine is behind."""
    from selfeval_xl.excel import adapter
    from selfeval_xl.excel.new_year import run_new_year

    entry = {
        "check": adapter.run_check,
        "report": adapter.run_generate_report,
        "export": adapter.run_export,
        "ledger": adapter.run_import_ledger,
        "newyear": run_new_year,
        "about": adapter.run_about,
    }[action]
    entry(book)


class Worker:
    """Runs accepted jobs one at a time, in the order they came, on one thread (COM initialised there)."""

    def __init__(self, open_book: BookOpener = open_book_through_com, runner: Runner = run_action,
                 check_package: Callable[[], Path | None] = foreign_package) -> None:
        self.jobs: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self.open_book, self.runner, self.check_package = open_book, runner, check_package
        self.thread = threading.Thread(target=self._loop, name="selfeval-worker", daemon=True)
        self.done = threading.Event()  # set after each job: tests wait on it

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.jobs.put(None)
        self.thread.join(timeout=10)

    def _loop(self) -> None:
        com = _com_initialise()
        try:
            while (job := self.jobs.get()) is not None:
                try:
                    self.run(*job)
                except Exception:  # never let one job end the service
                    log.exception("service job failed")
                finally:
                    self.done.set()
        finally:
            com()

    def run(self, action: str, fullname: str) -> None:
        book = self.open_book(fullname)
        if book is None:
            log.warning("service: workbook not open: %s", fullname)
            return
        foreign = self.check_package()
        if foreign is not None:
            book.app.alert(texts.render(texts.ADDIN, "service.foreign", path=foreign),
                           title=texts.ADDIN["dialog.title"], mode="critical")
            return
        self.runner(action, book)


def _com_initialise() -> Callable[[], None]:
    """CoInitialize on this thread where pywin32 is (Windows); its undo."""
    try:
        import pythoncom  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return lambda: None
    pythoncom.CoInitialize()
    return pythoncom.CoUninitialize  # type: ignore[no-any-return,unused-ignore]


# ---- HTTP --------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    server: Service
    server_version = "selfeval"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("service: " + format, *args)

    def do_GET(self) -> None:
        self._reply(HTTPStatus.METHOD_NOT_ALLOWED, texts.ADDIN["service.bad_request"])

    def do_POST(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self._reply(*refusal)
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            action, book = request["action"], request.get("book", "")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            self._reply(HTTPStatus.BAD_REQUEST, texts.ADDIN["service.bad_request"])
            return
        if action not in ACTIONS or not isinstance(book, str) or not book or len(book) > 32_767:
            self._reply(HTTPStatus.BAD_REQUEST, texts.ADDIN["service.bad_request"])
            return
        self.server.worker.jobs.put((action, book))
        self._reply(HTTPStatus.ACCEPTED, texts.ADDIN["service.accepted"])

    def _refusal(self) -> tuple[HTTPStatus, str] | None:
        if self.path != "/run":
            return HTTPStatus.NOT_FOUND, texts.ADDIN["service.bad_request"]
        if self.headers.get("Origin") is not None:  # a browser page: never
            return HTTPStatus.FORBIDDEN, texts.ADDIN["service.forbidden"]
        port = self.server.server_address[1]
        if self.headers.get("Host") not in (f"{HOST}:{port}", f"localhost:{port}"):  # DNS rebinding
            return HTTPStatus.FORBIDDEN, texts.ADDIN["service.forbidden"]
        given = self.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.server.token.encode("ascii")):
            return HTTPStatus.FORBIDDEN, texts.ADDIN["service.token"]
        length = self.headers.get("Content-Length") or ""
        if not length.isdigit() or int(length) > MAX_BODY:
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, texts.ADDIN["service.bad_request"]
        return None

    def _reply(self, status: HTTPStatus, message: str) -> None:
        body = message.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Service(ThreadingHTTPServer):
    """The loopback HTTP server with its token and worker."""

    daemon_threads = True

    def __init__(self, port: int = 0, token: str | None = None, worker: Worker | None = None) -> None:
        super().__init__((HOST, port), _Handler)
        self.token = token or secrets.token_urlsafe(32)
        self.worker = worker or Worker()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


def serve(settings: ServiceSettings, folder: Path, *, ready: Callable[[Service, Path], None] | None = None) -> None:
    """Run until interrupted: bind, write the service file, start the worker, serve."""
    service = Service(settings.port)
    path = write_service_file(folder, service.port, service.token)
    service.worker.start()
    if ready is not None:
        ready(service, path)
    try:
        service.serve_forever()
    finally:
        service.server_close()
        service.worker.stop()
        path.unlink(missing_ok=True)
