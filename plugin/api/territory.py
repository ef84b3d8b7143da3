"""Territories a pull is limited to: a département, a commune (INSEE code) or an EPCI (SIREN).

The kind is read from the code's shape; names and EPCI members come from the bundled reference (injected as a
:class:`TerritoryLookup`, by default :mod:`plugin.core.reference`). ``contains(code_insee, code_postal)`` is the
client-side filter used where the API has no territory filter (DORA) or a coarser one (EPCI).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from ..core.i18n import translate
from .errors import ConfigurationError

DEPARTEMENT = "departement"
COMMUNE = "commune"
EPCI = "epci"

_DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|98[4-9])$", re.I)
_COMMUNE = re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$", re.I)
_SIREN = re.compile(r"^\d{9}$")


class TerritoryLookup(Protocol):
    def departement_name(self, code: str) -> str | None: ...

    def commune_name(self, code_insee: str) -> str | None: ...

    def epci(self, siren: str) -> tuple[str, list[str]] | None:
        """(name, member communes' INSEE codes)."""
        ...


def departement_of(code_insee: str) -> str:
    """Département code of a commune INSEE code (``97411`` → ``974``, ``2A004`` → ``2A``)."""
    code = (code_insee or "").upper()
    return code[:3] if code.startswith("97") or code.startswith("98") else code[:2]


def departement_of_postal_code(code_postal: str) -> set[str]:
    """Possible départements of a postal code (a fallback when a lieu has no INSEE code)."""
    code = code_postal or ""
    if len(code) != 5 or not code.isdigit():
        return set()
    if code.startswith("20"):
        return {"2A", "2B"}
    if code.startswith("97") or code.startswith("98"):
        return {code[:3]}
    return {code[:2]}


@dataclass(frozen=True)
class Territory:
    kind: str
    code: str
    name: str = ""
    communes: frozenset[str] = field(default_factory=frozenset)  # EPCI members (INSEE codes)

    @property
    def departements(self) -> list[str]:
        if self.kind == DEPARTEMENT:
            return [self.code]
        if self.kind == COMMUNE:
            return [departement_of(self.code)]
        return sorted({departement_of(c) for c in self.communes})

    @property
    def label(self) -> str:
        kinds = {
            DEPARTEMENT: translate("Territory", "département"),
            COMMUNE: translate("Territory", "commune"),
            EPCI: translate("Territory", "EPCI"),
        }
        return f"{self.name or self.code} ({kinds[self.kind]} {self.code})"

    def contains(self, code_insee: str = "", code_postal: str = "") -> bool:
        code_insee = (code_insee or "").strip().upper()
        if code_insee:
            if self.kind == DEPARTEMENT:
                return departement_of(code_insee) == self.code
            if self.kind == COMMUNE:
                return code_insee == self.code
            return code_insee in self.communes
        # no INSEE code: only a département can be decided from the postal code
        if self.kind == DEPARTEMENT:
            return self.code in departement_of_postal_code(code_postal)
        return False


def default_lookup() -> TerritoryLookup | None:
    try:
        from ..core import reference  # owned by core-io
    except ImportError:
        return None
    return ReferenceLookup(reference)


class ReferenceLookup:
    """Adapter over :mod:`plugin.core.reference` (names and EPCI members)."""

    def __init__(self, module) -> None:
        self.module = module

    def _call(self, names: tuple[str, ...], *args):
        for name in names:
            function = getattr(self.module, name, None)
            if callable(function):
                return function(*args)
        return None

    def departement_name(self, code: str) -> str | None:
        found = self._call(("departement", "get_departement", "departement_by_code"), code)
        return _name_of(found)

    def commune_name(self, code_insee: str) -> str | None:
        found = self._call(("commune", "get_commune", "commune_by_insee"), code_insee)
        return _name_of(found)

    def epci(self, siren: str) -> tuple[str, list[str]] | None:
        found = self._call(("epci", "get_epci", "epci_by_siren"), siren)
        if found is None:
            return None
        name = _name_of(found) or siren
        members = getattr(found, "members", None) or getattr(found, "membres", None)  # reference.Epci.members
        if members is None and isinstance(found, dict):
            members = found.get("communes") or found.get("membres") or []
        codes = [m if isinstance(m, str) else (getattr(m, "code", None) or m.get("code")) for m in members or []]
        return name, [c for c in codes if c]


def _name_of(found) -> str | None:
    if found is None:
        return None
    if isinstance(found, str):
        return found
    if isinstance(found, dict):
        return found.get("nom") or found.get("name")
    return getattr(found, "nom", None) or getattr(found, "name", None)


def resolve_territory(code: str, lookup: TerritoryLookup | None = None) -> Territory:
    """A département code, a commune INSEE code or an EPCI SIREN → :class:`Territory` (ConfigurationError if not)."""
    code = (code or "").strip().upper()
    lookup = lookup if lookup is not None else default_lookup()
    if _DEPARTEMENT.match(code):
        name = lookup.departement_name(code) if lookup else None
        if lookup and name is None:
            raise _unknown(code)
        return Territory(DEPARTEMENT, code, name or "")
    if _SIREN.match(code):
        found = lookup.epci(code) if lookup else None
        if not found:
            raise ConfigurationError(
                translate("Territory", "Unknown EPCI SIREN « {code} » (not in the bundled reference).").format(
                    code=code
                )
            )
        name, members = found
        return Territory(EPCI, code, name, frozenset(members))
    if _COMMUNE.match(code):
        name = lookup.commune_name(code) if lookup else None
        if lookup and name is None:
            raise _unknown(code)
        return Territory(COMMUNE, code, name or "")
    raise _unknown(code)


def _unknown(code: str) -> ConfigurationError:
    return ConfigurationError(
        translate(
            "Territory",
            "« {code} » is not a known territory: give a département code (e.g. 13, 2A, 974), a commune INSEE code "
            "(e.g. 13055) or an EPCI SIREN (9 digits)."
        ).format(code=code)
    )


# ------------------------------------------------------------------ choices of a territory search box


@dataclass(frozen=True)
class TerritoryChoice:
    """One line of the territory search box: ``label`` as shown, ``code`` as given to :func:`resolve_territory`."""

    kind: str
    code: str
    label: str


def territory_choices(reference=None) -> list[TerritoryChoice]:
    """Every département (« 13 — Bouches-du-Rhône »), EPCI (« Métropole d'Aix-Marseille-Provence (200054807) »)
    and commune (« Marseille (13055) ») of the bundled reference, in that order (municipal arrondissements
    last, as the APIs file lieux under them seldom)."""
    if reference is None:
        from ..core import reference
    choices = [
        TerritoryChoice(DEPARTEMENT, code, f"{code} — {item.nom}") for code, item in reference.departements().items()
    ]
    choices += sorted(
        (TerritoryChoice(EPCI, siren, f"{item.nom} ({siren})") for siren, item in reference.epcis().items()),
        key=lambda choice: choice.label,
    )
    communes = sorted(reference.communes().values(), key=lambda c: (c.type == "ARM", -c.population, c.code_insee))
    choices += [TerritoryChoice(COMMUNE, c.code_insee, f"{c.nom} ({c.code_insee})") for c in communes]
    return choices


_CODE_IN_LABEL = re.compile(r"^\s*(?P<lead>[0-9][0-9AB]{1,2})\s+—|\((?P<tail>[0-9AB]{5}|\d{9})\)\s*$", re.I)


def territory_code(text: str) -> str:
    """The code a search-box text stands for: a chosen label (« 13 — Bouches-du-Rhône », « Marseille (13055) »)
    or a code typed as such (``13``, ``2a``, ``13055``, a SIREN)."""
    text = (text or "").strip()
    found = _CODE_IN_LABEL.search(text)
    if found:
        return (found.group("lead") or found.group("tail")).upper()
    return text.upper()


class TerritorySearch:
    """Search as you type over :func:`territory_choices`: accents, case and punctuation ignored; labels that
    start with the text first, then labels with a word starting with it, then any containing it (in the
    choices' order: départements, EPCI, communes by population). A code (``13``, ``130``, ``13055``) works."""

    def __init__(self, choices: list[TerritoryChoice] | None = None) -> None:
        from ..core.reference import name_key

        self._key = name_key
        self.choices = territory_choices() if choices is None else choices
        self._keys = [name_key(choice.label) for choice in self.choices]

    def search(self, text: str, limit: int = 15) -> list[TerritoryChoice]:
        query = self._key(text)
        if not query:
            return []
        ranked: tuple[list, list, list] = ([], [], [])
        for choice, key in zip(self.choices, self._keys):
            if key.startswith(query):
                ranked[0].append(choice)
            elif f" {query}" in f" {key}":
                ranked[1].append(choice)
            elif query in key:
                ranked[2].append(choice)
            if len(ranked[0]) >= limit:
                break
        return (ranked[0] + ranked[1] + ranked[2])[:limit]

    def choice_of(self, code: str) -> TerritoryChoice | None:
        code = (code or "").strip().upper()
        return next((choice for choice in self.choices if choice.code == code), None)


_default_search: TerritorySearch | None = None


def default_search() -> TerritorySearch:
    """The search over the bundled reference (built once: ~1 s the first time)."""
    global _default_search
    if _default_search is None:
        _default_search = TerritorySearch()
    return _default_search
