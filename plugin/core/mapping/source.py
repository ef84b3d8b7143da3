"""A Hub's file read for a mapping: the readers' table, nested JSON keys as dotted paths (pure Python).

mednum-cli flattens every JSON record (npm ``flat``) before reading it, so a configuration names nested values
``address.postalCode`` or ``geometry.coordinates.1``. :func:`read_source` does the same: objects become dotted
keys; a list of plain values stays one column (``a|b``, as every reader writes lists) and its items are reached
as ``<key>.<n>`` by :func:`cell_of`; a list of objects is flattened with its indices (``services.0.nom``).
CSV, XLSX, GeoJSON and GeoPackage files are read by :func:`~plugin.core.readers.read_table` as they are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..records import Table, split_list

_MAX_DEPTH = 20


def flatten_record(item: Any, prefix: str = "", out: dict[str, Any] | None = None, depth: int = 0) -> dict[str, Any]:
    """``{"a": {"b": 1}, "c": [{"d": 2}]}`` → ``{"a.b": 1, "c.0.d": 2}`` (lists of plain values kept whole)."""
    out = {} if out is None else out
    if isinstance(item, dict) and depth < _MAX_DEPTH:
        if not item and prefix:
            out[prefix] = ""
        for key, value in item.items():
            flatten_record(value, f"{prefix}.{key}" if prefix else str(key), out, depth + 1)
    elif isinstance(item, list) and any(isinstance(value, (dict, list)) for value in item) and depth < _MAX_DEPTH:
        for index, value in enumerate(item):
            flatten_record(value, f"{prefix}.{index}", out, depth + 1)
    else:
        out[prefix] = item
    return out


def read_source(path: str | Path, layer: str | None = None) -> Table:
    """Read a file to map (raises :class:`~plugin.core.errors.ReadError` with a French message)."""
    from ..readers import read_table
    from ..readers.detection import _read_bytes, detect_format
    from ..readers.json_reader import JSON_ENVELOPE_KEYS, table_from_json
    from ..readers.text_decoding import decode_text

    source = Path(path)
    try:
        with open(source, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return read_table(source, layer=layer)  # its own French message
    if detect_format(source, head) != "json":
        return read_table(source, layer=layer) if layer else read_table(source)
    table = read_table(source)  # the JSON reader's checks and messages first; then read again, flattened
    try:
        text, _encoding, _notes = decode_text(_read_bytes(source), source)
        payload = json.loads(text)
    except Exception:  # noqa: BLE001 — read_table succeeded: keep its table
        return table
    records = payload
    if isinstance(payload, dict):
        if payload.get("type") in ("FeatureCollection", "Feature"):
            return table  # GeoJSON: properties and point, as the readers give them
        records = next((payload[key] for key in JSON_ENVELOPE_KEYS if isinstance(payload.get(key), list)), None)
    if not isinstance(records, list) or not all(isinstance(item, dict) for item in records):
        return table
    if not any(isinstance(value, (dict, list)) for item in records for value in item.values()):
        return table
    flat = table_from_json([flatten_record(item) for item in records], source)
    flat.encoding, flat.notes, flat.path = table.encoding, table.notes, table.path
    return flat


def cell_of(row: dict[str, str], name: str) -> str:
    """The cell of column ``name`` in a row: the column itself, else item ``n`` of a list column ``<key>.<n>``."""
    value = row.get(name)
    if value is not None:
        return value
    key, dot, index = name.rpartition(".")
    if dot and index.isdigit() and key in row:
        items = split_list(row[key])
        position = int(index)
        return items[position] if position < len(items) else ""
    return ""
