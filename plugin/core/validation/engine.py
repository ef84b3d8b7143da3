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

import datetime as dt
import operator
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import compress, filterfalse, repeat
from operator import attrgetter, itemgetter
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from .. import gc_pause
from ..columns import ArrowColumns, ListColumns
from ..i18n import current_language, language
from ..records import ColumnarRecords, cell_text
from ..schema import Schema, load_schema
from .codes import CODES, ERROR
from .fixes import phone_region, stable_ids
from .issues import Issue, Report, new_issue
from .reference_data import bundled_geography, bundled_typologies
from .rules.cells import build_cell_check
from .rules.common import Context, FieldFinding, finding
from .rules.geography import CommuneRule, CoordinateRule
from .rules.services import ACCESS, SERVICES, dependent_fields, no_public_value, services_findings
from .rules.structure import analyse_header, lossy_header_findings, row_shape_findings

DEFAULT_CENTROID_DISTANCE_KM = 30.0
_MAX_CACHE = 200_000  # distinct values cached per field (memory bound for long QGIS sessions)
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
    # probable duplicates (a cross-record rule, see .duplicates): None = not looked for; the dock, the
    # producers' report and `validate --duplicates` pass DuplicateSettings()
    duplicates: Any = None

    @classmethod
    def from_settings(cls, settings: Any, **overrides: Any) -> ValidationOptions:
        """Options from the plugin settings (``PlgSettings``: the ``validation_*`` fields), then ``overrides``."""
        values = {
            "max_age_days": int(getattr(settings, "validation_max_age_days", 730)),
            "centroid_distance_km": float(getattr(settings, "validation_centroid_distance_km",
                                                  DEFAULT_CENTROID_DISTANCE_KM)),
            "ignore_header_case": bool(getattr(settings, "validation_ignore_header_case", False)),
        }
        values.update(overrides)
        return cls(**values)

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
        self._communes = CommuneRule(self.context)
        # a number field's clean regex only matches numbers: the values it leaves are all the row rules must parse
        self._numbers_cleaned = all(
            name in schema and schema.field(name).type == "number" and self.cell_checks[name].clean is not None
            for name in ("latitude", "longitude")
        )

    # ── columns of records ───────────────────────────────────────────────────────────────────────────────

    def validate_columns(
        self,
        columns: Mapping[str, Sequence[str]],
        rows: Sequence[int | None],
        ids: Sequence[str],
        unique: bool = True,
        *,
        strings: bool = False,
    ) -> list[Issue]:
        """Issues of the records given column by column (``columns[field][i]`` is record ``i``'s cell).

        ``columns`` holds the fields present (strings; "" = missing); ``rows[i]`` and ``ids[i]`` identify the
        records in the issues. Cell results are cached per distinct value (and hint). With ``unique=False``
        the uniqueness of ``id`` is not checked (one record alone, or an incremental validator that keeps its
        own index). ``strings=True``: the columns are lists of ``str`` already (a reader's columns), so their
        types are not checked. Messages use the active language: callers wrap a run in ``i18n.language(...)``.
        """
        issues: list[Issue] = []
        if not isinstance(columns, (ArrowColumns, ListColumns)):
            columns = ListColumns(_string_columns(columns, trusted=strings), len(ids))
        dirty_cells: dict[str, set] = {}
        for name in columns:
            results, hits, dirty = self._cell_results(name, columns.cells(name), columns)
            dirty_cells[name] = dirty
            if results:
                found = self._cell_issues(name, results, hits, rows, ids)
                if name == self.primary_key:
                    found = self._suggest_ids(found, columns, hits, rows)
                issues.extend(found)
        if self.context.quality:
            self._row_rules(columns, rows, ids, issues.append, dirty_cells)
        if unique:
            for name in self.unique_fields:
                if name in columns:
                    issues.extend(self.uniqueness_issues({name: columns[name]}, rows, ids))
        return issues

    def _suggest_ids(self, found: list[Issue], columns, hits: tuple[list, list], rows) -> list[Issue]:
        """The "required" issues of empty ids get a generated stable id as their safe fix
        (:func:`.fixes.stable_ids`)."""
        indexes, keys = hits
        blank = [index for index, key in zip(indexes, keys) if not str(key).strip()]
        if not blank:
            return found
        generated = stable_ids(columns, blank, taken=columns[self.primary_key])
        by_row = {rows[index]: value for index, value in generated.items()}
        for issue in found:
            if issue.code == "required" and issue.row in by_row and issue.suggestion is None:
                issue.__dict__["suggestion"] = by_row[issue.row]
        return found

    def _cell_issues(self, name: str, results: dict, hits: tuple[list, list], rows, ids) -> list[Issue]:
        """The issues of the cells of one column that have findings: ``hits`` = (row indexes, cell keys).

        Each finding of a cell key becomes the fields of its issues once; the issues of keys with one finding
        (nearly all) are then built in bulk (a copy of the fields with the row and id, set as the ``__dict__`` of
        new Issue objects), the others one by one.
        """
        severity = self.severity
        templates = {
            key: [
                {"row": None, "id": "", "field": name, "code": item.code, "severity": severity[item.code],
                 "message": item.message,
                 "value": item.value if item.value is not None else (key[0] if isinstance(key, tuple) else key),
                 "suggestion": item.suggestion}
                for item in found
            ]
            for key, found in results.items()
        }
        indexes, keys = hits
        single = {key: found[0] for key, found in templates.items() if len(found) == 1}
        several = len(single) < len(templates)
        if several:
            selected = list(map(single.__contains__, keys))
            multi = [(index, key) for index, key, one in zip(indexes, keys, selected) if not one]
            indexes, keys = list(compress(indexes, selected)), list(compress(keys, selected))
        fields = []  # a copy of the template per issue, with its row and id (faster than merging two dicts)
        append = fields.append
        for index, key in zip(indexes, keys):
            values = single[key].copy()
            values["row"] = rows[index]
            values["id"] = ids[index]
            append(values)
        issues = list(map(_new, repeat(Issue, len(keys))))
        deque(map(_set, issues, repeat("__dict__"), fields), maxlen=0)
        if several:
            for index, key in multi:
                for template in templates[key]:
                    issues.append(new_issue(rows[index], ids[index], name, template["code"], template["severity"],
                                            template["message"], template["value"], template["suggestion"]))
        return issues

    def _cell_results(self, name: str, column, columns):
        """({cell key: findings} for the cells that have findings, (row indexes, cell keys) of those cells,
        the dirty values), for the cells of one field (a column of :mod:`plugin.core.columns`).

        Cells that match the field's *clean* shape (see :func:`.rules.cells.clean_regex`) are skipped in bulk
        (matched once per distinct value, or once per cell in a column of mostly distinct values, where
        collecting the distinct values would cost more than it saves); the others (the *dirty* values) are
        checked once per distinct value (and hint: the key is then ``(value, hint)``); results are cached across
        runs.
        """
        check = self.cell_checks[name]
        shape = check.shape
        dirty_rows = None  # the row indexes of the dirty cells (and their values), when known
        prepare = check.prepare
        if shape is None:
            dirty = column.distinct()
        elif column.mostly_distinct():
            rows = column.suspect_rows(shape)
            if check.mask is not None and len(rows) > 64:  # e.g. SIRETs: checksums in bulk, per cell
                rows = rows[~check.mask(column.subset(rows))]
                prepare = None  # the same proof per value, done (prepare only ever spares checks)
            values = column.take(rows)
            keep = list(map(operator.not_, map(shape.regex.fullmatch, values)))
            dirty_rows, values = list(compress(rows.tolist(), keep)), list(compress(values, keep))
            dirty = set(values)
        else:
            dirty = column.unmatched_values(shape)
        if not dirty:
            return {}, None, dirty
        hint_spec = self.hints.get(name)
        if hint_spec is None:
            results = self._value_findings(name, dirty, prepare)
            if not results:
                return results, None, dirty
            if dirty_rows is None:  # the cells' keys are the results' own strings (their hashes known)
                keys = list(results)
                positions = column.index_in(keys)
                indexes = (positions >= 0).nonzero()[0]
                return results, (indexes.tolist(), list(map(keys.__getitem__, positions[indexes].tolist()))), dirty
            hits = list(map(results.__contains__, values))
            return results, (list(compress(dirty_rows, hits)), list(compress(values, hits))), dirty
        source_name, hint_function = hint_spec
        if dirty_rows is None:
            distinct = list(dirty)
            positions = column.index_in(distinct)
            rows = (positions >= 0).nonzero()[0]
            dirty_rows, values = rows.tolist(), list(map(distinct.__getitem__, positions[rows].tolist()))
        # the hint's cells of these rows only (e.g. the postal codes of the phones to look at)
        cells = zip(dirty_rows, values, columns.cells(source_name).take(dirty_rows))
        return (*self._hinted_findings(name, hint_function, cells), dirty)

    def _cache(self, name: str) -> dict:
        """The per-value results cache of a field (emptied when it grows too large for a long QGIS session)."""
        cache = self.cell_caches[name]
        if len(cache) > _MAX_CACHE:
            cache.clear()
        return cache

    def _value_findings(self, name: str, dirty: set, prepare) -> dict:
        """{value: findings} for the dirty values of a field that have findings (cached per value); ``prepare``
        (bulk proof, e.g. SIRET checksums) spares the values it proves when there are many."""
        check = self.cell_checks[name]
        cache = self._cache(name)
        pending = dirty
        if prepare is not None and len(dirty) > 64:
            pending = dirty - prepare(list(filterfalse(cache.__contains__, dirty)))
        results: dict = {}
        for value in pending:
            found = cache.get(value)
            if found is None:
                found = cache[value] = check(value, None)
            if found:
                results[value] = found
        return results

    def _hinted_findings(self, name: str, hint_function: Callable[[str], str], cells: Iterable[tuple]):
        """({(value, hint): findings} for the keys with findings, (row indexes, keys) of their cells), for the
        ``cells`` (row index, value, cell the hint is taken from) of a field whose check takes a hint."""
        check = self.cell_checks[name]
        cache = self._cache(name)
        hints: dict[str, str] = {}
        row_keys: dict[int, tuple] = {}
        results: dict = {}
        for index, value, origin in cells:
            hint = hints.get(origin)
            if hint is None:
                hint = hints[origin] = hint_function(origin)
            row_keys[index] = key = (value, hint)
            if key not in results:
                found = cache.get(key)
                if found is None:
                    found = cache[key] = check(*key)
                results[key] = found
        results = {key: found for key, found in results.items() if found}
        hits = [(index, key) for index, key in row_keys.items() if key in results]
        return results, (list(map(itemgetter(0), hits)), list(map(itemgetter(1), hits)))

    def _row_rules(self, columns, rows, ids, append, dirty_cells=None) -> None:
        """Rules that read several cells of a row: commune codes, coordinates, the services conditions.

        ``columns``: :class:`~plugin.core.columns.ListColumns` or :class:`~plugin.core.columns.ArrowColumns`;
        ``dirty_cells``: {field: the values its cell check did not prove clean}, from the cell pass. The rows
        proven to have nothing to say are set aside in bulk; only the cells of the others are read one by one.
        """
        ctx = self.context
        severity = self.severity
        dirty_cells = dirty_cells or {}
        cells = columns.cells

        def emit(index: int, found: Iterable[FieldFinding]) -> None:
            for field_name, item in found:
                value = cells(field_name)[index] if item.value is None else item.value
                append(new_issue(rows[index], ids[index], field_name, item.code, severity[item.code], item.message,
                                 value, item.suggestion))

        postal, insee = cells("code_postal"), cells("code_insee")
        if ctx.geography is not None and ("code_postal" in columns or "code_insee" in columns):
            communes = cells("commune")
            # rows proven consistent in bulk have no finding; the others are checked once per distinct key
            left = self._communes.inconsistent_rows(postal, insee, communes)
            if left is None:
                left = np.arange(len(ids))
            if left.size:
                for index, *key in zip(left.tolist(), postal.take(left), insee.take(left), communes.take(left)):
                    found = self._commune_findings(tuple(key))
                    if found:
                        emit(index, found)
        if "latitude" in columns or "longitude" in columns:
            suspects = None
            if "latitude" in dirty_cells and "longitude" in dirty_cells and self._numbers_cleaned:
                suspects = (dirty_cells["latitude"], dirty_cells["longitude"])
            for index, found in self._coordinates.check_columns(
                cells("latitude"), cells("longitude"), insee, postal, suspects
            ):
                emit(index, found)
        if SERVICES in columns:
            names = self._dependents
            no_public = self._no_public
            services, access = cells(SERVICES), cells(ACCESS)
            # only a lieu without services, or one saying it receives no public, can have a finding here
            concerned = services.blank()
            if no_public:
                concerned |= access.contains(no_public)
            concerned = concerned.nonzero()[0]
            if concerned.size:
                dependents = [cells(name).take(concerned) for name in names]
                selected = zip(concerned.tolist(), services.take(concerned), access.take(concerned))
                for position, (index, service, modalities) in enumerate(selected):
                    key = (service, modalities, *(values[position] for values in dependents))
                    found = self._services_findings(key)
                    if found:
                        emit(index, found)

    def _commune_findings(self, key: tuple[str, str, str]) -> tuple:
        """The commune rule's findings for (code_postal, code_insee, commune), cached per key."""
        cache = self._row_caches["commune"]
        found = cache.get(key)
        if found is None:
            found = cache[key] = tuple(self._communes(*key))
        return found

    def _services_findings(self, key: tuple) -> tuple:
        """The services conditions' findings for (services, modalites_acces, *the dependent cells), cached."""
        cache = self._row_caches["services"]
        found = cache.get(key)
        if found is None:
            names = self._dependents
            found = cache[key] = tuple(services_findings(self._no_public, key[0], key[1], dict(zip(names, key[2:]))))
        return found

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
                issues.append(new_issue(rows[index], ids[index], name, "unique", template.severity, template.message,
                                        template.value, None))
        return issues

    def sort(self, issues: list[Issue]) -> None:
        """Sort issues in place: by row (file-level issues first), field in schema order, errors first, code.

        The sort keys are built at C speed (no Python call per issue); the sort is stable, as ``list.sort``.
        """
        if len(issues) < 2:
            return
        order = self.field_order
        rows = map(_ROW_KEY.get, map(_ROW, issues), map(_ROW, issues))  # None → -1, else the row itself
        fields = map(order.get, map(_FIELD, issues), repeat(len(order)))
        warnings = map(ERROR.__ne__, map(_SEVERITY, issues))
        keys = list(zip(rows, fields, warnings, map(_CODE, issues)))
        positions = sorted(range(len(issues)), key=keys.__getitem__)
        issues[:] = list(map(issues.__getitem__, positions))


