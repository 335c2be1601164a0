"""``selfeval audit REPORT [--json]``: audit a report file and print the findings.

Exit codes: 0 no error findings (warnings allowed), 1 error findings, 2 usage, 3 unreadable file.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import click

from selfeval_xl.audit import AuditInputError, AuditReport, Finding
from selfeval_xl.cli.chinese import ChineseCommand
from selfeval_xl.core.errors import EXIT_DATA as EXIT_FINDINGS
from selfeval_xl.core.errors import EXIT_INPUT, EXIT_OK
from selfeval_xl.core.texts import AUDIT, render

FINDING_KEYS = (
    "code",
    "severity",
    "section",
    "paragraph",
    "section_paragraph",
    "sentence",
    "stated",
    "expected",
    "message",
    "confidence",  # added after the first release: keys are only ever appended
    "cell",  # the worksheet cell of a finding in a workbook's 自评表 ("" for a text report)
)


def finding_row(finding: Finding) -> dict[str, Any]:
    row = {key: getattr(finding, key) for key in FINDING_KEYS}
    row["severity"] = finding.severity.value
    return row


def summary(report: AuditReport) -> dict[str, Any]:
    by_code = Counter(f.code for f in report.findings)
    return {
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "paragraphs": report.paragraphs,
        "figures": len(report.figures),
        "by_code": dict(sorted(by_code.items())),
    }


def to_json(file: str, report: AuditReport) -> str:
    """The stable JSON document: fixed key order, findings in report order, Chinese unescaped."""
    document = {
        "file": file,
        "findings": [finding_row(f) for f in report.findings],
        "summary": summary(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _location(finding: Finding) -> str:
    if finding.cell:
        return render(AUDIT, "cli.location_cell", cell=finding.cell)
    if finding.paragraph == 0:
        return render(AUDIT, "cli.location_document")
    section = finding.section or render(AUDIT, "cli.front_matter")
    key = "cli.location_heading" if finding.section_paragraph == 0 and finding.section else "cli.location"
    return render(
        AUDIT, key, section=section, section_paragraph=finding.section_paragraph, paragraph=finding.paragraph
    )


def to_lines(file: str, report: AuditReport) -> list[str]:
    """The readable listing: one block per finding, then a one-line summary."""
    lines = [render(AUDIT, "cli.header", file=file)]
    for f in report.findings:
        severity = render(AUDIT, f"severity.{f.severity.value}")
        lines.append(render(AUDIT, "cli.finding", severity=severity, location=_location(f), code=f.code))
        if f.sentence:
            lines.append(render(AUDIT, "cli.quote", sentence=f.sentence))
        if f.stated is not None or f.expected is not None:
            lines.append(render(AUDIT, "cli.values", stated=f.stated or "-", expected=f.expected or "-"))
        lines.append(render(AUDIT, "cli.message", message=f.message))
    counts = summary(report)
    key = "cli.summary" if report.findings else "cli.clean"
    lines.append(render(AUDIT, key, **counts))
    return lines


@click.command("audit", cls=ChineseCommand, help=AUDIT["cli.help"])
@click.argument("report", type=click.Path(path_type=str), help=AUDIT["cli.help_report"])
@click.option("--json", "as_json", is_flag=True, help=AUDIT["cli.help_json"])
def audit_command(report: str, as_json: bool) -> None:
    """Audit the arithmetic and consistency of a 自评报告 (.docx, .txt or .pdf) or a 自评表 workbook (.xlsx)."""
    from selfeval_xl.core.errors import WorkbookError
    from selfeval_xl.workbook.sheet_text import audit_any

    try:
        result = audit_any(report)
    except (AuditInputError, WorkbookError) as exc:
        click.echo(str(exc), err=True)
        # SystemExit, not click's Exit: it carries the code through a non-standalone caller too.
        raise SystemExit(EXIT_INPUT) from exc
    if as_json:
        click.echo(to_json(report, result))
    else:
        for line in to_lines(report, result):
            click.echo(line)
    raise SystemExit(EXIT_FINDINGS if result.errors else EXIT_OK)

