"""Reports written piece by piece to a stream (pure Python): a report of 150,000 issues is never one string.

The JSON report of the CLI (``validate --format json``) is ``{"rows", "errors", "warnings", "counts", "issues":
[...]}`` (plus ``"changes"`` with ``--fix``): ``errors`` and ``warnings`` count every issue, ``counts`` splits them
as every view of the plugin does (:class:`~.validation.issue_set.IssueCounts`: the lieux's, the file's columns',
the lieux flagged as probable duplicates): one issue per line, each encoded by the standard library's C encoder
straight from the issue's own attributes (no per-issue copy; ``json.dumps(indent=…)`` would fall back to the
pure-Python encoder, ten times slower).
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator, Sequence, TextIO

from .validation.issues import Issue, Report

CHUNK = 2048  # issues encoded and written per write() call

_encode = json.JSONEncoder(ensure_ascii=False).encode  # indent=None: the C encoder (c_make_encoder)


def issue_fields(issues: Iterable[Issue]) -> Iterator[dict]:
    """Each issue's fields as a mapping (its own attribute dict, not a copy: read only)."""
    for issue in issues:
        yield issue.__dict__


def _write_array(out: TextIO, items: Sequence, indent: str = "    ") -> None:
    """``[item, item…]`` with one item per line (items are JSON-encodable mappings)."""
    if not items:
        out.write("[]")
        return
    separator = ",\n" + indent
    out.write("[\n" + indent)
    for start in range(0, len(items), CHUNK):
        if start:
            out.write(separator)
        out.write(separator.join(map(_encode, items[start : start + CHUNK])))
    out.write("\n  ]")


def write_json_report(report: Report, out: TextIO, changes: Sequence | None = None) -> None:
    """Write ``report`` as the CLI's JSON document to ``out`` (``changes``: the ``--fix`` changes, if any)."""
    from dataclasses import asdict

    from .validation.issue_set import issue_counts

    counts = issue_counts(report)
    out.write(f'{{\n  "rows": {report.rows},\n  "errors": {counts.total_errors},\n  '
              f'"warnings": {counts.total_warnings},\n  "counts": {_encode(asdict(counts))},\n  "issues": ')
    _write_array(out, list(issue_fields(report.issues)))
    if changes is not None:
        out.write(',\n  "changes": ')
        _write_array(out, [change.to_dict() for change in changes])
    out.write("\n}\n")
