"""The report handed to a producer: the issues of their lieux as CSV or as a printable HTML page (pure Python).

Both the validation dock ("Rapport…") and the Processing algorithm ``mednum:report`` build it the same way:
the engine's issues **with probable duplicates**, the accepted issues set apart (not counted, listed with
their reason), the lieux named (name, commune) for the summaries by commune and the lieux with the most issues.
The HTML page is :func:`~.report_html.render_html`; the CSV has one row per issue (UTF-8 with BOM so that
spreadsheets read the accents, comma separated, columns below).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from .acceptances import AcceptanceBook
from .csv_safety import defuse_row
from .errors import WriteError
from .i18n import translate
from .report_html import Lieu, render_html
from .validation.codes import CODES
from .validation.duplicates import DuplicateSettings
from .validation.engine import ValidationOptions
from .validation.issues import Issue, Report

REPORT_EXTENSIONS = (".html", ".csv")
CSV_COLUMNS = (
    "row", "id", "nom", "commune", "field", "code", "severity", "rule", "message", "value", "suggestion",
    "status", "reason",
)
OPEN = "open"
ACCEPTED = "accepted"


def report_options(duplicates: DuplicateSettings | None = None, **options: Any) -> ValidationOptions:
    """Validation options of a producers' report: every rule, probable duplicates included (the issue set's)."""
    from .validation.issue_set import issue_options

    return issue_options(duplicates=duplicates, **options)


def lieux_of(records: Sequence[Mapping[str, str]], rows: Sequence[Any] | None = None) -> dict[Any, Lieu]:
    """{row: Lieu(nom, commune)} of records (rows default to 1-based positions)."""
    rows = rows if rows is not None else range(1, len(records) + 1)
    return {row: Lieu(record.get("nom") or "", record.get("commune") or "") for row, record in zip(rows, records)}


def lieux_of_table(table, schema=None, ignore_case: bool = False) -> dict[Any, Lieu]:
    """{row number: Lieu(nom, commune)} of a table read from a file (columns matched as the engine does)."""
    from .records import match_header
    from .schema import load_schema

    schema = schema or load_schema()
    keys = match_header(table, schema, ignore_case).keys
    nom, commune = keys.get("nom"), keys.get("commune")
    numbers = list(getattr(table, "row_numbers", None) or range(1, len(table.rows) + 1))
    return {
        number: Lieu(row.get(nom, "") if nom else "", row.get(commune, "") if commune else "")
        for number, row in zip(numbers, table.rows)
    }


def split_accepted(
    report: Report, book: AcceptanceBook | None, lieu_of_row: Callable[[Any], Any] = lambda row: row
) -> tuple[Report, list[tuple[Issue, str]]]:
    """(report of the issues not accepted, [(accepted issue, reason)]). ``lieu_of_row`` maps an issue's row to
    the lieu key the acceptances use (the feature id). Nothing is written (a report never lapses anything)."""
    if book is None or not len(book):
        return report, []
    kept: list[Issue] = []
    accepted: list[tuple[Issue, str]] = []
    for issue in report.issues:
        acceptance = book.match(lieu_of_row(issue.row), issue) if issue.row is not None else None
        if acceptance is None:
            kept.append(issue)
        else:
            accepted.append((issue, acceptance.reason))
    return Report(rows=report.rows, issues=kept, source=report.source, schema_version=report.schema_version), accepted


def issues_csv(
    report: Report, lieux: Mapping[Any, Lieu] | None = None, accepted: Iterable[tuple[Issue, str]] = ()
) -> str:
    """The issues as CSV text (columns :data:`CSV_COLUMNS`; accepted issues last, with their reason)."""
    lieux = lieux or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = [(issue, OPEN, "") for issue in report.issues] + [(issue, ACCEPTED, reason) for issue, reason in accepted]
    for issue, status, reason in rows:
        lieu = lieux.get(issue.row, Lieu())
        writer.writerow(  # every cell defused: a name, an id or a reason can hold a formula as well as a value
            defuse_row(
                [
                    "" if issue.row is None else issue.row, issue.id, lieu.nom, lieu.commune, issue.field, issue.code,
                    issue.severity, CODES[issue.code].title if issue.code in CODES else "", issue.message,
                    issue.value, issue.suggestion or "", status, reason,
                ]
            )
        )
    return buffer.getvalue()


def write_report(
    path: str | os.PathLike,
    report: Report,
    lieux: Mapping[Any, Lieu] | None = None,
    accepted: Sequence[tuple[Issue, str]] = (),
    title: str | None = None,
    source: str | None = None,
) -> Path:
    """Write the report as HTML or CSV (chosen by the extension of ``path``); raises WriteError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_EXTENSIONS:
        raise WriteError(
            translate("ProducerReport", "Choose a report file ending in .html or .csv (not “{name}”).").format(
                name=path.name
            ),
            "report-format",
        )
    if suffix == ".html":
        title = title or translate("ProducerReport", "Issues to correct in the lieux de médiation numérique")
        text = render_html(report, title=title, source=source, lieux=lieux, accepted=accepted)
        encoding = "utf-8"
    else:
        text = issues_csv(report, lieux, accepted)
        encoding = "utf-8-sig"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=encoding, newline="")
    except OSError as error:
        raise WriteError(
            translate("ProducerReport", "Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror or error
            ),
            "unwritable",
        ) from None
    return path
