"""A proposed mapping for a file whose header is not the standard's (pure Python, rapidfuzz).

Each source column is described (:class:`ColumnInfo`: fill rate, sample values, the shape of its values) and
compared with the 32 fields: header similarity (rapidfuzz, accents, case, ``camelCase`` and separators folded;
against the field's name, its French title and a few usual synonyms) plus the shape of the values (postal code,
INSEE code, latitude/longitude ranges, "lat,long" pairs, phones, e-mails, URLs, OSM hours, hours in words, a
column per day, Oui/Non flags, dates, SIRET). Fields are assigned greedily, best score first, one column each.

For the list and enum fields, values are matched too: the distinct items of a column (``a|b``, ``a; b``) are
compared with the allowed values (:func:`suggest_value_table`), and a Oui/Non column whose header names an
allowed value (``Aide aux démarches administratives``: Oui) becomes a value rule of its field.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..i18n import translate
from ..records import Table
from ..schema import Schema, load_schema
from .profile import OSM_DAY_CODES, Profile
from .values import compile_choices, rules_from_table, values_of_cell

SAMPLE_ROWS = 1000  # values looked at per column
HEADER_THRESHOLD = 78
VALUE_THRESHOLD = 82

# usual names of the fields in Hub files (folded, see fold_header), besides the field's name and French title
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "user id", "uid", "record id", "id lieu"),
    "pivot": ("siret", "siren", "rna", "numero siret", "ridet"),
    "nom": ("nom", "name", "nom de la structure", "nom de votre structure", "nom structure", "user nom",
            "raison sociale", "libelle", "nom du lieu"),
    "commune": ("commune", "ville", "city", "localite", "address locality"),
    "code_postal": ("code postal", "cp", "postcode", "postal code", "zip", "zipcode"),
    "code_insee": ("code insee", "insee", "citycode", "code commune", "cog"),
    "adresse": ("adresse", "address", "rue", "voie", "street address", "adresse postale", "numero et voie"),
    "complement_adresse": ("complement", "complement d adresse", "batiment", "etage"),
    "latitude": ("latitude", "lat", "y"),
    "longitude": ("longitude", "lon", "lng", "long", "x"),
    "telephone": ("telephone", "tel", "phone", "numero de telephone", "portable"),
    "courriels": ("courriel", "email", "mail", "e mail", "adresse mail", "adresse email"),
    "site_web": ("site web", "site internet", "url", "website", "web", "site"),
    "horaires": ("horaires", "horaires d ouverture", "opening hours", "jours et horaires", "horaire"),
    "presentation_resume": ("presentation", "resume", "description courte", "accroche"),
    "presentation_detail": ("description", "presentation detaillee", "description longue", "detail"),
    "source": ("source", "origine", "producteur"),
    "structure_parente": ("structure parente", "reseau", "structure porteuse", "porteur"),
    "date_maj": ("date de mise a jour", "date maj", "mise a jour", "updated at", "modifie le", "derniere modification",
                 "date modification"),
    "typologie": ("typologie", "type de structure", "type de lieu", "categorie"),
    "services": ("services", "service", "offre", "thematiques"),
    "publics_specifiquement_adresses": ("publics", "public", "public cible", "publics accueillis"),
    "prise_en_charge_specifique": ("accessibilite", "handicap", "prise en charge"),
    "frais_a_charge": ("tarif", "tarifs", "cout", "frais", "gratuite"),
    "dispositif_programmes_nationaux": ("dispositifs", "programmes", "label national"),
    "formations_labels": ("labels", "formations"),
    "modalites_acces": ("modalites d acces", "acces", "comment venir"),
    "modalites_accompagnement": ("modalites d accompagnement", "accompagnement", "type d accompagnement"),
    "fiche_acces_libre": ("acces libre", "fiche acceslibre"),
    "prise_rdv": ("prise de rendez vous", "rendez vous", "rdv", "prise rdv", "lien rdv"),
    "itinerance": ("itinerance", "itinerant", "mobile"),
}  # fmt: skip

_DAY_NAMES = {
    "lundi": "Mo", "mardi": "Tu", "mercredi": "We", "jeudi": "Th", "vendredi": "Fr", "samedi": "Sa", "dimanche": "Su",
    "monday": "Mo", "tuesday": "Tu", "wednesday": "We", "thursday": "Th", "friday": "Fr", "saturday": "Sa",
    "sunday": "Su", "mo": "Mo", "tu": "Tu", "we": "We", "th": "Th", "fr": "Fr", "sa": "Sa", "su": "Su",
}  # fmt: skip

# the shape of a column's values → the field it suggests (and how much it adds to the header score)
SHAPE_FIELDS = {
    "postal_code": "code_postal",
    "insee": "code_insee",
    "latitude": "latitude",
    "longitude": "longitude",
    "phone": "telephone",
    "email": "courriels",
    "url": "site_web",
    "osm_hours": "horaires",
    "hours_text": "horaires",
    "date": "date_maj",
    "siret": "pivot",
}
SHAPE_BONUS = 25
FLAG_TRUE = ("oui", "yes", "true", "vrai", "x", "1")
FLAG_VALUES = frozenset((*FLAG_TRUE, "non", "no", "false", "faux", "0", ""))


def _t(text: str) -> str:
    return translate("Mapping", text)


def fold_header(name: str) -> str:
    """``address.postalCode`` → ``address postal code``; ``Nom de votre structure`` → ``nom de votre structure``."""
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    name = unicodedata.normalize("NFKD", name.lower())
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


@dataclass
class ColumnInfo:
    """What the dialog shows of a source column and what the proposal reads."""

    name: str
    fill: float  # share of non-empty cells
    samples: list[str]
    distinct: int  # distinct non-empty values among the rows looked at
    shape: str = "text"
    day: str = ""  # the OSM day code of a column per day
    top_values: list[tuple[str, int]] = field(default_factory=list)
    # the distinct items of its cells ("a|b", "a; b" split), most frequent first: the rows of a value table
    items: list[tuple[str, int]] = field(default_factory=list)


_RE = {
    "postal_code": re.compile(r"^(?:\d{5}|\d{4})$"),
    "insee": re.compile(r"^(?:\d[\dAB]\d{3})$"),
    "number": re.compile(r"^[+-]?\d+(?:[.,]\d+)?$"),
    "latlon": re.compile(r"^\s*[+-]?\d{1,2}[.,]\d+\s*[,;/ ]\s*[+-]?\d{1,3}[.,]\d+\s*$"),
    "phone": re.compile(r"^(?:\+\d{2,3}|0)[\s.\-]?[1-9](?:[\s.\-]?\d{2}){4}$"),
    "email": re.compile(r"^[^@\s|]+@[^@\s|]+\.[a-z]{2,}(?:\|[^@\s|]+@[^@\s|]+\.[a-z]{2,})*$", re.I),
    "url": re.compile(r"^(?:https?://|www\.)\S+$", re.I),
    "date": re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:[T ].*)?|\d{2}/\d{2}/\d{4}.*)$"),
    "siret": re.compile(r"^\d{3}\s?\d{3}\s?\d{3}\s?\d{5}$|^W\d{9}$"),
    "osm": re.compile(r"^(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)[-,\s].*\d{2}:\d{2}|24/7)"),
    "hours": re.compile(r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche).*\d{1,2}\s*h", re.I),
    "times": re.compile(r"^\s*\d{1,2}\s*[h:]\s*\d{0,2}\s*(?:-|à|a)\s*\d{1,2}\s*[h:]"),
}


def _share(values: Sequence[str], test) -> float:
    return sum(1 for value in values if test(value)) / len(values) if values else 0.0


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        return None


def _shape(name: str, values: Sequence[str]) -> tuple[str, str]:
    """(shape, day code) of a column from its header and non-empty values."""
    folded = fold_header(name)
    day = next((code for word, code in _DAY_NAMES.items() if folded == word or folded.endswith(" " + word)), "")
    if not values:
        return "empty", day
    if day and _share(values, lambda v: bool(_RE["times"].search(v)) or "ferm" in v.lower()) >= 0.6:
        return "day_hours", day
    lowered = [value.strip().lower() for value in values]
    if all(value in FLAG_VALUES for value in lowered):
        return "flag", ""
    tests = (
        ("latlon", lambda v: bool(_RE["latlon"].match(v))),
        ("email", lambda v: bool(_RE["email"].match(v.strip()))),
        ("url", lambda v: bool(_RE["url"].match(v.strip()))),
        ("phone", lambda v: bool(_RE["phone"].match(v.strip()))),
        ("siret", lambda v: bool(_RE["siret"].match(v.strip()))),
        ("osm_hours", lambda v: bool(_RE["osm"].match(v.strip()))),
        ("hours_text", lambda v: bool(_RE["hours"].search(v))),
        ("date", lambda v: bool(_RE["date"].match(v.strip()))),
    )
    for shape, test in tests:
        if _share(values, test) >= 0.8:
            return shape, ""
    if _share(values, lambda v: bool(_RE["number"].match(v.strip()))) >= 0.9:
        numbers = [n for n in (_number(v.strip()) for v in values) if n is not None]
        codes = _share(values, lambda v: bool(_RE["postal_code"].match(v.strip())))
        if codes >= 0.9:
            return ("insee" if "insee" in folded or "commune" in folded else "postal_code"), ""
        if numbers and all(-90 <= n <= 90 for n in numbers) and any(n != int(n) for n in numbers):
            if all(-5.5 <= n <= 10 for n in numbers) or "lon" in folded or "lng" in folded:
                return ("longitude" if "lat" not in folded else "latitude"), ""
            return "latitude", ""
        if numbers and all(-180 <= n <= 180 for n in numbers) and any(n != int(n) for n in numbers):
            return "longitude", ""
        return "number", ""
    if _share(values, lambda v: bool(_RE["insee"].match(v.strip()))) >= 0.9:
        return "insee", ""
    return "text", ""


def describe_columns(table: Table, sample_rows: int = SAMPLE_ROWS) -> list[ColumnInfo]:
    """One :class:`ColumnInfo` per source column (the first ``sample_rows`` rows looked at)."""
    infos = []
    count = min(table.row_count, sample_rows)
    for name, key in zip(table.header, table.columns):
        cells = [cell or "" for cell in table.column(key)[:count]]
        filled = [cell for cell in cells if cell.strip()]
        counter = Counter(filled)
        shape, day = _shape(name, filled)
        items: Counter = Counter()
        for value, times in counter.items():
            for item in _items(value) if shape not in ("hours_text", "osm_hours", "day_hours") else [value]:
                items[item] += times
        infos.append(
            ColumnInfo(
                name=key,
                fill=len(filled) / count if count else 0.0,
                samples=[value for value, _ in counter.most_common(5)],
                distinct=len(counter),
                shape=shape,
                day=day,
                top_values=counter.most_common(60),
                items=items.most_common(80),
            )
        )
    return infos


def _candidates(schema: Schema) -> dict[str, list[str]]:
    out = {}
    for spec in schema.fields:
        names = {fold_header(spec.name), fold_header(spec.title), *SYNONYMS.get(spec.name, ())}
        out[spec.name] = sorted(names)
    return out


def header_score(header: str, candidates: Sequence[str]) -> float:
    """How much a header looks like one of a field's names (0–100)."""
    from rapidfuzz import fuzz

    folded = fold_header(header)
    if not folded:
        return 0.0
    best = 0.0
    for candidate in candidates:
        if folded == candidate:
            return 100.0
        score = fuzz.ratio(folded, candidate)
        if len(candidate) >= 4 and len(folded) >= 4:
            score = max(score, fuzz.token_set_ratio(folded, candidate) - 5)
        # the last word of a dotted path (address.postalCode → postal code)
        tail = folded.split(" ", 1)[-1] if " " in folded else ""
        if tail:
            score = max(score, fuzz.ratio(tail, candidate) - 3)
        best = max(best, score)
    return best


