"""A source table + a mapping profile → lieux of the standard (pure Python).

Every input record becomes a lieu, in input order (mednum-cli drops the records without a service or an
address; here the validation says what is missing). The columns the profile does not read are kept for
``colonnes_source``. Every value the mapping changed beyond copying a cell — hours text → OSM, a telephone to
E.164, a postal code's lost zero, a date to ISO, an address joined, coordinates split or reprojected from
Lambert-93, an identifier built from the source name — is recorded as a :class:`Transformation` for the summary.

The work is done column by column (a cell repeated across 50,000 rows is looked at once per distinct value), so
a hub-style file of 50,000 rows maps in about a second.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from ..i18n import translate
from ..records import ColumnarRecords, Table, format_number, join_list, split_list
from ..schema import Schema, load_schema
from .hours_fr import _day_columns_to_osm, french_hours_to_osm, week_parity
from .lambert import lambert93_to_wgs84, looks_like_lambert93
from .profile import LIST_COLUMN_FIELDS, PROFILE_EXTRA_KEY, Profile
from .values import compile_choices

Column = list[str]
ColumnGetter = Callable[[str], Column]

# what a transformation did (stable codes; the summary words them with TRANSFORMATION_TITLES)
HOURS_TEXT = "hours-text"
HOURS_DAYS = "hours-days"
HOURS_KEPT = "hours-unread"
PHONE = "phone-e164"
CODE_ZERO = "code-leading-zero"
DATE_ISO = "date-iso"
ADDRESS_JOINED = "address-joined"
COORDINATE_SPLIT = "coordinate-split"
COORDINATE_COMMA = "coordinate-decimal-comma"
LAMBERT93 = "coordinates-lambert93"
ID_BUILT = "id-built"
SOURCE_NAME = "source-name"
GEOCODED = "geocoded-ban"
CENTROID = "commune-centroid"


def _t(text: str) -> str:
    return translate("Mapping", text)


def transformation_titles() -> dict[str, str]:
    return {
        HOURS_TEXT: _t("opening hours written in words → OSM syntax"),
        HOURS_DAYS: _t("one column per day → OSM opening hours"),
        HOURS_KEPT: _t("opening hours that could not be read (kept as written)"),
        PHONE: _t("telephone → international format"),
        CODE_ZERO: _t("code with its leading zero restored"),
        DATE_ISO: _t("date → YYYY-MM-DD"),
        ADDRESS_JOINED: _t("address joined from several columns"),
        COORDINATE_SPLIT: _t("coordinate taken from a “lat,long” cell"),
        COORDINATE_COMMA: _t("coordinate with a decimal comma → decimal point"),
        LAMBERT93: _t("coordinates reprojected from Lambert-93 to WGS 84"),
        ID_BUILT: _t("identifier built as <source>_<id>"),
        SOURCE_NAME: _t("source filled with the source name"),
        GEOCODED: _t("coordinates geocoded from the address (Base Adresse Nationale)"),
        CENTROID: _t("coordinates of the commune's centre (approximate)"),
    }


class Transformation(NamedTuple):
    """One value the mapping changed (a tuple: 300,000 of them for a 50,000-row file cost little)."""

    row: int  # the source's row number (as the readers number rows)
    field: str
    kind: str
    before: str
    after: str


@dataclass
class MappingResult:
    """The lieux made by a mapping, with what is needed to import them without losing anything.

    The lieux are held as columns (``columns``: the 32 fields, one list each; ``extra_data``: the kept columns):
    the validation engine and the CSV writer read them as they are, and :attr:`records` gives them as dicts
    (:class:`~plugin.core.records.ColumnarRecords`, built on first use). Change a value in ``columns`` (then call
    :meth:`columns_changed`), not in a record dict.
    """

    columns: dict[str, list[str]]
    row_numbers: list[int]
    extra_columns: list[str]  # source columns the profile does not read (for colonnes_source)
    extra_data: dict[str, list[str]]  # their cells, one list per kept column
    transformations: list[Transformation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)  # named by the profile, absent from the file

    def __post_init__(self) -> None:
        self._records: ColumnarRecords | None = None

    @property
    def count(self) -> int:
        return len(self.row_numbers)

    @property
    def records(self) -> ColumnarRecords:
        """The lieux as records of the standard (32 fields), read-only views of ``columns``."""
        if self._records is None:
            self._records = ColumnarRecords(dict(self.columns), self.count)
        return self._records

    def columns_changed(self) -> None:
        """Forget the record dicts built from the columns (after a change in ``columns``)."""
        self._records = None

    @property
    def extras(self) -> list[dict[str, str]]:
        """The kept columns' cells, one dict per lieu."""
        if not self.extra_columns:
            return [{} for _ in range(self.count)]
        return [dict(zip(self.extra_columns, cells)) for cells in zip(*self.extra_data.values())]

    def merged_records(self) -> ColumnarRecords:
        """Each lieu with its kept columns (for a writer: the fields, then ``extra_columns``)."""
        return ColumnarRecords({**self.columns, **self.extra_data}, self.count)

    def table(self, schema: Schema | None = None) -> Table:
        """The lieux as a :class:`~plugin.core.records.Table` whose header is the standard's (then the kept
        columns), numbered as the source's rows: what the validation and the import read."""
        names = list((schema or load_schema()).field_names)
        header = names + list(self.extra_columns)
        return Table(header=header, rows=self.merged_records(), source_format="mapping",
                     row_numbers=list(self.row_numbers), columns=list(header))  # fmt: skip

    def counts(self) -> Counter:
        """How many values each kind of transformation changed."""
        return Counter(change.kind for change in self.transformations)

    def summary_lines(self, examples: int = 1) -> list[str]:
        """One line per kind of transformation: count, title, an example (French when the language is)."""
        titles = transformation_titles()
        lines = []
        first: dict[str, Transformation] = {}
        for change in self.transformations:
            first.setdefault(change.kind, change)
        for kind, count in self.counts().most_common():
            change = first[kind]
            example = translate("Mapping", "row {row}, {field}: “{before}” → “{after}”").format(
                row=change.row, field=change.field, before=_short(change.before), after=_short(change.after)
            )
            line = f"{count} × {titles.get(kind, kind)}"
            lines.append(f"{line} ({example})" if examples else line)
        return lines


