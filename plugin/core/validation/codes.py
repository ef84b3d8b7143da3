"""The catalogue of issue codes: one place for each code's severity, title and message.

Codes are stable identifiers (documented in README.md, "Codes des anomalies"): the dock, the CLI's JSON,
acceptances stored in a working GeoPackage and scripts of users rely on them. Never rename one; add new ones.

Messages are English source strings passed through ``translate("Validation", …)`` (French by default at run
time). A message tells a Hub agent what is wrong *and how to fix it*; Validata's French texts are the baseline.
Templates use ``{placeholders}`` filled by :func:`render`: ``field`` (the field's name), ``value`` (the cell,
shortened), ``item``/``items`` (list items), ``allowed``, ``example``, ``max``, ``length``, ``count``,
``column``, ``fix``, ``distance``, ``limit``, ``date``, ``detail``, ``expected``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..i18n import translate

ERROR = "error"
WARNING = "warning"

STRUCTURE = "structure"
SCHEMA = "schema"
QUALITY = "quality"


@dataclass(frozen=True)
class Code:
    """One issue code: its severity, category and translated title/message templates."""

    code: str
    severity: str
    category: str
    _title: Callable[[], str]
    _template: Callable[[], str]

    @property
    def title(self) -> str:
        """Short name of the rule (summaries), in the active language."""
        return self._title()

    @property
    def template(self) -> str:
        """Message template, in the active language."""
        return self._template()


def _code(code: str, severity: str, category: str, title: Callable[[], str], template: Callable[[], str]) -> Code:
    return Code(code, severity, category, title, template)


# Each lambda holds a literal translate() call so that pylupdate5 extracts the string.
_CATALOGUE: tuple[Code, ...] = (
    # ── Structure of the file (header and rows) ───────────────────────────────────────────────────────────
    _code(
        "missing-required-column", ERROR, STRUCTURE,
        lambda: translate("Validation", "Missing required column"),
        lambda: translate(
            "Validation",
            "The required column “{field}” is missing. Add it (or rename the column that holds this information: "
            "columns are matched by their exact name).",
        ),
    ),
    _code(
        "missing-column", WARNING, STRUCTURE,
        lambda: translate("Validation", "Missing optional column"),
        lambda: translate(
            "Validation",
            "The optional column “{field}” is missing. Add it, even empty, so that the file follows the standard.",
        ),
    ),
    _code(
        "extra-column", WARNING, STRUCTURE,
        lambda: translate("Validation", "Column outside the standard"),
        lambda: translate(
            "Validation",
            "The column “{column}” is not defined by the standard: it is kept but not validated. "
            "Remove it or rename it to a field of the standard.",
        ),
    ),
    _code(
        "disordered-columns", WARNING, STRUCTURE,
        lambda: translate("Validation", "Columns out of order"),
        lambda: translate(
            "Validation",
            "The columns are not in the order of the standard (expected: {expected}). "
            "Reorder them; the conformant export writes them in order.",
        ),
    ),
    _code(
        "duplicate-column", ERROR, STRUCTURE,
        lambda: translate("Validation", "Duplicate column name"),
        lambda: translate(
            "Validation",
            "The column name “{column}” appears {count} times in the header: only the first column is read. "
            "Rename or remove the duplicates.",
        ),
    ),
    _code(
        "blank-column-name", WARNING, STRUCTURE,
        lambda: translate("Validation", "Column without a name"),
        lambda: translate(
            "Validation",
            "Column {column} has no name in the header: it cannot be matched to a field of the standard. "
            "Name it or remove it.",
        ),
    ),
    _code(
        "no-lieu", WARNING, STRUCTURE,
        lambda: translate("Validation", "No lieu"),
        lambda: translate(
            "Validation",
            "The table holds no lieu (a header and no data row): there is nothing to publish. Check that the "
            "right file or sheet was chosen.",
        ),
    ),
    _code(
        "blank-row", ERROR, STRUCTURE,
        lambda: translate("Validation", "Blank row"),
        lambda: translate("Validation", "This row is empty. Blank rows must be removed from the table."),
    ),
    _code(
        "extra-cell", ERROR, STRUCTURE,
        lambda: translate("Validation", "Extra cells"),
        lambda: translate(
            "Validation",
            "This row has more cells than the header has columns ({count} too many: {value}). "
            "Check for an unquoted separator in a value.",
        ),
    ),
    _code(
        "missing-cell", ERROR, STRUCTURE,
        lambda: translate("Validation", "Missing cells"),
        lambda: translate(
            "Validation",
            "This row has fewer cells than the header has columns ({count} missing). "
            "Check for a line break or a missing separator.",
        ),
    ),
    # ── Table Schema constraints (what Validata/frictionless check) ───────────────────────────────────────
    _code(
        "required", ERROR, SCHEMA,
        lambda: translate("Validation", "Required value missing"),
        lambda: translate("Validation", "Empty cell: “{field}” is required. Fill it in."),
    ),
    _code(
        "type-number", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect number"),
        lambda: translate(
            "Validation",
            "“{value}” is not a number: write decimal degrees with a point as decimal separator (e.g. {example}).",
        ),
    ),
    _code(
        "type-date", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect date"),
        lambda: translate(
            "Validation", "“{value}” is not a date in the expected form YYYY-MM-DD (e.g. {example})."
        ),
    ),
    _code(
        "pattern", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect format"),
        lambda: translate("Validation", "“{value}” does not have the expected format for “{field}” (e.g. {example})."),
    ),
    _code(
        "max-length", ERROR, SCHEMA,
        lambda: translate("Validation", "Value too long"),
        lambda: translate(
            "Validation",
            "The text has {length} characters; “{field}” allows at most {max}. Shorten it "
            "(the full text can go in presentation_detail).",
        ),
    ),
    _code(
        "enum", ERROR, SCHEMA,
        lambda: translate("Validation", "Value not allowed"),
        lambda: translate(
            "Validation",
            "{items}: not allowed in “{field}”. Allowed values, separated by “|”: {allowed}.",
        ),
    ),
    _code(
        "enum-spelling", ERROR, SCHEMA,
        lambda: translate("Validation", "Allowed value misspelt"),
        lambda: translate(
            "Validation",
            "{items}: allowed values must be written exactly (case, accents, spaces). Write “{fix}”.",
        ),
    ),
    _code(
        "list-separator", ERROR, SCHEMA,
        lambda: translate("Validation", "Wrong list separator"),
        lambda: translate(
            "Validation",
            "Several values must be separated by “|” with no space around it and no empty item. "
            "Write “{fix}”.",
        ),
    ),
    _code(
        "documented-value", ERROR, SCHEMA,
        lambda: translate("Validation", "Documented value rejected by the schema"),
        lambda: translate(
            "Validation",
            "{items}: this wording appears in the standard's documentation but its pattern rejects it. "
            "Write “{fix}”.",
        ),
    ),
    _code(
        "unique", ERROR, SCHEMA,
        lambda: translate("Validation", "Duplicate identifier"),
        lambda: translate(
            "Validation",
            "The identifier “{value}” is used by {count} lieux: each lieu needs its own id. Give this one another id.",
        ),
    ),
    _code(
        "pivot-format", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect pivot (SIRET/RNA)"),
        lambda: translate(
            "Validation",
            "“{value}” is not a valid pivot: write the structure's SIRET (14 digits) or RNA number "
            "(W followed by 9 characters), letters and digits only, without spaces.",
        ),
    ),
    _code(
        "postal-code-format", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect postal code"),
        lambda: translate(
            "Validation",
            "“{value}” is not a postal code: write 5 digits, keeping the leading zero (e.g. 04000).",
        ),
    ),
    _code(
        "insee-format", ERROR, SCHEMA,
        lambda: translate("Validation", "Incorrect INSEE code"),
        lambda: translate(
            "Validation",
            "“{value}” is not a commune INSEE code: write 5 characters, keeping the leading zero "
            "(e.g. 04070, 2A004), not the postal code.",
        ),
    ),
    _code(
        "phone-format", ERROR, SCHEMA,
        lambda: translate("Validation", "Telephone not in international format"),
        lambda: translate(
            "Validation",
            "“{value}” is not in the international format the standard requires: country code, no leading zero, "
            "no spaces (e.g. +33180059880).",
        ),
    ),
    # ── Quality, beyond the schema (warnings: not blocking for Validata) ──────────────────────────────────
    _code(
        "whitespace", WARNING, QUALITY,
        lambda: translate("Validation", "Spaces around the value"),
        lambda: translate("Validation", "The value starts or ends with spaces or line breaks. Remove them."),
    ),
    _code(
        "lost-characters", WARNING, QUALITY,
        lambda: translate("Validation", "Characters lost by an encoding conversion"),
        lambda: translate(
            "Validation",
            "“{value}” contains “�”: accented characters were lost when the file was converted. "
            "Retype them from the original source.",
        ),
    ),
    _code(
        "formula-injection", WARNING, QUALITY,
        lambda: translate("Validation", "Text starting like a spreadsheet formula"),
        lambda: translate(
            "Validation",
            "The text starts with “{item}”: a spreadsheet would run it as a formula (risk of formula injection). "
            "Rewrite the beginning of the text.",
        ),
    ),
    _code(
        "pivot-placeholder", WARNING, QUALITY,
        lambda: translate("Validation", "Placeholder pivot 00000000000000"),
        lambda: translate(
            "Validation",
            "The pivot 00000000000000 is a placeholder, not an identifier: give the structure's SIRET or RNA number "
            "(annuaire-entreprises.data.gouv.fr).",
        ),
    ),
    _code(
        "pivot-siret-checksum", WARNING, QUALITY,
        lambda: translate("Validation", "SIRET with a wrong check digit"),
        lambda: translate(
            "Validation",
            "“{value}” has 14 digits but is not a valid SIRET (wrong check digit): a digit is probably mistyped. "
            "Check it on annuaire-entreprises.data.gouv.fr.",
        ),
    ),
    _code(
        "pivot-siren", WARNING, QUALITY,
        lambda: translate("Validation", "SIREN instead of SIRET"),
        lambda: translate(
            "Validation",
            "“{value}” is a SIREN (9 digits, the company) rather than the SIRET of the establishment (14 digits). "
            "Give the SIRET of the lieu.",
        ),
    ),
    _code(
        "pivot-rna", WARNING, QUALITY,
        lambda: translate("Validation", "RNA number with a wrong format"),
        lambda: translate(
            "Validation",
            "“{value}” looks like an RNA number (association) but an RNA number is a capital W followed by "
            "9 characters (e.g. W751234567). Check it on the Journal officiel des associations.",
        ),
    ),
    _code(
        "pivot-unknown", WARNING, QUALITY,
        lambda: translate("Validation", "Pivot neither SIRET nor RNA"),
        lambda: translate(
            "Validation",
            "“{value}” is neither a SIRET (14 digits) nor an RNA number (W followed by 9 characters). "
            "Check the structure's identifier.",
        ),
    ),
    _code(
        "phone-invalid", WARNING, QUALITY,
        lambda: translate("Validation", "Telephone number that does not exist"),
        lambda: translate(
            "Validation",
            "“{value}” has the international format but is not an assigned telephone number "
            "(wrong length or prefix). Check the number.",
        ),
    ),
    _code(
        "email-invalid", WARNING, QUALITY,
        lambda: translate("Validation", "Incorrect e-mail address"),
        lambda: translate(
            "Validation",
            "{items}: not a valid e-mail address (name@domain.fr, no spaces or accents). "
            "Separate several addresses with “|”.",
        ),
    ),
    _code(
        "url-invalid", WARNING, QUALITY,
        lambda: translate("Validation", "Incorrect web address"),
        lambda: translate(
            "Validation",
            "{items}: not a valid web address. Write the full address starting with https:// "
            "(several addresses separated by “|” where the field allows a list).",
        ),
    ),
    _code(
        "typologie-unknown", WARNING, QUALITY,
        lambda: translate("Validation", "Unknown typologie"),
        lambda: translate(
            "Validation",
            "{items}: not a typologie code of the national list (e.g. {example}). Use the codes, "
            "in capitals, separated by “|”.",
        ),
    ),
    _code(
        "opening-hours-invalid", WARNING, QUALITY,
        lambda: translate("Validation", "Opening hours not in OSM format"),
        lambda: translate(
            "Validation",
            "The opening hours do not follow the OpenStreetMap opening_hours syntax "
            "(e.g. Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00).",
        ),
    ),
    _code(
        "postal-code-unknown", WARNING, QUALITY,
        lambda: translate("Validation", "Unknown postal code"),
        lambda: translate(
            "Validation",
            "The postal code {value} belongs to no commune (a CEDEX code?). Give the postal code of the lieu's "
            "address.",
        ),
    ),
    _code(
        "insee-unknown", WARNING, QUALITY,
        lambda: translate("Validation", "Unknown INSEE code"),
        lambda: translate(
            "Validation",
            "The INSEE code {value} is not a current commune (merged commune? postal code given instead?). "
            "Check it in the Code officiel géographique.",
        ),
    ),
    _code(
        "postal-code-insee-mismatch", WARNING, QUALITY,
        lambda: translate("Validation", "Postal code and INSEE code disagree"),
        lambda: translate(
            "Validation",
            "The postal code {value} is not a postal code of the commune {detail} (INSEE code): one of the two "
            "is wrong. Postal codes of that commune: {expected}.",
        ),
    ),
    _code(
        "commune-mismatch", WARNING, QUALITY,
        lambda: translate("Validation", "Commune name does not match"),
        lambda: translate(
            "Validation",
            "“{value}” does not match the commune of the codes given ({expected}). Check the commune name "
            "and the codes.",
        ),
    ),
    _code(
        "coordinates-incomplete", WARNING, QUALITY,
        lambda: translate("Validation", "Latitude or longitude missing"),
        lambda: translate(
            "Validation", "Only one of latitude and longitude is filled in: give both, or neither."
        ),
    ),
    _code(
        "coordinates-zero", WARNING, QUALITY,
        lambda: translate("Validation", "Coordinates 0, 0"),
        lambda: translate(
            "Validation",
            "The coordinates are 0, 0 (in the Gulf of Guinea): a missing position was written as zero. "
            "Geocode the address or leave both cells empty.",
        ),
    ),
    _code(
        "coordinates-swapped", WARNING, QUALITY,
        lambda: translate("Validation", "Latitude and longitude swapped"),
        lambda: translate(
            "Validation",
            "The point falls outside France but lies in France once latitude and longitude are swapped: "
            "exchange the two values.",
        ),
    ),
    _code(
        "coordinates-outside-france", WARNING, QUALITY,
        lambda: translate("Validation", "Coordinates outside France"),
        lambda: translate(
            "Validation",
            "The point ({value}) is outside France and its overseas territories. Give WGS 84 coordinates in "
            "decimal degrees (not Lambert 93), latitude first.",
        ),
    ),
    _code(
        "coordinates-far-from-commune", WARNING, QUALITY,
        lambda: translate("Validation", "Coordinates far from the commune"),
        lambda: translate(
            "Validation",
            "The point is {distance} km from the centre of {detail} (more than {limit} km): the coordinates or "
            "the commune are wrong.",
        ),
    ),
    _code(
        "date-future", WARNING, QUALITY,
        lambda: translate("Validation", "Update date in the future"),
        lambda: translate("Validation", "The update date {value} is in the future. Give the date of the last update."),
    ),
    _code(
        "date-old", WARNING, QUALITY,
        lambda: translate("Validation", "Information not updated for 2 years"),
        lambda: translate(
            "Validation",
            "The information was last updated on {value}, more than {limit} days ago: check it with the lieu and "
            "update date_maj.",
        ),
    ),
    _code(
        "without-services", WARNING, QUALITY,
        lambda: translate("Validation", "Filled in although no service is given"),
        lambda: translate(
            "Validation",
            "“{field}” is filled in but “services” is empty: the Cartographie nationale ignores it. "
            "Give the lieu's services or empty this cell.",
        ),
    ),
    _code(
        "no-services-access", WARNING, QUALITY,
        lambda: translate("Validation", "No service: modalites_acces inconsistent"),
        lambda: translate(
            "Validation",
            "“services” is empty: a lieu without services is shown as “Ce lieu n'accueille pas de public”. "
            "Give its services, or write that value in modalites_acces.",
        ),
    ),
    _code(
        "probable-duplicate", WARNING, QUALITY,
        lambda: translate("Validation", "Probable duplicate"),
        lambda: translate(
            "Validation",
            "Probably the same lieu as “{detail}” (id {value}): {item}, {distance}. Merge the two lieux, "
            "or accept this issue if they are distinct lieux.",
        ),
    ),
    _code(
        "services-but-no-public", WARNING, QUALITY,
        lambda: translate("Validation", "Services given for a lieu that receives no public"),
        lambda: translate(
            "Validation",
            "modalites_acces says “Ce lieu n'accueille pas de public” although services are given: "
            "the Cartographie nationale drops that value. Remove it or empty services.",
        ),
    ),
)

CODES: dict[str, Code] = {entry.code: entry for entry in _CATALOGUE}


class _Blanks(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(code: str, **params: object) -> str:
    """The message of ``code`` in the active language, with its placeholders filled."""
    template = CODES[code].template
    return template.format_map(_Blanks({k: "" if v is None else v for k, v in params.items()}))


def severity(code: str) -> str:
    return CODES[code].severity


def title(code: str) -> str:
    return CODES[code].title