_ROW, _FIELD, _SEVERITY, _CODE = (attrgetter(name) for name in ("row", "field", "severity", "code"))
_ROW_KEY = {None: -1}


_VALIDATORS: dict[tuple, Validator] = {}
_MAX_VALIDATORS = 8


def clear_caches() -> None:
    """Forget the compiled validators and their caches (benchmarks measure cold runs with it)."""
    _VALIDATORS.clear()


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
    with language(options.language), gc_pause.paused():
        return _validate_table(table, schema, options, validator)


_TRANSPOSE_SLICE = 4096


def _extract(rows: Sequence[Mapping[str, Any]], keys: Mapping[str, str]) -> dict[str, list[str]]:
    """{field: the cells of its key in dict rows, as strings} (an absent key reads as "").

    One pass over the rows fetches every key while a row is in the CPU cache, then transposes (C speed).
    """
    if not keys:
        return {}
    names, sources = list(keys), list(keys.values())
    try:
        if len(sources) == 1:
            transposed = [list(map(itemgetter(sources[0]), rows))]
        else:
            # by slices: one transposition of 50,000 rows is a single C call holding the GIL for 0.1 s or more,
            # which would stall QGIS's main thread while a task validates
            transposed = [[] for _ in sources]
            getter = itemgetter(*sources)
            for start in range(0, len(rows), _TRANSPOSE_SLICE):
                for column, cells in zip(transposed, zip(*map(getter, rows[start : start + _TRANSPOSE_SLICE]))):
                    column.extend(cells)
    except KeyError:
        transposed = [[row.get(key, "") for row in rows] for key in sources]
    return dict(zip(names, transposed))