def _allowed_values(schema: Schema, name: str) -> list[str]:
    spec = schema.field(name)
    if spec.enum:
        return list(spec.enum)
    if name == "typologie":
        from ..reference import typologies

        return list(typologies())
    return []


def _value_targets(schema: Schema) -> dict[str, list[str]]:
    values = {spec.name: _allowed_values(schema, spec.name) for spec in schema.list_fields}
    return {name: allowed for name, allowed in values.items() if allowed}


def _fold_value(text: str) -> str:
    return fold_header(text)


def match_value(value: str, allowed: Sequence[str], labels: dict[str, str] | None = None) -> str | None:
    """The allowed value a source item stands for (fuzzy, accents/case folded), or None."""
    from rapidfuzz import fuzz, process

    folded = _fold_value(value)
    if not folded:
        return None
    choices = {target: _fold_value(target) for target in allowed}
    if labels:
        for code, label in labels.items():
            if code in choices:
                choices[code + "\u0000label"] = _fold_value(label)
    exact = [target for target, text in choices.items() if text == folded]
    if exact:
        return exact[0].split("\u0000")[0]
    best = process.extractOne(folded, choices, scorer=fuzz.WRatio, score_cutoff=VALUE_THRESHOLD)
    if best is None:
        return None
    return str(best[2]).split("\u0000")[0]