def _short(text: str, width: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------- field rules


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str) and item]
    return []


def _first_filled(columns: Sequence[Column], count: int) -> Column:
    if not columns:
        return [""] * count
    if len(columns) == 1:
        return list(columns[0])
    return [next((cell for cell in cells if cell), "") for cells in zip(*columns)]


def _plain(rule: Any, get: ColumnGetter, count: int, multiple: bool) -> Column | None:
    """``{"colonne": …}`` / ``{"valeur": …}``: the column (first non-empty of a list), the constant, or None."""
    if not isinstance(rule, dict):
        return None
    if "colonne" in rule and _names(rule["colonne"]):
        names = _names(rule["colonne"])
        return _first_filled([get(name) for name in (names if multiple else names[:1])], count)
    if "valeur" in rule and rule["valeur"] not in (None, ""):
        return [str(rule["valeur"])] * count
    return None


def _joined(rule: Mapping[str, Any], get: ColumnGetter, count: int) -> Column:
    """mednum-cli's ``joindre``: the non-empty columns joined by the separator, else the ``ou`` alternative."""
    joindre = rule["joindre"]
    separator = str(joindre.get("séparateur", " "))
    columns = [get(name) for name in _names(joindre.get("colonnes"))]
    values = [separator.join(cell for cell in cells if cell) for cells in zip(*columns)] if columns else [""] * count
    alternative = joindre.get("ou")
    if isinstance(alternative, dict):
        other = _joined(alternative, get, count) if "joindre" in alternative else _plain(alternative, get, count, False)
        if other is not None:
            values = [value or fallback for value, fallback in zip(values, other)]
    return [re.sub(r"\s+", " ", value).strip() for value in values]


