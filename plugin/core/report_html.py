"""A validation report as one self-contained, printable HTML page (pure Python, no Qt/QGIS).

Used by the CLI (``--format html``) and by the validation dock for the report handed to producers: summary
counts, a summary by rule and by field (and by commune when the lieux are given), the lieux with the most
issues, then every issue with its value and the suggested fix. No script, no external resource: the page
opens offline and prints on A4 (issues grouped by lieu, a lieu never split across two pages when it fits).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from html import escape
from typing import Iterable, Mapping, NamedTuple, Sequence

from .i18n import current_language, translate
from .validation.codes import ERROR
from .validation.issues import Issue, Report

_CTX = "ValidationReport"

_STYLE = """
:root { --error: #b3261e; --warning: #8a5a00; --ok: #1b6e20; --line: #d0d4dc; --soft: #f4f6f9; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Marianne", "Segoe UI", Arial, sans-serif; color: #161616; margin: 2rem auto;
       max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem;
     border-bottom: 2px solid #000091; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; margin: 0 0 1rem; }
.verdict { display: inline-block; padding: .35rem .8rem; border-radius: 4px; font-weight: 700; color: #fff; }
.verdict.ko { background: var(--error); } .verdict.ok { background: var(--ok); }
.counts { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
.count b { display: block; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--soft); } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sev { font-weight: 700; white-space: nowrap; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); }
code, .value { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
table.issues { table-layout: fixed; } table.issues td { word-wrap: break-word; overflow-wrap: anywhere; }
table.issues .value { word-break: break-all; }
.fix { color: var(--ok); font-weight: 600; }
.lieu { break-inside: avoid; page-break-inside: avoid; }
.note { color: #555; font-size: .9em; }
@media print { body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; } }
"""


class Lieu(NamedTuple):
    """What the report shows of a lieu besides its row and id."""

    nom: str = ""
    commune: str = ""


def _t(text: str) -> str:
    return translate(_CTX, text)


def _severity_label(severity: str) -> str:
    return _t("error") if severity == ERROR else _t("warning")


def _table(
    headers: Iterable[str], rows: Iterable[Iterable[str]], numeric: Iterable[int] = (), css: str = "",
    widths: Iterable[str] = (),
) -> str:
    numeric = set(numeric)
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            cell_class = ' class="n"' if index in numeric else ""
            cells.append(f"<td{cell_class}>{cell}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cols = "".join(f'<col style="width:{width}">' for width in widths)
    colgroup = f"<colgroup>{cols}</colgroup>" if cols else ""
    css_attr = f' class="{css}"' if css else ""
    return f"<table{css_attr}>{colgroup}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _summary_by_rule(report: Report) -> str:
    rows = []
    fixable_by_code = Counter(issue.code for issue in report.issues if issue.suggestion is not None)
    for code, severity, title, count in report.summary_by_rule():
        fixable = fixable_by_code[code]
        rows.append(
            [
                f'<span class="sev {severity}">{escape(_severity_label(severity))}</span>',
                f"<code>{escape(code)}</code>",
                escape(title),
                str(count),
                str(fixable) if fixable else "",
            ]
        )
    return _table([_t("Severity"), _t("Code"), _t("Rule"), _t("Issues"), _t("Safe fixes")], rows, numeric=(3, 4))


def _summary_by_key(title: str, counts: Mapping[str, tuple[int, int]], key_title: str) -> str:
    rows = [
        [escape(key or _t("(whole row or file)")), str(errors), str(warnings), str(errors + warnings)]
        for key, (errors, warnings) in sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    ]
    return f"<h3>{escape(title)}</h3>" + _table(
        [key_title, _t("Errors"), _t("Warnings"), _t("Total")], rows, numeric=(1, 2, 3)
    )


def _counts_by(issues: Iterable[Issue], key) -> dict[str, tuple[int, int]]:
    errors: Counter = Counter()
    warnings: Counter = Counter()
    for issue in issues:
        k = key(issue)
        (errors if issue.severity == ERROR else warnings)[k] += 1
    return {k: (errors[k], warnings[k]) for k in set(errors) | set(warnings)}


def _row_label(row: int | None) -> str:
    return _t("File") if row is None else _t("Row {row}").format(row=row)


def _issue_rows(issues: list[Issue]) -> str:
    rows = []
    for issue in issues:
        value = f'<span class="value">{escape(issue.value)}</span>' if issue.value else ""
        fix = f'<span class="value fix">{escape(issue.suggestion)}</span>' if issue.suggestion is not None else ""
        if issue.suggestion == "":
            fix = f'<span class="fix">{escape(_t("(empty the cell)"))}</span>'
        rows.append(
            [
                f"<code>{escape(issue.field)}</code>" if issue.field else "",
                f'<span class="sev {issue.severity}">{escape(_severity_label(issue.severity))}</span>'
                f"<br><code>{escape(issue.code)}</code>",
                escape(issue.message),
                value,
                fix,
            ]
        )
    return _table(
        [_t("Field"), _t("Severity"), _t("Message"), _t("Value"), _t("Suggested fix")],
        rows,
        css="issues",
        widths=("16%", "17%", "41%", "13%", "13%"),
    )


def render_html(
    report: Report,
    *,
    title: str | None = None,
    source: str | None = None,
    lieux: Mapping[int | None, Lieu] | None = None,
    generated: dt.datetime | None = None,
    top: int = 20,
    accepted: Sequence[tuple[Issue, str]] = (),
) -> str:
    """The report as a complete HTML page.

    ``lieux`` maps an issue's ``row`` to the lieu's name and commune: it adds the summary by commune and names
    the lieux (the dock passes it; the CLI builds it from the file). ``top``: how many lieux with the most
    issues to list. ``accepted``: issues accepted in the validation dock, with the reason — not in
    ``report``'s counts, listed in a section of their own.
    """
    generated = generated or dt.datetime.now().replace(microsecond=0)
    source = source if source is not None else report.source
    title = title or _t("Validation report")
    lieux = lieux or {}
    errors, warnings = report.errors, report.warnings
    fixable = len(report.fixable())
    verdict_ok = errors == 0
    verdict = _t("Conforms to the standard") if verdict_ok else _t("Does not conform to the standard")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(current_language())}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="meta">'
        + escape(
            _t("File: {source} · {rows} lieux · schema {version} · {date}").format(
                source=source or "—", rows=report.rows, version=report.schema_version or "—",
                date=generated.strftime("%Y-%m-%d %H:%M"),
            )
        )
        + "</p>",
        f'<p><span class="verdict {"ok" if verdict_ok else "ko"}">{escape(verdict)}</span></p>',
        '<div class="counts">',
        f'<div class="count"><b>{report.rows}</b>{escape(_t("lieux"))}</div>',
        f'<div class="count"><b style="color:var(--error)">{errors}</b>{escape(_t("errors (blocking)"))}</div>',
        f'<div class="count"><b style="color:var(--warning)">{warnings}</b>'
        f"{escape(_t('warnings (not blocking)'))}</div>",
        f'<div class="count"><b style="color:var(--ok)">{fixable}</b>{escape(_t("safe fixes suggested"))}</div>',
        (f'<div class="count"><b>{len(accepted)}</b>{escape(_t("accepted issues (not counted)"))}</div>'
         if accepted else ""),
        "</div>",
        f'<p class="note">{escape(_t("Errors make the file non-conformant to the national standard (what schema.data.gouv.fr and Validata check). Warnings point to doubtful or unusable information beyond the schema. A suggested fix can be applied automatically (option --fix or the validation dock)."))}</p>',  # noqa: E501
    ]
    if not report.issues:
        parts.append(f"<p>{escape(_t('No issue found.'))}</p>")
        parts.append(_accepted_section(accepted, lieux))
        parts.append("</body></html>")
        return "\n".join(parts)

    parts.append(f"<h2>{escape(_t('Summary by rule'))}</h2>")
    parts.append(_summary_by_rule(report))
    parts.append(f"<h2>{escape(_t('Summary by field and by commune'))}</h2>")
    parts.append(_summary_by_key(_t("By field"), _counts_by(report.issues, lambda i: i.field), _t("Field")))
    if lieux:
        by_commune = _counts_by(
            (i for i in report.issues if i.row is not None), lambda i: lieux.get(i.row, Lieu()).commune
        )
        parts.append(_summary_by_key(_t("By commune"), by_commune, _t("Commune")))

    by_row: dict[int | None, list[Issue]] = defaultdict(list)
    for issue in report.issues:
        by_row[issue.row].append(issue)
    ranked = sorted(
        ((row, items) for row, items in by_row.items() if row is not None),
        key=lambda pair: (-sum(1 for i in pair[1] if i.severity == ERROR), -len(pair[1]), pair[0]),
    )[:top]
    if len(by_row) > 1 and ranked:
        parts.append(f"<h2>{escape(_t('Lieux with the most issues'))}</h2>")
        rows = []
        for row, items in ranked:
            lieu = lieux.get(row, Lieu())
            n_errors = sum(1 for i in items if i.severity == ERROR)
            rows.append(
                [
                    f'<a href="#row-{row}">{row}</a>',
                    escape(items[0].id),
                    escape(lieu.nom),
                    escape(lieu.commune),
                    str(n_errors),
                    str(len(items) - n_errors),
                ]
            )
        parts.append(
            _table([_t("Row"), _t("id"), _t("Name"), _t("Commune"), _t("Errors"), _t("Warnings")], rows,
                   numeric=(4, 5))
        )

    parts.append(f"<h2>{escape(_t('Issues, lieu by lieu'))}</h2>")
    for row, items in sorted(by_row.items(), key=lambda pair: -1 if pair[0] is None else pair[0]):
        lieu = lieux.get(row, Lieu())
        heading = _row_label(row)
        if items[0].id:
            heading += f" · {items[0].id}"
        if lieu.nom:
            heading += f" · {lieu.nom}"
        if lieu.commune:
            heading += f" ({lieu.commune})"
        anchor = f' id="row-{row}"' if row is not None else ""
        parts.append(f'<section class="lieu"{anchor}><h3>{escape(heading)}</h3>{_issue_rows(items)}</section>')
    parts.append(_accepted_section(accepted, lieux))
    parts.append("</body></html>")
    return "\n".join(parts)


def _accepted_section(accepted: Sequence[tuple[Issue, str]], lieux: Mapping[int | None, Lieu]) -> str:
    if not accepted:
        return ""
    rows = []
    for issue, reason in sorted(accepted, key=lambda pair: (pair[0].row is None, pair[0].row or 0, pair[0].field)):
        lieu = lieux.get(issue.row, Lieu())
        rows.append(
            [
                escape(" · ".join(part for part in (issue.id, lieu.nom) if part)),
                f"<code>{escape(issue.field)}</code>" if issue.field else "",
                f"<code>{escape(issue.code)}</code>",
                escape(issue.message),
                f'<span class="value">{escape(issue.value)}</span>' if issue.value else "",
                escape(reason),
            ]
        )
    return (
        f"<h2>{escape(_t('Accepted issues'))}</h2>"
        f'<p class="note">{escape(_t("Issues a Hub agent accepted in the validation dock, with the reason given: they are not counted above."))}</p>'  # noqa: E501
        + _table([_t("Lieu"), _t("Field"), _t("Code"), _t("Message"), _t("Value"), _t("Reason")], rows)
    )

