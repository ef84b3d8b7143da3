"""JSON and GeoJSON: arrays of records, envelopes, JSON:API, the Cartographie ``/carto`` shape, GeoJSON
features (points give coordinates). Pure Python."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..i18n import translate
from ..records import Table
from .cells import COORDINATE_COLUMNS, _find_lossy_cells, _table_from_records
from .detection import MAX_ROWS, _error, too_many_rows
from .text_decoding import decode_text

JSON_ENVELOPE_KEYS = ("items", "data", "results", "lieux", "records", "features")
CARTO_ADDRESS_KEYS = ("numero_voie", "repetition", "nom_voie", "code_postal", "code_insee", "commune")

_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def _read_json(data: bytes, source: Path) -> Table:
    text, encoding, notes = decode_text(data, source)
    if not text or text.isspace():
        raise _error("empty", translate("ReadError", "The file {name} is empty."), source)
    try:
        payload = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise _error(
            "invalid-json",
            translate(
                "ReadError", "The file {name} is not valid JSON (line {line}, column {column}): it may be truncated."
            ),
            source,
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from None
    replaced = 0
    if _SURROGATE_ESCAPE.search(text):  # \ud800 written as an escape: json gives a lone surrogate, not text
        payload, replaced = _without_lone_surrogates(payload)
    table = table_from_json(payload, source)
    table.encoding = encoding
    table.notes[:0] = notes
    if replaced:
        table.notes.append(
            translate(
                "ReadError",
                "{count} value(s) held a lone surrogate escape (U+D800 to U+DFFF), which is not a character: "
                "replaced by « {mark} » (listed as lossy cells)."
            ).format(count=replaced, mark="\ufffd")
        )
    if "\ufffd" in text or replaced:
        _find_lossy_cells(table)
    return table


def _json_int(digits: str) -> int | str:
    """A JSON integer; one too long for Python's int conversion (4,300 digits) stays the text it is."""
    return int(digits) if len(digits) <= 4000 else digits


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> tuple[Any, int]:
    """``value`` with every lone surrogate of its strings (keys too) replaced by U+FFFD; how many strings changed."""
    count = 0
    stack = [value]
    while stack:  # iterative: a deeply nested payload cannot exhaust the recursion limit
        item = stack.pop()
        if isinstance(item, list):
            for index, element in enumerate(item):
                if isinstance(element, str):
                    if _LONE_SURROGATE.search(element):
                        item[index] = _LONE_SURROGATE.sub("\ufffd", element)
                        count += 1
                elif isinstance(element, (list, dict)):
                    stack.append(element)
        elif isinstance(item, dict):
            for key in list(item):
                element = item[key]
                if isinstance(key, str) and _LONE_SURROGATE.search(key):
                    del item[key]
                    key = _LONE_SURROGATE.sub("\ufffd", key)
                    item[key] = element
                    count += 1
                if isinstance(element, str):
                    if _LONE_SURROGATE.search(element):
                        item[key] = _LONE_SURROGATE.sub("\ufffd", element)
                        count += 1
                elif isinstance(element, (list, dict)):
                    stack.append(element)
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        return _LONE_SURROGATE.sub("\ufffd", value), count + 1
    return value, count


def table_from_json(payload: Any, source: Path | None = None) -> Table:
    """A Table from decoded JSON: records, an envelope of records, a GeoJSON Feature(Collection).

    Also usable on API payloads already decoded (``source`` only names the origin in messages).
    """
    if isinstance(payload, dict):
        kind = payload.get("type")
        if kind == "FeatureCollection" or (kind == "Feature" and "properties" in payload):
            features = payload.get("features") if kind == "FeatureCollection" else [payload]
            if not isinstance(features, list):
                raise _not_records(source)
            if len(features) > MAX_ROWS:
                raise too_many_rows(source)
            return _table_from_features(features, payload.get("crs"), source)
        for key in JSON_ENVELOPE_KEYS:
            if isinstance(payload.get(key), list):
                payload = payload[key]
                break
        else:
            if payload and all(not isinstance(v, (dict, list)) or k == "adresse" for k, v in payload.items()):
                payload = [payload]  # a single record
            else:
                raise _not_records(source)
    if not isinstance(payload, list):
        raise _not_records(source)
    if len(payload) > MAX_ROWS:  # before a row is built for each
        raise too_many_rows(source)
    if payload and all(isinstance(item, dict) and item.get("type") == "Feature" for item in payload):
        return _table_from_features(payload, None, source)
    for position, item in enumerate(payload, start=1):
        if not isinstance(item, dict):
            raise _error(
                "not-records",
                translate("ReadError", "Element {position} of {name} is not an object: expected a list of lieux."),
                source,
                position=position,
            )
    records = (_flatten_json_record(item) for item in payload)
    return _table_from_records(records, "json")