_NOT_NUMBER_CHARS = re.compile(r"[^\d.\s,-]+")


def _dissociated(rule: Mapping[str, Any], get: ColumnGetter) -> Column:
    """mednum-cli's ``dissocier``: part ``partie`` of the cell split by ``séparateur`` (letters removed first)."""
    part = rule["dissocier"]
    names = _names(part.get("colonne"))
    cells = get(names[0]) if names else []
    separator = str(part.get("séparateur", ","))
    index = int(part.get("partie", 0))
    # mednum-cli removes what cannot be part of a number, then splits (here the separator itself is kept)
    removed = re.compile(rf"[^\d.\s,\-{re.escape(separator)}]+") if separator else _NOT_NUMBER_CHARS
    out = []
    cache: dict[str, str] = {}
    for cell in cells:
        value = cache.get(cell)
        if value is None:
            pieces = [piece for piece in removed.sub("", cell).split(separator) if piece.strip()]
            value = cache[cell] = pieces[index].strip() if index < len(pieces) else ""
        out.append(value)
    return out


def _choices(rule: Any, get: ColumnGetter, count: int) -> Column:
    """The value rules of a list or enum field, column by column (each distinct cell tested once per choice)."""
    choices = compile_choices(rule)
    found: list[list[str] | None] = [None] * count
    for choice in choices:
        target = choice.target
        if choice.columns is None:
            for index in range(count):
                values = found[index]
                if values is None:
                    found[index] = [target]
                elif target not in values:
                    values.append(target)
            continue
        for name in choice.columns:
            verdicts: dict[str, bool] = {}
            for index, cell in enumerate(get(name)):
                if not cell:
                    continue
                verdict = verdicts.get(cell)
                if verdict is None:
                    verdict = verdicts[cell] = choice.matches(cell)
                if verdict:
                    values = found[index]
                    if values is None:
                        found[index] = [target]
                    elif target not in values:
                        values.append(target)
    return ["|".join(values) if values else "" for values in found]


# --------------------------------------------------------------------------------------------- the mapping


