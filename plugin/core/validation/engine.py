"""The validation engine: records → issues, as a pure function (no Qt, no QGIS).

* :func:`validate_table` — a table read from a file (header, row shape, cells, uniqueness);
* :func:`validate_records` — records in the standard's flat form (a layer, an API payload);
* :func:`check_record` — one record, for a form (no uniqueness: that needs the other records);
* :class:`~.incremental.IncrementalValidator` — live re-validation after each edit (the dock).

A :class:`Validator` compiles the schema into one cell check per field (schema constraints then quality
checks, see :mod:`.rules.cells`) and a few row rules (postal code ↔ INSEE ↔ commune, coordinates, the
services conditions); every check result is cached per distinct value. One validator per (schema, options)
is kept, so a form's :func:`check_record` costs microseconds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, filterfalse
from operator import itemgetter
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..i18n import current_language, language
from ..records import cell_text
from ..schema import Schema, load_schema
from .codes import CODES
from .fixes import phone_region
from .issues import Issue, Report
from .reference_data import bundled_geography, bundled_typologies
from .rules.cells import build_cell_check
from .rules.common import Context, FieldFinding, finding
from .rules.geography import CoordinateRule, commune_findings
from .rules.services import ACCESS, SERVICES, dependent_fields, no_public_value, services_findings
from .rules.structure import analyse_header, lossy_header_findings, row_shape_findings

DEFAULT_CENTROID_DISTANCE_KM = 30.0
_MAX_CACHE = 200_000  # distinct values cached per field (memory bound for long QGIS sessions)
_HINTED_KEYS = object()  # results entry holding the (value, hint) key of each row
# Communes far larger than usual: Guyane's reach 18,000 km².
DEFAULT_CENTROID_DISTANCE_BY_DEPARTEMENT = {"973": 150.0}


@dataclass(frozen=True)
class ValidationOptions:
    """What a caller may tune. Defaults suit a Hub agent; tests inject ``today`` and reference data."""

    language: str | None = None  # "fr" / "en"; None = the active translator
    ignore_header_case: bool = False  # match "Nom" to the field "nom" (Validata's --ignore_header_case)
    today: dt.date | None = None  # reference date of the date_maj checks (None = today)
    max_age_days: int = 730  # date_maj older than this: "not updated for 2 years"
    centroid_distance_km: float = DEFAULT_CENTROID_DISTANCE_KM
    centroid_distance_km_by_departement: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_CENTROID_DISTANCE_BY_DEPARTEMENT)
    )
    quality: bool = True  # False: the schema's constraints only (Validata parity)
    geography: Any = None  # reference data (the interface of plugin.core.reference); None = the bundled one
    typologies: Mapping[str, str] | None = None  # code → label; None = the bundled list

    def cache_key(self) -> tuple:
        return (
            self.language or current_language(),
            self.ignore_header_case,
            self.today or dt.date.today(),
            self.max_age_days,
            self.centroid_distance_km,
            tuple(sorted(self.centroid_distance_km_by_departement.items())),
            self.quality,
            id(self.geography),
            id(self.typologies),
        )


def _text(value: Any) -> str:
    if value.__class__ is str:
        return value
    return "" if value is None else cell_text(value)


class Validator:
    """The schema and options compiled into cached checks. Build through :func:`validator_for`."""

    def __init__(self, schema: Schema, options: ValidationOptions):
        self.schema = schema
        self.options = options
        geography = options.geography if options.geography is not None else bundled_geography()
        typologies = options.typologies if options.typologies is not None else bundled_typologies()
        self.context = Context(
            schema=schema,
            today=options.today or dt.date.today(),
            max_age_days=options.max_age_days,
            centroid_distance_km=options.centroid_distance_km,
            centroid_distance_km_by_departement=dict(options.centroid_distance_km_by_departement),
            geography=geography,
            typologies=frozenset(typologies) if typologies else None,
            typologie_labels=dict(typologies or {}),
            quality=options.quality,
        )
        with language(options.language):
            self.cell_checks = {spec.name: build_cell_check(self.context, spec) for spec in schema.fields}
        self.cell_caches: dict[str, dict] = {spec.name: {} for spec in schema.fields}
        # fields whose check needs a hint from another cell of the row: (source field, hint function)
        self.hints: dict[str, tuple[str, Callable[[str], str]]] = {}
        if "telephone" in schema and "code_postal" in schema:
            self.hints["telephone"] = ("code_postal", phone_region)
        self.severity = {code: entry.severity for code, entry in CODES.items()}
        self.field_order = {name: index for index, name in enumerate(schema.field_names)}
        self.unique_fields = tuple(spec.name for spec in schema.fields if spec.unique)
        self.primary_key = schema.primary_key
        self._no_public = no_public_value(schema)
        self._dependents = dependent_fields(schema)
        self._row_caches: dict[str, dict] = {"commune": {}, "services": {}}
        self._coordinates = CoordinateRule(self.context)

    # ── columns of records ───────────────────────────────────────────────────────────────────────────────

    def validate_columns(
        self,
        columns: Mapping[str, Sequence[str]],
        rows: Sequence[int | None],
        ids: Sequence[str],
        unique: bool = True,
    ) -> list[Issue]:
        """Issues of the records given column by column (``columns[field][i]`` is record ``i``'s cell).

        ``columns`` holds the fields present (strings; "" = missing); ``rows[i]`` and ``ids[i]`` identify the
        records in the issues. Cell results are cached per distinct value (and hint). With ``unique=False``
        the uniqueness of ``id`` is not checked (one record alone, or an incremental validator that keeps its
        own index). Messages use the active language: callers wrap a run in ``i18n.language(...)``.
        """
        issues: list[Issue] = []
        append = issues.append
        severity = self.severity
        for name, column in columns.items():
            results = self._cell_results(name, column, columns)
            if not results:
                continue
            keys = results.pop(_HINTED_KEYS, None) or column
            for index in compress(range(len(keys)), map(results.__contains__, keys)):
                value = column[index]
                for item in results[keys[index]]:
                    append(Issue(rows[index], ids[index], name, item.code, severity[item.code], item.message,
                                 value if item.value is None else item.value, item.suggestion))
        if self.context.quality:
            self._row_rules(columns, rows, ids, append)
        if unique:
            for name in self.unique_fields:
                if name in columns:
                    issues.extend(self.uniqueness_issues({name: columns[name]}, rows, ids))
        return issues

    def _cell_results(self, name: str, column: Sequence[str], columns: Mapping[str, Sequence[str]]) -> dict:
        """{cell key: findings} for the distinct cells of a column that have findings.

        Cells that match the field's *clean* regex (see :func:`.rules.cells.clean_regex`) are skipped at C speed;
        the others are checked once per distinct value (and hint) and the result is cached across runs.
        """
        check = self.cell_checks[name]
        cache = self.cell_caches[name]
        if len(cache) > _MAX_CACHE:
            cache.clear()
        clean = check.clean
        hint_spec = self.hints.get(name)
        results: dict = {}
        if hint_spec is None:
            distinct = set(column)
            candidates = filterfalse(clean.fullmatch, distinct) if clean is not None else distinct
            for value in candidates:
                found = cache.get(value)
                if found is None:
                    found = cache[value] = check(value, None)
                if found:
                    results[value] = found
            return results
        source = columns.get(hint_spec[0]) or [""] * len(column)
        hint_of = {value: hint_spec[1](value) for value in set(source)}
        keys = list(zip(column, map(hint_of.__getitem__, source)))
        for key in set(keys):
            if clean is not None and clean.fullmatch(key[0]):
                continue
            found = cache.get(key)
            if found is None:
                found = cache[key] = check(*key)
            if found:
                results[key] = found
        if results:
            results[_HINTED_KEYS] = keys
        return results

    def _row_rules(self, columns: Mapping[str, Sequence[str]], rows, ids, append) -> None:
        """Rules that read several cells of a row: commune codes, coordinates, the services conditions."""
        count = len(ids)
        blank = [""] * count
        ctx = self.context
        severity = self.severity

        def column(name: str) -> Sequence[str]:
            return columns.get(name) or blank

        def emit(index: int, found: Iterable[FieldFinding]) -> None:
            for field_name, item in found:
                value = column(field_name)[index] if item.value is None else item.value
                append(Issue(rows[index], ids[index], field_name, item.code, severity[item.code], item.message,
                             value, item.suggestion))

        def keyed(cache: dict, keys: list, rule: Callable[[tuple], Iterable[FieldFinding]]) -> None:
            """Run a rule once per distinct key (a tuple of cells) and emit its findings on every row."""
            results = {}
            for key in set(keys):
                found = cache.get(key)
                if found is None:
                    found = cache[key] = tuple(rule(key))
                if found:
                    results[key] = found
            if results:
                for index in compress(range(count), map(results.__contains__, keys)):
                    emit(index, results[keys[index]])

        postal, insee = column("code_postal"), column("code_insee")
        if ctx.geography is not None and ("code_postal" in columns or "code_insee" in columns):
            keyed(
                self._row_caches["commune"],
                list(zip(postal, insee, column("commune"))),
                lambda key: commune_findings(ctx, *key),
            )
        if "latitude" in columns or "longitude" in columns:
            for index, found in self._coordinates.check_columns(
                column("latitude"), column("longitude"), insee, postal
            ):
                emit(index, found)
        if SERVICES in columns:
            names = self._dependents
            no_public = self._no_public
            keyed(
                self._row_caches["services"],
                list(zip(column(SERVICES), column(ACCESS), *(column(name) for name in names))),
                lambda key: services_findings(no_public, key[0], key[1], dict(zip(names, key[2:]))),
            )

    # ── uniqueness ──────────────────────────────────────────────────────────────────────────────────────

    def unique_issue(self, name: str, value: str, count: int, row: int | None, record_id: str) -> Issue:
        item = finding("unique", None, value, field=name, count=count)
        return Issue(row, record_id, name, "unique", self.severity["unique"], item.message, value, None)

    def uniqueness_issues(
        self, values_by_field: Mapping[str, Sequence[str]], rows: Sequence[int | None], ids: Sequence[str]
    ) -> list[Issue]:
        issues: list[Issue] = []
        for name, values in values_by_field.items():
            counts = Counter(values)
            counts.pop("", None)
            repeated = {value: count for value, count in counts.items() if count > 1}
            if not repeated:
                continue
            messages = {value: self.unique_issue(name, value, count, None, "") for value, count in repeated.items()}
            for index in compress(range(len(values)), map(repeated.__contains__, values)):
                template = messages[values[index]]
                issues.append(dataclasses.replace(template, row=rows[index], id=ids[index]))
        return issues

    def sort(self, issues: list[Issue]) -> None:
        order = self.field_order
        last = len(order)
        issues.sort(
            key=lambda i: (-1 if i.row is None else i.row, order.get(i.field, last), i.severity != "error", i.code)
        )


_VALIDATORS: dict[tuple, Validator] = {}
_MAX_VALIDATORS = 8


def validator_for(schema: Schema | None = None, options: ValidationOptions | None = None) -> Validator:
    """The (cached) compiled validator of a schema and options."""
    schema = schema or load_schema()
    options = options or ValidationOptions()
    key = (str(schema.source_path), schema.version, options.cache_key())
    validator = _VALIDATORS.get(key)
    if validator is None:
        if len(_VALIDATORS) >= _MAX_VALIDATORS:
            _VALIDATORS.pop(next(iter(_VALIDATORS)))
        validator = _VALIDATORS[key] = Validator(schema, options)
    return validator


# ── Public functions ─────────────────────────────────────────────────────────────────────────────────────


def validate_table(table, schema: Schema | None = None, options: ValidationOptions | None = None) -> Report:
    """Validate a :class:`~plugin.core.records.Table` read from a file: header, row shape, cells, uniqueness."""
    schema = schema or load_schema()
    options = options or ValidationOptions()
    validator = validator_for(schema, options)
    with language(options.language):
        return _validate_table(table, schema, options, validator)


def _extract(rows: Sequence[Mapping[str, Any]], key: str) -> list[str]:
    """The cells of one key of dict rows, as strings (an absent key reads as "")."""
    try:
        column = list(map(itemgetter(key), rows))
    except KeyError:
        column = [row.get(key, "") for row in rows]
    return _column(column)


def _column(column: list) -> list[str]:
    """A column as strings (readers give strings; layers and payloads may give None, numbers, lists)."""
    if set(map(type, column)) - {str}:
        column = [_text(value) for value in column]
    return column


def _validate_table(table, schema: Schema, options: ValidationOptions, validator: Validator) -> Report:
    rows = table.rows
    row_numbers = list(getattr(table, "row_numbers", None) or range(1, len(rows) + 1))
    header = analyse_header(
        schema,
        list(table.header),
        columns=getattr(table, "columns", None),
        duplicate_headers=getattr(table, "duplicate_headers", None),
        blank_headers=getattr(table, "blank_headers", None),
        ignore_case=options.ignore_header_case,
    )
    keys = header.field_keys
    severity = validator.severity
    issues: list[Issue] = [
        Issue(None, "", name, item.code, severity[item.code], item.message, item.value or "", None)
        for name, item in header.findings
    ]
    columns = {
        name: _extract(rows, keys[name]) for name in schema.field_names if name in keys
    }
    ids = columns.get(schema.primary_key) or [""] * len(rows)
    issues.extend(validator.validate_columns(columns, row_numbers, ids))
    ids_by_number = dict(zip(row_numbers, ids))
    rows_by_number = dict(zip(row_numbers, rows))
    for number, name, item in row_shape_findings(table) + lossy_header_findings(table, keys, rows_by_number):
        issues.append(
            Issue(number, ids_by_number.get(number, ""), name, item.code, severity[item.code], item.message,
                  item.value or "", None)
        )
    validator.sort(issues)
    return Report(
        rows=len(rows),
        issues=issues,
        source=str(getattr(table, "path", "") or ""),
        schema_version=schema.version,
    )


def validate_records(
    records: Sequence[Mapping[str, Any]],
    schema: Schema | None = None,
    options: ValidationOptions | None = None,
    row_numbers: Sequence[int] | None = None,
) -> Report:
    """Validate records in the standard's flat form (keys = field names; an absent key reads as "")."""
    schema = schema or load_schema()
    options = options or ValidationOptions()
    validator = validator_for(schema, options)
    rows = list(row_numbers) if row_numbers is not None else list(range(1, len(records) + 1))
    columns = {name: _extract(records, name) for name in schema.field_names}
    ids = columns[schema.primary_key]
    with language(options.language):
        issues = validator.validate_columns(columns, rows, ids)
    validator.sort(issues)
    return Report(rows=len(records), issues=issues, schema_version=schema.version)


def check_record(
    record: Mapping[str, Any],
    schema: Schema | None = None,
    options: ValidationOptions | None = None,
    row: int | None = None,
) -> list[Issue]:
    """The issues of one record on its own (every rule except uniqueness), e.g. for a form being edited."""
    schema = schema or load_schema()
    options = options or ValidationOptions()
    validator = validator_for(schema, options)
    columns = {name: [_text(record.get(name))] for name in schema.field_names}
    with language(options.language):
        issues = validator.validate_columns(columns, [row], columns[schema.primary_key], unique=False)
    validator.sort(issues)
    return issues
