"""Places for "Autour de…": a point with a label, found offline (communes) or online (addresses)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    label: str
    latitude: float
    longitude: float
    kind: str = "commune"  # commune, municipality, street, housenumber, locality, point
    code_insee: str = ""
    code_postal: str = ""
    score: float = 1.0
