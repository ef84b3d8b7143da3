"""A validation report as one self-contained, printable HTML page (pure Python, no Qt/QGIS).

Used by the CLI (``--format html``) and by the validation dock for the report handed to producers: summary
counts, a summary by rule and by field with a few examples each (and by commune when the lieux are given,
names normalised), the lieux with the most issues, then the issues with their value and the suggested fix,
lieu by lieu — at most :data:`MAX_DETAILED_ISSUES` of them, so that a file of 150,000 issues still gives a page
of a few megabytes that a browser opens at once (the full list is the CSV or JSON report). No script, no
external resource: the page opens offline and prints on A4 (a lieu never split across two pages when it fits).
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from html import escape
from typing import Iterable, Mapping, NamedTuple, Sequence, TextIO

from .i18n import current_language, translate
from .validation.codes import CODES, ERROR
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
/* a browser lays out only the lieux on screen: a page of 3,000 issues opens as fast as a short one */
@media screen { .lieu { content-visibility: auto; contain-intrinsic-size: auto 10rem; } }
.note { color: #555; font-size: .9em; } .note.limit { border-left: 4px solid #000091; padding: .3rem .6rem;
  background: var(--soft); color: #161616; }
table.summary { table-layout: fixed; } table.summary td { overflow-wrap: anywhere; }
ul.ex { margin: 0; padding-left: 1rem; font-size: .9em; } ul.ex li { margin: 0; }
details summary { cursor: pointer; color: #000091; margin: .3rem 0; }
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


EXAMPLES = 3  # example issues shown for each rule and each field
TOP_COMMUNES = 30  # communes shown before the rest is folded
MAX_COMMUNES = 1000  # communes listed in all (most issues first); the others are counted
MAX_DETAILED_ISSUES = 3000  # issues listed lieu by lieu (whole lieux, errors first); the rest: CSV/JSON
MAX_ACCEPTED = 1000  # accepted issues listed


def _row_label(row: int | None) -> str:
    return _t("File") if row is None else _t("Row {row}").format(row=row)


def _where(issue: Issue, listed: set) -> str:
    """``ligne 12 · id`` for an example, linked to the lieu's details when they are on the page."""
    label = escape(_row_label(issue.row))
    if issue.row in listed:
        label = f'<a href="#row-{issue.row}">{label}</a>'
    return label + (f" · {escape(issue.id)}" if issue.id else "")


def _example(issue: Issue, listed: set, with_field: bool = False, with_code: bool = False) -> str:
    parts = [_where(issue, listed)]
    if with_field and issue.field:
        parts.append(f"<code>{escape(issue.field)}</code>")
    if with_code:
        parts.append(f"<code>{escape(issue.code)}</code>")
    if issue.value:
        parts.append(f'<span class="value">{escape(_shorten(issue.value))}</span>')
    if issue.suggestion:
        parts.append(f'→ <span class="value fix">{escape(_shorten(issue.suggestion))}</span>')
    return " · ".join(parts)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _examples(issues: Sequence[Issue], listed: set, **how) -> str:
    return '<ul class="ex">' + "".join(f"<li>{_example(issue, listed, **how)}</li>" for issue in issues) + "</ul>"


class _Digest:
    """Every count and example the page shows, from one pass over the issues."""

    def __init__(self, issues: Sequence[Issue], lieux: Mapping[int | None, Lieu]):
        self.by_code: dict[str, list] = {}  # code → [count, fixable, rows, examples]
        self.by_field: dict[str, list] = {}  # field → [errors, warnings, examples]
        self.by_row: dict[int | None, list[Issue]] = defaultdict(list)
        for issue in issues:
            code = self.by_code.get(issue.code)
            if code is None:
                code = self.by_code[issue.code] = [0, 0, set(), []]
            code[0] += 1
            if issue.suggestion is not None:
                code[1] += 1
            code[2].add(issue.row)
            if len(code[3]) < EXAMPLES:
                code[3].append(issue)
            field = self.by_field.get(issue.field)
            if field is None:
                field = self.by_field[issue.field] = [0, 0, []]
            field[0 if issue.severity == ERROR else 1] += 1
            if len(field[2]) < EXAMPLES and all(other.code != issue.code for other in field[2]):
                field[2].append(issue)
            self.by_row[issue.row].append(issue)
        self.communes = _communes(self.by_row, lieux) if lieux else []


def commune_key(name: str) -> str:
    """The key under which the report counts a commune: ``NICE``, ``Nice`` and `` nice`` are one commune."""
    from .reference import name_key

    return name_key(name or "")