def _items(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[|;\n]|,(?!\d)", value) if item.strip()]


def suggest_value_table(column: ColumnInfo, name: str, schema: Schema) -> dict[tuple[str, str], list[str]]:
    """``{(column, source value): [standard values]}`` for a column mapped to a list/enum field."""
    allowed = _allowed_values(schema, name)
    labels = None
    if name == "typologie":
        from ..reference import typologies

        labels = typologies()
    table: dict[tuple[str, str], list[str]] = {}
    for item, _count in column.items:
        target = match_value(item, allowed, labels)
        table[(column.name, item)] = [target] if target else []
    return table


def propose_profile(table: Table, schema: Schema | None = None, infos: list[ColumnInfo] | None = None) -> Profile:
    """A profile for ``table``: what the dialog shows first, for the user to correct."""
    schema = schema or load_schema()
    infos = infos if infos is not None else describe_columns(table)
    candidates = _candidates(schema)
    scores: list[tuple[float, str, str]] = []
    for info in infos:
        if info.shape == "empty":
            continue
        for spec in schema.fields:
            score = header_score(info.name, candidates[spec.name])
            if SHAPE_FIELDS.get(info.shape) == spec.name:
                score += SHAPE_BONUS
            elif info.shape in ("latitude", "longitude") and spec.name in ("latitude", "longitude"):
                score += 5
            if spec.name in ("latitude", "longitude") and info.shape not in ("latitude", "longitude", "number"):
                score -= 40
            if spec.name in ("code_postal", "code_insee") and info.shape not in ("postal_code", "insee", "number"):
                score -= 30
            if info.shape == "flag" and not spec.multi:
                score -= 40
            scores.append((score, info.name, spec.name))
    scores.sort(key=lambda item: -item[0])
    profile = Profile(config={})
    taken_columns: set[str] = set()
    taken_fields: set[str] = set()
    by_name = {info.name: info for info in infos}
    # a "lat,long" column gives both coordinates
    pair = next((info for info in infos if info.shape == "latlon"), None)
    if pair is not None:
        separator = ";" if ";" in pair.samples[0] else "," if pair.samples[0].count(",") == 1 else ","
        for part, name in enumerate(("latitude", "longitude")):
            profile.set_rule(name, {"dissocier": {"colonne": pair.name, "séparateur": separator, "partie": part}})
            taken_fields.add(name)
        taken_columns.add(pair.name)
    days = [info for info in infos if info.shape == "day_hours"]
    if days:
        profile.set_rule("horaires", {"jours": [{"colonne": info.name, "osm": info.day} for info in days]})
        taken_fields.add("horaires")
        taken_columns.update(info.name for info in days)
    for score, column, name in scores:
        if score < HEADER_THRESHOLD or column in taken_columns or name in taken_fields:
            continue
        info = by_name[column]
        spec = schema.field(name)
        if spec.multi and _allowed_values(schema, name):
            table_values = suggest_value_table(info, name, schema)
            rules = rules_from_table(table_values)
            if not rules:
                continue
            profile.set_rule(name, rules)
        elif name == "horaires":
            key = "osm" if info.shape == "osm_hours" else "semaine"
            profile.set_rule(name, {key: column})
        else:
            profile.set_rule(name, {"colonne": column})
        taken_columns.add(column)
        taken_fields.add(name)
    _flag_rules(profile, infos, schema, taken_columns)
    keys = [_key(name) for name in schema.field_names]
    profile.config = {key: profile.config[key] for key in keys if key in profile.config}
    return profile


def _key(name: str) -> str:
    from .profile import CONFIG_ALIASES

    return CONFIG_ALIASES.get(name, name)


def _flag_rules(profile: Profile, infos: list[ColumnInfo], schema: Schema, taken: set[str]) -> None:
    """Oui/Non columns whose header names an allowed value → a value rule of that value's field."""
    targets = _value_targets(schema)
    labels = None
    for info in infos:
        if info.shape != "flag" or info.name in taken:
            continue
        best: tuple[float, str, str] | None = None
        for name, allowed in targets.items():
            if name == "typologie":
                continue
            target = match_value(info.name, allowed, labels)
            if target is not None:
                from rapidfuzz import fuzz

                score = fuzz.WRatio(fold_header(info.name), fold_header(target))
                if best is None or score > best[0]:
                    best = (score, name, target)
        if best is None:
            continue
        _score, name, target = best
        true_words = sorted({v.strip().lower() for v, _ in info.items} & set(FLAG_TRUE)) or ["oui"]
        rules = list(profile.rule(name) or [])
        rules.append({"colonnes": [info.name], "termes": true_words, "cible": target})
        profile.set_rule(name, rules)
        taken.add(info.name)


def value_table(
    profile: Profile, name: str, infos: Sequence[ColumnInfo]
) -> list[tuple[str, str, int, list[str]]]:
    """The dialog's value table of a list/enum field: (column, source value, rows, standard values) for the
    distinct values of the columns its rules read; an empty list of values = unmatched."""
    rule = profile.rule(name)
    choices = compile_choices(rule)
    items = rule if isinstance(rule, list) else []  # the columns of every rule, those without a target too
    columns = list(dict.fromkeys(c for item in items if isinstance(item, dict) for c in item.get("colonnes") or ()))
    by_name = {info.name: info for info in infos}
    rows = []
    for column in columns:
        info = by_name.get(column)
        if info is None:
            continue
        for item, count in info.items:
            rows.append((column, item, count, values_of_cell(choices, column, item)))
    return rows


def constant_targets(profile: Profile, name: str) -> list[str]:
    """The targets of a field's rules that have no columns (constants)."""
    return [choice.target for choice in compile_choices(profile.rule(name)) if choice.columns is None]


def set_value_table(
    profile: Profile, name: str, table: dict[tuple[str, str], list[str]], constants: Sequence[str] = ()
) -> None:
    """Replace a field's value rules with those of an edited value table (and constant targets)."""
    rules: list[dict[str, Any]] = rules_from_table(table)
    mapped = {column for rule in rules for column in rule["colonnes"]}
    for column in dict.fromkeys(column for column, _value in table):
        if column not in mapped:  # kept in the profile (and in the value table) until one of its values is mapped
            rules.append({"colonnes": [column]})
    rules.extend({"cible": target} for target in constants)
    profile.set_rule(name, rules or None)


__all__ = [
    "ColumnInfo",
    "OSM_DAY_CODES",
    "describe_columns",
    "fold_header",
    "header_score",
    "match_value",
    "propose_profile",
    "set_value_table",
    "suggest_value_table",
    "value_table",
]


def rule_for_column(name: str, info: ColumnInfo, schema: Schema | None = None) -> Any:
    """The rule a field gets when the user picks one column for it in the dialog."""
    schema = schema or load_schema()
    spec = schema.field(name)
    if name == "horaires":
        if info.shape == "day_hours" and info.day:
            return {"jours": [{"colonne": info.name, "osm": info.day}]}
        return {"osm": info.name} if info.shape == "osm_hours" else {"semaine": info.name}
    if spec.multi and _allowed_values(schema, name):
        if info.shape == "flag":  # a Oui/Non column: the value its header names, when it names one
            target = match_value(info.name, _allowed_values(schema, name))
            true_words = sorted({v.strip().lower() for v, _ in info.items} & set(FLAG_TRUE)) or ["oui"]
            return [{"colonnes": [info.name], "termes": true_words, "cible": target}] if target else None
        # no value recognised: the column alone (no "cible": mednum-cli adds nothing), its values to map by hand
        return rules_from_table(suggest_value_table(info, name, schema)) or [{"colonnes": [info.name]}]
    if name in ("latitude", "longitude") and info.shape == "latlon":
        sample = info.samples[0] if info.samples else ""
        separator = ";" if ";" in sample else ","
        return {"dissocier": {"colonne": info.name, "séparateur": separator, "partie": 0 if name == "latitude" else 1}}
    return {"colonne": info.name}


def describe_rule(rule: Any) -> str:
    """A short text of a field's rule for the dialog (``joindre: a + b``, ``3 value rules``…)."""
    if rule is None:
        return ""
    if isinstance(rule, list):
        columns = list(dict.fromkeys(c for item in rule if isinstance(item, dict) for c in item.get("colonnes") or ()))
        text = _t("{n} value rules").format(n=len(rule))
        return f"{text} ({', '.join(columns[:3])}{'…' if len(columns) > 3 else ''})" if columns else text
    if not isinstance(rule, dict):
        return str(rule)
    if "joindre" in rule:
        joined = " + ".join(rule["joindre"].get("colonnes") or [])
        alternative = rule["joindre"].get("ou")
        text = _t("join: {columns}").format(columns=joined)
        return text + (" " + _t("else {rule}").format(rule=describe_rule(alternative)) if alternative else "")
    if "dissocier" in rule:
        part = rule["dissocier"]
        column = part.get("colonne")
        column = column[0] if isinstance(column, list) and column else column
        return _t("part {n} of {column}").format(n=part.get("partie", 0), column=column)
    if "jours" in rule:
        days = ", ".join(f"{d.get('osm')}: {d.get('colonne')}" for d in rule["jours"] if isinstance(d, dict))
        text = _t("one column per day ({days})").format(days=days)
        fallback = rule.get("semaine") or rule.get("osm")
        return text + (" " + _t("else {rule}").format(rule=fallback) if fallback else "")
    if "semaine" in rule:
        return _t("hours in words: {column}").format(column=rule["semaine"])
    if "osm" in rule:
        return _t("OSM hours: {column}").format(column=rule["osm"])
    if "colonne" in rule:
        value = rule["colonne"]
        return " | ".join(value) if isinstance(value, list) else str(value)
    if "valeur" in rule:
        return _t("constant “{value}”").format(value=rule["valeur"])
    return ""


def header_is_standard(table: Table, schema: Schema | None = None) -> bool:
    """Whether a file's header is the standard's (at least half of the required fields found by name, case
    ignored): else « Ouvrir un fichier de lieux… » offers the import with a mapping."""
    from ..records import match_header

    schema = schema or load_schema()
    found = match_header(table, schema, ignore_case=True).positions
    required = schema.required_names
    return sum(1 for name in required if name in found) * 2 >= len(required)