def _not_records(source: Path | None) -> ReadError:
    return _error(
        "not-records",
        translate(
            "ReadError",
            "The file {name} does not contain a list of lieux (a JSON array of objects or a GeoJSON FeatureCollection)."
        ),
        source,
    )


def _flatten_json_record(item: dict[str, Any]) -> dict[str, Any]:
    if isinstance(item.get("attributes"), dict) and "type" in item:  # JSON:API (La Coop API v1)
        item = {"id": item.get("id"), **item["attributes"]}
    if isinstance(item.get("adresse"), dict):
        return carto_item_to_row(item)
    return item


def carto_item_to_row(item: dict[str, Any]) -> dict[str, Any]:
    """Flatten a Cartographie ``/carto`` item read from a file, keeping every key and the values as given.

    The ``adresse`` object becomes adresse (``numero_voie repetition nom_voie``, as the API connector's
    :func:`~plugin.core.converters.cartographie.address_line` writes it), code_postal, code_insee, commune;
    unknown keys of the object are kept as ``adresse.<key>`` columns; the timestamp ``date_maj`` keeps its date
    part (the standard's field is a date). Unlike the API connector, nothing is trimmed or de-duplicated:
    a file is read as it is and the validation engine reports what needs fixing.
    """
    from ..converters.cartographie import address_line

    row: dict[str, Any] = {}
    for key, value in item.items():
        if key != "adresse":
            row[key] = value
            continue
        row["adresse"] = address_line(value)
        for part in ("code_postal", "code_insee", "commune"):
            if part in value and not row.get(part):
                row[part] = value[part]
        for extra_key, extra_value in value.items():
            if extra_key not in CARTO_ADDRESS_KEYS:
                row[f"adresse.{extra_key}"] = extra_value
    date = row.get("date_maj")
    if isinstance(date, str):
        match = _ISO_DATETIME.match(date)
        if match:
            row["date_maj"] = match.group(1)
    return row


def _table_from_features(features: list[Any], crs: Any, source: Path | None) -> Table:
    use_geometry = _is_wgs84(crs)
    records: list[dict[str, Any]] = []
    derived = False
    non_point = 0
    feature_ids = 0
    for position, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise _error(
                "not-records",
                translate("ReadError", "Element {position} of {name} is not a GeoJSON feature."),
                source,
                position=position,
            )
        properties = feature.get("properties")
        record = _flatten_json_record(dict(properties)) if isinstance(properties, dict) else {}
        if "id" not in record and feature.get("id") not in (None, ""):
            record["id"] = feature["id"]
            feature_ids += 1
        point = geojson_point(feature.get("geometry"))
        if point is None:
            if feature.get("geometry") not in (None, {}):
                non_point += 1
        elif use_geometry and not all(record.get(name) not in (None, "") for name in COORDINATE_COLUMNS):
            record["longitude"], record["latitude"] = point
            derived = True
        records.append(record)
    table = _table_from_records(records, "geojson")
    if derived:
        table.derived_columns = list(COORDINATE_COLUMNS)
    if not use_geometry:
        table.notes.append(
            translate(
                "ReadError", "The GeoJSON declares a coordinate system other than WGS 84: geometries were not used."
            )
        )
    if non_point:
        table.notes.append(
            translate(
                "ReadError", "{count} feature(s) have a geometry that is not a point: no coordinates taken."
            ).format(count=non_point)
        )
    if feature_ids:
        table.notes.append(
            translate("ReadError", "{count} feature(s) had no id property: the GeoJSON feature id was used.").format(
                count=feature_ids
            )
        )
    return table


def geojson_point(geometry: Any) -> tuple[float, float] | None:
    """(longitude, latitude) of a GeoJSON Point (or one-point MultiPoint), else None."""
    if not isinstance(geometry, dict):
        return None
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "MultiPoint" and isinstance(coordinates, list) and len(coordinates) == 1:
        coordinates = coordinates[0]
    elif geometry.get("type") != "Point":
        return None
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return None
    x, y = coordinates[0], coordinates[1]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (x, y)):
        return None
    return float(x), float(y)


def _is_wgs84(crs: Any) -> bool:
    if not isinstance(crs, dict):
        return True  # RFC 7946: WGS 84 unless said otherwise
    name = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs.get("properties"), dict) else ""
    return not name or "CRS84" in name or name.endswith(":4326") or name.endswith("::4326")
