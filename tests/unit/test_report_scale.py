"""Reports at the scale of real files: the HTML page stays small and readable, JSON and text are streamed."""

from __future__ import annotations

import io
import json

from plugin.core.cli import render_text
from plugin.core.report_html import Lieu, render_html
from plugin.core.report_stream import write_json_report
from plugin.core.validation.issues import Issue, Report


def dense_report(lieux: int = 20_000) -> tuple[Report, dict]:
    issues, names = [], {}
    for row in range(1, lieux + 1):
        ident = f"lieu-{row}"
        issues.append(Issue(row, ident, "pivot", "pivot-placeholder", "warning", "placeholder", "00000000000000"))
        issues.append(Issue(row, ident, "date_maj", "date-old", "warning", "old", "2020-01-01"))
        if row % 3 == 0:
            issues.append(Issue(row, ident, "telephone", "phone-format", "error", "national", "04 91 12 34 56",
                                "+33491123456"))
        names[row] = Lieu(f"Lieu {row}", ("NICE", "Nice", " nice ", "Marseille")[row % 4])
    return Report(rows=lieux, issues=issues, source="dense.csv", schema_version="1.0.2"), names


def test_html_of_a_dense_report_is_small_counts_everything_and_names_the_full_list(english):
    report, lieux = dense_report()
    page = render_html(report, lieux=lieux)
    assert len(page.encode()) < 2_000_000  # 46,666 issues; the whole page a couple of MB at most
    assert page.count('<section class="lieu"') < 2000  # the details are limited…
    assert "46666" in page and "the full list" in page.lower()  # …and say so, the counts are the real ones
    assert page.count("<li>") <= 3 * 3 + 3 * 3  # a few examples per rule and per field
    # the lieux with errors come first in the details
    first = page.index('<section class="lieu"')
    assert 'id="row-3"' in page[first: first + 500]


def test_html_counts_communes_normalised(english):
    report, lieux = dense_report(400)
    page = render_html(report, lieux=lieux)
    commune_table = page[page.index("Summary by commune"):page.index("Lieux with the most issues")]
    assert "NICE" not in commune_table and " nice " not in commune_table
    assert commune_table.count("<td>Nice</td>") == 1 and commune_table.count("<td>Marseille</td>") == 1
    assert "<td class=\"n\">300</td>" in commune_table  # 300 lieux of Nice, written three ways


def test_json_report_is_streamed_one_issue_per_line_and_parses():
    report, _ = dense_report(500)
    out = io.StringIO()
    write_json_report(report, out)
    text = out.getvalue()
    payload = json.loads(text)
    assert list(payload) == ["rows", "errors", "warnings", "counts", "issues"]
    assert payload["issues"] == [issue.to_dict() for issue in report.issues]
    assert payload["errors"] == report.errors and payload["warnings"] == report.warnings
    assert text.count("\n") > len(report.issues)  # readable: one issue per line


def test_text_report_streamed_equals_the_string(english):
    report, _ = dense_report(3000)
    out = io.StringIO()
    render_text(report, out=out)
    assert out.getvalue() == render_text(report)
    assert "Row 3000 · id lieu-3000" in out.getvalue()


def test_html_of_a_national_file_lists_a_thousand_communes_and_counts_the_others(english):
    from plugin.core.report_html import MAX_COMMUNES

    report, _ = dense_report(6000)
    lieux = {row: Lieu(f"Lieu {row}", f"Commune {row % 3000}") for row in range(1, 6001)}  # 3,000 communes
    page = render_html(report, lieux=lieux)
    communes = page[page.index("Summary by commune"):page.index("Lieux with the most issues")]
    assert communes.count("<td>Commune ") == MAX_COMMUNES == 1000
    assert "… and 2000 more communes with fewer issues (4000 lieux with issues)" in communes
    # the browser lays out only the lieux on screen (the page opens fast whatever its length)
    assert "content-visibility: auto" in page
