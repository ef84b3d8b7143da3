"""The issue set of lieux: what every place that shows issues validates, and how it counts them (pure Python).

The validation dock, the message bar after an import, the command line and its reports, the demo's headless
report and the Processing algorithms (``mednum:validate``, ``mednum:report``) all call :func:`issue_set` with
:func:`issue_options` and count with :func:`issue_counts`, so that the same lieux show the same numbers
everywhere:

* every rule of the engine, the uniqueness of ``id`` and the **probable duplicates** (a cross-record rule);
* the counts split between the issues of the **lieux** (a row) and those of the **file** as written (a
  missing, extra or disordered column: ``row`` is ``None``). A working layer has every column of the standard,
  so its file part is empty: the lieux part is the number to compare between a file and its working layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..i18n import translate
from ..schema import Schema, load_schema
from .codes import ERROR, WARNING
from .duplicates import CODE as DUPLICATE_CODE
from .duplicates import DuplicateSettings
from .engine import ValidationOptions, validate_records, validate_table
from .issues import Issue, Report


def issue_options(
    options: ValidationOptions | None = None, duplicates: DuplicateSettings | None = None, **overrides: Any
) -> ValidationOptions:
    """``options`` (or the defaults, then ``overrides``) with probable duplicates looked for (``duplicates``:
    the thresholds, e.g. the plugin settings'; default thresholds otherwise)."""
    from dataclasses import replace

    base = options if options is not None else ValidationOptions(**overrides)
    if options is not None and overrides:
        base = replace(base, **overrides)
    if duplicates is not None or base.duplicates is None:
        base = replace(base, duplicates=duplicates or DuplicateSettings())
    return base


def issue_set(
    source: Any,
    schema: Schema | None = None,
    options: ValidationOptions | None = None,
    row_numbers: Sequence[int] | None = None,
) -> Report:
    """The issues of lieux, duplicates included: ``source`` is a table read from a file (a
    :class:`~plugin.core.records.Table`: its header is checked too) or records in the standard's flat form
    (dicts, :class:`~plugin.core.records.ColumnarRecords`). ``options`` default to :func:`issue_options`;
    given options get probable duplicates when they have none."""
    from ..records import Table

    schema = schema or load_schema()
    options = issue_options(options)
    if isinstance(source, Table):
        return validate_table(source, schema, options)
    return validate_records(source, schema, options, row_numbers=row_numbers)


@dataclass(frozen=True)
class IssueCounts:
    """The counts every view shows: the lieux's issues, the file's, and the lieux flagged as duplicates."""

    lieux: int = 0
    errors: int = 0  # issues of lieux (a row)
    warnings: int = 0
    lieux_with_errors: int = 0
    duplicates: int = 0  # lieux flagged as probable duplicates
    file_errors: int = 0  # issues of the file as written (row None: its columns)
    file_warnings: int = 0

    @property
    def total_errors(self) -> int:
        return self.errors + self.file_errors

    @property
    def total_warnings(self) -> int:
        return self.warnings + self.file_warnings

    @property
    def conformant(self) -> bool:
        return self.total_errors == 0

    def text(self) -> str:
        """``"the lieux: 3 errors (2 lieux with errors), 5 warnings, 1 lieux flagged as probable duplicates · the
        file's columns: 0 errors, 1 warnings"``."""
        text = translate(
            "IssueCounts", "the lieux: {errors} errors ({lieux} lieux with errors), {warnings} warnings"
        ).format(
            errors=self.errors, lieux=self.lieux_with_errors, warnings=self.warnings
        )
        if self.duplicates:
            text += translate("IssueCounts", ", {n} lieux flagged as probable duplicates").format(n=self.duplicates)
        if self.file_errors or self.file_warnings:
            text += " · " + translate("IssueCounts", "the file's columns: {errors} errors, {warnings} warnings").format(
                errors=self.file_errors, warnings=self.file_warnings
            )
        return text


def issue_counts(
    issues: Report | Sequence[Issue] | Mapping[Any, Sequence[Issue]], lieux: int | None = None
) -> IssueCounts:
    """The :class:`IssueCounts` of a report, a list of issues or ``{lieu: issues}`` (``lieux``: how many lieux
    were validated; a report knows it)."""
    if isinstance(issues, Report):
        lieux = issues.rows if lieux is None else lieux
        issues = issues.issues
    elif isinstance(issues, Mapping):
        issues = [issue for found in issues.values() for issue in found]
    errors = warnings = file_errors = file_warnings = 0
    error_rows: set = set()
    duplicate_rows: set = set()
    for issue in issues:
        severity, row = issue.severity, issue.row
        if row is None:
            if severity == ERROR:
                file_errors += 1
            elif severity == WARNING:
                file_warnings += 1
            continue
        if severity == ERROR:
            errors += 1
            error_rows.add(row)
        elif severity == WARNING:
            warnings += 1
        if issue.code == DUPLICATE_CODE:
            duplicate_rows.add(row)
    return IssueCounts(
        lieux=lieux or 0, errors=errors, warnings=warnings, lieux_with_errors=len(error_rows),
        duplicates=len(duplicate_rows), file_errors=file_errors, file_warnings=file_warnings,
    )