def _string_columns(columns: Mapping[str, Sequence[Any]], trusted: bool = False) -> dict[str, list[str]]:
    """The columns as lists of strings.

    Readers give strings; layers and payloads may give None, numbers or lists, converted with ``cell_text``.
    ``trusted``: the caller guarantees lists of strings (a reader's columns): nothing is checked.
    """
    out: dict[str, list[str]] = {}
    for name, column in columns.items():
        if not isinstance(column, list):
            column = list(column)
        if not trusted and not _STR_TYPE.issuperset(map(type, column)):
            column = [_text(value) for value in column]
        out[name] = column
    return out


_STR_TYPE = frozenset((str,))
_new = object.__new__
_set = object.__setattr__  # new_issue inlined: Issue objects in every respect (see issues.new_issue)


def _validate_table(table, schema: Schema, options: ValidationOptions, validator: Validator) -> Report:
    data = getattr(table, "column_data", None)  # a reader's columns (strings), when not turned into dicts
    count = table.row_count if data is not None else len(table.rows)
    row_numbers = list(getattr(table, "row_numbers", None) or range(1, count + 1))
    header = analyse_header(schema, table, options.ignore_header_case)
    keys = header.field_keys
    severity = validator.severity
    issues: list[Issue] = [
        Issue(None, "", name, item.code, severity[item.code], item.message, item.value or "", None)
        for name, item in header.findings
    ]
    if count == 0:  # a header alone is not « conforme »: say that there is no lieu
        empty = finding("no-lieu", None, "", about="")
        issues.append(Issue(None, "", "", empty.code, severity[empty.code], empty.message, "", None))
    wanted = {name: keys[name] for name in schema.field_names if name in keys}
    if isinstance(data, ArrowColumns) and all(key in data for key in wanted.values()):
        columns = data.select(wanted)  # still in Arrow memory: the engine proves cells clean there
    elif data is not None:
        columns = {name: data[key] if key in data else table.column(key) for name, key in wanted.items()}
    else:
        columns = _extract(table.rows, wanted)
    ids = columns.get(schema.primary_key) or [""] * count
    issues.extend(validator.validate_columns(columns, row_numbers, ids, strings=data is not None))
    if options.duplicates is not None and options.quality:
        issues.extend(_duplicate_issues(columns, row_numbers, options))
    shape = row_shape_findings(table)
    ids_by_number = dict(zip(row_numbers, ids)) if shape or getattr(table, "lossy_cells", None) else {}
    lossy = getattr(table, "lossy_cells", None)
    rows_by_number = _rows_by_number(table, row_numbers, {number for number, _ in lossy}) if lossy else {}
    for number, name, item in shape + lossy_header_findings(table, keys, rows_by_number):
        issues.append(
            Issue(number, ids_by_number.get(number, ""), name, item.code, severity[item.code], item.message,
                  item.value or "", None)
        )
    validator.sort(issues)
    return Report(
        rows=count,
        issues=issues,
        source=str(getattr(table, "path", "") or ""),
        schema_version=schema.version,
    )


