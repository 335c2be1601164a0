"""The one edge of the auditor that touches files: a report file → its text blocks.

Exceptions (the whole tree):
    AuditInputError   the file is missing, unreadable, of an unsupported type, or a PDF
                      without extractable text; its message is Chinese, for the accountant.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selfeval_xl.core.errors import os_reason as _os_reason
from selfeval_xl.core.texts import AUDIT, render

_TEXT_ENCODINGS = ("utf-8-sig", "gb18030")


class AuditInputError(Exception):
    """The report cannot be read; ``str(exc)`` is a Chinese message naming the file."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        super().__init__(render(AUDIT, key, **params))


def read_report(path: str | Path) -> tuple[str, ...]:
    """Text blocks of a .txt (one block), .docx (one per paragraph, one per table row of short cells, or
    one per paragraph of a cell holding prose, in document order) or .pdf (one block, its pages in order: a sentence goes on across a page break)."""
    file = Path(path)
    try:
        if file.is_dir():
            raise AuditInputError("input.is_directory", path=str(file))
        if not file.is_file():
            raise AuditInputError("input.missing", path=str(file))
    except OSError as exc:  # a name too long for the file system, a loop of links …
        raise AuditInputError("input.unreadable", path=str(file), reason=_os_reason(exc)) from exc
    suffix = file.suffix.lower()
    try:
        if suffix == ".txt":
            return (_read_txt(file),)
        if suffix == ".docx":
            return tuple(_read_docx(file))
        if suffix == ".pdf":
            return _read_pdf(file)
    except AuditInputError:
        raise
    except OSError as exc:
        raise AuditInputError("input.unreadable", path=str(file), reason=_os_reason(exc)) from exc
    raise AuditInputError("input.unsupported", path=str(file), suffix=suffix or "?")


def _read_txt(file: Path) -> str:
    data = file.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AuditInputError("input.encoding", path=str(file))


def _read_docx(file: Path) -> Iterator[str]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is in the test and docx extras
        raise AuditInputError("input.needs_docx", path=str(file)) from exc
    try:
        document = docx.Document(str(file))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise AuditInputError("input.bad_docx", path=str(file)) from exc
    except Exception as exc:
        raise AuditInputError("input.bad_docx", path=str(file)) from exc
    yield from _blocks(document.element.body)


def _blocks(container: Any) -> Iterator[str]:
    """Paragraph texts of a body or cell, descending into tables (merged cells once)."""
    from docx.oxml.ns import qn

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield _text(child)
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):
            yield from _blocks(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                cells = list(row.iterchildren(qn("w:tc")))
                line = _row_line(cells)
                if line is not None:
                    yield line
                    continue
                for cell in cells:
                    yield from _blocks(cell)


_ROW_CELL = 60  # characters: a cell longer than this holds prose, and its row is read cell by cell


def _row_line(cells: list[Any]) -> str | None:
    """A row of figures as one line, its cells between " | " as a page copied as text prints it ("合计 |  | 100 | 91.5"),
    so that a table's rows are read as rows; None for a row of one cell, or holding a table or prose (a layout table,
    a 自评表's 年度总体目标: read paragraph by paragraph as before)."""
    from docx.oxml.ns import qn

    if len(cells) < 2:
        return None
    texts = []
    for cell in cells:
        if any(True for _ in cell.iter(qn("w:tbl"))):
            return None
        # a break inside a cell wraps its words ("偏差原因分析" / "及改进措施"): one cell still
        text = " ".join(t for t in (_text(p).replace("\n", "").strip() for p in cell.iterchildren(qn("w:p"))) if t)
        if len(text) > _ROW_CELL:
            return None
        texts.append(text)
    return " | ".join(texts)


def _text(paragraph: Any) -> str:
    from docx.oxml.ns import qn

    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _read_pdf(file: Path) -> tuple[str, ...]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError
    except ImportError as exc:
        raise AuditInputError("input.needs_pypdf", path=str(file)) from exc
    logging.getLogger("pypdf").addHandler(logging.NullHandler())  # its English warnings never reach stderr
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(str(file))
            if reader.is_encrypted:
                raise AuditInputError("input.pdf_encrypted", path=str(file))
            pages = tuple(page.extract_text() or "" for page in reader.pages)
    except AuditInputError:
        raise
    except LimitReachedError as exc:  # a decompression bomb: pypdf stops it at its output limit
        raise AuditInputError("input.pdf_bomb", path=str(file)) from exc
    except OSError as exc:
        raise AuditInputError("input.unreadable", path=str(file), reason=_os_reason(exc)) from exc
    except Exception as exc:  # PdfReadError, zlib.error, malformed objects: the file is damaged
        raise AuditInputError("input.bad_pdf", path=str(file)) from exc
    if not any(page.strip() for page in pages):
        raise AuditInputError("input.pdf_no_text", path=str(file))
    # one block: a page break is no paragraph break ("…支出决算为" at a page's foot, "316.57万元" on the next)
    return ("\n".join(_without_running_lines(pages)),)


def _without_running_lines(pages: tuple[str, ...]) -> list[str]:
    """The pages without the header and footer lines printed on most of them (a running title, "第3页");
    a line counts as running when, digits aside, it opens or closes at least half the pages (two or more)."""
    if len(pages) < 2:
        return list(pages)
    lines = [page.strip("\n").splitlines() for page in pages]  # blank lines inside a page still part paragraphs

    def key(line: str) -> str:
        return "".join("#" if c.isdigit() else c for c in line.strip())

    def trimmed(page: list[str]) -> list[str]:
        while page and not page[0].strip():
            page = page[1:]
        while page and not page[-1].strip():
            page = page[:-1]
        return page

    running: set[str] = set()
    for edge in (0, -1):
        counts = Counter(key(page[edge]) for page in map(trimmed, lines) if page)
        running |= {k for k, n in counts.items() if n >= 2 and n * 2 >= len(pages)}
    out = []
    for page in lines:
        page = trimmed(page)
        while page and (key(page[0]) in running or not page[0].strip()):
            page = page[1:]
        while page and (key(page[-1]) in running or not page[-1].strip()):
            page = page[:-1]
        out.append("\n".join(page))
    return out