def _communes(by_row: Mapping[int | None, list[Issue]], lieux: Mapping[int | None, Lieu]) -> list[tuple]:
    """[(commune as most often written, lieux, errors, warnings)], communes normalised, most issues first."""
    from .reference import name_key

    totals: dict[str, list] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    keys: dict[str, str] = {}  # each distinct spelling normalised once
    empty = Lieu()
    for row, items in by_row.items():
        if row is None:
            continue
        name = (lieux.get(row, empty).commune or "").strip()
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
        spellings[key][name] += 1
        total = totals.get(key)
        if total is None:
            total = totals[key] = [0, 0, 0]
        total[0] += 1
        errors = sum(1 for issue in items if issue.severity == ERROR)
        total[1] += errors
        total[2] += len(items) - errors
    rows = []
    for key, (count, errors, warnings) in totals.items():
        # a spelling in mixed case before one in lower case or capitals ("Nice" before "nice" and "NICE"), then
        # the one most lieux use
        name = max(spellings[key].items(),
                   key=lambda kv: (kv[0] not in (kv[0].upper(), kv[0].lower()), kv[0] != kv[0].upper(), kv[1],
                                   kv[0]))[0]
        rows.append((name, count, errors, warnings))
    rows.sort(key=lambda row: (-(row[2] + row[3]), -row[2], commune_key(row[0])))
    return rows


def _summary_by_rule(digest: _Digest, listed: set) -> str:
    rows = []
    entries = sorted(
        digest.by_code.items(),
        key=lambda kv: (0 if CODES[kv[0]].severity == ERROR else 1, -kv[1][0], kv[0]) if kv[0] in CODES
        else (2, -kv[1][0], kv[0]),
    )
    for code, (count, fixable, rows_hit, examples) in entries:
        spec = CODES.get(code)
        severity = spec.severity if spec else examples[0].severity
        rows.append(
            [
                f'<span class="sev {severity}">{escape(_severity_label(severity))}</span>',
                f"<code>{escape(code)}</code><br>{escape(spec.title if spec else '')}",
                str(count),
                str(len(rows_hit - {None})),
                str(fixable) if fixable else "",
                _examples(examples, listed, with_field=True),
            ]
        )
    return _table(
        [_t("Severity"), _t("Rule"), _t("Issues"), _t("Lieux"), _t("Safe fixes"), _t("Examples")], rows,
        numeric=(2, 3, 4), css="summary", widths=("9%", "27%", "8%", "7%", "8%", "41%"),
    )


def _summary_by_field(digest: _Digest, listed: set) -> str:
    rows = [
        [
            f"<code>{escape(field)}</code>" if field else escape(_t("(whole row or file)")),
            str(errors), str(warnings), str(errors + warnings),
            _examples(examples, listed, with_code=True),
        ]
        for field, (errors, warnings, examples) in sorted(
            digest.by_field.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0])
        )
    ]
    return _table(
        [_t("Field"), _t("Errors"), _t("Warnings"), _t("Total"), _t("Examples")], rows, numeric=(1, 2, 3),
        css="summary", widths=("18%", "8%", "9%", "8%", "57%"),
    )


def _summary_by_commune(digest: _Digest) -> str:
    def rows(items):
        return [[escape(name or _t("(no commune)")), str(count), str(errors), str(warnings), str(errors + warnings)]
                for name, count, errors, warnings in items]

    headers = [_t("Commune"), _t("Lieux with issues"), _t("Errors"), _t("Warnings"), _t("Total")]
    html = _table(headers, rows(digest.communes[:TOP_COMMUNES]), numeric=(1, 2, 3, 4))
    rest = digest.communes[TOP_COMMUNES:MAX_COMMUNES]
    if rest:
        html += (
            f"<details><summary>{escape(_t('{n} other communes').format(n=len(rest)))}</summary>"
            + _table(headers, rows(rest), numeric=(1, 2, 3, 4)) + "</details>"
        )
    left = digest.communes[MAX_COMMUNES:]
    if left:  # a national file's 20,000 communes would make the page slow to open
        html += '<p class="note limit">' + escape(_t(
            "… and {count} more communes with fewer issues ({lieux} lieux with issues), not listed here: the CSV "
            "report (validation dock, mednum:report) gives the commune of every issue."
        ).format(count=len(left), lieux=sum(item[1] for item in left))) + "</p>"
    return html


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


def detailed_rows(by_row: Mapping[int | None, list[Issue]], limit: int = MAX_DETAILED_ISSUES) -> list:
    """The rows whose issues the page lists one by one: the whole file's first, then the lieux with errors, then
    the others, each group in file order, whole lieux until ``limit`` issues are listed (at least one lieu)."""
    def order(row):
        has_error = any(issue.severity == ERROR for issue in by_row[row])
        return (row is not None, not has_error, row or 0)

    chosen, listed = [], 0
    for row in sorted(by_row, key=order):
        size = len(by_row[row])
        if chosen and listed + size > limit:
            break
        chosen.append(row)
        listed += size
    return chosen