def _rows_by_number(table, row_numbers: Sequence[int], wanted: set) -> dict[int, Mapping[str, str]]:
    """{row number: row} for the ``wanted`` row numbers (built from the columns of a columnar table)."""
    data = getattr(table, "column_data", None)
    if data is None:
        return {number: row for number, row in zip(row_numbers, table.rows) if number in wanted}
    return {
        number: {key: values[index] for key, values in data.items()}
        for index, number in enumerate(row_numbers)
        if number in wanted
    }


def validate_records(
    records: Sequence[Mapping[str, Any]],
    schema: Schema | None = None,
    options: ValidationOptions | None = None,
    row_numbers: Sequence[int] | None = None,
) -> Report:
    """Validate records in the standard's flat form (keys = field names; an absent key reads as "").

    Records held as columns (:class:`~plugin.core.records.ColumnarRecords`, e.g. a working layer read back for
    an export) are validated from their columns, without building the dicts.
    """
    schema = schema or load_schema()
    options = options or ValidationOptions()
    validator = validator_for(schema, options)
    rows = list(row_numbers) if row_numbers is not None else list(range(1, len(records) + 1))
    data = records.column_data() if isinstance(records, ColumnarRecords) else None
    if data is not None:
        columns = {name: records.column(name) for name in schema.field_names}
    else:
        columns = _extract(records, {name: name for name in schema.field_names})
    ids = columns[schema.primary_key]
    with language(options.language), gc_pause.paused():
        issues = validator.validate_columns(columns, rows, ids, strings=data is not None)
        if options.duplicates is not None and options.quality:
            issues.extend(_duplicate_issues(columns, rows, options))
        validator.sort(issues)
    return Report(rows=len(records), issues=issues, schema_version=schema.version)


def _duplicate_issues(columns: Mapping[str, Sequence[str]], rows: Sequence, options: ValidationOptions) -> list[Issue]:
    from .duplicates import DuplicateSettings, duplicate_issues

    settings = options.duplicates if isinstance(options.duplicates, DuplicateSettings) else None
    return duplicate_issues(columns, rows, settings)


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