class _Mapper:
    def __init__(self, table: Table, profile: Profile, schema: Schema, source_name: str):
        self.table, self.profile, self.schema = table, profile, schema
        self.source_name = source_name.strip()
        self.count = table.row_count
        self.numbers = list(table.row_numbers)
        self.changes: list[Transformation] = []
        self.notes: list[str] = []
        self.missing: dict[str, None] = {}
        header = list(table.header)
        keys = list(table.columns)
        self.key_of: dict[str, str] = {}
        for name, key in zip(header, keys):
            self.key_of.setdefault(name, key)
        for key in keys:
            self.key_of.setdefault(key, key)
        self._columns: dict[str, Column] = {}

    # ---- columns
    def get(self, name: str) -> Column:
        cells = self._columns.get(name)
        if cells is not None:
            return cells
        key = self.key_of.get(name)
        if key is not None:
            cells = [cell or "" for cell in self.table.column(key)]
        else:
            base, dot, position = name.rpartition(".")
            if dot and position.isdigit() and base in self.key_of:
                index = int(position)
                cells = []
                for cell in self.table.column(self.key_of[base]):
                    items = split_list(cell) if cell else ()
                    cells.append(items[index] if index < len(items) else "")
            else:
                self.missing[name] = None
                cells = [""] * self.count
        self._columns[name] = cells
        return cells

    def record(self, index: int, field_name: str, kind: str, before: str, after: str) -> None:
        self.changes.append(Transformation(self.numbers[index], field_name, kind, before, after))

    # ---- fields
    def field(self, name: str) -> Column | None:
        rule = self.profile.rule(name)
        if rule is None:
            return None
        if name == "horaires":
            return self.hours(rule)
        if isinstance(rule, list):
            return _choices(rule, self.get, self.count)
        if not isinstance(rule, dict):
            return None
        if "joindre" in rule:
            values = _joined(rule, self.get, self.count)
            for index, value in enumerate(values):
                if value:
                    self.record(index, name, ADDRESS_JOINED, "", value)
            return values
        if "dissocier" in rule:
            values = _dissociated(rule, self.get)
            names = _names(rule["dissocier"].get("colonne"))
            source = self.get(names[0]) if names else [""] * self.count
            for index, (value, cell) in enumerate(zip(values, source)):
                if value and value != cell:
                    self.record(index, name, COORDINATE_SPLIT, cell, value)
            return values
        return _plain(rule, self.get, self.count, name in LIST_COLUMN_FIELDS)

    def hours(self, rule: Any) -> Column | None:
        if not isinstance(rule, dict):
            return None
        out = [""] * self.count
        osm_name = rule.get("osm") or rule.get("colonne")
        week_name = rule.get("semaine")
        days = rule.get("jours") if isinstance(rule.get("jours"), list) else []
        day_columns = [(day["osm"], [self.get(n) for n in _names(day.get("colonne"))]) for day in days]
        osm_cells = self.get(osm_name) if isinstance(osm_name, str) and osm_name else None
        week_cells = self.get(week_name) if isinstance(week_name, str) and week_name else None
        parity_rule = self.profile.config.get("semaine_ouverture")
        parity_cells = (
            self.get(parity_rule["colonne"])
            if isinstance(parity_rule, dict) and isinstance(parity_rule.get("colonne"), str) and parity_rule["colonne"]
            else None
        )
        day_codes = [code for code, _columns in day_columns]
        day_rows = None
        if day_columns:
            per_day = [
                columns[0] if len(columns) == 1 else
                [", ".join(cell for cell in cells if cell) for cells in zip(*columns)] if columns else
                [""] * self.count
                for _code, columns in day_columns
            ]  # fmt: skip
            day_rows = list(zip(*per_day))
        for index in range(self.count):
            value = ""
            osm_text = osm_cells[index] if osm_cells is not None else ""
            if osm_text:
                converted = french_hours_to_osm(osm_text)
                if converted is not None:
                    value = converted
                    if converted != osm_text:
                        self.record(index, "horaires", HOURS_TEXT, osm_text, converted)
            if not value and day_rows is not None:
                cells = day_rows[index]
                if any(cells):
                    key = tuple(zip(day_codes, cells))
                    converted, unread = _day_columns_to_osm(key)
                    before = _days_text(key)
                    if converted and not unread:
                        value = converted
                        self.record(index, "horaires", HOURS_DAYS, before, converted)
                    else:
                        value = before
                        self.record(index, "horaires", HOURS_KEPT, before, before)
            if not value:
                text = week_cells[index] if week_cells is not None else osm_text
                if text:
                    converted = french_hours_to_osm(text)
                    if converted is not None:
                        value = converted
                        if converted != text:
                            self.record(index, "horaires", HOURS_TEXT, text, converted)
                    else:
                        value = text  # kept as written: the validation reports it
                        self.record(index, "horaires", HOURS_KEPT, text, text)
            if value and parity_cells is not None and parity_cells[index]:
                prefix = week_parity(parity_cells[index])
                if prefix and not value.startswith("week"):
                    value = f"{prefix} {value}"
            out[index] = value
        return out

    # ---- normalisations of mapped values
    def normalise(self, records: dict[str, Column]) -> None:
        from ..validation.fixes import _FRENCH_NATIONAL, fix_code, fix_phone, phone_region

        for name in ("code_postal", "code_insee"):
            values = records.get(name)
            if values is None:
                continue
            for index, value in enumerate(values):
                if value and len(value) != 5:
                    fixed = fix_code(value)
                    if fixed and fixed != value and fixed.isdigit() and len(fixed) == 5:
                        values[index] = fixed
                        self.record(index, name, CODE_ZERO, value, fixed)
        phones = records.get("telephone")
        if phones is not None:
            postal = records.get("code_postal") or [""] * self.count
            fixed_phones: dict[tuple[str, str], str | None] = {}
            for index, value in enumerate(phones):
                # the French national format ("04 93 00 00 00") only: other writings are left to the validation,
                # which suggests their fix (parsing them all here cost a second on 50,000 lieux)
                if value and _FRENCH_NATIONAL.fullmatch(value.strip()):
                    region = phone_region(postal[index])
                    fixed = fixed_phones.get((value, region), ...)
                    if fixed is ...:
                        fixed = fixed_phones[(value, region)] = fix_phone(value, region)
                    if fixed:
                        phones[index] = fixed
                        self.record(index, "telephone", PHONE, value, fixed)
        dates = records.get("date_maj")
        if dates is not None:
            cache: dict[str, str | None] = {}
            for index, value in enumerate(dates):
                if not value or _ISO_DATE.fullmatch(value):
                    continue
                fixed = cache.get(value, ...)
                if fixed is ...:
                    fixed = cache[value] = _iso_date(value)
                if fixed:
                    dates[index] = fixed
                    self.record(index, "date_maj", DATE_ISO, value, fixed)
        self.coordinates(records)

    def coordinates(self, records: dict[str, Column]) -> None:
        latitudes, longitudes = records.get("latitude"), records.get("longitude")
        if latitudes is None or longitudes is None:
            return
        for index, (lat_text, lon_text) in enumerate(zip(latitudes, longitudes)):
            if not lat_text or not lon_text:
                continue
            lat, lon = _number(lat_text), _number(lon_text)
            if lat is None or lon is None:
                continue
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                for name, text, value in (("latitude", lat_text, lat), ("longitude", lon_text, lon)):
                    if "," in text:
                        fixed = text.strip().replace(",", ".") if _COMMA_NUMBER.match(text) else format_number(value)
                        records[name][index] = fixed
                        self.record(index, name, COORDINATE_COMMA, text, fixed)
                continue
            if looks_like_lambert93(lon, lat):
                x, y = lon, lat
                longitude, latitude = lambert93_to_wgs84(x, y)
                new_lat, new_lon = format_number(round(latitude, 6)), format_number(round(longitude, 6))
                latitudes[index], longitudes[index] = new_lat, new_lon
                self.record(index, "latitude", LAMBERT93, f"{lon_text} {lat_text}", f"{new_lat} {new_lon}")

    def identifiers(self, records: dict[str, Column]) -> None:
        sources = records.get("source")
        named = bool(self.source_name)
        if named:
            if sources is None:
                sources = records["source"] = [""] * self.count
            for index, value in enumerate(sources):
                if not value:
                    sources[index] = self.source_name
                    self.record(index, "source", SOURCE_NAME, "", self.source_name)
        ids = records.get("id")
        if not named and (sources is None or self.profile.rule("source") is None):
            return
        id_rule = self.profile.rule("id")
        has_id_column = isinstance(id_rule, dict) and bool(_names(id_rule.get("colonne")))
        if ids is None:
            ids = records["id"] = [""] * self.count
        for index in range(self.count):
            source = sources[index] if sources is not None else ""
            if not source:
                continue
            local = ids[index] if has_id_column and ids[index] else str(self.numbers[index] - 1)
            built = re.sub(r"\s+", "-", f"{source}_{local}")
            before = ids[index]
            ids[index] = built
            self.record(index, "id", ID_BUILT, before, built)

    def run(self) -> MappingResult:
        columns: dict[str, Column] = {}
        for spec in self.schema.fields:
            values = self.field(spec.name)
            if values is not None:
                columns[spec.name] = values
        self.normalise(columns)
        self.identifiers(columns)
        names = self.schema.field_names
        for name in names:
            if name not in columns:
                columns[name] = [""] * self.count
        columns = {name: columns[name] for name in names}
        used = set(self.profile.columns())
        extra_keys = [
            key for name, key in zip(self.table.header, self.table.columns) if name not in used and key not in used
        ]
        # a kept column named like a field of the standard (a "nom" the profile does not read) is renamed
        labels = [_kept_name(key, names) for key in extra_keys]
        extra_data = {label: [cell or "" for cell in self.table.column(key)] for label, key in zip(labels, extra_keys)}
        notes = list(self.notes)
        unknown = [key for key in self.profile.unknown_keys if key != PROFILE_EXTRA_KEY]
        if unknown:
            notes.append(
                translate("Mapping", "Keys of the profile that are not fields of the standard, ignored: {keys}").format(
                    keys=", ".join(unknown)
                )
            )
        missing = [name for name in self.missing if name]
        if missing:
            notes.append(
                translate("Mapping", "Columns named by the profile but absent from the file: {columns}").format(
                    columns=", ".join(missing)
                )
            )
        return MappingResult(
            columns=columns,
            row_numbers=self.numbers,
            extra_columns=labels,
            extra_data=extra_data,
            transformations=sorted(self.changes, key=_ROW),
            notes=notes,
            missing_columns=missing,
        )


