"""Places for "Autour de…": a point with a label, found offline (communes) or online (addresses)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import reference


@dataclass(frozen=True)
class Place:
    label: str
    latitude: float
    longitude: float
    kind: str = "commune"  # commune, municipality, street, housenumber, locality, point
    code_insee: str = ""
    code_postal: str = ""
    score: float = 1.0


def commune_label(commune: reference.Commune) -> str:
    """ "Marseille 2e Arrondissement (13002) — INSEE 13202"."""
    postal = commune.codes_postaux[0] if len(commune.codes_postaux) == 1 else ""
    name = f"{commune.nom} ({postal})" if postal else commune.nom
    return f"{name} — INSEE {commune.code_insee}"


def find_communes(text: str, limit: int = 12) -> list[Place]:
    """Communes for "Autour de…" from the bundled reference (no network): a name (accents, case and "St"
    ignored), an INSEE code or a postal code; each placed at its centroid. Best matches first."""
    places = []
    for commune in reference.search_communes(text, limit=limit):
        point = reference.centroid(commune.code_insee)
        if point is None:
            continue
        longitude, latitude = point
        postal = commune.codes_postaux[0] if commune.codes_postaux else ""
        places.append(Place(commune_label(commune), latitude, longitude, "commune", commune.code_insee, postal))
    return places
