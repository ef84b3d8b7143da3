"""The reference data the rules read: communes (postal codes, centroids) and the typologie list.

Both are compact copies shipped in ``resources/reference/`` (with their attribution): ``communes.csv``
(code_insee, nom, type, departement, codes_postaux ``|``-joined, longitude, latitude…) and ``typologies.csv``
(code, label). They are loaded once per process. When a file is absent the rules that need it are skipped.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from ..resources import resource_path
from .rules.geography import Gazetteer


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer | None:
    path = resource_path("reference", "communes.csv")
    return Gazetteer.from_csv(path) if path.exists() else None


@lru_cache(maxsize=1)
def bundled_typologies() -> dict | None:
    path = resource_path("reference", "typologies.csv")
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["code"]: row.get("label", "") for row in csv.DictReader(handle) if row.get("code")}
