"""The territory of a coverage audit, resolved from the bundled reference (pure Python, offline).

A territory is written ``kind:code`` — ``commune:13055``, ``epci:200054807``, ``departement:13``,
``region:93`` or ``france`` — or as a bare code read by its shape: 5 characters = a commune's INSEE code,
9 digits = an EPCI SIREN, 2 or 3 characters = a département (a région needs its prefix, since ``11`` is
both the Aude and Île-de-France). Its communes are the current communes of the reference (municipal
arrondissements are counted in their city).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import reference
from ..errors import MednumError
from ..i18n import translate

COMMUNE, EPCI, DEPARTEMENT, REGION, FRANCE = "commune", "epci", "departement", "region", "france"
KINDS = (COMMUNE, EPCI, DEPARTEMENT, REGION, FRANCE)
_ALIASES = {
    "commune": COMMUNE,
    "com": COMMUNE,
    "insee": COMMUNE,
    "epci": EPCI,
    "siren": EPCI,
    "departement": DEPARTEMENT,
    "département": DEPARTEMENT,
    "dep": DEPARTEMENT,
    "dept": DEPARTEMENT,
    "region": REGION,
    "région": REGION,
    "reg": REGION,
}


class CoverageError(MednumError):
    """A coverage audit that cannot run; ``message`` is for the user."""

    default_code = "coverage"


@dataclass(frozen=True)
class Territory:
    kind: str
    code: str
    nom: str
    communes: tuple[str, ...]  # INSEE codes of its current communes (type COM), sorted

    @property
    def key(self) -> str:
        """The text that resolves back to this territory (``departement:13``)."""
        return FRANCE if self.kind == FRANCE else f"{self.kind}:{self.code}"

    @property
    def label(self) -> str:
        """What the user reads: ``Bouches-du-Rhône (département 13)``."""
        kinds = {
            COMMUNE: translate("Coverage", "commune"),
            EPCI: translate("Coverage", "EPCI"),
            DEPARTEMENT: translate("Coverage", "département"),
            REGION: translate("Coverage", "région"),
        }
        if self.kind == FRANCE:
            return self.nom
        return f"{self.nom} ({kinds[self.kind]} {self.code})"

    @property
    def population(self) -> int:
        table = reference.communes()
        return sum(table[code].population for code in self.communes)


@lru_cache(maxsize=1)
def _communes_by_departement() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for item in reference.communes().values():
        if item.type == "COM":
            index.setdefault(item.departement, []).append(item.code_insee)
    return {code: tuple(sorted(codes)) for code, codes in index.items()}


def _communes_of(departements) -> tuple[str, ...]:
    index = _communes_by_departement()
    return tuple(sorted(code for dept in departements for code in index.get(dept, ())))


def _unknown(kind: str, code: str) -> CoverageError:
    return CoverageError(
        translate("Coverage", "Unknown territory: no {kind} with the code « {code} » in the bundled reference.").format(
            kind=kind, code=code
        )
    )


def territory(kind: str, code: str) -> Territory:
    """The territory ``kind`` (one of :data:`KINDS`) with this code; :class:`CoverageError` when unknown."""
    code = code.strip()
    if kind == FRANCE:
        return Territory(FRANCE, "", translate("Coverage", "All of France"), _communes_of(_communes_by_departement()))
    if kind == COMMUNE:
        item = reference.commune(code)
        if item is None:
            raise _unknown(translate("Coverage", "commune"), code)
        if item.type == "ARM":  # an arrondissement is audited with its city
            city = reference.ARRONDISSEMENT_CITIES.get(code[:3], "")
            item = reference.commune(city) or item
        return Territory(COMMUNE, item.code_insee, item.nom, (item.code_insee,))
    if kind == EPCI:
        item = reference.epci(code)
        if item is None:
            raise _unknown(translate("Coverage", "EPCI"), code)
        table = reference.communes()
        members = tuple(sorted(m for m in item.members if m in table and table[m].type == "COM"))
        return Territory(EPCI, item.siren, item.nom, members)
    if kind == DEPARTEMENT:
        code = code.upper()
        item = reference.departement(code.zfill(2) if code.isdigit() else code)
        if item is None:
            raise _unknown(translate("Coverage", "département"), code)
        return Territory(DEPARTEMENT, item.code, item.nom, _communes_of([item.code]))
    if kind == REGION:
        item = reference.region(code.zfill(2) if code.isdigit() else code)
        if item is None:
            raise _unknown(translate("Coverage", "région"), code)
        departements = {d.code for d in reference.departements().values() if d.region == item.code}
        return Territory(REGION, item.code, item.nom, _communes_of(sorted(departements)))
    raise CoverageError(
        translate(
            "Coverage", "Unknown kind of territory « {kind} »: use commune, epci, departement, region or france."
        ).format(kind=kind)
    )


def resolve_territory(text: str) -> Territory:
    """The territory written ``kind:code`` or as a bare code (see the module help)."""
    text = (text or "").strip()
    if not text:
        raise CoverageError(translate("Coverage", "Choose a territory: a commune, an EPCI, a département or a région."))
    if text.casefold() in (FRANCE, "fr", "toute la france"):
        return territory(FRANCE, "")
    if ":" in text:
        kind, _, code = text.partition(":")
        kind = _ALIASES.get(kind.strip().casefold(), kind.strip().casefold())
        return territory(kind, code)
    if re.fullmatch(r"\d{9}", text):
        return territory(EPCI, text)
    if re.fullmatch(r"[0-9][0-9AB]\d{3}", text.upper()):
        return territory(COMMUNE, text.upper())
    if re.fullmatch(r"\d{1,3}|2[AB]", text.upper()):
        return territory(DEPARTEMENT, text)
    found = search_territories(text, limit=1)
    if found:
        return found[0]
    raise CoverageError(translate("Coverage", "No territory matches « {text} ».").format(text=text))


def search_territories(text: str, limit: int = 20) -> list[Territory]:
    """Territories for a search-as-you-type box: régions, départements and EPCI whose name or code matches
    (exact name first, then beginning, then containing), then communes (:func:`reference.search_communes`)."""
    query = reference.name_key(text)
    if not query:
        return []
    code = text.strip().upper()
    scored: list[tuple[int, int, Territory]] = []

    def consider(kind: str, item_code: str, name: str, order: int) -> None:
        key = reference.name_key(name)
        if item_code.upper() == code or key == query:
            rank = 0
        elif key.startswith(query) or item_code.upper().startswith(code):
            rank = 1
        elif f" {query}" in f" {key}":
            rank = 2
        else:
            return
        scored.append((rank, order, territory(kind, item_code)))

    for item in reference.regions().values():
        consider(REGION, item.code, item.nom, 0)
    for item in reference.departements().values():
        consider(DEPARTEMENT, item.code, item.nom, 1)
    for item in reference.epcis().values():
        consider(EPCI, item.siren, item.nom, 2)
    found = [entry[2] for entry in sorted(scored, key=lambda entry: (entry[0], entry[1], entry[2].nom))]
    seen = {t.key for t in found}
    for item in reference.search_communes(text, limit=limit):
        candidate = territory(COMMUNE, item.code_insee)
        if candidate.key not in seen:
            seen.add(candidate.key)
            found.append(candidate)
    return found[:limit]
