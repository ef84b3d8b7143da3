"""Mapping profiles in mednum-cli's configuration grammar, loaded and saved as they are (pure Python).

The grammar (``LieuxMediationNumeriqueMatching`` in mednum-cli's ``src/transformer/input``), one key per field of
the standard:

* ``{"colonne": "X"}`` — the value of column X (for ``commune``, ``code_postal``, ``date_maj`` also a list of
  columns: the first non-empty wins); ``{"valeur": "…"}`` — a constant;
* ``adresse``: ``{"joindre": {"colonnes": [...], "séparateur": " ", "ou": {...}}}`` — the non-empty columns joined,
  else the ``ou`` alternative (itself a ``colonne`` or a ``joindre``);
* ``latitude``/``longitude``: ``{"dissocier": {"colonne": "X", "séparateur": ",", "partie": 0}}`` — one part of a
  "lat,long" cell;
* list and enum fields: a list of value rules ``{"colonnes", "termes", "sauf", "cible"}`` (:mod:`.values`);
* ``horaires``: ``{"osm": col}``, ``{"semaine": col}`` (French free text), ``{"jours": [{"colonne", "osm": "Mo"}]}``;
  top-level ``semaine_ouverture``: ``{"colonne": col}`` ("Semaine paire" / "Semaine impaire").

Column names may be dotted paths into nested JSON (``address.postalCode``, ``categories.0``). A profile keeps
every key it was read with (unknown keys included) and is written back in the same order, so a profile saved
here still runs in mednum-cli. Our additions (the profile's name, the header it was made for) live under
:data:`PROFILE_EXTRA_KEY`, which mednum-cli never reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MednumError
from ..i18n import translate

PROFILE_EXTRA_KEY = "lieux_mednum"

# mednum-cli's name of a key when it differs from the standard's field (the standard is singular here)
CONFIG_ALIASES = {"typologies": "typologie"}
# keys that are not fields of the standard
TOP_LEVEL_EXTRAS = ("semaine_ouverture", PROFILE_EXTRA_KEY)
LIST_COLUMN_FIELDS = ("commune", "code_postal", "date_maj")


def _t(text: str) -> str:
    return translate("Mapping", text)


class ProfileError(MednumError):
    """A mapping profile that cannot be read or used (bad JSON, wrong shape): a French message."""

    default_code = "bad-profile"


@dataclass
class Profile:
    """A mapping: mednum-cli's configuration (``config``, as read) and where it came from."""

    config: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    # keys the grammar does not know (kept, reported as ignored)
    unknown_keys: list[str] = field(default_factory=list)

    @property
    def extras(self) -> dict[str, Any]:
        """Our additions (``lieux_mednum``): name, header, source name."""
        value = self.config.get(PROFILE_EXTRA_KEY)
        return value if isinstance(value, dict) else {}

    @property
    def name(self) -> str:
        return str(self.extras.get("nom") or (Path(self.path).stem.replace(".config", "") if self.path else ""))

    @property
    def header(self) -> list[str]:
        """The header of the file the profile was made for (when saved here)."""
        value = self.extras.get("en_tetes")
        return [str(item) for item in value] if isinstance(value, list) else []

    def rule(self, name: str) -> Any:
        """The rule of a field of the standard (mednum-cli's key or its alias), or None."""
        if name in self.config:
            return self.config[name]
        for alias, key in CONFIG_ALIASES.items():
            if key == name and alias in self.config:
                return self.config[alias]
        if name in CONFIG_ALIASES and CONFIG_ALIASES[name] in self.config:
            return self.config[CONFIG_ALIASES[name]]
        return None

    def set_rule(self, name: str, rule: Any) -> None:
        """Set (or remove with ``None``) the rule of a field, under the key mednum-cli reads."""
        key = CONFIG_ALIASES.get(name, name)
        for alias, target in CONFIG_ALIASES.items():
            if target == key:
                self.config.pop(alias, None)
        if rule is None or rule == [] or rule == {}:
            self.config.pop(key, None)
        else:
            self.config[key] = rule

    def set_extras(self, **values: Any) -> None:
        extras = dict(self.extras)
        extras.update({key: value for key, value in values.items() if value is not None})
        self.config[PROFILE_EXTRA_KEY] = extras

    def columns(self) -> list[str]:
        """Every source column the profile reads, in first-use order."""
        return list(dict.fromkeys(referenced_columns(self.config)))

    def to_json(self) -> str:
        return json.dumps(self.config, ensure_ascii=False, indent=2) + "\n"


