"""What an import or an export tells the user (pure Python; the GUI shows it in the message bar with
details, Processing in its log).

* import: how many lieux, which have no point, which source columns were kept aside, validation counts;
* export: where, which format, how many lieux, and the validation counts of what was written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .coordinates import points_of_columns
from .i18n import translate
from .records import ColumnarRecords

MAX_LISTED = 20  # lieux listed by id in the details; the rest is counted


def _label(record: Mapping[str, str], row: int) -> str:
    ident = (record.get("id") or "").strip()
    name = (record.get("nom") or "").strip()
    if ident and name:
        return f"{ident} ({name})"
    return ident or name or translate("ImportSummary", "row {row}").format(row=row)


@dataclass
class ImportSummary:
    """Counts and lists of one import (a working layer created from a source)."""

    source: str
    lieux: int = 0
    without_point: list[str] = field(default_factory=list)  # labels of lieux kept with a null geometry
    unreadable_point: list[str] = field(default_factory=list)  # …of which the coordinates are not numbers
    extra_columns: list[str] = field(default_factory=list)  # source columns kept in the side table
    errors: int = 0
    warnings: int = 0
    records_with_errors: int = 0
    duplicates: int = 0  # lieux flagged as probable duplicates
    notes: list[str] = field(default_factory=list)  # what the reader noticed (encoding, blank rows…)
    output: str = ""
    validated: bool = True  # False while the validation counts are still being computed
    records: list = field(default_factory=list, repr=False)  # kept for that validation only

    def headline(self) -> str:
        """One line for the message bar."""
        text = translate("ImportSummary", "{n} lieux imported").format(n=self.lieux)
        if self.without_point:
            text += " · " + translate("ImportSummary", "{n} without coordinates").format(n=len(self.without_point))
        if self.extra_columns:
            text += " · " + translate("ImportSummary", "{n} columns kept aside").format(n=len(self.extra_columns))
        if self.validated:
            text += " · " + translate("ImportSummary", "{e} errors, {w} warnings").format(
                e=self.errors, w=self.warnings
            )
            if self.duplicates:
                text += " · " + translate("ImportSummary", "{n} probable duplicates").format(n=self.duplicates)
        else:
            text += " · " + translate("ImportSummary", "validation in progress…")
        return text

    def details(self) -> str:
        """The full report (details dialog, Processing log)."""
        lines = [translate("ImportSummary", "Source: {source}").format(source=self.source)]
        if self.output:
            lines.append(translate("ImportSummary", "Working layer: {output}").format(output=self.output))
        lines.append(translate("ImportSummary", "Lieux: {n}").format(n=self.lieux))
        if self.validated:
            lines.append(
                translate("ImportSummary", "Validation: {e} errors and {w} warnings ({r} lieux with errors)").format(
                    e=self.errors, w=self.warnings, r=self.records_with_errors
                )
            )
        if self.without_point:
            lines.append(
                translate("ImportSummary", "Lieux without coordinates (kept, without a point on the map): {n}").format(
                    n=len(self.without_point)
                )
            )
            lines.extend(f"  - {label}" for label in self.without_point[:MAX_LISTED])
            if len(self.without_point) > MAX_LISTED:
                lines.append("  " + translate("ImportSummary", "… and {n} more").format(
                    n=len(self.without_point) - MAX_LISTED))
            if self.unreadable_point:
                lines.append(
                    translate("ImportSummary", "…of which coordinates that are present but not valid: {n}").format(
                        n=len(self.unreadable_point)
                    )
                )
        if self.extra_columns:
            lines.append(
                translate(
                    "ImportSummary",
                    "Source columns that are not fields of the standard, kept in the side table: {cols}"
                ).format(cols=", ".join(self.extra_columns))
            )
        else:
            lines.append(translate("ImportSummary", "Every source column is a field of the standard."))
        lines.extend(self.notes)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "output": self.output,
            "lieux": self.lieux,
            "without_coordinates": len(self.without_point),
            "unreadable_coordinates": len(self.unreadable_point),
            "extra_columns": list(self.extra_columns),
            "errors": self.errors,
            "warnings": self.warnings,
            "records_with_errors": self.records_with_errors,
            "duplicates": self.duplicates,
        }


def validation_counts(report: Any) -> tuple[int, int, int]:
    """(errors, warnings, lieux with errors) of an engine Report, counted as every view counts them
    (:func:`~.validation.issue_set.issue_counts`: the issues of the lieux, the file's columns apart)."""
    if report is None:
        return 0, 0, 0
    from .validation.issue_set import issue_counts

    counts = issue_counts(report)
    return counts.errors, counts.warnings, counts.lieux_with_errors


def summarize_import(
    source: str,
    records: Sequence[Mapping[str, str]],
    extra_columns: Sequence[str] = (),
    report: Any = None,
    notes: Sequence[str] = (),
    points: Sequence[tuple[float, float] | None] | None = None,
) -> ImportSummary:
    """Build the summary of an import of ``records`` (``report``: the engine's validation Report;
    ``points``: the records' points, ``point_of`` of each, when the caller has them already)."""
    summary = ImportSummary(source=source, lieux=len(records), extra_columns=list(extra_columns), notes=list(notes))
    # the four cells it needs, column by column (a reader's columns as they are; no record dicts built)
    if isinstance(records, ColumnarRecords) and records.column_data() is not None:
        latitudes, longitudes, ids, names = (records.column(key) for key in ("latitude", "longitude", "id", "nom"))
    else:
        latitudes, longitudes, ids, names = (
            [record.get(key) for record in records] for key in ("latitude", "longitude", "id", "nom")
        )
    if points is None:
        points = points_of_columns(latitudes, longitudes)
    for index, point in enumerate(points):
        if point is None:
            label = _label({"id": ids[index], "nom": names[index]}, index + 1)
            summary.without_point.append(label)
            if (latitudes[index] or "").strip() or (longitudes[index] or "").strip():
                summary.unreadable_point.append(label)
    set_validation_counts(summary, report)
    return summary


def set_validation_counts(summary: ImportSummary, report: Any) -> None:
    """The counts of the issue set ``report`` (every view's: :func:`validation_counts`) into ``summary``."""
    summary.errors, summary.warnings, summary.records_with_errors = validation_counts(report)
    if report is not None:
        from .validation.issue_set import issue_counts

        summary.duplicates = issue_counts(report).duplicates


@dataclass
class ExportSummary:
    """What an export wrote, and the validation of it."""

    output: str
    fmt: str
    lieux: int = 0
    errors: int = 0
    warnings: int = 0
    records_with_errors: int = 0
    source: str = ""

    @property
    def conformant(self) -> bool:
        return self.errors == 0

    def headline(self) -> str:
        text = translate("ExportSummary", "{n} lieux exported to {name}").format(n=self.lieux, name=self.output)
        if self.conformant:
            verdict = translate("ExportSummary", "conformant to the standard ({w} warnings)").format(w=self.warnings)
        else:
            verdict = translate(
                "ExportSummary", "NOT conformant: {e} errors in {r} lieux, {w} warnings"
            ).format(e=self.errors, r=self.records_with_errors, w=self.warnings)
        return f"{text} · {verdict}"

    def details(self) -> str:
        lines = []
        if self.source:
            lines.append(translate("ExportSummary", "Source: {source}").format(source=self.source))
        lines.append(translate("ExportSummary", "File: {output} ({fmt})").format(output=self.output, fmt=self.fmt))
        lines.append(translate("ExportSummary", "Lieux written: {n}").format(n=self.lieux))
        lines.append(
            translate("ExportSummary", "Validation of the file: {e} errors ({r} lieux) and {w} warnings").format(
                e=self.errors, r=self.records_with_errors, w=self.warnings
            )
        )
        if not self.conformant:
            lines.append(
                translate(
                    "ExportSummary",
                    "The file was written but does not pass the standard: fix the errors (validation panel) "
                    "and export again."
                )
            )
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {
            "output": self.output,
            "format": self.fmt,
            "lieux": self.lieux,
            "errors": self.errors,
            "warnings": self.warnings,
            "records_with_errors": self.records_with_errors,
            "conformant": self.conformant,
        }


def summarize_export(
    output: str, fmt: str, records: Sequence[Mapping[str, str]], report: Any, source: str = ""
) -> ExportSummary:
    summary = ExportSummary(output=output, fmt=fmt, lieux=len(records), source=source)
    summary.errors, summary.warnings, summary.records_with_errors = validation_counts(report)
    return summary
