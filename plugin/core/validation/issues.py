"""What validation returns: issues (data, not text) and the report that counts them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from .codes import CODES, ERROR, WARNING


@dataclass(frozen=True)
class Issue:
    """One problem found in a file or a record.

    ``row`` is the 1-based position of the record (the reader's row number when it gives one; ``None`` for an
    issue about the whole file, such as a missing column). In live validation (:class:`IncrementalValidator`)
    ``row`` is the record's key (the feature id). ``value`` is the cell as read; ``suggestion`` is the corrected
    cell when a safe fix exists (see :mod:`.fixes`), else ``None``.
    """

    row: int | None
    id: str
    field: str
    code: str
    severity: str
    message: str
    value: str = ""
    suggestion: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def fixable(self) -> bool:
        return self.suggestion is not None

    def to_dict(self) -> dict[str, Any]:
        """The fields as a new dict (a shallow copy: every field is a str, an int or None)."""
        return dict(self.__dict__)


_new = object.__new__
_set = object.__setattr__


def new_issue(
    row: int | None, id: str, field: str, code: str, severity: str, message: str, value: str, suggestion: str | None
) -> Issue:
    """``Issue(row, id, field, code, severity, message, value, suggestion)``, built without the frozen
    dataclass's per-field ``object.__setattr__`` calls (the engine creates hundreds of thousands of issues).
    The same object in every respect: equality, hashing, ``dataclasses.replace``, ``asdict``, pickling."""
    issue = _new(Issue)
    _set(issue, "__dict__", {"row": row, "id": id, "field": field, "code": code, "severity": severity,
                             "message": message, "value": value, "suggestion": suggestion})
    return issue


def _sort_key(issue: Issue, field_order: dict[str, int]) -> tuple:
    return (
        -1 if issue.row is None else issue.row,
        field_order.get(issue.field, len(field_order)),
        0 if issue.severity == ERROR else 1,
        issue.code,
    )


@dataclass
class Report:
    """The outcome of validating a table: the issues and their counts."""

    rows: int
    issues: list[Issue] = field(default_factory=list)
    source: str = ""
    schema_version: str = ""

    @property
    def errors(self) -> int:
        return sum(1 for issue in self.issues if issue.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for issue in self.issues if issue.severity == WARNING)

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) in one pass."""
        severities = Counter(issue.severity for issue in self.issues)
        return severities[ERROR], severities[WARNING]

    @property
    def valid(self) -> bool:
        """True when the file conforms to the standard (warnings do not block)."""
        return self.errors == 0

    def by_code(self) -> Counter:
        return Counter(issue.code for issue in self.issues)

    def by_field(self) -> Counter:
        return Counter(issue.field for issue in self.issues)

    def by_severity(self) -> Counter:
        return Counter(issue.severity for issue in self.issues)

    def rows_with_errors(self) -> int:
        return len({issue.row for issue in self.issues if issue.severity == ERROR and issue.row is not None})

    def fixable(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.suggestion is not None]

    def sort(self, field_names: Iterable[str] = ()) -> None:
        order = {name: index for index, name in enumerate(field_names)}
        self.issues.sort(key=lambda issue: _sort_key(issue, order))

    def summary_by_rule(self) -> list[tuple[str, str, str, int]]:
        """(code, severity, title, count) for each code found, errors first then by decreasing count."""
        counts = self.by_code()
        rows = [(code, CODES[code].severity, CODES[code].title, count) for code, count in counts.items()]
        rows.sort(key=lambda r: (0 if r[1] == ERROR else 1, -r[3], r[0]))
        return rows

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the CLI: ``{"rows", "errors", "warnings", "issues": [...]}``."""
        errors, warnings = self.counts()
        return {
            "rows": self.rows,
            "errors": errors,
            "warnings": warnings,
            "issues": [issue.to_dict() for issue in self.issues],
        }