def referenced_columns(config: Any) -> Iterator[str]:
    """The column names a configuration (or part of it) reads."""
    if isinstance(config, dict):
        for key, value in config.items():
            if key == PROFILE_EXTRA_KEY:
                continue
            if key in ("colonne", "colonnes", "semaine"):
                yield from _names(value)
            elif key == "osm":  # a column, except in a "jours" item where it names the day
                if not (isinstance(value, str) and value in OSM_DAY_CODES and "colonne" in config):
                    yield from _names(value)
            elif key not in ("valeur", "cible", "termes", "sauf", "séparateur", "partie"):
                yield from referenced_columns(value)
    elif isinstance(config, list):
        for item in config:
            yield from referenced_columns(item)


OSM_DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def _names(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, str) and item]
    return []


def profile_from_dict(config: Any, path: str | None = None, schema: Any = None) -> Profile:
    """A :class:`Profile` from a decoded configuration, its shape checked (raises :class:`ProfileError`)."""
    name = Path(path).name if path else _t("the mapping")
    if not isinstance(config, dict):
        raise ProfileError(
            _t("{name} is not a mapping profile: a JSON object with one key per field is expected.").format(name=name),
            path=path,
        )
    from ..schema import load_schema

    schema = schema or load_schema()
    unknown = []
    for key, rule in config.items():
        field_name = CONFIG_ALIASES.get(key, key)
        if key in TOP_LEVEL_EXTRAS:
            continue
        if field_name not in schema:
            unknown.append(key)
            continue
        problem = _rule_problem(schema.field(field_name), rule)
        if problem:
            raise ProfileError(
                _t("{name}, key “{key}”: {problem}").format(name=name, key=key, problem=problem), path=path
            )
    return Profile(config=config, path=path, unknown_keys=unknown)


def _rule_problem(spec: Any, rule: Any) -> str:
    """Why a field's rule cannot be used ("" when it can)."""
    if spec.name == "horaires":
        if not isinstance(rule, dict) or not any(k in rule for k in ("osm", "semaine", "jours", "colonne")):
            return _t("expected “osm” or “semaine” (a column) or “jours” (a column per day).")
        jours = rule.get("jours")
        if jours is not None and not (
            isinstance(jours, list) and all(isinstance(day, dict) and day.get("osm") in OSM_DAY_CODES for day in jours)
        ):
            return _t("“jours” expects a list of days, each with its “colonne” and its “osm” day (Mo to Su).")
        return ""
    if isinstance(rule, list):
        for item in rule:
            if not isinstance(item, dict):
                return _t("a list of value rules (“colonnes”, “termes”, “sauf”, “cible”) is expected.")
            for key in ("colonnes", "termes", "sauf"):
                if key in item and not (isinstance(item[key], list) and all(isinstance(v, str) for v in item[key])):
                    return _t("“{key}” expects a list of texts.").format(key=key)
        return ""
    if not isinstance(rule, dict):
        return _t("expected “colonne”, “valeur” or a list of value rules.")
    if "joindre" in rule:
        joindre = rule["joindre"]
        if not isinstance(joindre, dict) or not isinstance(joindre.get("colonnes"), list):
            return _t("“joindre” expects a list of “colonnes” and a “séparateur”.")
        if "ou" in joindre:
            return _rule_problem(spec, joindre["ou"])
        return ""
    if "dissocier" in rule:
        part = rule["dissocier"]
        if not isinstance(part, dict) or "colonne" not in part or not isinstance(part.get("partie", 0), int):
            return _t("“dissocier” expects a “colonne”, a “séparateur” and a “partie” (0, 1…).")
        return ""
    if "colonne" in rule:
        value = rule["colonne"]
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return ""
        return _t("“colonne” expects a column name (or a list of names).")
    if "valeur" in rule:
        return ""
    return _t("expected “colonne”, “valeur” or a list of value rules.")


def load_profile(path: str | Path, schema: Any = None) -> Profile:
    """Read a profile file (mednum-cli's ``<source>.config.json``); raises :class:`ProfileError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProfileError(_t("The mapping profile {path} does not exist.").format(path=path), path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(
            _t("The mapping profile {path} cannot be read: {reason}").format(path=path, reason=error), path=path
        ) from None
    try:
        config = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProfileError(
            _t("The mapping profile {path} is not valid JSON (line {line}, column {column}).").format(
                path=path, line=error.lineno, column=error.colno
            ),
            path=path,
        ) from None
    return profile_from_dict(config, str(path), schema)


def save_profile(profile: Profile, path: str | Path) -> Path:
    """Write a profile as JSON (UTF-8, keys in their order), through a temporary file renamed at the end."""
    import os

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(profile.to_json(), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise ProfileError(
            _t("Cannot write the mapping profile {path}: {reason}").format(path=path, reason=error.strerror or error),
            path=path,
        ) from None
    profile.path = str(path)
    return path
