"""The standard's Table Schema, loaded into field specifications.

One schema drives everything: field creation, labels, widgets, constraints and validation. The
allowed values of the list fields are parsed from their patterns, never typed; another version of
the standard is another JSON file in ``resources/schema/``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .resources import resource_path

DEFAULT_SCHEMA_VERSION = "1.0.2"
LIST_SEPARATOR = "|"

# The list-field shape of the standard: (?:(?:^|\|)(value1|value2|...))+$
_LIST_PATTERN = re.compile(r"^\(\?:\(\?:\^\|\\\|\)\((?P<body>.*)\)\)\+\$$")
# "Sélectionner une ou plusieurs valeurs séparées par un `|` parmi la liste suivante : a;b;c"
_DOC_LIST = re.compile(r"parmi la liste suivante\s*:\s*(?P<values>.+)$", re.S)


@dataclass(frozen=True)
class FieldSpec:
    """One field of the standard, as the schema defines it."""

    name: str
    title: str
    description: str
    type: str
    required: bool = False
    unique: bool = False
    pattern: str | None = None
    max_length: int | None = None
    example: str | None = None
    enum: tuple[str, ...] = ()
    multi: bool = False
    documented_values: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_enum(self) -> bool:
        return bool(self.enum)


@dataclass(frozen=True)
class Schema:
    name: str
    title: str
    version: str
    fields: tuple[FieldSpec, ...]
    primary_key: str
    source_path: Path
    licence: str = ""

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    @property
    def _by_name(self) -> dict[str, FieldSpec]:
        cache = self.__dict__.get("_by_name_cache")
        if cache is None:
            cache = {f.name: f for f in self.fields}
            object.__setattr__(self, "_by_name_cache", cache)
        return cache

    @property
    def enum_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.enum)

    @property
    def list_fields(self) -> tuple[FieldSpec, ...]:
        """Fields whose cell holds several values joined with ``|``."""
        return tuple(f for f in self.fields if f.multi)


def _unescape_regex_literal(text: str) -> str:
    """Turn a regex alternative written as a literal (``Langues étrangères \\(anglais\\)``) into text."""
    return re.sub(r"\\(.)", r"\1", text)


def _split_alternatives(body: str) -> list[str]:
    """Split a regex group body on top-level ``|`` (escaped pipes and nested groups excluded)."""
    parts, depth, current, i = [], 0, [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            current.append(body[i : i + 2])
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def enum_from_pattern(pattern: str | None) -> tuple[str, ...]:
    """Allowed values of a list field, parsed from its ``(?:(?:^|\\|)(a|b))+$`` pattern."""
    if not pattern:
        return ()
    match = _LIST_PATTERN.match(pattern)
    if not match:
        return ()
    return tuple(_unescape_regex_literal(alt) for alt in _split_alternatives(match.group("body")))


def documented_values(description: str) -> tuple[str, ...]:
    """Values that the field's own description lists (they may differ from the pattern's)."""
    match = _DOC_LIST.search(description or "")
    if not match:
        return ()
    text = match.group("values").strip().rstrip(".")
    values = [v.strip().strip("'\"") for v in text.split(";")]
    return tuple(v for v in values if v)


def _is_multi(raw: dict, enum: tuple[str, ...]) -> bool:
    """A list field: an enum list pattern, or a description/example that joins values with ``|``."""
    if enum:
        return True
    description = raw.get("description", "") or ""
    example = str(raw.get("example", "") or "")
    return "`|`" in description or LIST_SEPARATOR in example


def schema_path(version: str = DEFAULT_SCHEMA_VERSION) -> Path:
    return resource_path("schema", f"schema-v{version}.json")


@lru_cache(maxsize=8)
def load_schema(path: str | Path | None = None) -> Schema:
    """Load a Table Schema file (default: the bundled v1.0.2) into a :class:`Schema`."""
    source = Path(path) if path else schema_path()
    with open(source, encoding="utf-8") as handle:
        raw_schema = json.load(handle)
    fields = []
    for raw in raw_schema["fields"]:
        constraints = raw.get("constraints", {}) or {}
        pattern = constraints.get("pattern")
        enum = enum_from_pattern(pattern)
        if not enum and constraints.get("enum"):
            enum = tuple(str(v) for v in constraints["enum"])
        max_length = constraints.get("maxLength")
        fields.append(
            FieldSpec(
                name=raw["name"],
                title=raw.get("title", raw["name"]),
                description=raw.get("description", ""),
                type=raw.get("type", "string"),
                required=bool(constraints.get("required", False)),
                unique=bool(constraints.get("unique", False)),
                pattern=pattern,
                max_length=int(max_length) if max_length is not None else None,
                example=str(raw["example"]) if raw.get("example") is not None else None,
                enum=enum,
                multi=_is_multi(raw, enum),
                documented_values=documented_values(raw.get("description", "")) if enum else (),
            )
        )
    primary_key = raw_schema.get("primaryKey", "id")
    if isinstance(primary_key, list):
        primary_key = primary_key[0]
    licences = raw_schema.get("licenses") or []
    return Schema(
        name=raw_schema.get("name", ""),
        title=raw_schema.get("title", ""),
        version=str(raw_schema.get("version", "")).lstrip("v"),
        fields=tuple(fields),
        primary_key=primary_key,
        source_path=source,
        licence=licences[0].get("title", "") if licences else "",
    )


def fold(text: str) -> str:
    """Comparison key that ignores case, accents, and spacing/punctuation variants."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("’", "'").replace("«", '"').replace("»", '"')
    return re.sub(r"[\s\"]+", "", stripped.casefold())