def render_html(report: Report, **options) -> str:
    """The report as a complete HTML page (one string; see :func:`write_html` for the options)."""
    buffer = io.StringIO()
    write_html(report, buffer, **options)
    return buffer.getvalue()


def write_html(
    report: Report,
    out: TextIO,
    *,
    title: str | None = None,
    source: str | None = None,
    lieux: Mapping[int | None, Lieu] | None = None,
    generated: dt.datetime | None = None,
    top: int = 20,
    accepted: Sequence[tuple[Issue, str]] = (),
    max_detailed: int = MAX_DETAILED_ISSUES,
) -> None:
    """Write the report as a complete HTML page to ``out``, section by section.

    The page stays readable (and small) whatever the number of issues: summaries by rule and by field with
    their counts and a few examples each, by commune (names normalised: ``NICE`` and ``Nice`` are one commune),
    the ``top`` lieux with the most issues, then the issues lieu by lieu for at most ``max_detailed`` issues
    (the file's own issues, then the lieux with errors, then the others; the page says how many are left out:
    the full list is the CSV or JSON report).

    ``lieux`` maps an issue's ``row`` to the lieu's name and commune: it adds the summary by commune and names
    the lieux (the dock passes it; the CLI builds it from the file). ``accepted``: issues accepted in the
    validation dock, with the reason — not in ``report``'s counts, listed in a section of their own.
    """
    generated = generated or dt.datetime.now().replace(microsecond=0)
    source = source if source is not None else report.source
    title = title or _t("Validation report")
    lieux = lieux or {}
    from .validation.issue_set import issue_counts

    errors, warnings = report.counts()
    fixable = sum(1 for issue in report.issues if issue.suggestion is not None)
    verdict_ok = errors == 0
    verdict = _t("Conforms to the standard") if verdict_ok else _t("Does not conform to the standard")
    digest = _Digest(report.issues, lieux)
    by_row = digest.by_row
    detailed = detailed_rows(by_row, max_detailed) if report.issues else []
    listed = set(detailed)
    left_out = len(report.issues) - sum(len(by_row[row]) for row in detailed)
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
        f'<p class="meta">{escape(issue_counts(report).text())}</p>',
        f'<p class="note">{escape(_t("Errors make the file non-conformant to the national standard (what schema.data.gouv.fr and Validata check). Warnings point to doubtful or unusable information beyond the schema. A suggested fix can be applied automatically (option --fix or the validation dock)."))}</p>',  # noqa: E501
    ]
    if not report.issues:
        parts.append(f"<p>{escape(_t('No issue found.'))}</p>")
        parts.append(_accepted_section(accepted, lieux))
        parts.append("</body></html>")
        out.write("\n".join(parts))
        return
    if left_out:
        parts.append(
            '<p class="note limit">' + escape(_t(
                "This page lists {listed} of the {total} issues one by one (the file's own issues, then the lieux "
                "with errors, then the others, in file order); the summaries below count them all. The full list "
                "is the CSV report (validation dock, mednum:report) or the JSON report (--format json)."
            ).format(listed=len(report.issues) - left_out, total=len(report.issues))) + "</p>"
        )

    parts.append(f"<h2>{escape(_t('Summary by rule'))}</h2>")
    parts.append(_summary_by_rule(digest, listed))
    parts.append(f"<h2>{escape(_t('Summary by field'))}</h2>")
    parts.append(_summary_by_field(digest, listed))
    if digest.communes:
        parts.append(f"<h2>{escape(_t('Summary by commune'))}</h2>")
        parts.append(_summary_by_commune(digest))
    out.write("\n".join(parts))
    parts = []

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
                    f'<a href="#row-{row}">{row}</a>' if row in listed else str(row),
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
    for row in detailed:
        items = by_row[row]
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
        if len(parts) >= 256:
            out.write("\n".join(parts) + "\n")
            parts = []
    if left_out:
        parts.append(
            '<p class="note limit">' + escape(_t(
                "… and {count} more issues in {lieux} lieux, not listed here: see the CSV or JSON report."
            ).format(count=left_out, lieux=len(by_row) - len(detailed))) + "</p>"
        )
    parts.append(_accepted_section(accepted, lieux))
    parts.append("</body></html>")
    out.write("\n".join(parts))


def _accepted_section(accepted: Sequence[tuple[Issue, str]], lieux: Mapping[int | None, Lieu]) -> str:
    if not accepted:
        return ""
    rows = []
    ordered = sorted(accepted, key=lambda pair: (pair[0].row is None, pair[0].row or 0, pair[0].field))
    for issue, reason in ordered[:MAX_ACCEPTED]:
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
        + (f'<p class="note limit">{escape(_t("… and {count} more accepted issues: see the CSV report.").format(count=len(ordered) - MAX_ACCEPTED))}</p>'  # noqa: E501
           if len(ordered) > MAX_ACCEPTED else "")
    )