_ROW = operator.itemgetter(0)


@lru_cache(maxsize=16384)
def _days_text(cells: tuple[tuple[str, str], ...]) -> str:
    """``Mo: 9h-12h / Tu: 14h-17h``: the day columns of a row as the summary quotes them."""
    return " / ".join(f"{code}: {text}" for code, text in cells if text)


def _kept_name(key: str, names: Sequence[str]) -> str:
    while key in names:
        key += " (source)"
    return key


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMMA_NUMBER = re.compile(r"^\s*-?\d+,\d+\s*$")
_DATE_TIME_SPACE = re.compile(r"^(\d{4})[-/](\d{2})[-/](\d{2})[ T]\d{2}:\d{2}")
_TIMESTAMP = re.compile(r"^\d{10}(\.\d+)?$")
_FRENCH_DATE_TIME = re.compile(r"^(\d{2}/\d{1,2}/\d{4})\s+\d{2}:\d{2}")


def _iso_date(text: str) -> str | None:
    """A date of the source in the standard's form (the formats mednum-cli reads), or None."""
    import datetime as dt

    from ..validation.fixes import fix_date

    text = text.strip()
    match = _DATE_TIME_SPACE.match(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            return None
    if _TIMESTAMP.match(text):
        return dt.datetime.fromtimestamp(float(text), tz=dt.timezone.utc).date().isoformat()
    match = _FRENCH_DATE_TIME.match(text)
    if match:
        text = match.group(1)
    parts = text.split("/")
    if len(parts) == 3 and len(parts[1]) == 1:
        text = f"{parts[0]}/0{parts[1]}/{parts[2]}"
    return fix_date(text)


def _number(text: str) -> float | None:
    import math

    text = text.strip().replace(",", ".", 1) if text.count(",") == 1 and "." not in text else text.strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def convert_table(table: Table, profile: Profile, schema: Schema | None = None, source_name: str = "") -> MappingResult:
    """Map a read table (see :func:`~plugin.core.mapping.source.read_source`) with a profile."""
    return _Mapper(table, profile, schema or load_schema(), source_name).run()


def apply_mapping(
    rows: Sequence[Mapping[str, Any]], profile: Profile, schema: Schema | None = None, source_name: str = ""
) -> MappingResult:
    """Map records given as dicts (a JSON payload, tests): nested objects reached by dotted paths."""
    from ..readers.cells import _table_from_records
    from .source import flatten_record

    table = _table_from_records((flatten_record(dict(row)) for row in rows), "records")
    return convert_table(table, profile, schema, source_name)


__all__ = ["MappingResult", "Transformation", "apply_mapping", "convert_table", "join_list", "transformation_titles"]
