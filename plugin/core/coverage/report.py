"""What a coverage audit says, in words and tables shared by every output (pure Python, no Qt/QGIS).

:func:`key_figures`, :func:`filter_lines` and :func:`least_served_table` are read by the HTML page, the CSV,
the QGIS print layout (PDF) and the dock, so that they all give the same figures. :func:`write_html` makes one
self-contained page that prints on A4; :func:`write_csv` one row per commune.
"""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

from ..i18n import translate
from ..orientation import SERVICES_ALL
from ..schema import load_schema
from .audit import CommuneCoverage, CoverageResult

NBSP = "\u202f"  # narrow no-break space: French thousands separator
LEAST_SERVED_ROWS = 20
CSV_FIELDS = (
    "code_insee",
    "commune",
    "departement",
    "epci",
    "population",
    "nb_lieux",
    "lieux_10000_hab",
    "nb_lieux_rayon",
    "distance_km",
    "couvert",
    "population_non_couverte",
    "indicateur",
    "priorite",
    "longitude",
    "latitude",
)


def _tr(text: str) -> str:
    return translate("CoverageReport", text)


def number(value: float | int | None, decimals: int = 0) -> str:
    """A number as French readers write it: ``68 952 941``, ``12,5``; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return text


def percent(share: float | None) -> str:
    return "—" if share is None else f"{number(100 * share, 1)}{NBSP}%"


def commune_values(commune: CommuneCoverage) -> dict[str, object]:
    """The values of one commune, by output field name (also the fields of the Processing output)."""
    return {
        "code_insee": commune.code_insee,
        "commune": commune.commune,
        "departement": commune.departement,
        "epci": commune.epci,
        "population": commune.population,
        "nb_lieux": commune.nb_lieux,
        "lieux_10000_hab": None if commune.lieux_pour_10000 is None else round(commune.lieux_pour_10000, 3),
        "nb_lieux_rayon": commune.nb_lieux_rayon,
        "distance_km": None if commune.distance_km is None else round(commune.distance_km, 3),
        "couvert": commune.couvert,
        "population_non_couverte": commune.population_non_couverte,
        "indicateur": commune.indicateur,
        "priorite": None if commune.priorite is None else round(commune.priorite, 3),
        "longitude": commune.longitude,
        "latitude": commune.latitude,
    }


def title(result: CoverageResult) -> str:
    if result.territory.kind == "france":
        return _tr("Coverage of all of France by the lieux de médiation numérique")
    return _tr("Coverage of {territory} by the lieux de médiation numérique").format(territory=result.territory.label)


def key_figures(result: CoverageResult) -> list[tuple[str, str]]:
    """(label, value) of the key figures, in reading order."""
    totals = result.totals
    return [
        (_tr("Radius"), f"{number(result.radius_km, 1 if result.radius_km % 1 else 0)}{NBSP}km"),
        (_tr("Communes"), number(totals.communes)),
        (_tr("Communes not covered"), number(totals.communes_non_couvertes)),
        (_tr("Communes without a matching lieu"), number(totals.communes_sans_lieu)),
        (_tr("Population"), number(totals.population)),
        (_tr("Population covered"), f"{number(totals.population_couverte)} ({percent(totals.part_couverte)})"),
        (_tr("Population left out"), number(totals.population_non_couverte)),
        (
            _tr("Matching lieux (in the territory)"),
            f"{number(result.lieux_correspondants)} ({number(result.lieux_dans_territoire)})",
        ),
    ]


def filter_lines(result: CoverageResult) -> list[str]:
    """The filters of the audit as sentences (one "every lieu" line when there is none)."""
    query = result.query
    schema = load_schema()
    lines = []
    for field, values in query.selections.items():
        joined = ", ".join(values)
        if field == "services" and len(values) > 1:
            mode = _tr("all of them") if query.services_mode == SERVICES_ALL else _tr("at least one")
            joined = f"{joined} ({mode})"
        lines.append(f"{schema.field(field).title}{NBSP}: {joined}")
    moment = query.moment()
    if moment is not None:
        lines.append(_tr("Open at {moment}").format(moment=moment.strftime("%d/%m/%Y %H:%M")))
    if not lines:
        lines.append(_tr("Every lieu (no filter)"))
    return lines


def least_served_headers(result: CoverageResult) -> list[str]:
    headers = [
        _tr("Commune"),
        _tr("INSEE code"),
        _tr("Population"),
        _tr("Nearest lieu (km)"),
        _tr("Lieux within the radius"),
    ]
    if result.indicator_name:
        headers += [result.indicator_name, _tr("Priority")]
    return headers


def least_served_table(result: CoverageResult, limit: int = LEAST_SERVED_ROWS) -> list[list[str]]:
    """Rows of the least-served communes (ranked by priority with an indicator, else by population left out)."""
    communes = result.priorities(limit) if result.indicator_name else result.worst_served(limit)
    rows = []
    for commune in communes:
        row = [
            commune.commune,
            commune.code_insee,
            number(commune.population),
            number(commune.distance_km, 1) if commune.distance_km is not None else _tr("none"),
            number(commune.nb_lieux_rayon),
        ]
        if result.indicator_name:
            row += [number(commune.indicateur, 2), number(commune.priorite)]
        rows.append(row)
    return rows


def notes(result: CoverageResult) -> list[str]:
    """Method and data notes: reference point, lieux outside the territory, lieux not placed."""
    lines = [
        _tr(
            "A commune is covered when the nearest matching lieu (great-circle distance from the commune's "
            "centroid, lieux outside the territory included) is within the radius."
        )
    ]
    if result.lieux_position_commune:
        lines.append(
            _tr("{count} matching lieux without coordinates are placed at their commune's centroid.").format(
                count=number(result.lieux_position_commune)
            )
        )
    if result.lieux_sans_position:
        lines.append(
            _tr("{count} matching lieux have neither coordinates nor a known commune: not counted.").format(
                count=number(result.lieux_sans_position)
            )
        )
    return lines


def sources_line(result: CoverageResult, lieux_source: str = "") -> str:
    date = result.computed_at.strftime("%d/%m/%Y %H:%M")
    lieux = _tr("Lieux: {source}.").format(source=lieux_source) + " " if lieux_source else ""
    return _tr("Sources: {lieux}{reference} Computed on {date}.").format(
        lieux=lieux,
        reference=_tr(
            "INSEE population and communes: @etalab/decoupage-administratif 6.0.0 (MIT); centroids from the "
            "IGN Admin Express COG 2018 outlines (Licence Ouverte 2.0)."
        ),
        date=date,
    )


_STYLE = """
body { font: 14px/1.45 "Marianne", "Segoe UI", Arial, sans-serif; color: #161616; margin: 2rem auto;
       max-width: 1000px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem;
     border-bottom: 2px solid #000091; padding-bottom: .2rem; }
.meta, .note { color: #555; } .figures { display: flex; gap: .8rem; flex-wrap: wrap; margin: 1rem 0; }
.figure { border: 1px solid #d0d4dc; border-radius: 6px; padding: .5rem .9rem; min-width: 10rem; }
.figure b { display: block; font-size: 1.35rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d4dc; padding: .25rem .45rem; }
th { background: #f4f6f9; text-align: left; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
@page { size: A4; margin: 15mm; }
"""


def html_page(result: CoverageResult, lieux_source: str = "") -> str:
    """The report as one self-contained HTML page (no script, no external resource)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>{escape(title(result))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title(result))}</h1>",
        f'<p class="meta">{escape(" · ".join(filter_lines(result)))}</p>',
        '<div class="figures">',
    ]
    for label, value in key_figures(result):
        parts.append(f'<div class="figure">{escape(label)}<b>{escape(value)}</b></div>')
    parts.append("</div>")
    heading = _tr("Priorities (population left out × {indicator})").format(indicator=result.indicator_name)
    parts.append(f"<h2>{escape(heading if result.indicator_name else _tr('Least-served communes'))}</h2>")
    rows = least_served_table(result)
    if rows:
        parts.append("<table><thead><tr>")
        parts += [f"<th>{escape(h)}</th>" for h in least_served_headers(result)]
        parts.append("</tr></thead><tbody>")
        for row in rows:
            cells = [f"<td>{escape(row[0])}</td><td>{escape(row[1])}</td>"]
            cells += [f'<td class="n">{escape(v)}</td>' for v in row[2:]]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{escape(_tr('Every commune of the territory is covered.'))}</p>")
    parts.append(f"<h2>{escape(_tr('Method and sources'))}</h2>")
    parts += [f'<p class="note">{escape(line)}</p>' for line in notes(result)]
    parts.append(f'<p class="note">{escape(sources_line(result, lieux_source))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def write_html(result: CoverageResult, path: str | Path, lieux_source: str = "") -> Path:
    path = Path(path)
    path.write_text(html_page(result, lieux_source), encoding="utf-8")
    return path


def csv_rows(result: CoverageResult) -> list[list[object]]:
    """The communes of the audit, one row each (header first), least served first."""
    ordered = sorted(result.communes, key=lambda c: (c.couvert, -c.population_non_couverte, c.code_insee))
    rows: list[list[object]] = [list(CSV_FIELDS)]
    for commune in ordered:
        values = commune_values(commune)
        values["couvert"] = "oui" if commune.couvert else "non"
        rows.append(["" if values[name] is None else values[name] for name in CSV_FIELDS])
    return rows


def write_csv(result: CoverageResult, path: str | Path) -> Path:
    """One row per commune (UTF-8, comma-separated; ``couvert`` is oui/non; empty = no value)."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(csv_rows(result))
    return path


__all__ = [
    "CSV_FIELDS",
    "commune_values",
    "csv_rows",
    "filter_lines",
    "html_page",
    "key_figures",
    "least_served_headers",
    "least_served_table",
    "notes",
    "number",
    "percent",
    "sources_line",
    "title",
    "write_csv",
    "write_html",
]
